/** Server-rendered SVG maps: readable without JavaScript, links are real <a> elements. */
import { geoEqualEarth, geoMercator, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import { isWorld, type Shape } from './geo.js';
import { readPaths, writePaths } from './paths-cache.js';

/** `home`: the French side of the partnerships (France on the world map), shaded apart from the counts. */
export interface MapArea { id: string; name: string; href?: string; count?: number; label?: string; home?: boolean }
export interface MapLink { from: [number, number]; to: [number, number]; title: string; href: string }
export interface MapPoint { at: [number, number]; title: string; href: string }

export const NONE = '#d8dee6', HOME = '#f3dfb3', LINE = '#c0392b';
const SHADES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/** One colour class: counts from min to max (inclusive) share a fill. */
export interface ShadeClass { min: number; max: number; fill: string }

/**
 * The classes of counts 1…max: one per count up to five, above that five classes with geometric bounds
 * (1–2, 3–6, 7–15, 16–39, 40–100 for a maximum of 100), so that a few very active places do not wash out the rest.
 */
export function shadeClasses(max: number): ShadeClass[] {
  const top = Math.max(1, Math.floor(max)), n = Math.min(SHADES.length, top);
  const out: ShadeClass[] = [];
  for (let k = 0, lo = 1; k < n; k++) {
    const hi = k === n - 1 ? top : Math.max(lo, Math.floor(top ** ((k + 1) / n)));
    out.push({ min: lo, max: hi, fill: SHADES[n === 1 ? 2 : Math.round((k * (SHADES.length - 1)) / (n - 1))] });
    lo = hi + 1;
    if (lo > top) break;
  }
  return out;
}

export function shadeOf(count: number, max: number): string {
  if (!count) return NONE;
  return (shadeClasses(max).find((c) => count <= c.max) ?? shadeClasses(max).at(-1)!).fill;
}

/** The largest count among the areas: what the classes (and so the legend) are built from. */
export function maxCount(areas: Map<string, MapArea>): number {
  return Math.max(1, ...[...areas.values()].filter((a) => !a.home).map((a) => a.count ?? 0));
}

export interface MapProps {
  shapes: Shape[]; areas: Map<string, MapArea>; links?: MapLink[]; points?: MapPoint[]; width?: number; height?: number;
  projection?: 'world' | 'local'; title: string; desc: string; id?: string; current?: string;
}

/** A projection fitted to a frame, with the path of each shape drawn once: the same shapes and frame draw the same paths. */
interface Drawing { projection: GeoProjection; path: GeoPath; sphere: string | null; shapes: WeakMap<Shape, string> }
const drawings = new WeakMap<Shape[], Map<string, Drawing>>();

/**
 * The world's 177 countries take ≈ 0.2 s to project: kept per shapes array (the world's is loaded once, geo.ts) and
 * frame, so only the first page that draws a map pays for it; the world's also on disk for the next start (paths-cache.ts).
 */
function drawing(shapes: Shape[], width: number, height: number, local: boolean): Drawing {
  const frame = `${width}x${height}:${local ? 'local' : 'world'}`;
  let byFrame = drawings.get(shapes);
  if (!byFrame) drawings.set(shapes, byFrame = new Map());
  let d = byFrame.get(frame);
  if (!d) {
    const fc = { type: 'FeatureCollection' as const, features: shapes };
    const projection: GeoProjection = local
      ? geoMercator().fitExtent([[8, 8], [width - 8, height - 8]], fc as any)
      : geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' } as any);
    const path = geoPath(projection).digits(1);
    d = { projection, path, sphere: local ? null : path({ type: 'Sphere' } as any), shapes: new WeakMap() };
    byFrame.set(frame, d);
    if (isWorld(shapes)) {
      const saved = readPaths(frame);
      for (const s of shapes) if (saved.has(s.properties.id)) d.shapes.set(s, saved.get(s.properties.id)!);
      if (shapes.some((s) => !saved.has(s.properties.id))) writePaths(frame, new Map(shapes.map((s) => [s.properties.id, shapePath(d!, s)])));
    }
  }
  return d;
}

function shapePath(d: Drawing, s: Shape): string {
  let p = d.shapes.get(s);
  if (p === undefined) d.shapes.set(s, p = d.path(s as any) ?? '');
  return p;
}

/**
 * The map. Partnership lines are drawn over the areas but take no pointer events (attribute and CSS), so a click
 * on a country under a line opens the country; the lines stay links for the keyboard and screen readers.
 */
export function MapSvg(props: MapProps) {
  const width = props.width ?? 960, height = props.height ?? 500, id = props.id ?? 'map';
  const drawn = drawing(props.shapes, width, height, props.projection === 'local');
  const { projection, path, sphere } = drawn;
  const max = maxCount(props.areas);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="map" role="group" aria-labelledby={`${id}-title ${id}-desc`} id={id} data-zoomable="true">
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.desc}</desc>
      {sphere && <path d={sphere} class="map-sphere" />}
      <g class="map-areas">
        {props.shapes.map((s) => {
          const a = props.areas.get(s.properties.id);
          const d = shapePath(drawn, s);
          const fill = a?.home ? HOME : shadeOf(a?.count ?? 0, max);
          const shape = <path d={d} fill={fill} class={s.properties.id === props.current ? 'map-area current' : 'map-area'} data-id={s.properties.id} />;
          return a?.href
            ? <a href={a.href} aria-label={a.label ?? a.name}><title>{a.label ?? a.name}</title>{shape}</a>
            : shape;
        })}
      </g>
      <g class="map-links" pointer-events="none">
        {(props.links ?? []).map((l) => {
          const d = path({ type: 'LineString', coordinates: [l.from, l.to] } as any);
          return d ? <a href={l.href} aria-label={l.title}><title>{l.title}</title><path d={d} class="map-link" stroke={LINE} /></a> : null;
        })}
      </g>
      <g class="map-points">
        {(props.points ?? []).map((p) => {
          const xy = projection(p.at);
          return xy ? <a href={p.href} aria-label={p.title}><title>{p.title}</title><circle cx={xy[0].toFixed(1)} cy={xy[1].toFixed(1)} r="4" class="map-point" fill={LINE} /></a> : null;
        })}
      </g>
    </svg>
  );
}
