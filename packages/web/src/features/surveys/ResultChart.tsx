/**
 * A question's bars as one SVG drawn on the server (role=img, its title and a description that reads every bar), with
 * the same numbers in a visible data table next to it. Each bar's length is its share of those who answered the
 * question (0–100 %), so charts compare across questions; the label sits above its bar (long labels are shortened in
 * the drawing only: the table keeps them whole).
 */
import type { ResultBar } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { labelOf } from './results.text.js';

const W = 480, ROW = 44, BAR_X = 0, BAR_W = 360, MAX_LABEL = 62;

export const percentText = (i: I18n, p: number) => i.t('results.percent', { n: i.num(p, 1) });
const shorten = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1).trimEnd()}…` : s);

export function ResultChart(props: { i: I18n; id: string; label: string; bars: ResultBar[] }) {
  const { i, bars } = props;
  if (!bars.length) return null;
  const h = bars.length * ROW + 4;
  const desc = bars.map((b) => i.t('results.chart.item', { label: labelOf(i, b.labels).text, count: i.num(b.count), percent: percentText(i, b.percent) })).join(' ; ');
  return (
    <svg class="result-chart" viewBox={`0 0 ${W} ${h}`} width={W} height={h} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`}
      preserveAspectRatio="xMinYMin meet">
      <title id={`${props.id}-t`}>{i.t('results.chart', { label: props.label })}</title>
      <desc id={`${props.id}-d`}>{desc}</desc>
      {bars.map((b, k) => {
        const y = k * ROW;
        const len = Math.max(b.count > 0 ? 2 : 0.5, (Math.min(100, Math.max(0, b.percent)) / 100) * BAR_W);
        const label = labelOf(i, b.labels);
        return (
          <g>
            <text x={BAR_X} y={y + 14} class="chart-label" lang={label.lang}>{shorten(label.text)}</text>
            <rect x={BAR_X} y={y + 20} width={len.toFixed(1)} height="16" rx="2" class="chart-bar" />
            <text x={(BAR_X + len + 6).toFixed(1)} y={y + 33} class="chart-value">{`${i.num(b.count)} (${percentText(i, b.percent)})`}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's numbers as a table: answer, count, share. */
export function ResultTable(props: { i: I18n; label: string; bars: ResultBar[]; undetailed: number }) {
  const { i } = props;
  return (
    <table class="data result-table">
      <caption class="visually-hidden">{props.label}</caption>
      <thead><tr><th scope="col">{i.t('results.col.value')}</th><th scope="col" class="num">{i.t('results.col.count')}</th><th scope="col" class="num">{i.t('results.col.percent')}</th></tr></thead>
      <tbody>
        {props.bars.map((b) => {
          const label = labelOf(i, b.labels);
          return <tr><th scope="row" lang={label.lang}>{label.text}</th><td class="num">{i.num(b.count)}</td><td class="num">{percentText(i, b.percent)}</td></tr>;
        })}
      </tbody>
    </table>
  );
}

/** A free answer list (record text: French). */
export function FreeAnswers(props: { i: I18n; texts: string[] }) {
  const { i } = props;
  if (!props.texts.length) return <p class="muted">{i.t('results.texts.none')}</p>;
  return <ul class="free-answers" lang={textLang(i)}>{props.texts.map((t) => <li>{t}</li>)}</ul>;
}
