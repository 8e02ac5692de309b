/**
 * Merging two versions of a record after a 409: theirs (the record as saved now) and mine (what the person
 * posted). A record splits into units the person chooses between: each top-level field, except lists of
 * rows (co-financing lines, agreements, parties…), which split into one unit per row. With the version the
 * form was opened from (base), each unit says who changed it, and the default choice follows: a unit only
 * they changed keeps theirs, anything else keeps mine.
 */
import { diffRecords, type Change } from '@tandem/shared';

export type Side = 'theirs' | 'mine';
export type ChangedBy = 'mine' | 'theirs' | 'both' | 'unknown';

export interface Unit {
  /** 'title', 'funding.1' */
  key: string;
  /** the top-level field */
  field: string;
  /** the row index for row units */
  row: number | null;
  theirs: unknown;
  mine: unknown;
  differs: boolean;
  changedBy: ChangedBy | null;
  /** leaf paths inside the unit whose values differ, relative to the unit ('amount', 'axes.1') */
  changed: string[];
  pick: Side;
}

type Rec = Record<string, unknown>;
const IGNORED = new Set(['version', 'id', 'createdAt', 'updatedAt']);

const isRow = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
const isRowList = (x: unknown) => Array.isArray(x) && x.length > 0 && x.every(isRow);
/** Row units for a field when either side holds a list of objects. */
const splitsIntoRows = (theirs: Rec, mine: Rec, field: string) => isRowList(theirs[field]) || isRowList(mine[field]);

const same = (a: unknown, b: unknown) => diffRecords({ v: a }, { v: b }).length === 0;

function unitValue(r: Rec | null, field: string, row: number | null): unknown {
  if (!r) return undefined;
  const v = r[field];
  return row === null ? v : Array.isArray(v) ? v[row] : undefined;
}

export function fieldsOf(...records: Array<Rec | null>): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r ?? {})) if (!IGNORED.has(k)) seen.add(k);
  return [...seen];
}

/** Every unit of the two versions, in field order; `order` puts the form's fields first. */
export function conflictUnits(theirs: Rec, mine: Rec, base: Rec | null, order: string[] = []): Unit[] {
  const changes: Change[] = diffRecords(theirs, mine);
  const fields = fieldsOf(theirs, mine).sort((a, b) => rank(order, a) - rank(order, b));
  const units: Unit[] = [];
  for (const field of fields) {
    const rows = splitsIntoRows(theirs, mine, field)
      ? [...Array(Math.max(arr(theirs[field]).length, arr(mine[field]).length)).keys()]
      : [null];
    for (const row of rows) {
      const key = row === null ? field : `${field}.${row}`;
      const changed = changes.filter((c) => c.path === key || c.path.startsWith(`${key}.`)).map((c) => c.path.slice(key.length + 1));
      const t = unitValue(theirs, field, row), m = unitValue(mine, field, row);
      const differs = changed.length > 0;
      let changedBy: ChangedBy | null = null;
      if (differs) {
        if (!base) changedBy = 'unknown';
        else {
          const b = unitValue(base, field, row);
          changedBy = same(b, t) ? 'mine' : same(b, m) ? 'theirs' : 'both';
        }
      }
      units.push({ key, field, row, theirs: t, mine: m, differs, changedBy, changed, pick: changedBy === 'theirs' ? 'theirs' : 'mine' });
    }
  }
  return units;
}

const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const rank = (order: string[], f: string) => { const k = order.indexOf(f); return k < 0 ? order.length : k; };

/** The merged record: for each unit the side picked (a unit nobody picked keeps mine). */
export function mergeVersions(theirs: Rec, mine: Rec, picks: Record<string, Side>): Rec {
  const out: Rec = {};
  for (const field of fieldsOf(theirs, mine)) {
    if (splitsIntoRows(theirs, mine, field)) {
      const n = Math.max(arr(theirs[field]).length, arr(mine[field]).length);
      const rows: unknown[] = [];
      for (let row = 0; row < n; row++) {
        const side = picks[`${field}.${row}`] === 'theirs' ? theirs : mine;
        const v = arr(side[field])[row];
        if (v !== undefined) rows.push(v);
      }
      out[field] = rows;
    } else {
      const v = (picks[field] === 'theirs' ? theirs : mine)[field];
      if (v !== undefined) out[field] = v;
    }
  }
  return out;
}

/** `_pick:funding.1=theirs` fields of the conflict form → picks. */
export function picksFrom(meta: Record<string, string>): Record<string, Side> {
  const out: Record<string, Side> = {};
  for (const [k, v] of Object.entries(meta)) {
    if (k.startsWith('_pick:') && (v === 'theirs' || v === 'mine')) out[k.slice(6)] = v;
  }
  return out;
}

/** A JSON object carried by a hidden field, or null. */
export function jsonField(value: string | undefined): Rec | null {
  if (!value || value.length > 2_000_000) return null;
  try {
    const v = JSON.parse(value);
    return isRow(v) ? v : null;
  } catch { return null; }
}
