/**
 * Bar charts in HTML: each bar a list item with its label and value as text (read at the page's own size on a phone,
 * where a scaled SVG shrank them to 6 px), the bar itself a small SVG rectangle (no inline style under the CSP).
 * On a wide screen the labels stand left of the bars, on a phone above them (site.css). The data table sits beside.
 */
import type { I18n } from '../i18n/index.js';

/** A bar's lang: its label's lang attribute when it is record text (a funder's name on an English page). */
export function BarChart(props: { i: I18n; title: string; bars: Array<{ label: string; value: number; lang?: string }>; format?: (v: number) => string; max?: number }) {
  const bars = props.bars.slice(0, props.max ?? 20);
  if (!bars.length) return null;
  const fmt = props.format ?? ((v: number) => props.i.num(v));
  const top = Math.max(...bars.map((b) => b.value), 1);
  return (
    <ol class="bar-chart" aria-label={props.title}>
      {bars.map((b) => (
        <li class="bar-row">
          <span class="bar-label" lang={b.lang}>{b.label}</span>
          <span class="bar-line">
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect width={Math.max(0.5, (Math.max(0, b.value) / top) * 100).toFixed(2)} height="10" class="chart-bar" rx="0.5" />
            </svg>
            <span class="bar-value">{fmt(b.value)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
