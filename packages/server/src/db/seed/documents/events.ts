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

/** The restitution's minutes, in our words (seed 002 is a slide deck: its notes are summarised, not copied). */
const RESTITUTION_MINUTES = [
  'Cités Unies France a ouvert la séance. Le ministère de l’Europe et des Affaires étrangères (l’ambassade et la DAECT) puis la sénatrice qui conduisait la délégation française ont jugé les 12es Assises réussies : une organisation sans faille, des sujets anciens comme nouveaux, des échanges directs qui peuvent débloquer des dossiers. La sénatrice a proposé que le groupe d’amitié du Sénat reçoive le Groupe-Pays.',
  'Les chefs de file ont rendu compte des quatre ateliers. Ville durable (Région Île-de-France) : une salle pleine et des sujets très variés, de l’habitat à l’urbanisme ; depuis la crise sanitaire, on se tourne davantage vers le local et l’échange de pratiques entre pairs. Environnement, eau et assainissement (pS-Eau) : beaucoup de participants et d’intervenants, trop pour entrer dans le détail ; l’intitulé « services essentiels » aurait mieux convenu. Culture, patrimoine et tourisme (Cités Unies France) : une bonne participation et des liens avec l’histoire et la jeunesse. Ville intelligente et numérique (DAECT) : un sujet que les collectivités vietnamiennes portent fortement, pour son intérêt stratégique. Le rapport de synthèse des ateliers attend la validation de la partie vietnamienne.',
  'Le sondage envoyé aux participants a reçu 15 à 16 réponses selon les questions : un bilan mitigé sur ce qu’on y a appris, un bilan positif sur les liens noués.',
  'Dans les échanges, les participants ont remercié les organisateurs. Lorient espère revenir comme collectivité ; l’appui mutuel entre associations et collectivités a été souligné. Points faibles : une date longtemps incertaine, qui décourage, et peu de Français face aux délégations vietnamiennes. Pour la suite, on demande plus de transparence sur les décisions et le fonctionnement, et d’ouvrir davantage aux associations.',
  'Pour les 13es Assises, on garde l’organisation, la modération, la diversité des acteurs (entreprises, culture, santé, numérique) et les visites de terrain ; on veut moins de protocole et plus d’échanges concrets, des experts et des associations mieux associés, et des moments entre collectivités françaises pour créer des synergies.',
  'Perspectives pour le Groupe-Pays Vietnam : des thèmes proposés (santé et environnement, climat, biodiversité, déchets et assainissement, patrimoine, jeunesse, numérique, coopération juridique, économie, éducation) et l’idée de réunions sur un seul thème. Mises en garde : tous les membres ne partagent pas ces thèmes, la langue freine les échanges de jeunes, les compétences des échelons vietnamiens sont mal connues, et les petites collectivités non membres ignorent les financements. Pourquoi ne pas solliciter aussi le groupe d’amitié de l’Assemblée nationale ? La présidence du Groupe-Pays reste à discuter.',
  'Nouvelles des partenariats : le Val-de-Marne reçoit Yên Bái en septembre et envisage une convention sur la santé de la mère et de l’enfant ; Grand Poitiers accueille Huế en décembre pour les 50 ans des relations diplomatiques ; la Nouvelle-Aquitaine fête vingt ans de coopération avec le Vietnam.',
].join('\n\n');
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
    minutes: RESTITUTION_MINUTES,
    decisions: [
      { text: 'Organiser au Sénat une rencontre entre le groupe d’amitié France-Vietnam et le Groupe-Pays Vietnam de Cités Unies France, une fois le groupe rentré de son voyage au Vietnam',
        ownerOrganisationId: 'senat-groupe-amitie-vietnam', ownerText: 'avec le Groupe-Pays Vietnam de Cités Unies France', due: '2023-09', status: 'open' },
      { text: 'Faire valider par la partie vietnamienne le rapport de synthèse des quatre ateliers, puis le diffuser',
        ownerText: 'La partie vietnamienne, organisatrice des 12es Assises', status: 'open' },
      { text: 'Préparer les 13es Assises avec les retours recueillis : davantage d’échanges pratiques, les associations (dont la FSFV) associées dès la préparation',
        ownerOrganisationId: 'cuf-gp-vietnam', status: 'open' },
      { text: 'Envisager un contact avec le groupe d’amitié France-Vietnam de l’Assemblée nationale',
        ownerOrganisationId: 'cuf-gp-vietnam', status: 'open' },
    ],
  } },
];
