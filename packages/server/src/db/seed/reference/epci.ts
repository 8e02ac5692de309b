/**
 * EPCI à fiscalité propre (CC, CA, CU, métropoles). Parent: the département holding most of the members
 * (ties: the larger member population), 'FR' when none is known. Coordinates: the mean of the members'.
 */
import { cogEpcis, departementId, epciId, type CogCommune, type CogEpci } from './cog.js';
import { meanLatLon, type LatLon } from './france-coords.js';
import { roundCoord, territory, type TerritoryRow } from './territories.js';

/** The département of most members, by count then population; null when no member is a known commune. */
export function majorityDepartement(epci: CogEpci, communes: Map<string, CogCommune>): string | null {
  const tally = new Map<string, { count: number; population: number }>();
  for (const m of epci.membres) {
    const c = communes.get(m.code);
    if (!c || c.zone === 'com') continue;
    const t = tally.get(c.departement) ?? { count: 0, population: 0 };
    tally.set(c.departement, { count: t.count + 1, population: t.population + (m.populationTotale ?? 0) });
  }
  const ranked = [...tally].sort(([, a], [, b]) => b.count - a.count || b.population - a.population);
  return ranked[0]?.[0] ?? null;
}

/** EPCI rows, given the communes and their coordinates by INSEE code. */
export function epciRows(communes: CogCommune[], coords: Map<string, LatLon>): TerritoryRow[] {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  return cogEpcis().map((e) => {
    const dep = majorityDepartement(e, byCode);
    const point = meanLatLon(e.membres.map((m) => coords.get(m.code)));
    return territory({
      id: epciId(e.code), kind: 'epci', parent_id: dep ? departementId(dep) : 'FR', country: 'FR', name: e.nom,
      names: { fr: e.nom }, aliases: [e.type], codes: { siren: e.code },
      lat: roundCoord(point?.[0]), lon: roundCoord(point?.[1]),
    });
  });
}
