/** Test fixtures of funding calls: a small commune with a Vietnamese partnership on drinking water, and a call body. */
import type { Db } from '../../db/client.js';

/** A commune collectivité (its territory: Montreuil's commune) twinned with Huế on drinking water. */
export async function smallCommune(db: Db, id: string, name = 'Commune de Petit-Essai'): Promise<void> {
  await db.query(`insert into organisation (id, kind, name, territory_id, country) values ($1, 'collectivite', $2, 'FR-C-93048', 'FR')`, [id, name]);
  await db.query(`insert into partnership (id, title, kind, status, themes) values ($1, $2, 'cooperation', 'active', $3)`, [`${id}-hue`, `${name} – Huế`, ['env.eau-dechets.eau-potable']]);
  await db.query(`insert into partnership_party (partnership_id, organisation_id, side, position) values ($1, $2, 'fr', 0), ($1, 'ville-hue', 'foreign', 1)`, [`${id}-hue`, id]);
}

export function sampleCall(extra: Record<string, unknown> = {}) {
  return {
    title: 'Fonds eau potable France–Vietnam (essai)', summary: 'Un appel d’essai.', url: 'https://example.org/appel',
    beneficiaries: ['commune', 'epci'], aidTypes: ['grant'], spending: ['investment'], stages: ['implementation'],
    themes: ['env.eau-dechets'], areaTerritoryId: 'FR', partnerCountries: ['VN', 'LA'], minGroupSize: 3,
    opensOn: '2026-11-01', predepositOn: '2027-02-01', closesOn: '2027-03-01', rateMin: 20, rateMax: 50, amountMin: 10000, amountMax: 200000,
    requiredDocuments: ['Délibération', 'Budget prévisionnel'], sourceUrl: 'https://example.org/source', funders: ['meae'], instructors: ['daect'],
    ...extra,
  };
}
