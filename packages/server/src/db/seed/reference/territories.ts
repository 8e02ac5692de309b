/** Territory rows as the loaders build them, and their bulk insertion. */
import type { Db } from '../../client.js';
import { bulkInsert, type Columns } from './bulk.js';

export interface TerritoryRow {
  id: string;
  kind: string;
  parent_id: string | null;
  country: string;
  name: string;
  names: Record<string, string>;
  aliases: string[];
  codes: Record<string, string>;
  valid_from: string | null;
  valid_to: string | null;
  lat: number | null;
  lon: number | null;
}

export interface TerritoryChangeRow { from_id: string; to_id: string; kind: string; on_date: string; note: string | null }

export interface IndicatorRow { territory_id: string; indicator: string; year: number; value: number; unit: string; source: string }

const TERRITORY_COLUMNS: Columns = {
  id: 'text', kind: 'text', parent_id: 'text', country: 'text', name: 'text', names: 'jsonb', aliases: 'text[]',
  codes: 'jsonb', valid_from: 'date', valid_to: 'date', lat: 'double precision', lon: 'double precision',
};
const CHANGE_COLUMNS: Columns = { from_id: 'text', to_id: 'text', kind: 'text', on_date: 'date', note: 'text' };
const INDICATOR_COLUMNS: Columns = {
  territory_id: 'text', indicator: 'text', year: 'integer', value: 'double precision', unit: 'text', source: 'text',
};

/** A territory with the optional fields left empty. */
export function territory(row: Pick<TerritoryRow, 'id' | 'kind' | 'parent_id' | 'country' | 'name'> & Partial<TerritoryRow>): TerritoryRow {
  return { names: {}, aliases: [], codes: {}, valid_from: null, valid_to: null, lat: null, lon: null, ...row };
}

/** Parents must be inserted before (or in the same batch as) their children. */
export function insertTerritories(db: Db, rows: TerritoryRow[]): Promise<number> {
  return bulkInsert(db, 'territory', TERRITORY_COLUMNS, rows);
}

export function insertTerritoryChanges(db: Db, rows: TerritoryChangeRow[]): Promise<number> {
  return bulkInsert(db, 'territory_change', CHANGE_COLUMNS, rows);
}

/** Grouped by indicator, unit and source, which are then sent once per group rather than in every row. */
export async function insertIndicators(db: Db, rows: IndicatorRow[]): Promise<number> {
  const groups = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.indicator, row.unit, row.source]);
    const group = groups.get(key);
    if (group) group.push(row); else groups.set(key, [row]);
  }
  let inserted = 0;
  for (const group of groups.values()) {
    const { indicator, unit, source } = group[0];
    const values = group.map((r) => ({ territory_id: r.territory_id, year: r.year, value: r.value }));
    inserted += await bulkInsert(db, 'indicator_value', INDICATOR_COLUMNS, values, { fixed: { indicator, unit, source } });
  }
  return inserted;
}

/** Unique non-empty strings, first occurrence kept, minus those in `except`. */
export function uniqueStrings(values: Array<string | null | undefined>, except: Array<string | null | undefined> = []): string[] {
  const skip = new Set(except);
  return [...new Set(values.filter((v): v is string => !!v && !skip.has(v)))];
}

/** Rounds a coordinate to 5 decimals (about a metre). */
export function roundCoord(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 1e5) / 1e5;
}
