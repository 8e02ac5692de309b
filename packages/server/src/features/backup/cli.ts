/** `tandem backup FILE` and `tandem restore FILE` (features/backup; README "Backup and restore"). */
import { createWriteStream, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDb, type Db } from '../../db/client.js';
import { DataDirLockedError } from '../../db/lock.js';
import { writeBackup } from './backup.service.js';
import { BackupError } from './format.js';
import { findLocalServer, LOCAL_HEADER } from './local.js';
import { restoreBackup, verifyBackup } from './restore.service.js';

export const BACKUP_HELP = `Usage: tandem backup FILE

Writes the whole database to FILE (gzip): one consistent snapshot of every table — records, revisions, accounts,
grants, API tokens, people, APD declarations, the audit log — with the schema's migrations. Sign-in sessions and the
search index are left out (people sign in again; the index is rebuilt on restore).
While a server holds the embedded data directory (DATA_DIR), it is asked for the backup (DATA_DIR/tandem-server.json);
otherwise the database is opened directly (PostgreSQL: DATABASE_URL). FILE appears only once whole and checked.`;

export const RESTORE_HELP = `Usage: tandem restore FILE

Restores a backup made by "tandem backup" into an empty database: a new or empty DATA_DIR (stop the server first),
or an empty PostgreSQL database (DATABASE_URL). The file is checked whole first (checksum, row counts, schema); it lands
in one transaction, brought to this version's schema, and the search index is rebuilt. A damaged file, a backup from a
newer Tandem or a database that already holds data is refused, and nothing is written.`;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function dataDir(env: NodeJS.ProcessEnv): string { return resolve(env.DATA_DIR || 'data'); }

/** The database to back up, opened by this process, or the running server that holds it. */
async function source(env: NodeJS.ProcessEnv): Promise<{ db: Db } | { url: string; secret: string; pid: number }> {
  if (env.DATABASE_URL) return { db: await openDb({ databaseUrl: env.DATABASE_URL }) };
  const dir = dataDir(env);
  if (!existsSync(resolve(dir, 'PG_VERSION'))) throw new BackupError(`there is no database in ${dir} (set DATA_DIR, or DATABASE_URL for PostgreSQL)`);
  try {
    return { db: await openDb({ dataDir: dir }) };
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const server = findLocalServer(dir);
    if (!server) throw new BackupError(`${err.message} It has not published its address (${dir}/tandem-server.json): it may be starting, or not be a server; try again once it answers.`);
    return server;
  }
}

export async function runBackup(file: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const target = resolve(file);
  const partial = `${target}.partial`;
  try {
    const from = await source(env);
    let via: string;
    if ('db' in from) {
      try { await writeBackup(from.db, createWriteStream(partial, { mode: 0o600 })); } finally { await from.db.close(); }
      via = from.db.engine === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : dataDir(env);
    } else {
      let res: Response;
      try {
        res = await fetch(`${from.url}/api/admin/backup`, { headers: { [LOCAL_HEADER]: from.secret } });
      } catch (e) {
        throw new BackupError(`the server that holds ${dataDir(env)} (pid ${from.pid}) does not answer at ${from.url} (${(e as Error).cause ?? (e as Error).message}); if it was stopped, run the backup again`);
      }
      if (res.status !== 200 || !res.body) throw new BackupError(`the server at ${from.url} refused the backup: ${res.status} ${await res.text()}`);
      await pipeline(Readable.fromWeb(res.body as any), createWriteStream(partial, { mode: 0o600 }));
      via = `the running server: pid ${from.pid} at ${from.url}`;
    }
    const checked = await verifyBackup(partial);
    renameSync(partial, target);
    console.log(`backup written to ${target}: ${plural(checked.tables, 'table')}, ${plural(checked.rows, 'row')}, schema ${checked.header.migrations.at(-1)} (from ${via})`);
    return 0;
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof BackupError) { console.error(`tandem backup: ${err.message}`); return 1; }
    throw err;
  }
}

export async function runRestore(file: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path)) { console.error(`tandem restore: no file ${path}`); return 1; }
  const dir = dataDir(env);
  const existed = existsSync(dir);
  const fresh = !env.DATABASE_URL && (!existed || readdirSync(dir).length === 0);
  let db: Db | undefined;
  let ok = false;
  try {
    // the whole file checked before any database is opened: a damaged one leaves no trace
    const checked = await verifyBackup(path);
    console.error(`backup checked: ${plural(checked.tables, 'table')}, ${plural(checked.rows, 'row')}, schema ${checked.header.migrations.at(-1)}, made ${checked.header.createdAt} on ${checked.header.engine}`);
    try {
      db = await openDb(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: dir });
    } catch (err) {
      if (err instanceof DataDirLockedError) throw new BackupError(`${err.message} A restore needs an empty data directory that no server holds.`);
      throw err;
    }
    const t0 = Date.now();
    const r = await restoreBackup(db, path);
    ok = true;
    console.log(`restored ${plural(r.rows, 'row')} in ${plural(r.tables, 'table')} into ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : dir}` +
      `${r.migratedAfter.length ? `, then migrated: ${r.migratedAfter.join(', ')}` : ''}; search index rebuilt (${plural(r.searchDocs, 'document')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`tandem restore: refused: ${err.message.replace(/\.$/, '')}. Nothing was written.`);
    return 1;
  } finally {
    await db?.close();
    // what a refused restore made of a new or empty data directory goes (the directory itself only if it made it)
    if (fresh && !ok) {
      if (existed) for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
      else rmSync(dir, { recursive: true, force: true });
    }
  }
}
