/**
 * Coordinates of French units from the datas.fun CSVs (INSEE codes; 2024 geography). Their licence is not
 * stated, so only latitude/longitude are read from them, nothing else.
 */
import { csvNumber, parseCsv } from './csv.js';
import { readReferenceText } from './files.js';

export type LatLon = [number, number];

const COMMUNES_CSV = 'france/datasfun-communes-2024.csv';
const DEPARTEMENTS_CSV = 'france/datasfun-departements-2024.csv';
const REGIONS_CSV = 'france/datasfun-regions-2024.csv';
/** Which row wins when a code appears several times (a commune nouvelle and its délégués share codes). */
const TYPE_RANK: Record<string, number> = { COM: 0, COMD: 1, ARM: 2 };

function latLon(row: Record<string, string>): LatLon | null {
  const lat = csvNumber(row.lat);
  const lon = csvNumber(row.lng);
  return lat === null || lon === null ? null : [lat, lon];
}

export function meanLatLon(points: Array<LatLon | null | undefined>): LatLon | null {
  const known = points.filter((p): p is LatLon => !!p);
  if (known.length === 0) return null;
  return [known.reduce((s, p) => s + p[0], 0) / known.length, known.reduce((s, p) => s + p[1], 0) / known.length];
}

function coordsBy(file: string, codeColumn: string): Map<string, LatLon> {
  const out = new Map<string, LatLon>();
  for (const row of parseCsv(readReferenceText(file), [codeColumn, 'lat', 'lng'])) {
    const point = latLon(row);
    if (point) out.set(row[codeColumn], point);
  }
  return out;
}

export const departementCoords = (): Map<string, LatLon> => coordsBy(DEPARTEMENTS_CSV, 'insee_dep');
export const regionCoords = (): Map<string, LatLon> => coordsBy(REGIONS_CSV, 'insee_reg');

export interface CommuneCoords {
  /** Coordinates of an INSEE code, or of its municipal arrondissements, or of its former communes. */
  lookup(code: string, formerCodes?: string[]): LatLon | null;
}

export function communeCoords(): CommuneCoords {
  const own = new Map<string, { point: LatLon; rank: number }>();
  const arrondissements = new Map<string, LatLon[]>();
  for (const row of parseCsv(readReferenceText(COMMUNES_CSV), ['insee_com', 'commune_type', 'insee_parente', 'lat', 'lng'])) {
    const point = latLon(row);
    if (!point) continue;
    const rank = TYPE_RANK[row.commune_type] ?? 9;
    const seen = own.get(row.insee_com);
    if (!seen || rank < seen.rank) own.set(row.insee_com, { point, rank });
    if (row.commune_type === 'ARM' && row.insee_parente) {
      const siblings = arrondissements.get(row.insee_parente);
      if (siblings) siblings.push(point); else arrondissements.set(row.insee_parente, [point]);
    }
  }
  return {
    lookup(code, formerCodes = []) {
      return own.get(code)?.point
        ?? meanLatLon(arrondissements.get(code) ?? [])
        ?? meanLatLon(formerCodes.map((c) => own.get(c)?.point));
    },
  };
}
