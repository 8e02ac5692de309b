/** Static assets: the stylesheet, and the browser scripts bundled by esbuild once per process (in memory). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const bundles = ['search', 'map', 'sheet', 'embed', 'edit', 'import', 'surveys'] as const;
let built: Promise<Map<string, string>> | null = null;

export function scripts(): Promise<Map<string, string>> {
  // esbuild is loaded with the first script asked for, not at every start
  built ??= import('esbuild').then(({ build }) => build({
    entryPoints: Object.fromEntries(bundles.map((b) => [b, fileURLToPath(new URL(`./client/${b}.ts`, import.meta.url))])),
    bundle: true, minify: true, format: 'esm', target: 'es2020', write: false, outdir: '/out', logLevel: 'silent',
  })).then((r) => new Map(r.outputFiles.map((f) => [f.path.replace(/^.*\//, '').replace(/\.js$/, ''), f.text])));
  return built;
}

let css: string | null = null;
let icon: string | null = null;
/** Tandem's icon (two linked rings), served as /favicon.svg and at /favicon.ico, where browsers look by default. */
export function favicon(): string {
  icon ??= readFileSync(fileURLToPath(new URL('./styles/favicon.svg', import.meta.url)), 'utf8');
  return icon;
}
export function stylesheet(): string {
  css ??= readFileSync(fileURLToPath(new URL('./styles/site.css', import.meta.url)), 'utf8');
  return css;
}
