/**
 * Seed 001 — "Les Assises de la coopération décentralisée franco-vietnamienne": who, when, how, why, and the
 * chronology 1989–2019. The Assises themselves are events (a later issue); here are the first partnership
 * (Île-de-France ↔ Hanoï, 1989) and the hosts the events will point at. Host places are reference territories:
 * Nord-Pas-de-Calais → FR-R-32, Côtes-d'Armor FR-D-22, Poitou-Charentes → FR-R-75, Pont-à-Mousson (Lorraine)
 * FR-C-54431 / FR-R-44, Toulouse FR-C-31555 (Midi-Pyrénées → FR-R-76), Huế VN-C-hue, Montreuil FR-C-93048,
 * Hải Phòng VN-P-31, Brest FR-C-29019, Cần Thơ VN-P-92. Former régions appear only as aliases.
 */
import type { SeedDocument } from '../types.js';

export const d001: SeedDocument = {
  source: {
    id: 'seed-001',
    title: 'Les Assises de la coopération décentralisée franco-vietnamienne : présentation et chronologie',
    filename: '001_114ab59a957659b3.txt',
  },
  territories: [],
  organisations: [
    {
      id: 'cd22', kind: 'collectivite', name: 'Département des Côtes-d’Armor', territoryId: 'FR-D-22',
      aliases: ["Département des Côtes-d'Armor", 'Côtes-d’Armor', "Côtes-d'Armor", 'Conseil départemental des Côtes-d’Armor'],
      description: 'Territoire d’accueil du 2e Atelier de la coopération décentralisée franco-vietnamienne, en 1996.',
    },
    {
      id: 'region-grand-est', kind: 'collectivite', name: 'Région Grand Est', territoryId: 'FR-R-44',
      aliases: ['Grand Est', 'Région Lorraine', 'Lorraine'],
      description: 'Région issue en 2016 notamment de la Lorraine, où s’est tenu en 2000 le 4e Atelier franco-vietnamien (abbaye de Pont-à-Mousson).',
    },
    {
      id: 'region-occitanie', kind: 'collectivite', name: 'Région Occitanie', territoryId: 'FR-R-76',
      aliases: ['Occitanie', 'Région Midi-Pyrénées', 'région Midi-Pyrénées', 'Midi-Pyrénées'],
      description: 'Région issue en 2016 notamment de Midi-Pyrénées, coorganisatrice à Toulouse en 2003 des premières rencontres portant le nom d’Assises (5es).',
    },
    {
      id: 'ville-toulouse', kind: 'collectivite', name: 'Ville de Toulouse', territoryId: 'FR-C-31555', aliases: ['Toulouse'],
      description: 'Ville hôte des 5es Assises (2003) et des 11es Assises franco-vietnamiennes (1er et 2 avril 2019).',
    },
    {
      id: 'ville-brest', kind: 'collectivite', name: 'Ville de Brest', territoryId: 'FR-C-29019', aliases: ['Brest'],
      description: 'Ville hôte des 9es Assises franco-vietnamiennes, en septembre 2013.',
    },
    {
      id: 'hai-phong-cp', kind: 'collectivite', name: 'Comité populaire de Hải Phòng', territoryId: 'VN-P-31', country: 'VN',
      names: { fr: 'Comité populaire de Haïphong', en: 'Hai Phong People’s Committee', vi: 'Ủy ban nhân dân thành phố Hải Phòng' },
      aliases: ['Haiphong', 'Hai Phong', 'Hải Phòng', 'Ville de Haiphong'],
      description: 'Ville portuaire hôte des 8es Assises franco-vietnamiennes, en novembre 2010.',
    },
    {
      id: 'can-tho-cp', kind: 'collectivite', name: 'Comité populaire de Cần Thơ', territoryId: 'VN-P-92', country: 'VN',
      names: { fr: 'Comité populaire de Can Tho', en: 'Can Tho People’s Committee', vi: 'Ủy ban nhân dân thành phố Cần Thơ' },
      aliases: ['Can Tho', 'Cần Thơ', 'Ville de Can Tho'],
      description: 'Ville du delta du Mékong hôte des 10es Assises franco-vietnamiennes, en septembre 2016.',
    },
  ],
  partnerships: [
    {
      id: 'idf-hanoi', title: 'Île-de-France – Hanoï', kind: 'cooperation', status: 'active', started: '1989',
      summary: 'Partenariat de la Région Île-de-France avec le comité populaire de Hanoï, ouvert en 1989 par la toute première convention de coopération décentralisée entre une collectivité française et une collectivité vietnamienne. Les services de Hanoï bénéficient aussi des formations du programme AVEC.',
      themes: ['gouv.decentralisation', 'env.eau-dechets'],
      parties: [{ organisationId: 'region-idf', side: 'fr' }, { organisationId: 'hanoi-cp', side: 'foreign' }],
      agreements: [{
        id: 'idf-hanoi-convention-1989', kind: 'convention', signed: '1989',
        title: 'Première convention de coopération décentralisée franco-vietnamienne',
      }],
    },
  ],
  projects: [],
  missions: [],
  indicators: [],
};
