/**
 * Records that several seed documents name, each defined here once (the documents import nothing from
 * each other: they point at these ids). Reference territories (countries, France COG, Vietnam 63/34) are
 * loaded by the reference loader and only referenced by id.
 */
import type { OrganisationDraft, TerritoryDraft } from '@tandem/shared';

export const commonTerritories: TerritoryDraft[] = [
  // The provincial city of Huế (district level, GSO 474) inside Thừa Thiên Huế until 31 December 2024;
  // named by seeds 000 (AVEC), 001 (6es Assises, 2005) and 003 (Cergy ↔ Huế). Its change is in d003.
  {
    id: 'VN-C-hue', kind: 'city', name: 'Huế', parentId: 'VN-P-46', country: 'VN',
    names: { fr: 'Hué', en: 'Hue', vi: 'Huế', local: 'Thành phố Huế' },
    aliases: ['Hue', 'Hué', 'Ville de Hué', "ville d'Hué", 'Thành phố Huế', 'Hue City'],
    codes: { gso_district: '474' }, validTo: '2024-12-31', lat: 16.4637, lon: 107.5909,
  },
];

export const commonOrganisations: OrganisationDraft[] = [
  // Networks and State
  {
    id: 'cuf', kind: 'network', name: 'Cités Unies France', acronyms: ['CUF'], country: 'FR',
    website: 'https://cites-unies-france.org/',
    description: 'Réseau national des collectivités françaises engagées dans l’action internationale ; il anime les groupes-pays, dont celui consacré au Vietnam.',
  },
  {
    id: 'cuf-gp-vietnam', kind: 'network', name: 'Groupe-Pays Vietnam de Cités Unies France', acronyms: ['GP Vietnam'],
    aliases: ['Groupe-Pays Vietnam', 'groupe-pays Vietnam de Cités Unies France', 'GP Viet Nam', 'Groupe-Pays Viet Nam'], country: 'FR',
    description: 'Groupe des collectivités françaises coopérant avec le Vietnam au sein de Cités Unies France ; il coordonne côté français les Assises franco-vietnamiennes.',
  },
  {
    id: 'meae', kind: 'ministry', name: 'Ministère de l’Europe et des Affaires étrangères', acronyms: ['MEAE', 'MAEE'],
    aliases: ["Ministère de l'Europe et des Affaires étrangères", "Ministère de l'Europe et des Affaires Étrangères", "Ministère de l'Europe et des Affaires Etrangères",
      'Ministère des Affaires étrangères et européennes', 'Ministère des Affaires étrangères'],
    country: 'FR',
    description: 'Ministère français des affaires étrangères ; cofinance des projets de coopération décentralisée par l’intermédiaire de sa délégation DAECT.',
  },
  {
    id: 'afd', kind: 'agency', name: 'Agence française de développement', acronyms: ['AFD'],
    aliases: ['Agence Française de Développement'], country: 'FR',
  },
  // French collectivités
  {
    id: 'region-idf', kind: 'collectivite', name: 'Région Île-de-France', territoryId: 'FR-R-11',
    aliases: ['Conseil régional d’Île-de-France', "Conseil régional d'Île-de-France", "Conseil régional d'Ile-de-France", 'Région Ile-de-France', 'région Ile-de-France', 'Île-de-France'],
    description: 'Région capitale ; auteure en 1989, avec Hanoï, de la première convention de coopération décentralisée franco-vietnamienne et partenaire du programme AVEC.',
  },
  {
    id: 'region-hdf', kind: 'collectivite', name: 'Région Hauts-de-France', territoryId: 'FR-R-32',
    aliases: ['Hauts-de-France', 'région Hauts-de-France', 'Conseil régional des Hauts-de-France', 'Région Nord-Pas-de-Calais', 'Nord-Pas-de-Calais'],
    description: 'Région issue en 2016 de la fusion du Nord-Pas-de-Calais et de la Picardie. Le Nord-Pas-de-Calais a accueilli en 1995 le premier Atelier de la coopération décentralisée franco-vietnamienne.',
  },
  {
    id: 'region-nouvelle-aquitaine', kind: 'collectivite', name: 'Région Nouvelle-Aquitaine', territoryId: 'FR-R-75',
    aliases: ['Nouvelle-Aquitaine', 'Région Nouvelle Aquitaine', 'Région Poitou-Charentes', 'Poitou-Charentes'],
    description: 'Région issue en 2016 notamment de Poitou-Charentes, qui avait accueilli le 3e Atelier franco-vietnamien en 1998. Elle a célébré en 2023 les vingt ans de sa coopération décentralisée avec le Vietnam.',
  },
  {
    id: 'cd94', kind: 'collectivite', name: 'Département du Val-de-Marne', territoryId: 'FR-D-94', acronyms: ['CD94'],
    aliases: ['Conseil départemental du Val-de-Marne', 'Val-de-Marne', 'Val de Marne'],
    description: 'Département francilien coopérant avec la province vietnamienne de Yên Bái ; membre fondateur du programme AVEC.',
  },
  {
    id: 'ville-montreuil', kind: 'collectivite', name: 'Ville de Montreuil', territoryId: 'FR-C-93048',
    aliases: ['Montreuil', 'ville de Montreuil'],
    description: 'Commune de Seine-Saint-Denis liée de longue date à la province de Hải Dương ; elle a accueilli les 7es Assises franco-vietnamiennes en 2007.',
  },
  // Vietnamese collectivités
  {
    id: 'ville-hue', kind: 'collectivite', name: 'Ville de Hué', territoryId: 'VN-C-hue', country: 'VN',
    names: { fr: 'Ville de Hué', en: 'Hue City', vi: 'Thành phố Huế' },
    aliases: ['Hué', 'Hue', 'Huế', "ville d'Hué", 'Ville de Huế', 'Comité populaire de la ville de Hué', 'Ủy ban nhân dân thành phố Huế'],
    description: 'Ancienne capitale impériale du Vietnam ; partenaire de Cergy depuis 2018 et bénéficiaire du programme AVEC. Elle a accueilli les 6es Assises en 2005.',
  },
  {
    id: 'hanoi-cp', kind: 'collectivite', name: 'Comité populaire de Hanoï', territoryId: 'VN-P-01', country: 'VN',
    names: { fr: 'Comité populaire de Hanoï', en: 'Hanoi People’s Committee', vi: 'Ủy ban nhân dân thành phố Hà Nội' },
    aliases: ["comité populaire d'Hanoi", 'Comité populaire de Hanoi', 'Ville de Hanoï', 'Hanoï', 'Hanoi', 'Hà Nội'],
  },
  {
    id: 'yen-bai-cp', kind: 'collectivite', name: 'Comité populaire de la province de Yên Bái', territoryId: 'VN-P-15', country: 'VN',
    names: { fr: 'Comité populaire de la province de Yên Bái', en: 'Yen Bai Provincial People’s Committee', vi: 'Ủy ban nhân dân tỉnh Yên Bái' },
    aliases: ['Province de Yen Bai', 'Yen Bai', 'Yên Bái', 'Comité populaire de Yen Bai'],
  },
];

/**
 * Organisations that belong to a network (table group_membership), only where a seed document says so:
 * seed 001 names "le groupe-pays Vietnam de Cités Unies France" (a group within CUF); seed 004 presents Lianes
 * coopération as the "Réseau régional multi-acteurs" of the Hauts-de-France, and lists the conference of these
 * regional networks (CIRRMA, "RRMA Conférence Interrégionale") among its partners.
 */
export const groupMemberships: Array<{ groupId: string; organisationId: string; doc: string }> = [
  { groupId: 'cuf', organisationId: 'cuf-gp-vietnam', doc: 'd001' },
  { groupId: 'cirrma', organisationId: 'lianes', doc: 'd004' },
];
