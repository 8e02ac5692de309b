/**
 * A map with what makes it readable: zoom buttons over its corner (first in the tab order) (shown by client/map.ts, which also pans and
 * zooms), a hint, and the legend of every shading and mark — plain HTML, readable without JavaScript.
 */
import type { I18n } from '../i18n/index.js';
import { HOME, LINE, MapSvg, maxCount, NONE, shadeClasses, type MapProps } from './render.js';

/** What the shading counts: partnerships per country (world) or per subdivision (a country's own map). */
export type Measure = 'countries' | 'subdivisions';

export function MapBox(props: MapProps & { i: I18n; measure: Measure }) {
  const { i } = props;
  return (
    <div class="map-box">
      <div class="map-frame">
        <div class="map-controls" role="group" aria-label={i.t('map.controls')} hidden>
          <button type="button" data-zoom="in" aria-label={i.t('map.zoomIn')} title={i.t('map.zoomIn')}>+</button>
          <button type="button" data-zoom="out" aria-label={i.t('map.zoomOut')} title={i.t('map.zoomOut')}>−</button>
          <button type="button" data-zoom="reset" aria-label={i.t('map.reset')} title={i.t('map.reset')}>⟲</button>
        </div>
        <MapSvg {...props} />
      </div>
      <p class="map-hint" hidden>{i.t('map.hint')}</p>
      <MapLegend {...props} />
    </div>
  );
}

function Swatch(props: { fill: string; outline?: boolean }) {
  return (
    <svg class="swatch" viewBox="0 0 18 12" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="17" height="11" rx="2" fill={props.fill} stroke={props.outline ? '#1d2733' : '#8a96a3'} stroke-width={props.outline ? '2' : '0.6'} />
    </svg>
  );
}

/** The legend: each colour class with its bounds, the French side, the lines, this territory, its point. */
export function MapLegend(props: MapProps & { i: I18n; measure: Measure }) {
  const { i } = props, id = `${props.id ?? 'map'}-legend`;
  const areas = [...props.areas.values()];
  const ids = new Set(props.shapes.map((s) => s.properties.id));
  const none = props.shapes.some((s) => { const a = props.areas.get(s.properties.id); return !a?.home && !a?.count; });
  return (
    <div class="map-legend" role="group" aria-labelledby={id}>
      <p class="map-legend-title" id={id}>{i.t(props.measure === 'countries' ? 'map.legend.countries' : 'map.legend.subdivisions')}</p>
      <ul>
        {none && <li><Swatch fill={NONE} />{i.t('map.legend.none')}</li>}
        {shadeClasses(maxCount(props.areas)).map((c) => (
          <li data-min={c.min} data-max={c.max}><Swatch fill={c.fill} />
            {c.min === c.max ? i.plural('figures.partnerships', c.min) : i.plural('map.legend.range', c.max, { min: i.num(c.min) })}</li>
        ))}
        {areas.some((a) => a.home && ids.has(a.id)) && <li><Swatch fill={HOME} />{i.t('map.legend.home')}</li>}
        {props.current && ids.has(props.current) && <li><Swatch fill="none" outline />{i.t('map.legend.current')}</li>}
        {!!props.links?.length && (
          <li><svg class="swatch" viewBox="0 0 18 12" aria-hidden="true" focusable="false"><path d="M1 10 Q9 0 17 6" fill="none" stroke={LINE} stroke-width="2" /></svg>
            {i.t('map.legend.line')}</li>
        )}
        {!!props.points?.length && (
          <li><svg class="swatch" viewBox="0 0 18 12" aria-hidden="true" focusable="false"><circle cx="9" cy="6" r="4" fill={LINE} stroke="#fff" stroke-width="1.5" /></svg>
            {i.t('map.legend.point')}</li>
        )}
      </ul>
    </div>
  );
}
