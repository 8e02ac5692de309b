/**
 * Seed 002 — online restitution (Friday 9 June 2023) of the 12th Assises held in Hanoï: survey results,
 * workshop leads' feedback, outlook for CUF's Groupe-Pays Vietnam, and news of members' partnerships.
 * The meeting, the survey and the workshops are a later issue; here are the organisations they name, the
 * Val-de-Marne ↔ Yên Bái partnership and the two visits announced for the autumn of 2023.
 * People named (CUF, DAECT, Sénat, Île-de-France and pS-Eau staff) are personal data and are left out.
 */
import type { SeedDocument } from '../types.js';

export const d002: SeedDocument = {
  source: {
    id: 'seed-002',
    title: 'Restitution des 12es Assises de la coopération décentralisée franco-vietnamienne (9 juin 2023)',
    filename: '002_accbb9017660e990.txt',
    url: 'https://cites-unies-france.org/Restitution-et-suites-des-12es-Assises-de-la-cooperation-decentralisee-franco',
  },
  territories: [],
  organisations: [
    {
      id: 'daect', kind: 'ministry', name: 'Délégation pour l’action extérieure des collectivités territoriales', acronyms: ['DAECT'],
      aliases: ["Délégation à l'action extérieure des collectivités territoriales", 'Délégation à l’action extérieure des collectivités territoriales'],
      country: 'FR',
      description: 'Service du ministère de l’Europe et des Affaires étrangères chargé de l’action internationale des collectivités ; cheffe de file de l’atelier « Ville intelligente et digitalisation » des 12es Assises.',
    },
    {
      id: 'ambassade-france-vietnam', kind: 'embassy', name: 'Ambassade de France au Vietnam', aliases: ['Ambassade de France'], country: 'FR',
      description: 'Représentation diplomatique française à Hanoï, associée à l’appréciation du ministère sur les 12es Assises.',
    },
    {
      id: 'senat', kind: 'other', name: 'Sénat', country: 'FR',
      description: 'Chambre haute du Parlement français ; une sénatrice a conduit la délégation française aux 12es Assises.',
    },
    {
      id: 'senat-groupe-amitie-vietnam', kind: 'other', name: 'Groupe d’amitié France-Vietnam du Sénat', country: 'FR',
      aliases: ["groupe d'amitié du Sénat", 'groupe d’amitié du Sénat', "groupe d'amitié France-Vietnam du Sénat"],
      description: 'Groupe de sénateurs consacré aux relations avec le Vietnam ; une rencontre avec le Groupe-Pays Vietnam de CUF était proposée après son voyage au Vietnam, avant fin septembre 2023.',
    },
    {
      id: 'assemblee-nationale', kind: 'other', name: 'Assemblée nationale', country: 'FR',
    },
    {
      id: 'an-groupe-amitie-vietnam', kind: 'other', name: 'Groupe d’amitié France-Vietnam de l’Assemblée nationale', country: 'FR',
      aliases: ["groupe d'amitié Vietnam de l'Assemblée nationale", 'groupe d’amitié Vietnam de l’Assemblée nationale'],
      description: 'Groupe de députés vers lequel les participants suggèrent aussi de se tourner.',
    },
    {
      id: 'ps-eau', kind: 'network', name: 'Programme Solidarité Eau', acronyms: ['pS-Eau'], aliases: ['pS-Eau', 'PS-Eau'], country: 'FR',
      website: 'https://www.pseau.org/',
      description: 'Réseau d’appui aux acteurs de la solidarité internationale pour l’eau et l’assainissement ; chef de file de l’atelier « Enjeux environnementaux, eau et assainissement » des 12es Assises.',
    },
    {
      id: 'ville-lorient', kind: 'collectivite', name: 'Ville de Lorient', territoryId: 'FR-C-56121', aliases: ['Lorient'],
      description: 'Collectivité dont la participation aux prochaines rencontres est souhaitée lors de la restitution.',
    },
    {
      id: 'fsfv', kind: 'association', name: 'FSFV', acronyms: ['FSFV'],
      description: 'Organisation de la société civile citée comme représentative, à associer à la préparation des prochaines Assises ; le document n’en développe pas le sigle.',
    },
    {
      id: 'grand-poitiers', kind: 'collectivite', name: 'Grand Poitiers Communauté urbaine', territoryId: 'FR-E-200069854',
      aliases: ['Grand Poitiers', 'CU du Grand Poitiers', 'Communauté urbaine du Grand Poitiers'],
      description: 'Communauté urbaine dont des techniciens extérieurs au service des relations internationales ont participé aux 12es Assises ; elle a accueilli Huế en décembre 2023.',
    },
  ],
  partnerships: [
    {
      id: 'cd94-yen-bai', title: 'Val-de-Marne – Yên Bái', kind: 'cooperation', status: 'active',
      summary: 'Coopération du Département du Val-de-Marne avec la province de Yên Bái, engagée sur l’eau et l’assainissement (programme AVEC). En juin 2023, le Département annonce une visite de courtoisie de Yên Bái en septembre et envisage une convention de partenariat sur la santé de la mère et de l’enfant.',
      themes: ['env.eau-dechets', 'sante.maternelle'],
      parties: [{ organisationId: 'cd94', side: 'fr' }, { organisationId: 'yen-bai-cp', side: 'foreign' }],
    },
  ],
  projects: [],
  missions: [
    {
      id: 'yen-bai-val-de-marne-2023-09', partnershipId: 'cd94-yen-bai', title: 'Visite de courtoisie de Yên Bái au Val-de-Marne',
      direction: 'incoming', from: '2023-09', to: '2023-09', placeId: 'FR-D-94',
      organisations: ['yen-bai-cp', 'cd94'],
      purpose: 'Visite de courtoisie de la province de Yên Bái au Département, annoncée en juin 2023 pour le mois de septembre.',
      outcomes: 'Le Département envisage de signer avec Yên Bái une convention de partenariat consacrée à la santé maternelle et infantile.',
    },
    {
      id: 'hue-grand-poitiers-2023-12', title: 'Accueil de Huế par Grand Poitiers pour les 50 ans des relations franco-vietnamiennes',
      direction: 'incoming', from: '2023-12', to: '2023-12', placeId: 'FR-E-200069854',
      organisations: ['ville-hue', 'grand-poitiers'],
      purpose: 'Grand Poitiers reçoit une délégation de Huế pour célébrer le cinquantenaire des relations diplomatiques entre la France et le Vietnam (annoncé en juin 2023).',
    },
  ],
  indicators: [],
};
