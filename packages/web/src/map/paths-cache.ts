/**
 * The world map's projected paths kept on disk between starts (`node_modules/.cache/tandem/map-paths-<key>.json`,
 * 130 kB): projecting the 177 countries costs 0.15–0.3 s of the first home page after every restart. The key is a
 * SHA-256 of what the paths are made from: the frame, the versions of world-atlas, d3-geo, topojson-client and
 * i18n-iso-countries, and the sources of geo.ts and render.tsx. No cache folder (TANDEM_SEED_CACHE=off) → no file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedCacheDir } from '../../../server/src/db/seed/template.js';

const require = createRequire(import.meta.url);
const PACKAGES = ['world-atlas', 'd3-geo', 'topojson-client', 'i18n-iso-countries'];
const SOURCES = ['./geo.ts', './render.tsx'].map((p) => new URL(p, import.meta.url));

/** A package's version, from its package.json (d3-geo does not export it: found beside its entry; world-atlas has no entry). */
function versionOf(name: string): string {
  let file: string;
  try {
    file = require.resolve(`${name}/package.json`);
  } catch {
    const entry = require.resolve(name);
    file = `${entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`))}/node_modules/${name}/package.json`;
  }
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function file(frame: string): string | null {
  const dir = seedCacheDir();
  if (!dir) return null;
  try {
    const h = createHash('sha256').update(frame);
    for (const p of PACKAGES) h.update('\0').update(versionOf(p));
    for (const s of SOURCES) h.update('\0').update(readFileSync(fileURLToPath(s)));
    return join(dir, `map-paths-${h.digest('hex').slice(0, 16)}.json`);
  } catch {
    return null; // a package or a source not where expected: no cache
  }
}

/** The paths by shape id drawn in this frame by an earlier process, or an empty map. */
export function readPaths(frame: string): Map<string, string> {
  const f = file(frame);
  try {
    return f && existsSync(f) ? new Map(Object.entries(JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>)) : new Map();
  } catch {
    return new Map();
  }
}

/** Kept for the next start (written whole, then renamed: a reader never sees half a file). */
export function writePaths(frame: string, paths: Map<string, string>): void {
  const f = file(frame);
  if (!f) return;
  try {
    mkdirSync(join(f, '..'), { recursive: true });
    writeFileSync(`${f}.${process.pid}`, JSON.stringify(Object.fromEntries(paths)));
    renameSync(`${f}.${process.pid}`, f);
  } catch { /* a read-only cache: drawn again next time */ }
}
