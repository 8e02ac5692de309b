/** Test helpers for backups (imported by *.test.ts only): an empty database on either engine, and a backup's lines. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { openDb, type Db } from '../../db/client.js';
import { withDatabase } from '../../../test/pg-admin.js';

let counter = 0;

/** The PostgreSQL server to use, or null when none answers. */
export async function reachablePg(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try { await client.connect(); return url; } catch { return null; } finally { await client.end().catch(() => {}); }
}

/** A new database without tables: PGlite in memory, or a new database on the PostgreSQL server (dropped on close). */
export async function emptyDb(engine: 'pglite' | 'postgresql', server?: string): Promise<Db> {
  if (engine === 'pglite') return openDb({ memory: true });
  const name = `tandem_t_${process.ppid}_${process.pid}_restore${counter++}`;
  await withDatabase(server!, async (admin) => { await admin.exec(`drop database if exists ${name} with (force)`); await admin.exec(`create database ${name}`); });
  const u = new URL(server!); u.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: u.toString() });
  const close = db.close.bind(db);
  return Object.assign(db, { async close() { await close(); await withDatabase(server!, (admin) => admin.exec(`drop database if exists ${name} with (force)`)); } });
}

/** A backup file's lines. */
export const backupLines = (file: string): string[] => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);

/** Writes file with its lines changed by edit (gzip again: only the content is wrong). */
export function editBackup(file: string, out: string, edit: (lines: string[]) => string[]): void {
  writeFileSync(out, gzipSync(edit(backupLines(file)).join('\n') + '\n'));
}

/** Like editBackup, with the trailer's checksum made anew: a file that passes every check but the database's. */
export function forgeBackup(file: string, out: string, edit: (lines: string[]) => string[]): void {
  editBackup(file, out, (ls) => {
    const body = edit(ls.slice(0, -1));
    const [, trailer] = JSON.parse(ls.at(-1)!);
    const sha256 = createHash('sha256').update(body.map((l) => l + '\n').join('')).digest('hex');
    return [...body, JSON.stringify(['trailer', { ...trailer, sha256 }])];
  });
}
