/**
 * Seeds 001, 002 and 003 — the events they state: the two series (the Ateliers 1995–2000, then the Assises from
 * 2003, numbered on from the Ateliers), the twelve editions with their places, dates as precise as the documents
 * give them, and side; the 11th edition's theme and its five workshops (their titles are not given); the 12th's
 * four workshops with their lead organisations; the online restitution of 9 June 2023 and its agenda.
 * Hosts are the collectivités the documents name as hosting; the 1st, 3rd and 4th Ateliers name only a place.
 */
import type { EventDraft, EventSeriesDraft } from '@tandem/shared';

export const ATELIERS = 'ateliers-franco-vietnamiens';
export const ASSISES = 'assises-franco-vietnamiennes';

export const seedEventSeries: Array<{ doc: string; draft: EventSeriesDraft }> = [
  { doc: 'seed-001', draft: {
    id: ATELIERS, name: 'Ateliers de la coopération décentralisée franco-vietnamienne', periodFrom: 1995, periodTo: 2000, openingAgreementId: 'idf-hanoi-convention-1989',
    description: 'Quatre rencontres tenues en France entre 1995 et 2000, avant qu’elles ne prennent le nom d’Assises.',
  } },
  { doc: 'seed-001', draft: {
    id: ASSISES, name: 'Assises de la coopération décentralisée franco-vietnamienne', periodFrom: 2003, periodTo: null, openingAgreementId: 'idf-hanoi-convention-1989',
    description: 'Rencontres des collectivités françaises et vietnamiennes, tous les trois ans environ, en France puis au Vietnam à tour de rôle depuis 2003 ; la numérotation prolonge celle des Ateliers. Côté français, le Groupe-Pays Vietnam de Cités Unies France les coordonne.',
  } },
];

type Draft = EventDraft & { id: string };
const atelier = (n: number, year: string, placeId: string, placeText: string, hosts: string[] = []): Draft => ({
  id: `ateliers-${n}`, seriesId: ATELIERS, edition: n, kind: 'edition', side: 'FR', start: year, end: year, placeId, placeText, hosts,
  title: `${n === 1 ? '1er' : `${n}e`} Atelier de la coopération décentralisée franco-vietnamienne`,
});
const assises = (n: number, start: string, end: string, placeId: string, placeText: string, side: 'FR' | 'VN', hosts: string[]): Draft => ({
  id: `assises-${n}`, seriesId: ASSISES, edition: n, kind: 'edition', side, start, end, placeId, placeText, hosts,
  title: `${n}es Assises de la coopération décentralisée franco-vietnamienne`,
});

export const seedEvents: Array<{ doc: string; draft: Draft }> = [
  { doc: 'seed-001', draft: atelier(1, '1995', 'FR-R-32', 'Nord-Pas-de-Calais') },
  { doc: 'seed-001', draft: atelier(2, '1996', 'FR-D-22', 'Côtes-d’Armor', ['cd22']) },
  { doc: 'seed-001', draft: atelier(3, '1998', 'FR-R-75', 'Poitou-Charentes') },
  { doc: 'seed-001', draft: atelier(4, '2000', 'FR-C-54431', 'Abbaye de Pont-à-Mousson (Lorraine)') },
  { doc: 'seed-001', draft: assises(5, '2003', '2003', 'FR-C-31555', 'Toulouse', 'FR', ['ville-toulouse', 'region-occitanie']) },
  { doc: 'seed-001', draft: assises(6, '2005', '2005', 'VN-C-hue', 'Huế', 'VN', ['ville-hue']) },
  { doc: 'seed-001', draft: assises(7, '2007', '2007', 'FR-C-93048', 'Montreuil', 'FR', ['ville-montreuil']) },
  { doc: 'seed-001', draft: assises(8, '2010-11', '2010-11', 'VN-P-31', 'Hải Phòng', 'VN', ['hai-phong-cp']) },
  { doc: 'seed-001', draft: assises(9, '2013-09', '2013-09', 'FR-C-29019', 'Brest', 'FR', ['ville-brest']) },
  { doc: 'seed-001', draft: assises(10, '2016-09', '2016-09', 'VN-P-92', 'Cần Thơ', 'VN', ['can-tho-cp']) },
  { doc: 'seed-001', draft: {
    ...assises(11, '2019-04-01', '2019-04-02', 'FR-C-31555', 'Toulouse', 'FR', ['ville-toulouse']),
    theme: 'Des partenariats au service du développement innovant et durable du territoire', workshopsCount: 5,
  } },
  { doc: 'seed-002', draft: {
    ...assises(12, '2023', '2023', 'VN-P-01', 'Hà Nội', 'VN', ['hanoi-cp']), workshopsCount: 4,
    workshops: [
      { title: 'Ville durable', leadId: 'region-idf' },
      { title: 'Enjeux environnementaux, eau et assainissement', leadId: 'ps-eau' },
      { title: 'Culture, patrimoine et tourisme', leadId: 'cuf' },
      { title: 'Ville intelligente et digitalisation', leadId: 'daect' },
    ],
  } },
  { doc: 'seed-002', draft: {
    id: 'restitution-assises-12', seriesId: ASSISES, kind: 'online', online: true, hosts: ['cuf'],
    title: 'Restitution et suites des 12es Assises de la coopération décentralisée franco-vietnamienne',
    start: '2023-06-09', end: '2023-06-09', startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Paris', placeText: 'Visioconférence',
    agenda: [
      'Introduction : accueil, appréciations du ministère de l’Europe et des Affaires étrangères et de la cheffe de la délégation française',
      'Les quatre ateliers : sondage, retours des chefs de file, échanges',
      'Les Assises : impressions générales',
      'Perspectives pour le Groupe-Pays Vietnam de Cités Unies France',
      'Premières idées pour l’organisation et les thèmes des 13es Assises',
      'Conclusions, calendrier et suites',
    ],
  } },
];
