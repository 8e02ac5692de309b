/**
 * A TypeScript entry loaded as one JavaScript bundle, made by esbuild once per version of the sources and kept in
 * node_modules/.cache/tandem, instead of through tsx's loader (a second V8 thread compiling every module at each
 * start: ≈ 60 MB resident and 1–1.5 s). Used by `npm start` (run.mjs) and `npx tandem` (tandem.mjs). The project's own
 * files are bundled, and so are the plain-JavaScript packages of BUNDLED (zod and hono alone are 160 ES modules: Node
 * resolves, reads and links each one at every start); every other package stays an import of the file Node would load
 * (its resolved path): those with WebAssembly, native or data files beside their code. `import.meta.url` keeps naming
 * each source file, so data files are found beside the sources as under tsx. No bundle (esbuild missing, a build
 * error, TANDEM_BUNDLE=off) → tsx, as before.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CACHE = resolve(process.env.TANDEM_BUNDLE_CACHE || join(ROOT, 'node_modules/.cache/tandem'));
const SOURCES = ['packages/app/src', 'packages/server/src', 'packages/web/src', 'packages/shared/src'].map((d) => join(ROOT, d));
const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs|json)$/;
/** Packages bundled with the sources (and what they import): plain JavaScript, no file read beside their code. */
const BUNDLED = new Set(['zod', 'hono', '@hono/node-server', 'd3-geo', 'd3-array', 'internmap', 'topojson-client', 'i18n-iso-countries']);
/** The package a resolved file belongs to (the last node_modules/… of its path), or null. */
function packageOf(path) {
  const m = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return m ? m[1] : null;
}

/** Every source file that may be bundled, hashed with the entry's path, esbuild's version, this file and the installed packages' versions. */
function key(entry, version) {
  // this file too: a change in how the bundle is made makes a new one
  const h = createHash('sha256').update(`${relative(ROOT, entry)}\0${version}\0${process.version}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  const installed = join(ROOT, 'node_modules/.package-lock.json');
  h.update(existsSync(installed) ? readFileSync(installed) : '').update('\0');
  for (const dir of SOURCES) {
    if (!existsSync(dir)) continue;
    // (paths joined and made relative by hand: path.join/relative on every file cost ≈ 40 ms of each start)
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && SOURCE_FILE.test(e.name)).map((e) => `${e.parentPath}/${e.name}`).sort();
    for (const f of files) h.update(f.slice(ROOT.length + 1)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** The project's files are bundled (with their own import.meta); packages stay external, by resolved path. */
function plugin() {
  return {
    name: 'tandem-sources',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'resolving' || args.path.startsWith('node:')) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
        if (r.errors.length) return { errors: r.errors };
        const own = r.path.startsWith(join(ROOT, 'packages') + '/') && !r.path.includes('/node_modules/');
        // what a bundled package imports is bundled with it (a CommonJS require() of an external file cannot work)
        const bundled = own || BUNDLED.has(packageOf(r.path)) || packageOf(args.importer) !== null;
        return bundled ? { path: r.path } : { path: pathToFileURL(r.path).href, external: true };
      });
      build.onLoad({ filter: /\.(ts|tsx)$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const url = JSON.stringify(pathToFileURL(args.path).href);
        const contents = source
          .replaceAll('import.meta.url', url)
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

async function bundle(entry) {
  // esbuild's version from its package.json: importing esbuild itself (≈ 0.1 s) only when a bundle is built
  const { version } = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8'));
  // one name per entry: bundle-server-src-main-<key>.mjs
  const prefix = `bundle-${relative(ROOT, entry).replace(/^packages\//, '').replace(/\.tsx?$/, '').replace(/[^a-z0-9]+/gi, '-')}-`;
  const file = join(CACHE, `${prefix}${key(entry, version)}.mjs`);
  if (existsSync(file)) return file;
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${file}.${process.pid}`;
  try {
    await esbuild.build({
      entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: tmp,
      jsx: 'automatic', jsxImportSource: 'hono/jsx', logLevel: 'silent', sourcemap: 'linked', plugins: [plugin()],
      conditions: [], // packages resolved as Node resolves them (no bundlers' "module" condition)
    });
    renameSync(`${tmp}.map`, `${file}.map`);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.map`, { force: true });
    await esbuild.stop();
  }
  for (const old of readdirSync(CACHE).filter((n) => n.startsWith(prefix) && !join(CACHE, n).startsWith(file))) {
    const p = join(CACHE, old);
    if (Date.now() - statSync(p).mtimeMs > 60_000) rmSync(p, { force: true });
  }
  return file;
}

/** The entry's module: the bundle's, or the source's through tsx. */
export async function loadEntry(entry) {
  let file = null;
  try {
    file = process.env.TANDEM_BUNDLE === 'off' ? null : await bundle(entry);
  } catch (err) {
    console.error(`tandem: no bundle (${err.message.split('\n')[0]}): running through tsx`);
  }
  if (file) return import(pathToFileURL(file).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(entry).href);
}

export const fromRoot = (path) => resolve(ROOT, path);
