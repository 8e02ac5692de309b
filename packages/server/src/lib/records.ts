/** Small helpers shared by the record services: ids, versions, existence checks. */
import { slugify } from '@tandem/shared';
import type { Db } from '../db/client.js';
import { ConflictError, NotFoundError, ValidationError, badReference } from './errors.js';

const TABLES = new Set(['territory', 'organisation', 'partnership', 'project', 'mission', 'agreement', 'theme', 'person', 'event', 'event_series']);

function table(name: string): string {
  if (!TABLES.has(name)) throw new Error(`unknown table ${name}`);
  return name;
}

/** A free id derived from a title: "cergy-hue", then "cergy-hue-2", … */
export async function freeId(db: Db, tableName: string, wanted: string | undefined, title: string): Promise<string> {
  if (wanted) return wanted;
  const base = slugify(title, 70);
  const rows = await db.query<{ id: string }>(`select id from ${table(tableName)} where id = $1 or id like $2`, [base, `${base}-%`]);
  const taken = new Set(rows.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Throws 400 naming the field when one of ids does not exist in tableName. */
export async function assertExist(db: Db, tableName: string, ids: Array<{ path: string; id: string | null | undefined }>): Promise<void> {
  const wanted = ids.filter((x): x is { path: string; id: string } => !!x.id);
  if (wanted.length === 0) return;
  const rows = await db.query<{ id: string }>(`select id from ${table(tableName)} where id = any($1::text[])`, [[...new Set(wanted.map((x) => x.id))]]);
  const found = new Set(rows.map((r) => r.id));
  const missing = wanted.find((x) => !found.has(x.id));
  if (missing) throw badReference(missing.path, tableName, missing.id);
}

/** Refuses a create whose id is taken (400 on field id). */
export async function assertIdFree(db: Db, tableName: string, id: string): Promise<void> {
  const rows = await db.query(`select 1 from ${table(tableName)} where id = $1`, [id]);
  if (rows.length) throw new ValidationError([{ path: 'id', message: `a ${tableName} with id "${id}" already exists` }]);
}

/**
 * Optimistic concurrency: bumps the version when it matches, else 409 (or 404 when the record is gone).
 * Call inside the transaction that writes the rest of the record.
 */
export async function bumpVersion(db: Db, tableName: string, kind: string, id: string, sent: number): Promise<number> {
  const rows = await db.query<{ version: number }>(
    `update ${table(tableName)} set version = version + 1, updated_at = now() where id = $1 and version = $2 returning version`, [id, sent]);
  if (rows.length) return rows[0].version;
  const cur = await db.query<{ version: number }>(`select version from ${table(tableName)} where id = $1`, [id]);
  if (!cur.length) throw new NotFoundError(kind, id);
  throw new ConflictError(kind, id, cur[0].version, sent);
}

export async function deleteRow(db: Db, tableName: string, kind: string, id: string): Promise<void> {
  const rows = await db.query(`delete from ${table(tableName)} where id = $1 returning id`, [id]);
  if (!rows.length) throw new NotFoundError(kind, id);
}
