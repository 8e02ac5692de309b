/**
 * Fast bulk loading: one `insert … select … from json_to_recordset($1::json)` per batch, the batch sent
 * as a single JSON parameter. Works alike on PostgreSQL 15 and PGlite; rows already present are skipped
 * (`on conflict do nothing`), so loading twice changes nothing.
 */
import type { Db } from '../../client.js';

export type ColumnType = 'text' | 'integer' | 'double precision' | 'date' | 'jsonb' | 'text[]' | 'integer[]';
export type Columns = Record<string, ColumnType>;
export type BulkRow = object;

export interface BulkOptions {
  /** Rows per statement (one JSON parameter each). */
  batchSize?: number;
  /** Columns whose value is the same for every row: sent once as parameters $2, $3…, not in each row. */
  fixed?: Record<string, unknown>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const DEFAULT_BATCH = 10_000;

/** Null fields are left out of the JSON: json_to_recordset reads a missing key as null. */
const withoutNulls = (_key: string, value: unknown) => (value === null ? undefined : value);

/** Inserts rows into table, in batches; returns how many rows were actually inserted. */
export async function bulkInsert(db: Db, table: string, columns: Columns, rows: readonly BulkRow[], opts: BulkOptions = {}): Promise<number> {
  const fixed = Object.entries(opts.fixed ?? {});
  const sql = insertSql(table, columns, fixed.map(([name]) => name));
  const size = opts.batchSize ?? DEFAULT_BATCH;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += size) {
    const batch = JSON.stringify(rows.slice(start, start + size), withoutNulls);
    const [row] = await db.query<{ n: number }>(sql, [batch, ...fixed.map(([, value]) => value)]);
    inserted += row?.n ?? 0;
  }
  return inserted;
}

/**
 * The statement for one batch: typed record set from JSON, fixed columns from parameters $2…,
 * conflicts skipped, inserted rows counted.
 */
export function insertSql(table: string, columns: Columns, fixed: string[] = []): string {
  const names = Object.keys(columns);
  for (const name of [table, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulkInsert: bad identifier ${JSON.stringify(name)}`);
  }
  for (const name of fixed) if (!columns[name]) throw new Error(`bulkInsert: fixed column ${name} is not a column`);
  const fromJson = names.filter((n) => !fixed.includes(n));
  const select = names.map((n) => (fixed.includes(n) ? `$${fixed.indexOf(n) + 2}::${columns[n]}` : n));
  const types = fromJson.map((n) => `${n} ${columns[n]}`).join(', ');
  return `with ins as (insert into ${table} (${names.join(', ')}) select ${select.join(', ')} `
    + `from json_to_recordset($1::json) as r(${types}) on conflict do nothing returning 1) select count(*)::int as n from ins`;
}
