/**
 * France from @etalab/decoupage-administratif 6 (COG 2026): 18 régions, 101 départements, the overseas
 * collectivités (kind 'com', so that their communes have a parent), communes ('commune-actuelle' only) with
 * their population, EPCI; coordinates from the datas.fun CSVs.
 */
import type { Db } from '../../client.js';
import {
  cogCommunes, cogDepartements, cogRegions, comId, communeId, departementId, regionId, type CogCommune,
} from './cog.js';
import { countryCentroids } from './countries.js';
import { epciRows } from './epci.js';
import { communeCoords, departementCoords, regionCoords, type LatLon } from './france-coords.js';
import { INSEE_POPULATION_SOURCE as POPULATION_SOURCE } from './sources.js';
import { insertIndicators, insertTerritories, roundCoord, territory, type IndicatorRow, type TerritoryRow } from './territories.js';

export { POPULATION_SOURCE };
/**
 * Reference year of the package's populations: its README cites INSEE populations légales 2023 (in force in
 * 2026), Mayotte from the 2017 census, and INSEE's COM page (Polynésie: 2022 census; Nouvelle-Calédonie: 2025).
 */
const POPULATION_YEAR: Record<string, number> = { '976': 2017, '987': 2022, '988': 2025 };
const DEFAULT_POPULATION_YEAR = 2023;
/** Overseas collectivités that are also ISO 3166-1 countries (for a centroid and a cross-reference). */
const COM_ISO: Record<string, string> = { '975': 'PM', '977': 'BL', '978': 'MF', '984': 'TF', '986': 'WF', '987': 'PF', '988': 'NC' };

function frUnit(id: string, kind: string, parent: string, nom: string, code: string, point: LatLon | null | undefined): TerritoryRow {
  return territory({
    id, kind, parent_id: parent, country: 'FR', name: nom, names: { fr: nom }, codes: { insee: code },
    lat: roundCoord(point?.[0]), lon: roundCoord(point?.[1]),
  });
}

/** Régions, départements and COM, parents first. */
export function franceUnitRows(): TerritoryRow[] {
  const regions = cogRegions();
  const rc = regionCoords();
  const dc = departementCoords();
  const centroids = countryCentroids();
  const regionRows = regions.filter((r) => r.zone !== 'com')
    .map((r) => frUnit(regionId(r.code), 'region', 'FR', r.nom, r.code, rc.get(r.code)));
  const deptRows = cogDepartements().filter((d) => d.zone !== 'com')
    .map((d) => frUnit(departementId(d.code), 'departement', regionId(d.region), d.nom, d.code, dc.get(d.code)));
  const comRows = regions.filter((r) => r.zone === 'com').map((r) => {
    const iso = COM_ISO[r.code];
    const row = frUnit(comId(r.code), 'com', 'FR', r.nom, r.code, iso ? centroids.get(iso) : null);
    return iso ? { ...row, codes: { ...row.codes, iso3166_1_a2: iso } } : row;
  });
  return [...regionRows, ...deptRows, ...comRows];
}

function communeRow(c: CogCommune, point: LatLon | null): TerritoryRow {
  const codes: Record<string, string> = { insee: c.code };
  if (c.siren) codes.siren = c.siren;
  if (c.codesPostaux?.length) codes.postcodes = c.codesPostaux.join(',');
  return territory({
    id: communeId(c.code), kind: 'commune', parent_id: c.zone === 'com' ? comId(c.departement) : departementId(c.departement),
    country: 'FR', name: c.nom, names: { fr: c.nom }, codes, lat: roundCoord(point?.[0]), lon: roundCoord(point?.[1]),
  });
}

/** Coordinates of every current commune that has some, by INSEE code. */
export function communePoints(communes: CogCommune[]): Map<string, LatLon> {
  const coords = communeCoords();
  const out = new Map<string, LatLon>();
  for (const c of communes) {
    const point = coords.lookup(c.code, c.anciensCodes);
    if (point) out.set(c.code, point);
  }
  return out;
}

export function communePopulationRows(communes: CogCommune[]): IndicatorRow[] {
  return communes.filter((c) => typeof c.population === 'number').map((c) => ({
    territory_id: communeId(c.code), indicator: 'population', year: POPULATION_YEAR[c.departement] ?? DEFAULT_POPULATION_YEAR,
    value: c.population!, unit: 'people', source: POPULATION_SOURCE,
  }));
}

export interface FranceCounts { units: number; communes: number; epcis: number; populations: number }

/** Régions, départements, COM, communes, EPCI and commune populations. Needs the country 'FR'. */
export async function loadFrance(db: Db): Promise<FranceCounts> {
  const communes = cogCommunes();
  const points = communePoints(communes);
  const units = await insertTerritories(db, franceUnitRows());
  const inserted = await insertTerritories(db, communes.map((c) => communeRow(c, points.get(c.code) ?? null)));
  const epcis = await insertTerritories(db, epciRows(communes, points));
  const populations = await insertIndicators(db, communePopulationRows(communes));
  return { units, communes: inserted, epcis, populations };
}
