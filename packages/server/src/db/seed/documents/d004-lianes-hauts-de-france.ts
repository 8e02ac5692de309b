/**
 * Seed 004 — Lianes coopération's news item of 13 December 2024: three cooperation agreements signed in the
 * Hauts-de-France within 24 hours (Région ↔ Dnipropetrovsk, Grande-Synthe ↔ Sidi Ifni, Villeneuve-d'Ascq ↔
 * Tanguiéta). "Ce jeudi 21 novembre", "le 22 novembre dernier" and "février dernier" are read against the
 * publication date: 2024-11-21, 2024-11-22, 2024-02. People named (mayors, the association's president) are
 * personal data and are left out. The news item itself is a later issue.
 */
import type { SeedDocument } from '../types.js';
import { lianesPartners } from './d004-lianes-partners.js';

export const d004: SeedDocument = {
  source: {
    id: 'seed-004', title: 'Trois nouvelles coopérations décentralisées en Hauts-de-France (Lianes coopération)',
    filename: '004_4c6bae412d76478d.txt', publishedOn: '2024-12-13',
  },
  territories: [
    { id: 'UA-12', kind: 'oblast', name: 'Oblast de Dnipropetrovsk', parentId: 'UA', country: 'UA', codes: { iso3166_2: 'UA-12' },
      names: { fr: 'Oblast de Dnipropetrovsk', en: 'Dnipropetrovsk Oblast', local: 'Дніпропетровська область' },
      aliases: ['Dnipropetrovsk', 'Région de Dnipropetrovsk', 'oblast de Dnipropetrovsk', 'Dnipropetrovska oblast'], lat: 48.3, lon: 35.1 },
    { id: 'MA-09', kind: 'region', name: 'Souss-Massa', parentId: 'MA', country: 'MA', codes: { iso3166_2: 'MA-09' },
      names: { fr: 'Souss-Massa', en: 'Souss-Massa', local: 'سوس ماسة' }, aliases: ["région d'Agadir", 'région d’Agadir', 'Sous-Massa'] },
    { id: 'MA-10', kind: 'region', name: 'Guelmim-Oued Noun', parentId: 'MA', country: 'MA', codes: { iso3166_2: 'MA-10' },
      names: { fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun', local: 'كلميم واد نون' } },
    // The article places Sidi Ifni "dans la région d'Agadir" (Souss-Massa, 150 km north); administratively the
    // province of Sidi Ifni belongs to Guelmim-Oued Noun since the 2015 regional reform.
    { id: 'MA-C-sidi-ifni', kind: 'city', name: 'Sidi Ifni', parentId: 'MA-10', country: 'MA', codes: { iso3166_2_province: 'MA-SIF' },
      names: { fr: 'Sidi Ifni', en: 'Sidi Ifni', local: 'سيدي إفني' }, aliases: ['Ifni'], lat: 29.3797, lon: -10.173 },
    { id: 'BJ-AK', kind: 'departement', name: 'Atacora', parentId: 'BJ', country: 'BJ', codes: { iso3166_2: 'BJ-AK' },
      names: { fr: 'Département de l’Atacora', en: 'Atakora Department' }, aliases: ['Atakora'] },
    { id: 'BJ-C-tanguieta', kind: 'commune', name: 'Tanguiéta', parentId: 'BJ-AK', country: 'BJ',
      names: { fr: 'Tanguiéta', en: 'Tanguiéta' }, aliases: ['Tanguieta'], lat: 10.6212, lon: 1.2644 },
  ],
  organisations: [
    {
      id: 'lianes', kind: 'network', name: 'Lianes coopération', country: 'FR',
      aliases: ['Lianes', 'Réseau régional multi-acteurs de la coopération internationale des Hauts-de-France', 'RRMA des Hauts-de-France'],
      description: 'Réseau régional multi-acteurs (RRMA) des Hauts-de-France : il rassemble tous les acteurs régionaux de la coopération internationale, quel que soit leur statut, pour bâtir des stratégies communes, se former, dialoguer avec les bailleurs et les pouvoirs publics et mutualiser leurs actions. Bureaux à Lille et à Amiens.',
    },
    { id: 'dnipropetrovsk-oblast', kind: 'collectivite', name: 'Oblast de Dnipropetrovsk', territoryId: 'UA-12', country: 'UA',
      names: { en: 'Dnipropetrovsk Oblast', local: 'Дніпропетровська область' }, aliases: ['Région de Dnipropetrovsk', 'oblast de Dnipropetrovsk'] },
    { id: 'ville-grande-synthe', kind: 'collectivite', name: 'Ville de Grande-Synthe', territoryId: 'FR-C-59271', aliases: ['Grande-Synthe'] },
    { id: 'ville-sidi-ifni', kind: 'collectivite', name: 'Commune de Sidi Ifni', territoryId: 'MA-C-sidi-ifni', country: 'MA', aliases: ['Sidi Ifni', 'Ville de Sidi Ifni'] },
    { id: 'ville-villeneuve-d-ascq', kind: 'collectivite', name: 'Ville de Villeneuve-d’Ascq', territoryId: 'FR-C-59009',
      aliases: ["Villeneuve d'Ascq", 'Villeneuve d’Ascq', "Villeneuve-d'Ascq", "Ville de Villeneuve-d'Ascq"] },
    { id: 'ville-tanguieta', kind: 'collectivite', name: 'Commune de Tanguiéta', territoryId: 'BJ-C-tanguieta', country: 'BJ', aliases: ['Tanguiéta', 'Ville de Tanguiéta'] },
    {
      id: 'asnbnf', kind: 'association', name: 'Artisanat Solidarité Nord Bénin Nord de France', acronyms: ['ASNBNF'], country: 'FR',
      aliases: ['association Artisanat Solidarité Nord Bénin Nord de France'],
      description: 'Association à l’initiative, en 2018, de la coopération entre Villeneuve-d’Ascq et Tanguiéta.',
    },
    {
      id: 'aadact', kind: 'association', name: 'Association d’appui à l’apprentissage et au développement de l’artisanat à Tanguiéta', acronyms: ['AADACT'], country: 'BJ',
      aliases: ["Association d'Appui à l'Apprentissage et au Développement de l'Artisanat à Tanguiéta"],
    },
    {
      id: 'esbva-lm', kind: 'association', name: 'Entente sportive Basket Villeneuve-d’Ascq Lille Métropole', acronyms: ['ESBVA-LM', 'ESBVA'], country: 'FR',
      description: 'Club de basketball féminin de Villeneuve-d’Ascq, partenaire du projet de basket pour les jeunes filles de Tanguiéta.',
    },
    ...lianesPartners,
  ],
  partnerships: [
    {
      id: 'hdf-dnipropetrovsk', title: 'Hauts-de-France – Dnipropetrovsk', kind: 'cooperation', status: 'active', started: '2024-11-21',
      summary: 'Après de nombreuses actions de soutien à l’Ukraine depuis le début de la guerre, la Région Hauts-de-France s’engage pour cinq ans aux côtés de l’oblast de Dnipropetrovsk dans sa reconstruction, avec l’innovation et le développement durable comme fils conducteurs. La rencontre s’inscrit dans le programme Inspire de Lianes coopération.',
      themes: ['urgence.reconstruction', 'env.economie-circulaire', 'edu.professionnelle', 'eco.technologies', 'env.energie', 'gouv.fonds-europeens'],
      parties: [{ organisationId: 'region-hdf', side: 'fr' }, { organisationId: 'dnipropetrovsk-oblast', side: 'foreign' }],
      agreements: [{
        id: 'hdf-dnipropetrovsk-protocole-2024', kind: 'protocole_d_entente', title: 'Protocole d’entente', signed: '2024-11-21', durationMonths: 60,
        axes: [
          'Reconstruction écologique par l’économie circulaire, dans l’esprit de rev3',
          'Compétences et formation de la jeunesse pour la relance',
          'Échanges techniques : impression 3D et énergies alternatives',
          'Savoir-faire régional en gestion des fonds européens (Interreg)',
        ],
      }],
    },
    {
      id: 'grande-synthe-sidi-ifni', title: 'Grande-Synthe – Sidi Ifni', kind: 'cooperation', status: 'active',
      summary: 'Relation nouée par Grande-Synthe avec Sidi Ifni grâce au programme franco-marocain de Lianes coopération : plusieurs missions d’élus et de services des deux villes ont précédé la convention de février 2024, centrée sur la transition écologique et sociale.',
      themes: ['env.biodiversite', 'env.energie', 'env.eau-dechets.eau-potable', 'urb.urbanisme', 'agri', 'jeunesse.sport'],
      parties: [{ organisationId: 'ville-grande-synthe', side: 'fr' }, { organisationId: 'ville-sidi-ifni', side: 'foreign' }],
      agreements: [{
        id: 'grande-synthe-sidi-ifni-convention-2024', kind: 'convention', title: 'Convention de partenariat', signed: '2024-02', place: 'Maroc',
        axes: [
          'Transition écologique et sociale des deux villes',
          'Nature en ville autour d’un parc urbain réhabilité',
          'Économies d’énergie et usage sobre de l’eau',
          'Agriculture urbaine',
          'Jeunesse et sport',
        ],
      }],
    },
    {
      id: 'villeneuve-d-ascq-tanguieta', title: 'Villeneuve-d’Ascq – Tanguiéta', kind: 'cooperation', status: 'active', started: '2018',
      summary: 'Coopération née en 2018 de l’initiative de l’ASNBNF et de l’AADACT, consolidée en novembre 2024 par une convention signée par les deux maires. Elle vise l’essor de l’artisanat et de l’apprentissage à Tanguiéta, et s’ouvre au sport comme levier d’égalité pour les jeunes filles.',
      themes: ['eco.artisanat', 'edu.professionnelle', 'edu.alphabetisation', 'jeunesse.sport', 'genre.droits-femmes'],
      parties: [
        { organisationId: 'ville-villeneuve-d-ascq', side: 'fr' }, { organisationId: 'ville-tanguieta', side: 'foreign' },
        { organisationId: 'asnbnf', side: 'other' }, { organisationId: 'aadact', side: 'other' },
      ],
      agreements: [{
        id: 'villeneuve-d-ascq-tanguieta-convention-2024', kind: 'convention', title: 'Convention de coopération', signed: '2024-11-22',
        axes: ['Développement de l’artisanat local', 'Apprentissage des métiers'],
        summary: 'Signée en présence des deux maires et de la présidente de l’ASNBNF, après cinq années d’actions communes.',
      }],
    },
  ],
  projects: [
    {
      id: 'sidi-ifni-parc-urbain', partnershipId: 'grande-synthe-sidi-ifni', title: 'Réhabilitation d’un parc urbain à Sidi Ifni',
      description: 'Projet phare de la convention : la remise en état d’un parc sert de support aux échanges sur la nature en ville, les économies d’énergie, la gestion économe de l’eau, l’agriculture urbaine, la jeunesse et le sport.',
      status: 'pipeline', themes: ['urb.urbanisme', 'env.biodiversite', 'env.energie', 'jeunesse.sport'], places: ['MA-C-sidi-ifni'],
      participants: [{ organisationId: 'ville-sidi-ifni', role: 'lead' }, { organisationId: 'ville-grande-synthe', role: 'technical' }],
    },
    {
      id: 'tanguieta-alphabetisation', partnershipId: 'villeneuve-d-ascq-tanguieta', title: 'Classes d’alphabétisation à Tanguiéta',
      description: 'Ouverture de classes d’alphabétisation, l’une des réalisations de la coopération depuis 2018.',
      themes: ['edu.alphabetisation'], places: ['BJ-C-tanguieta'],
      participants: [{ organisationId: 'asnbnf', role: 'lead' }, { organisationId: 'aadact', role: 'operational' }],
    },
    {
      id: 'tanguieta-bourses-insertion', partnershipId: 'villeneuve-d-ascq-tanguieta', title: 'Bourses d’insertion à Tanguiéta',
      description: 'Bourses aidant des jeunes de Tanguiéta à s’insérer par l’apprentissage d’un métier.',
      themes: ['eco.emploi', 'edu.professionnelle'], places: ['BJ-C-tanguieta'],
      participants: [{ organisationId: 'asnbnf', role: 'lead' }, { organisationId: 'aadact', role: 'operational' }],
    },
    {
      id: 'tanguieta-centre-artisanat', partnershipId: 'villeneuve-d-ascq-tanguieta', title: 'Centre d’apprentissage des métiers de l’artisanat à Tanguiéta',
      description: 'Construction d’un centre de formation aux métiers artisanaux, raccordé à l’électricité pour disposer d’énergie.',
      themes: ['eco.artisanat', 'edu.professionnelle', 'env.energie'], places: ['BJ-C-tanguieta'],
      participants: [{ organisationId: 'asnbnf', role: 'lead' }, { organisationId: 'aadact', role: 'operational' }],
    },
    {
      id: 'tanguieta-basket-filles', partnershipId: 'villeneuve-d-ascq-tanguieta', title: 'Le basket pour les jeunes filles de Tanguiéta',
      description: 'Les jeunes filles de Tanguiéta ayant peu d’occasions de s’épanouir, Villeneuve-d’Ascq et l’ESBVA-LM misent sur le basketball comme outil d’éducation, de développement local et d’égalité entre femmes et hommes.',
      themes: ['jeunesse.sport', 'genre.droits-femmes'], places: ['BJ-C-tanguieta'],
      participants: [{ organisationId: 'ville-villeneuve-d-ascq', role: 'lead' }, { organisationId: 'esbva-lm', role: 'operational' }],
    },
    {
      id: 'lianes-inspire', title: 'Inspire – soutien aux coopérations avec l’Europe de l’Est',
      description: 'Programme de Lianes coopération qui accompagne les coopérations des acteurs des Hauts-de-France avec l’Europe de l’Est ; la signature avec l’oblast de Dnipropetrovsk en fait partie.',
      themes: ['gouv.decentralisation'],
      participants: [{ organisationId: 'lianes', role: 'lead' }],
    },
    {
      id: 'lianes-appui-maroc', title: 'Programme d’appui à la coopération franco-marocaine',
      description: 'Programme de Lianes coopération qui soutient les coopérations entre collectivités des Hauts-de-France et du Maroc ; il a permis le rapprochement de Grande-Synthe et de Sidi Ifni.',
      themes: ['gouv.decentralisation'], places: ['MA'],
      participants: [{ organisationId: 'lianes', role: 'lead' }],
    },
  ],
  missions: [
    {
      id: 'sidi-ifni-grande-synthe-2024-11', partnershipId: 'grande-synthe-sidi-ifni', title: 'Délégation de Sidi Ifni à Grande-Synthe',
      direction: 'incoming', from: '2024-11-22', placeId: 'FR-C-59271',
      organisations: ['ville-sidi-ifni', 'ville-grande-synthe'],
      purpose: 'Fêter la convention signée en février, à l’occasion du Festival des solidarités.',
      outcomes: 'Liens renforcés entre les deux villes, mise en avant de la solidarité internationale et volonté commune d’un développement durable et inclusif.',
    },
  ],
  indicators: [],
};
