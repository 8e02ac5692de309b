/**
 * Seed 004 — the partners listed at the foot of Lianes coopération's article, as organisations, plus the
 * structure that hosts its Lille office. Names as the list writes them go into aliases.
 */
import type { OrganisationDraft } from '@tandem/shared';

export const lianesPartners: OrganisationDraft[] = [
  {
    id: 'crajep-hdf', kind: 'network', name: 'Crajep Hauts-de-France', acronyms: ['Crajep', 'CRAJEP'], country: 'FR',
    aliases: ['Comité régional des associations de jeunesse et d’éducation populaire des Hauts-de-France'],
  },
  { id: 'cd62', kind: 'collectivite', name: 'Département du Pas-de-Calais', territoryId: 'FR-D-62', aliases: ['Département Pas de Calais', 'Pas-de-Calais', 'Conseil départemental du Pas-de-Calais'] },
  {
    id: 'cu-dunkerque', kind: 'collectivite', name: 'Communauté urbaine de Dunkerque', territoryId: 'FR-E-245900428',
    aliases: ['Dunkerque Grand Littoral', 'Communauté urbaine de Dunkerque Grand Littoral', 'CU de Dunkerque'],
  },
  {
    // The list says "Agende de l'eau" (sic) without naming the basin; Artois-Picardie is the agency of the Nord and Pas-de-Calais.
    id: 'agence-eau-artois-picardie', kind: 'agency', name: 'Agence de l’eau Artois-Picardie', country: 'FR',
    aliases: ["Agence de l'eau", 'Agence de l’eau', "Agende de l'eau", "Agence de l'eau Artois-Picardie"],
  },
  {
    id: 'drjscs-hdf', kind: 'agency', name: 'Direction régionale de la jeunesse, des sports et de la cohésion sociale des Hauts-de-France', acronyms: ['DRJSCS'],
    aliases: ['Direction Régionale de la Jeunesse, des Sports et de la Cohésion Sociale'], country: 'FR',
  },
  { id: 'ville-lille', kind: 'collectivite', name: 'Ville de Lille', territoryId: 'FR-C-59350', aliases: ['Lille'] },
  {
    id: 'fonjep', kind: 'association', name: 'Fonds de coopération de la jeunesse et de l’éducation populaire', acronyms: ['FONJEP', 'Fonjep'], country: 'FR',
  },
  { id: 'mel', kind: 'collectivite', name: 'Métropole européenne de Lille', territoryId: 'FR-E-200093201', acronyms: ['MEL'], aliases: ['Métropole Européenne de Lille'] },
  {
    id: 'anru', kind: 'agency', name: 'Agence nationale pour la rénovation urbaine', acronyms: ['ANRU'], country: 'FR',
    aliases: ['Agence Nationale pour la Rénovation Urbaine'],
  },
  { id: 'fondation-norsys', kind: 'foundation', name: 'Fondation Norsys', country: 'FR' },
  { id: 'crid', kind: 'network', name: 'Centre de recherche et d’information pour le développement', acronyms: ['CRID'], country: 'FR' },
  { id: 'cd59', kind: 'collectivite', name: 'Département du Nord', territoryId: 'FR-D-59', aliases: ['Département Nord', 'Conseil départemental du Nord', 'Nord'] },
  { id: 'caisse-epargne', kind: 'company', name: 'Caisse d’Épargne', aliases: ["Caisse d'Épargne", "Caisse d'Epargne"], country: 'FR' },
  {
    id: 'cirrma', kind: 'network', name: 'Conférence interrégionale des réseaux régionaux multi-acteurs', acronyms: ['CIRRMA'], country: 'FR',
    aliases: ['RRMA Conférence Interrégionale', 'Conférence interrégionale des RRMA'],
  },
  {
    id: 'pole-emploi', kind: 'agency', name: 'Pôle emploi', aliases: ['Pôle Emploi', 'France Travail'], country: 'FR',
    description: 'Service public de l’emploi, devenu France Travail le 1er janvier 2024.',
  },
  {
    id: 'mres', kind: 'association', name: 'Maison régionale de l’environnement et des solidarités', acronyms: ['MRES'], country: 'FR',
    aliases: ["Maison régionale de l'environnement et des solidarités"],
    description: 'Structure lilloise qui héberge les bureaux de Lianes coopération.',
  },
];
