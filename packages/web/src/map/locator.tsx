/**
 * A small locator map: one panel per country side by side (France, then the partner's), each territory of the
 * partnership highlighted and marked. Static SVG (no links, no script), named by its title; labels are text.
 */
import { geoBounds, geoMercator, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import type { Shape } from './geo.js';

export interface LocatorPanel {
  /** What the panel shows, written under it (e.g. the territory, then its country). */
  label: string; sublabel?: string; labelLang?: string; sublabelLang?: string;
  shapes: Shape[];
  /** Ids of the shapes drawn as the territory. */
  hits: Set<string>;
  /** Markers ([lon, lat]) at the territories, drawn over the shapes (a département is a few pixels wide at this scale). */
  points: Array<[number, number]>;
  /** Fit the panel to these shapes' extent widened `zoomOut` times (a country among its neighbours), else to all its shapes. */
  frame?: Shape[]; zoomOut?: number;
}

export const PANEL = 200;
const LABEL = 36, GAP = 16, PAD = 6;

/** The GeoJSON to fit a panel to: its shapes, or the frame's bounds widened around their centre. */
function fitTarget(p: LocatorPanel): Feature<Geometry> | { type: 'FeatureCollection'; features: Shape[] } {
  if (!p.frame?.length) return { type: 'FeatureCollection', features: p.shapes };
  const [[x0, y0], [x1, y1]] = geoBounds({ type: 'FeatureCollection', features: p.frame } as any);
  const k = p.zoomOut ?? 1, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const hw = Math.max(2, ((x1 - x0) * k) / 2), hh = Math.max(2, ((y1 - y0) * k) / 2);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[cx - hw, Math.max(-80, cy - hh)], [cx + hw, Math.min(80, cy + hh)]] } };
}

function Panel(props: { p: LocatorPanel; x: number }) {
  const { p } = props;
  const projection = geoMercator().fitExtent([[PAD, PAD], [PANEL - PAD, PANEL - PAD]], fitTarget(p) as any).clipExtent([[0, 0], [PANEL, PANEL]]);
  const path = geoPath(projection).digits(1);
  return (
    <g transform={`translate(${props.x} 0)`}>
      <rect x="0" y="0" width={PANEL} height={PANEL} class="locator-bg" />
      {p.shapes.map((s) => {
        const d = path(s as any);
        return d ? <path d={d} class={p.hits.has(s.properties.id) ? 'locator-area hit' : 'locator-area'} data-id={s.properties.id} /> : null;
      })}
      {p.points.map((at) => {
        const xy = projection(at);
        return xy ? <circle cx={xy[0].toFixed(1)} cy={xy[1].toFixed(1)} r="5" class="locator-point" /> : null;
      })}
      <text x={PANEL / 2} y={PANEL + 16} text-anchor="middle" class="locator-label" lang={p.labelLang}>{p.label}</text>
      {p.sublabel && <text x={PANEL / 2} y={PANEL + 32} text-anchor="middle" class="locator-sublabel" lang={p.sublabelLang}>{p.sublabel}</text>}
    </g>
  );
}

/** Panels side by side; `title` is the text alternative (the figure's caption says the same in words). */
export function LocatorMap(props: { id: string; title: string; panels: LocatorPanel[] }) {
  const n = props.panels.length;
  if (!n) return null;
  const width = n * PANEL + (n - 1) * GAP;
  return (
    <svg viewBox={`0 0 ${width} ${PANEL + LABEL}`} class={`locator locator-${n}`} role="img" aria-labelledby={`${props.id}-title`} id={props.id}>
      <title id={`${props.id}-title`}>{props.title}</title>
      {props.panels.map((p, k) => <Panel p={p} x={k * (PANEL + GAP)} />)}
    </svg>
  );
}
