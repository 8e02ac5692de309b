/**
 * The layers, read from the source: shared ← server ← web ← app. A file imports only from its own package and
 * the layers below it (import/export … from, import(), require() specifiers, relative or by package name).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGES = resolve(import.meta.dirname, '../..');
const LAYERS = ['shared', 'server', 'web', 'app'] as const;
type Layer = (typeof LAYERS)[number];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !join(e.parentPath, e.name).includes(`${sep}node_modules${sep}`))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module specifier of a file: static imports and re-exports, import('…'), require('…'), vi.mock('…'). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export * from '…', import type …
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…' (side effects)
    /\b(?:import|require|vi\.mock)\s*\(\s*['"`]([^'"`]+)['"`]/g, // import('…'), require('…'), vi.mock('…')
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** The package a specifier of a file in `from` points into, if it is one of ours. */
function layerOf(spec: string, file: string): Layer | undefined {
  const named = /^@tandem\/([\w-]+)/.exec(spec);
  if (named) return named[1] as Layer;
  if (!spec.startsWith('.')) return undefined;
  const [pkg] = relative(PACKAGES, resolve(file, '..', spec)).split(sep);
  return (LAYERS as readonly string[]).includes(pkg) ? (pkg as Layer) : undefined;
}

function violations(layer: Layer, dirs: string[]): string[] {
  const allowed = LAYERS.slice(0, LAYERS.indexOf(layer) + 1);
  const found: string[] = [];
  for (const dir of dirs) for (const file of sources(join(PACKAGES, layer, dir))) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = layerOf(spec, file);
      if (target && !allowed.includes(target)) found.push(`${relative(PACKAGES, file)} imports ${spec} (${target})`);
    }
  }
  return found;
}

describe('layers', () => {
  it('finds the specifiers of every import form (the scan can see a violation)', () => {
    const text = `import { a } from '../../web/src/site.js';\nimport type { B } from "@tandem/web";\nexport * from './x.js';\n`
      + `import './side.js';\nconst m = await import('../../web/src/i18n/index.js');\nrequire('../web/y');\nexport { c } from '../app/src/cli.js';`;
    expect(specifiers(text)).toEqual(expect.arrayContaining(['../../web/src/site.js', '@tandem/web', './x.js', './side.js',
      '../../web/src/i18n/index.js', '../web/y', '../app/src/cli.js']));
    expect(layerOf('../../../../web/src/i18n/index.js', join(PACKAGES, 'server/src/features/export/columns.ts'))).toBe('web');
    expect(layerOf('@tandem/shared', join(PACKAGES, 'server/src/app.ts'))).toBe('shared');
    expect(layerOf('hono', join(PACKAGES, 'server/src/app.ts'))).toBeUndefined();
  });

  it('the server (src and test) imports nothing from packages/web or packages/app', () => {
    expect(violations('server', ['src', 'test'])).toEqual([]);
  });

  it('shared imports nothing from the server, web or app; web nothing from app', () => {
    expect(violations('shared', ['src'])).toEqual([]);
    expect(violations('web', ['src', 'test', 'e2e'])).toEqual([]);
  });
});
