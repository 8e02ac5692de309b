/**
 * Seed 000 — the Département de la Seine-Saint-Denis' sheet on its cooperation with the province of Hải Dương
 * (presentation figures, history, axes, projects). Projects are in d000-projects.ts.
 */
import type { SeedDocument } from '../types.js';
import { d000Projects } from './d000-projects.js';

/** The sheet's own "presentation" figures, kept apart from UNDP / World Bank rows by this source label. */
export const D000_SOURCE = 'Département de la Seine-Saint-Denis – fiche coopération Hai Duong';

/**
 * The country figures carry no year. We file them under 2020: it is the only year the sheet itself gives
 * (province population "(2020)"), and the set matches what was current then — an HDI of 0.704 is the value
 * UNDP published in its 2020 report (for 2019), literacy 95.8 % is the 2019 census figure. The population
 * (102.7 M) is an estimate the sheet quotes as is; the source label keeps it from colliding with World Bank rows.
 */
const COUNTRY_FIGURES_YEAR = 2020;

export const d000: SeedDocument = {
  source: {
    id: 'seed-000',
    title: 'Seine-Saint-Denis – Hải Dương : fiche de la coopération décentralisée',
    filename: '000_e314c76616ea11ab.txt',
  },
  territories: [
    {
      id: 'VN-C-hai-duong', kind: 'city', name: 'Thành phố Hải Dương', parentId: 'VN-P-30', country: 'VN',
      names: { fr: 'Ville de Hai Duong', en: 'Hai Duong City', vi: 'Thành phố Hải Dương' },
      aliases: ['Hai Duong', 'Hải Dương', 'ville de Hai Duong', 'Hai Duong City', 'thành phố Hải Dương'],
      codes: { gso_district: '288' }, validTo: '2025-06-30', lat: 20.9373, lon: 106.3146,
    },
    {
      // The sheet does not say which commune the village belongs to: attached to the province.
      id: 'VN-V-dong-can', kind: 'village', name: 'Đồng Cận', parentId: 'VN-P-30', country: 'VN',
      names: { fr: 'Dong Can', en: 'Dong Can', vi: 'Đồng Cận' },
      aliases: ['Dong Can', 'village de Dong Can', 'làng Đồng Cận'],
    },
  ],
  territoryChanges: [
    {
      fromId: 'VN-C-hai-duong', toId: 'VN-2025-31', kind: 'absorbed', onDate: '2025-07-01',
      note: 'Réforme du 1er juillet 2025 : suppression de l’échelon du district et fusion de la province de Hải Dương dans la ville de Hải Phòng ; les quartiers de l’ancienne ville de Hải Dương relèvent désormais directement de Hải Phòng.',
    },
  ],
  organisations: [
    {
      id: 'cd93', kind: 'collectivite', name: 'Département de la Seine-Saint-Denis', territoryId: 'FR-D-93', acronyms: ['CD93', 'SSD'],
      aliases: ['Conseil départemental de Seine-Saint-Denis', 'Conseil départemental de la Seine-Saint-Denis', 'Département', 'Seine-Saint-Denis', 'Département de Seine-Saint-Denis'],
      description: 'Département francilien lié par un protocole de coopération à la province de Hải Dương depuis 2006 ; membre fondateur du programme AVEC.',
    },
    {
      id: 'hai-duong-cp', kind: 'collectivite', name: 'Comité populaire de la province de Hải Dương', territoryId: 'VN-P-30', country: 'VN',
      names: { fr: 'Comité populaire de la province de Hai Duong', en: 'Hai Duong Provincial People’s Committee', vi: 'Ủy ban nhân dân tỉnh Hải Dương' },
      aliases: ['Comité populaire de Hai Duong', 'Province de Hai Duong', 'province de Hai Duong', 'Hai Duong', 'Hải Dương'],
      description: 'Autorité provinciale partenaire de la Seine-Saint-Denis et de Montreuil. Depuis le 1er juillet 2025, la province est intégrée à la ville de Hải Phòng.',
    },
    {
      id: 'siaap', kind: 'syndicate', name: 'Syndicat interdépartemental pour l’assainissement de l’agglomération parisienne', acronyms: ['SIAAP'],
      aliases: ["Syndicat interdépartemental pour l'assainissement de l'agglomération parisienne"], country: 'FR',
      website: 'https://www.siaap.fr/',
      description: 'Service public de traitement des eaux usées de l’agglomération parisienne ; appui technique en assainissement à Hải Dương et membre fondateur du programme AVEC.',
    },
    { id: 'batik-international', kind: 'ngo', name: 'Batik International', aliases: ['association Batik International'], country: 'FR',
      description: 'Association française de solidarité internationale ; porteuse du projet Phu Nu au Vietnam.' },
    { id: 'gret', kind: 'ngo', name: 'Gret', acronyms: ['GRET'], aliases: ['Groupe de recherche et d’échanges technologiques'], country: 'FR' },
    { id: 'cdi-vietnam', kind: 'ngo', name: 'Centre pour le développement et l’intégration', acronyms: ['CDI'], country: 'VN',
      aliases: ["Centre pour le développement et l'intégration", 'Centre pour le développement et l’intégration (Vietnam)', 'Center for Development and Integration'] },
    // "Union des femmes et Syndicat des travailleurs de Hai Duong et Vinh Phuc": four provincial organisations.
    { id: 'union-femmes-hai-duong', kind: 'association', name: 'Union des femmes de la province de Hải Dương', country: 'VN',
      names: { vi: 'Hội Liên hiệp Phụ nữ tỉnh Hải Dương' }, aliases: ['Union des femmes', 'Union des femmes de Hai Duong', 'Union des femmes de Hai Duong et Vinh Phuc'] },
    { id: 'union-femmes-vinh-phuc', kind: 'association', name: 'Union des femmes de la province de Vĩnh Phúc', country: 'VN',
      names: { vi: 'Hội Liên hiệp Phụ nữ tỉnh Vĩnh Phúc' }, aliases: ['Union des femmes', 'Union des femmes de Vinh Phuc', 'Union des femmes de Hai Duong et Vinh Phuc'] },
    { id: 'syndicat-travailleurs-hai-duong', kind: 'association', name: 'Syndicat des travailleurs de la province de Hải Dương', country: 'VN',
      names: { vi: 'Liên đoàn Lao động tỉnh Hải Dương' }, aliases: ['Syndicat des travailleurs', 'Syndicat des travailleurs de Hai Duong', 'Syndicat des travailleurs de Hai Duong et Vinh Phuc'] },
    { id: 'syndicat-travailleurs-vinh-phuc', kind: 'association', name: 'Syndicat des travailleurs de la province de Vĩnh Phúc', country: 'VN',
      names: { vi: 'Liên đoàn Lao động tỉnh Vĩnh Phúc' }, aliases: ['Syndicat des travailleurs', 'Syndicat des travailleurs de Vinh Phuc', 'Syndicat des travailleurs de Hai Duong et Vinh Phuc'] },
    { id: 'ccfd-terre-solidaire', kind: 'ngo', name: 'CCFD-Terre Solidaire', acronyms: ['CCFD'], country: 'FR',
      aliases: ['CCFD-Terre solidaire', 'Comité catholique contre la faim et pour le développement-Terre solidaire'] },
    { id: 'fondation-abbe-pierre', kind: 'foundation', name: 'Fondation Abbé Pierre', country: 'FR' },
    { id: 'oxfam', kind: 'ngo', name: 'Oxfam' },
    { id: 'fondation-weave-our-future', kind: 'foundation', name: 'Fondation Weave Our Future', aliases: ['Weave Our Future'] },
    { id: 'find', kind: 'other', name: 'FIND', acronyms: ['FIND'],
      description: 'Partenaire financier du projet Phu Nu ; la fiche ne développe pas ce sigle.' },
    { id: 'innotech', kind: 'association', name: 'Innotech', aliases: ['association Innotech'],
      description: 'Association par laquelle le Département a financé une formation qualifiante en informatique de niveau master à Hải Dương.' },
    { id: 'la-nef-pantin', kind: 'association', name: 'La Nef de Pantin', aliases: ['La Nef', 'association La Nef de Pantin'], country: 'FR',
      description: 'Structure culturelle de Pantin consacrée aux arts de la marionnette ; partenaire de l’échange de marionnettistes de 2014.' },
    { id: 'onu', kind: 'international', name: 'Organisation des Nations unies', acronyms: ['ONU'], aliases: ['Nations Unies', 'Nations unies'] },
    { id: 'zappy-meal', kind: 'association', name: 'Zappy meal', aliases: ["Zappy meal d'Aubervilliers", 'Zappy meal d’Aubervilliers'], country: 'FR' },
    { id: 'cci-93', kind: 'chamber', name: 'CCI Seine-Saint-Denis', acronyms: ['CCI 93'], country: 'FR',
      aliases: ['Chambre de commerce et d’industrie de Seine-Saint-Denis', "Chambre de commerce et d'industrie de Seine-Saint-Denis", 'CCI de Seine-Saint-Denis'] },
  ],
  partnerships: [
    {
      id: 'ssd-hai-duong', title: 'Seine-Saint-Denis – Hải Dương', kind: 'cooperation', status: 'active', started: '2006-05',
      summary: 'Coopération décentralisée du Département de la Seine-Saint-Denis avec la province vietnamienne de Hải Dương, formalisée en mai 2006 et bâtie sur les liens plus anciens de Montreuil avec cette province. Elle a produit des équipements d’assainissement, des formations pour les services vietnamiens, un appui aux ouvrières migrantes, une formation en informatique, des échanges de jeunes et d’artistes et un soutien aux entreprises de Seine-Saint-Denis présentes au Vietnam.',
      themes: ['env.eau-dechets.assainissement', 'gouv.decentralisation', 'genre.droits-femmes', 'edu.numerique', 'jeunesse.echanges', 'culture.arts', 'eco.entreprises'],
      parties: [{ organisationId: 'cd93', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }],
      agreements: [{
        id: 'ssd-hai-duong-protocole-2006', kind: 'protocole', title: 'Protocole de coopération décentralisée', signed: '2006-05',
        axes: [
          'Eau, assainissement et environnement face au réchauffement',
          'Renforcement des capacités des collectivités vietnamiennes',
          'Droits des femmes',
          'Formation au numérique',
          'Échanges de jeunes',
          'Culture',
          'Développement économique',
        ],
        summary: 'Les axes sont ceux sous lesquels le Département présente l’ensemble de la coopération.',
      }],
    },
    {
      id: 'montreuil-hai-duong', title: 'Montreuil – Hải Dương', kind: 'cooperation', status: 'active',
      summary: 'Coopération ancienne entre la Ville de Montreuil et la province de Hải Dương ; c’est sur elle que la Seine-Saint-Denis s’est appuyée pour s’engager à son tour. Un échange de jeunes entre Montreuil et Hải Dương a eu lieu en 2016.',
      themes: ['jeunesse.echanges'],
      parties: [{ organisationId: 'ville-montreuil', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }],
    },
    {
      id: 'avec-consortium', title: 'AVEC – coopérations franciliennes pour l’eau au Vietnam', kind: 'project_partnership', status: 'active', started: '2009',
      summary: 'Alliance de quatre acteurs franciliens, chacun engagé dans une coopération sur l’eau au Vietnam, qui mutualisent depuis 2009 la formation des services de leurs partenaires vietnamiens (provinces de Hải Dương et de Yên Bái, villes de Hanoï et de Huế).',
      themes: ['env.eau-dechets.formation', 'env.eau-dechets.assainissement', 'env.eau-dechets.dechets', 'gouv.decentralisation'],
      parties: [
        { organisationId: 'cd93', side: 'fr' }, { organisationId: 'cd94', side: 'fr' }, { organisationId: 'region-idf', side: 'fr' }, { organisationId: 'siaap', side: 'fr' },
        { organisationId: 'hai-duong-cp', side: 'foreign' }, { organisationId: 'yen-bai-cp', side: 'foreign' }, { organisationId: 'hanoi-cp', side: 'foreign' }, { organisationId: 'ville-hue', side: 'foreign' },
      ],
    },
  ],
  projects: d000Projects,
  missions: [],
  indicators: [
    { territoryId: 'VN', indicator: 'population', year: COUNTRY_FIGURES_YEAR, value: 102_700_000, unit: 'people', source: D000_SOURCE },
    { territoryId: 'VN', indicator: 'area_km2', year: COUNTRY_FIGURES_YEAR, value: 331_210, unit: 'km²', source: D000_SOURCE },
    { territoryId: 'VN', indicator: 'life_expectancy', year: COUNTRY_FIGURES_YEAR, value: 75.2, unit: 'years', source: D000_SOURCE },
    { territoryId: 'VN', indicator: 'unemployment_rate', year: COUNTRY_FIGURES_YEAR, value: 3.3, unit: '%', source: D000_SOURCE },
    { territoryId: 'VN', indicator: 'literacy_rate', year: COUNTRY_FIGURES_YEAR, value: 95.8, unit: '%', source: D000_SOURCE },
    { territoryId: 'VN', indicator: 'hdi', year: COUNTRY_FIGURES_YEAR, value: 0.704, unit: 'index', source: D000_SOURCE },
    // The province: population dated 2020 by the sheet; its area is undated and filed with it.
    { territoryId: 'VN-P-30', indicator: 'population', year: 2020, value: 1_900_000, unit: 'people', source: D000_SOURCE },
    { territoryId: 'VN-P-30', indicator: 'area_km2', year: 2020, value: 1_648, unit: 'km²', source: D000_SOURCE },
    // "La ville principale est Hai Duong (200 000 habitants)", same sheet, same year.
    { territoryId: 'VN-C-hai-duong', indicator: 'population', year: 2020, value: 200_000, unit: 'people', source: D000_SOURCE },
  ],
};
