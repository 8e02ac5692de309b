/** Server-rendered SVG maps: readable without JavaScript, links are real <a> elements. */
import { geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Shape } from './geo.js';

export interface MapArea { id: string; name: string; href?: string; count?: number; label?: string }
export interface MapLink { from: [number, number]; to: [number, number]; title: string; href: string }
export interface MapPoint { at: [number, number]; title: string; href: string }

const SHADES = ['#d8dee6', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

export function shadeOf(count: number, max: number): string {
  if (!count) return SHADES[0];
  const i = Math.min(SHADES.length - 1, 1 + Math.floor((Math.log(count) / Math.log(Math.max(2, max))) * (SHADES.length - 2)));
  return SHADES[i];
}

export function MapSvg(props: {
  shapes: Shape[]; areas: Map<string, MapArea>; links?: MapLink[]; points?: MapPoint[]; width?: number; height?: number;
  projection?: 'world' | 'local'; title: string; desc: string; id?: string; current?: string;
}) {
  const width = props.width ?? 960, height = props.height ?? 500;
  const fc = { type: 'FeatureCollection' as const, features: props.shapes };
  const projection: GeoProjection = props.projection === 'local'
    ? geoMercator().fitExtent([[8, 8], [width - 8, height - 8]], fc as any)
    : geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' } as any);
  const path = geoPath(projection).digits(1);
  const max = Math.max(1, ...[...props.areas.values()].map((a) => a.count ?? 0));
  const sphere = props.projection === 'local' ? null : path({ type: 'Sphere' } as any);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="map" role="group" aria-labelledby={`${props.id ?? 'map'}-title ${props.id ?? 'map'}-desc`} id={props.id ?? 'map'} data-zoomable="true">
      <title id={`${props.id ?? 'map'}-title`}>{props.title}</title>
      <desc id={`${props.id ?? 'map'}-desc`}>{props.desc}</desc>
      {sphere && <path d={sphere} class="map-sphere" />}
      <g class="map-areas">
        {props.shapes.map((s) => {
          const a = props.areas.get(s.properties.id);
          const d = path(s as any) ?? '';
          const shape = <path d={d} fill={shadeOf(a?.count ?? 0, max)} class={s.properties.id === props.current ? 'map-area current' : 'map-area'} data-id={s.properties.id} />;
          return a?.href
            ? <a href={a.href} aria-label={a.label ?? a.name}><title>{a.label ?? a.name}</title>{shape}</a>
            : shape;
        })}
      </g>
      <g class="map-links">
        {(props.links ?? []).map((l) => {
          const d = path({ type: 'LineString', coordinates: [l.from, l.to] } as any);
          return d ? <a href={l.href} aria-label={l.title}><title>{l.title}</title><path d={d} class="map-link" /></a> : null;
        })}
      </g>
      <g class="map-points">
        {(props.points ?? []).map((p) => {
          const xy = projection(p.at);
          return xy ? <a href={p.href} aria-label={p.title}><title>{p.title}</title><circle cx={xy[0].toFixed(1)} cy={xy[1].toFixed(1)} r="4" class="map-point" /></a> : null;
        })}
      </g>
    </svg>
  );
}
