/** Forward-only SQL migrations: migrations/NNNN_name.sql, applied in order, each in a transaction (on PostgreSQL, one for the whole run: `schemaLocked`). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.js';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** from: the migrations' directory (tests give a copy with a migration of their own) */
export function migrationFiles(from = dir): string[] {
  return readdirSync(from).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
}

/** Any constant: the advisory lock processes take before changing the schema or seeding. */
const SCHEMA_LOCK = 7_320_117;

/**
 * fn with the schema to itself. On PostgreSQL, processes started together on one database (or `tandem db
 * migrate` run while one starts) take turns: fn runs in one transaction holding an advisory lock, so the
 * second process waits, then finds the migrations applied and the data seeded. PGlite needs none (one
 * process per data directory).
 */
export function schemaLocked<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  if (db.engine !== 'postgresql') return fn(db);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    return fn(tx);
  });
}

/**
 * Applies the pending migrations in order (on PostgreSQL all in one transaction, under the schema lock); upTo: the
 * last one to apply (a restore brings an empty database to its backup's schema, loads it, then migrates the rest).
 */
export function migrate(db: Db, upTo?: string, from = dir): Promise<string[]> {
  return schemaLocked(db, (db) => migrateUnlocked(db, upTo, from));
}

async function migrateUnlocked(db: Db, upTo: string | undefined, from: string): Promise<string[]> {
  // looked up before it is created: `create table if not exists` on a table that exists costs ≈ 0.1 s of each PGlite start
  const [{ present }] = await db.query<{ present: boolean }>(`select to_regclass('schema_migration') is not null as present`);
  if (!present) await db.exec('create table schema_migration (name text primary key, applied_at timestamptz not null default now())');
  const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
  const applied: string[] = [];
  for (const file of migrationFiles(from)) {
    if (done.has(file) || (upTo && file > upTo)) continue;
    const sql = readFileSync(join(from, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('insert into schema_migration (name) values ($1)', [file]);
    });
    applied.push(file);
  }
  return applied;
}
