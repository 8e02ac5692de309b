/**
 * A territory's figures: the latest value of each indicator with its year and its source (translated), and the
 * series behind it as a small chart with its figures as a table. A definition list, so that a phone reads each
 * figure as a short block (value, then year and source as a footnote line) rather than a narrow table row.
 */
import { HDR_SOURCE, INSEE_POPULATION_SOURCE, WB_POPULATION_SOURCE } from '../../../../server/src/db/seed/reference/sources.js';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';

/** What a territory sheet presents, in this order. */
export const PRESENTATION = ['population', 'area_km2', 'life_expectancy', 'literacy_rate', 'unemployment_rate', 'hdi', 'gni_per_capita'];
/** What a partnership sheet presents of its partner's country and region (seed 000's "présentation"). */
export const PROFILE = ['population', 'area_km2', 'life_expectancy', 'unemployment_rate', 'literacy_rate', 'hdi'];

export interface IndicatorRow {
  indicator: string; year: number; value: number; unit: string | null; source: string;
  documentId?: string | null; documentTitle?: string | null;
}
export interface Presented { indicator: string; latest: IndicatorRow; series: Array<{ year: number; value: number }> }

export function fmtIndicator(i: I18n, indicator: string, value: number, unit: string | null) {
  if (indicator === 'population') return `${i.num(Math.round(value))} ${i.t('unit.people')}`;
  if (indicator === 'area_km2') return `${i.num(value)} km²`;
  if (indicator === 'hdi') return i.num(value, 3);
  if (unit === '%') return `${i.num(value, 1)} %`;
  if (unit === 'years') return `${i.num(value, 1)} ${i.t('unit.years')}`;
  if (unit === 'PPP 2017 $') return `${i.num(value, 0)} ${i.t('unit.ppp2017')}`;
  return `${i.num(value, 2)}${unit ? ` ${unit}` : ''}`;
}

/**
 * Latest value of each indicator, with its year and source, and the series of that same source (so that the
 * source shown is the chart's too). A country's figures come from the reference datasets (UNDP, World Bank)
 * only: a partner's document that quotes country figures without their source is not their source. A
 * province's or a city's come from the documents too.
 */
export function presentation(all: IndicatorRow[], kind?: string, names: string[] = PRESENTATION): Presented[] {
  const indicators = kind === 'country' ? all.filter((r) => !r.documentId) : all;
  const out: Presented[] = [];
  for (const name of names) {
    const rows = indicators.filter((r) => r.indicator === name);
    if (!rows.length) continue;
    const latest = rows.reduce((a, b) => (b.year > a.year ? b : a));
    const series = rows.filter((r) => r.source === latest.source).sort((a, b) => a.year - b.year)
      .map((r) => ({ year: r.year, value: Number(r.value) }));
    out.push({ indicator: name, latest, series });
  }
  return out;
}

/** The reference datasets' stored labels → their name in the page's language. */
const SOURCE_LABELS: Record<string, MessageKey> = {
  [HDR_SOURCE]: 'source.undp.hdr',
  [WB_POPULATION_SOURCE]: 'source.worldbank.population',
  [INSEE_POPULATION_SOURCE]: 'source.insee.population',
};

/** A row's source in the page's language: a reference dataset by name, a document by its title (French record text). */
export function SourceLabel(props: { i: I18n; row: IndicatorRow }) {
  const { i, row } = props;
  const key = SOURCE_LABELS[row.source];
  if (key) return <>{i.t(key)}</>;
  if (row.documentId) {
    const [before, after] = i.t('source.document', { title: '\u0000' }).split('\u0000');
    return <>{before}<cite lang={textLang(i)}>{row.documentTitle ?? row.source}</cite>{after}</>;
  }
  return <span lang={textLang(i)}>{row.source}</span>;
}

/** The figures as a definition list; `charts`: each series of several years as a small chart and a table. */
export function IndicatorList(props: { i: I18n; rows: Presented[]; charts?: boolean }) {
  const { i } = props;
  return (
    <dl class="profile">
      {props.rows.map((p) => {
        const label = i.t(`indicator.${p.indicator}` as MessageKey);
        const fmt = (v: number) => fmtIndicator(i, p.indicator, v, p.latest.unit);
        return (
          <div class="profile-row">
            <dt>{label}</dt>
            <dd class="profile-figure">{fmt(Number(p.latest.value))}</dd>
            <dd class="profile-meta"><span class="visually-hidden">{i.t('sheet.year')} </span>{p.latest.year} · <span class="visually-hidden">{i.t('sheet.source')} </span><SourceLabel i={i} row={p.latest} /></dd>
            {props.charts && p.series.length > 1 && <dd class="profile-series"><SeriesChart i={i} label={label} points={p.series} format={fmt} /></dd>}
          </div>
        );
      })}
    </dl>
  );
}

/** A small line chart of a series (years on x) with its first and last years, and every figure in a table below it. */
export function SeriesChart(props: { i: I18n; label: string; points: Array<{ year: number; value: number }>; format: (v: number) => string }) {
  const { i } = props;
  const pts = [...props.points].sort((a, b) => a.year - b.year);
  if (pts.length < 2) return null;
  const w = 200, h = 64, pad = 5, axis = 14;
  const first = pts[0], last = pts[pts.length - 1];
  const ys = pts.map((p) => p.value);
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const X = (y: number) => pad + ((y - first.year) / Math.max(1, last.year - first.year)) * (w - 2 * pad);
  const Y = (v: number) => h - axis - pad - ((v - lo) / (hi - lo || 1)) * (h - axis - 2 * pad);
  const d = pts.map((p, k) => `${k ? 'L' : 'M'}${X(p.year).toFixed(1)},${Y(p.value).toFixed(1)}`).join('');
  const range = `${first.year}–${last.year}`;
  return (
    <>
      <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} role="img"
        aria-label={i.t('series.alt', { label: props.label, from: `${first.year} ${props.format(first.value)}`, to: `${last.year} ${props.format(last.value)}` })}>
        <line x1={pad} x2={w - pad} y1={h - axis} y2={h - axis} class="spark-axis" />
        <path d={d} class="spark-line" />
        <circle cx={X(last.year).toFixed(1)} cy={Y(last.value).toFixed(1)} r="3" class="spark-dot" />
        <text x={pad} y={h - 2} class="spark-year">{first.year}</text>
        <text x={w - pad} y={h - 2} text-anchor="end" class="spark-year">{last.year}</text>
      </svg>
      <details class="series">
        <summary><span class="visually-hidden">{props.label} — </span>{i.plural('series.values', pts.length, { range })}</summary>
        <table class="data series-table">
          <caption class="visually-hidden">{props.label}, {range}</caption>
          <thead><tr><th scope="col">{i.t('sheet.year')}</th><th scope="col" class="num">{i.t('sheet.value')}</th></tr></thead>
          <tbody>{[...pts].reverse().map((p) => <tr><th scope="row">{p.year}</th><td class="num">{props.format(p.value)}</td></tr>)}</tbody>
        </table>
      </details>
    </>
  );
}
