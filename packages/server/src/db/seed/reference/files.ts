/**
 * Where the reference data lives: files copied into packages/server/data/reference (see docs/DATA-LICENSES.md)
 * and JSON shipped inside npm packages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const DATA_DIR = new URL('../../../../data/reference/', import.meta.url);
const require = createRequire(import.meta.url);

/** Text of a file under data/reference, e.g. 'vietnam/vn-provinces-34-2025.json'. */
export function readReferenceText(relPath: string): string {
  return readFileSync(new URL(relPath, DATA_DIR), 'utf8').replace(/^\uFEFF/, '');
}

export function readReferenceJson<T>(relPath: string): T {
  return JSON.parse(readReferenceText(relPath)) as T;
}

/** JSON data shipped in an npm package, e.g. '@etalab/decoupage-administratif/data/communes.json'. */
export function readPackageJson<T>(specifier: string): T {
  return require(specifier) as T;
}

/** The module itself of a CommonJS package (i18n-iso-countries). */
export function requirePackage<T>(specifier: string): T {
  return require(specifier) as T;
}
