/** A fresh, migrated and seeded database for one test file, on the engine the run asks for. */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDb, openReadDbFromEnv, type Db } from '../src/db/client.js';
import { withDatabase } from './pg-admin.js';

let counter = 0;

export async function testDb(): Promise<Db> {
  const template = inject('pgTemplate');
  if (template) {
    const server = inject('pgServer');
    const name = `tandem_t_${process.ppid}_${process.pid}_${counter++}`;
    await withDatabase(server, (admin) => admin.exec(`create database ${name} template ${template}`));
    const u = new URL(server); u.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: u.toString() });
    const close = db.close.bind(db);
    return Object.assign(db, {
      async close() { await close(); await withDatabase(server, (admin) => admin.exec(`drop database if exists ${name} with (force)`)); },
    });
  }
  const bytes = readFileSync(inject('snapshotPath'));
  return openDb({ loadDataDir: new Blob([bytes]) });
}

/** db, counting the statements sent through it (`count`); closing it leaves db open. */
export function counted(db: Db): Db & { count: number } {
  const out = {
    engine: db.engine,
    count: 0,
    async query(sql: string, params?: unknown[]) { out.count++; return db.query(sql, params); },
    async exec(sql: string) { out.count++; return db.exec(sql); },
    async transaction<T>(fn: (tx: Db) => Promise<T>) { out.count++; return db.transaction(fn); },
    async close() { /* the caller closes db */ },
    onWrite: (fn: Parameters<Db["onWrite"]>[0]) => db.onWrite(fn),
  };
  return out as Db & { count: number };
}

/**
 * A stand-in for a read replica of a test database, counting its statements: on PostgreSQL a second pool on
 * the same database, opened as DATABASE_READ_URL opens one (read-only, application_name 'tandem-read');
 * on PGlite (one connection) the same database. close() closes the second pool.
 */
export async function readReplicaOf(db: Db): Promise<Db & { count: number }> {
  const server = inject('pgServer');
  if (db.engine !== 'postgresql' || !server) return counted(db);
  const [{ name }] = await db.query<{ name: string }>('select current_database() as name');
  const u = new URL(server); u.pathname = `/${name}`;
  const pool = await openReadDbFromEnv({ DATABASE_URL: server, DATABASE_READ_URL: u.toString() });
  return Object.assign(counted(pool!), { close: () => pool!.close() });
}
