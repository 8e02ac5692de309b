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
