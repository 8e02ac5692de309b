/**
 * Whole-table downloads (a kind's full CSV or JSON, the whole database) kept as files until the data changes: reading
 * 36,000 territories and 86,000 indicators again for every download would cost seconds each. A download is made once
 * into a temporary file, then every reader streams that file (memory follows the chunk read, not the file).
 *
 * "Until the data changes": the file's version is this process's writes (`Db.onWrite`) and a fingerprint of the public
 * tables read at each request (counts and last update of the records, the indicators' count and sum), so a change made
 * by another process (PostgreSQL) is seen too; files of the reference data (territories, indicators) follow their
 * tables' fingerprint only, so that the records' writes, far more frequent, leave them be. An outdated file is replaced by the next download and removed a minute
 * later (readers still streaming it keep it open).
 */
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/client.js';
import { safeFileName } from './stream.js';

const RECORD_TABLES = ['partnership', 'project', 'organisation', 'mission', 'event', 'event_series', 'territory'];
const REFERENCE = `(select count(*) || '/' || coalesce(max(updated_at)::text, '') from territory), (select count(*) || '/' || coalesce(sum(value)::text, '') from indicator_value),
  (select count(*) from territory_change)`;
const FINGERPRINT = {
  all: `select concat_ws('|', ${RECORD_TABLES.map((t) => `(select count(*) || '/' || coalesce(max(updated_at)::text, '') from ${t})`).join(', ')}, ${REFERENCE},
    (select count(*) from funding_line)) as f`,
  reference: `select concat_ws('|', ${REFERENCE}) as f`,
};

interface Entry { version: string; path: string; ready: Promise<void> }
interface DbCache { writes: number; entries: Map<string, Entry> }

const DIR = join(tmpdir(), `tandem-downloads-${process.pid}`);
const KEEP_OLD_MS = 60_000;
const caches = new WeakMap<Db, DbCache>();
let files = 0;
let cleanup = false;

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) {
    const fresh: DbCache = { writes: 0, entries: new Map() };
    db.onWrite(() => { fresh.writes++; });
    caches.set(db, c = fresh);
  }
  return c;
}

function removeLater(path: string) {
  setTimeout(() => rmSync(path, { force: true }), KEEP_OLD_MS).unref();
}

/**
 * The download `key` of `db`'s current data: made by `produce` into a file when there is none for this version, then read
 * from it. scope 'reference': it holds territories and indicators only, and changes with them (not with every write).
 */
export async function cachedDownload(db: Db, key: string, produce: () => ReadableStream<Uint8Array>, scope: 'all' | 'reference' = 'all'): Promise<ReadableStream<Uint8Array>> {
  const cache = cacheOf(db);
  const writes = cache.writes;
  const [{ f }] = await db.query<{ f: string }>(FINGERPRINT[scope]);
  const version = scope === 'reference' ? f : `${writes}:${f}`;
  let entry = cache.entries.get(key);
  if (!entry || entry.version !== version) {
    if (entry) { const old = entry; old.ready.then(() => removeLater(old.path), () => undefined); }
    mkdirSync(DIR, { recursive: true });
    if (!cleanup) { cleanup = true; process.once('exit', () => rmSync(DIR, { recursive: true, force: true })); }
    const path = join(DIR, `${safeFileName(key)}-${++files}`);
    const made: Entry = { version, path, ready: pipeline(Readable.fromWeb(produce() as any), createWriteStream(path)) };
    cache.entries.set(key, made);
    made.ready.catch(() => { if (cache.entries.get(key) === made) cache.entries.delete(key); rmSync(path, { force: true }); });
    entry = made;
  }
  await entry.ready;
  return Readable.toWeb(createReadStream(entry.path)) as unknown as ReadableStream<Uint8Array>;
}
