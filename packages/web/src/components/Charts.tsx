/** Small server-rendered SVG charts. Each is an image with a text alternative; the data table sits beside it. */
import type { I18n } from '../i18n/index.js';

export function BarChart(props: { i: I18n; title: string; bars: Array<{ label: string; value: number }>; format?: (v: number) => string; max?: number }) {
  const bars = props.bars.slice(0, props.max ?? 20);
  if (!bars.length) return null;
  const fmt = props.format ?? ((v: number) => props.i.num(v));
  const top = Math.max(...bars.map((b) => b.value), 1);
  const row = 26, labelW = 260, barW = 380, width = labelW + barW + 140;
  const height = bars.length * row + 8;
  const alt = `${props.title} : ${bars.map((b) => `${b.label} ${fmt(b.value)}`).join(' ; ')}`;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={alt} preserveAspectRatio="xMinYMin meet">
      {bars.map((b, k) => {
        const y = 4 + k * row;
        const w = Math.max(2, (b.value / top) * barW);
        return (
          <g>
            <text x={labelW - 8} y={y + 17} text-anchor="end" class="chart-label">{b.label.length > 38 ? `${b.label.slice(0, 36)}…` : b.label}</text>
            <rect x={labelW} y={y + 3} width={w.toFixed(1)} height={row - 8} class="chart-bar" rx="2" />
            <text x={labelW + w + 6} y={y + 17} class="chart-value">{fmt(b.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** A small line chart of a time series (indicator history). */
export function Sparkline(props: { label: string; points: Array<{ year: number; value: number }>; format: (v: number) => string }) {
  const pts = [...props.points].sort((a, b) => a.year - b.year);
  if (pts.length < 2) return null;
  const w = 220, h = 56, pad = 4;
  const x0 = pts[0].year, x1 = pts[pts.length - 1].year;
  const ys = pts.map((p) => p.value);
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const X = (y: number) => pad + ((y - x0) / Math.max(1, x1 - x0)) * (w - 2 * pad);
  const Y = (v: number) => h - pad - ((v - lo) / (hi - lo || 1)) * (h - 2 * pad);
  const d = pts.map((p, k) => `${k ? 'L' : 'M'}${X(p.year).toFixed(1)},${Y(p.value).toFixed(1)}`).join('');
  const first = pts[0], last = pts[pts.length - 1];
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} role="img"
      aria-label={`${props.label} : ${first.year} ${props.format(first.value)} → ${last.year} ${props.format(last.value)}`}>
      <path d={d} class="spark-line" />
      <circle cx={X(last.year).toFixed(1)} cy={Y(last.value).toFixed(1)} r="3" class="spark-dot" />
    </svg>
  );
}
