/**
 * The seeded template of the embedded database: a PGlite data directory, migrated and seeded once per version of the
 * sources, kept in a cache folder and copied into an empty DATA_DIR at first start (a file copy instead of PGlite's
 * initdb and the whole seed). Its key hashes every input of the seed: the server's and the shared package's sources
 * (migrations, seed documents, services, search documents), the reference data files and the versions of the packages
 * that ship data or the engine; any change gives a new key, so a template never holds another version's seed.
 * Built by `npm install` (scripts/seed-template.ts) or, failing that, by the first start that needs it.
 * TANDEM_SEED_CACHE: the cache folder, or "off" to seed in place every time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../client.js';
import { migrate } from '../migrate.js';
import { seedAll } from './index.js';
import { settleIndex } from '../../features/search/search.index.js';
import { collectGarbage } from '../../lib/gc.js';

const SERVER = fileURLToPath(new URL('../../../', import.meta.url));
const ROOT = resolve(SERVER, '../..');
/** The folders whose files decide what a seeded database holds. */
const INPUTS = [join(SERVER, 'src'), join(SERVER, 'data/reference'), join(ROOT, 'packages/shared/src')];
/** Packages whose version changes the engine or the reference data. */
const PACKAGES = ['@electric-sql/pglite', '@etalab/decoupage-administratif', 'world-countries', 'i18n-iso-countries'];
/** Templates kept: the newest ones (another branch or worktree may share the cache). */
const KEEP = 2;
const PREFIX = 'seed-';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The hash of every input of the seed (≈ 30 ms); inputs: the folders (tests give their own). */
export function seedTemplateKey(inputs: string[] = INPUTS): string {
  const h = createHash('sha256');
  for (const file of inputs.flatMap(files)) h.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const require = createRequire(join(SERVER, 'package.json'));
  for (const name of PACKAGES) {
    let version = 'missing';
    try { version = (require(`${name}/package.json`) as { version: string }).version; } catch { /* no exports entry for it */ }
    h.update(`${name}@${version}\0`);
  }
  return h.digest('hex').slice(0, 16);
}

/** The cache folder, or null when TANDEM_SEED_CACHE=off. */
export function seedCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.TANDEM_SEED_CACHE === 'off') return null;
  return resolve(env.TANDEM_SEED_CACHE || join(ROOT, 'node_modules/.cache/tandem'));
}

/**
 * Settings of the building instance only (start parameters, not written to the data directory): no full-page images
 * and at most 32 MB of WAL between checkpoints, so that the template is its tables plus a few WAL segments.
 */
const BUILD_PARAMS = ['-c', 'full_page_writes=off', '-c', 'max_wal_size=32MB', '-c', 'min_wal_size=32MB'];

/** The template for the current sources: its folder, built first when missing; null when off or when building failed. */
export async function ensureSeedTemplate(log: (m: string) => void = console.log, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const cache = seedCacheDir(env);
  if (!cache) return null;
  const dir = join(cache, PREFIX + seedTemplateKey());
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  try {
    mkdirSync(cache, { recursive: true });
    rmSync(building, { recursive: true, force: true });
    const t0 = Date.now();
    const db = await openDb({ dataDir: building, startParams: BUILD_PARAMS });
    try {
      await migrate(db);
      await seedAll(db);
      await settleIndex(db);
      await db.exec('checkpoint');
    } finally {
      await db.close();
    }
    rmSync(join(building, 'tandem.lock'), { force: true });
    // another process may have finished the same template meanwhile: keep the first
    if (existsSync(join(dir, 'PG_VERSION'))) rmSync(building, { recursive: true, force: true });
    else renameSync(building, dir);
    log(`seeded template built in ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir})`);
    evictOld(cache, dir);
    collectGarbage(); // the building engine's memory, before the server opens its own
    return dir;
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    if (existsSync(join(dir, 'PG_VERSION'))) return dir; // another process renamed its build into place first
    log(`seeded template not built (${(err as Error).message}): seeding in place`);
    return null;
  }
}

/** Leaves the KEEP newest templates (and unfinished builds of live processes only). */
function evictOld(cache: string, keep: string): void {
  const entries = readdirSync(cache).filter((n) => n.startsWith(PREFIX)).map((n) => join(cache, n));
  const stale = entries.filter((p) => p.includes('.building-') && !alive(Number(p.split('.building-')[1])));
  const done = entries.filter((p) => !p.includes('.building-') && p !== keep)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs).slice(KEEP - 1);
  for (const p of [...stale, ...done]) rmSync(p, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
