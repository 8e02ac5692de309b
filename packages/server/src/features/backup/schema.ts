/** What a backup copies, read from the database's own catalogue: every table of the schema, parents before children. */
import type { Db } from '../../db/client.js';
import { BackupError, NOT_COPIED, type Column } from './format.js';

/** selfRef: the table references itself (a territory's parent): its rows load in one statement (see restore). */
export interface TableInfo { name: string; columns: Column[]; key: string[]; selfRef: boolean }

/** The base tables of the current schema and their row counts (all of them, copied or not). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind = 'r' order by 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await db.query<{ n: number }>(`select count(*)::int as n from ${ident(name)}`))[0].n;
  return out;
}

/**
 * The tables a backup copies, in an order where every table comes after the tables it references (a reference
 * to itself — a territory's parent — is checked at the end of the statement that loads the table; see restore).
 * Their columns (generated ones left out: they are computed again) and primary key.
 */
export async function copiedTables(db: Db): Promise<TableInfo[]> {
  const cols = await db.query<{ table: string; name: string; type: string }>(
    `select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type
       from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`);
  const keys = await db.query<{ table: string; name: string }>(
    `select c.relname as table, a.attname as name
       from pg_index i join pg_class c on c.oid = i.indrelid
       cross join lateral unnest(i.indkey) with ordinality k(attnum, pos)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) order by c.relname, k.pos`);
  const refs = await db.query<{ table: string; parent: string }>(
    `select distinct c.relname as table, p.relname as parent from pg_constraint f
       join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
      where f.contype = 'f' and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())`);
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    if (NOT_COPIED.has(c.table)) continue;
    const t = tables.get(c.table) ?? { name: c.table, columns: [], key: [], selfRef: false };
    t.columns.push({ name: c.name, type: c.type });
    tables.set(c.table, t);
  }
  for (const k of keys) tables.get(k.table)?.key.push(k.name);
  const parents = new Map<string, string[]>();
  for (const r of refs) {
    if (r.table === r.parent) { if (tables.has(r.table)) tables.get(r.table)!.selfRef = true; continue; }
    if (tables.has(r.table) && tables.has(r.parent)) parents.set(r.table, [...(parents.get(r.table) ?? []), r.parent]);
  }
  // depth-first: parents first, names in order for a stable file
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new BackupError(`tables reference each other in a cycle (${[...path, name].join(' → ')}): no load order exists`);
    state.set(name, 'visiting');
    for (const p of (parents.get(name) ?? []).sort()) visit(p, [...path, name]);
    state.set(name, 'done');
    ordered.push(tables.get(name)!);
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}

/** The sequences of the schema (serial ids): name → [last value, is_called]. */
export async function sequenceValues(db: Db): Promise<Record<string, [number, boolean]>> {
  const seqs = await db.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = (select oid from pg_namespace where nspname = current_schema()) and relkind = 'S' order by 1`);
  const out: Record<string, [number, boolean]> = {};
  for (const { name } of seqs) {
    const [r] = await db.query<{ v: string; called: boolean }>(`select last_value::text as v, is_called as called from ${ident(name)}`);
    out[name] = [Number(r.v), r.called];
  }
  return out;
}

/** The migrations applied to the database, in order ([] when it has no schema yet). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const [t] = await db.query<{ t: string | null }>(`select to_regclass('schema_migration')::text as t`);
  if (!t.t) return [];
  return (await db.query<{ name: string }>('select name from schema_migration order by name')).map((r) => r.name);
}

/** A quoted SQL identifier (names come from the catalogue or a backup file: quoted either way). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
