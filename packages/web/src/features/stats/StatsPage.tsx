import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { BarChart } from '../../components/Charts.js';
import { amountIn, currenciesOf, measuresOf, moneyMeasures, type Amount, type Chart, type MoneyMeasure, type StatRow } from './stats.queries.js';

type Key = Parameters<I18n['t']>[0];
export const chartTitle: Record<Chart, Key> = {
  'by-country': 'stats.byCountry', 'by-theme': 'stats.byTheme', 'by-funder': 'stats.byFunder', 'by-year': 'stats.byYear',
};
const groupHeader: Record<Chart, Key> = { 'by-country': 'facet.country', 'by-theme': 'facet.theme', 'by-funder': 'sheet.funder', 'by-year': 'sheet.year' };
const measureLabel: Record<MoneyMeasure, Key> = {
  budget: 'stats.m.budget', budgeted: 'stats.m.budgeted', committed: 'stats.m.committed', disbursed: 'stats.m.disbursed',
};
const notes: Record<Chart, Key[]> = {
  'by-country': ['stats.note.several'], 'by-theme': ['stats.note.several'], 'by-funder': [], 'by-year': ['stats.note.year'],
};

const moneyCell = (i: I18n, xs: Amount[], currency: string) => {
  const x = xs.find((y) => y.currency === currency);
  return x ? i.money(x.amount, x.currency) : '—';
};

/** The data table: a row per group, and per currency when a group has several (rowspan keeps its label and counts). */
function StatTable(props: { i: I18n; chart: Chart; rows: StatRow[]; title: string }) {
  const { i, chart, rows } = props;
  const measures = measuresOf(rows);
  const counts = chart !== 'by-funder';
  return (
    // tabindex: on a phone the table scrolls sideways, and a keyboard must reach it to scroll it
    <table class="data stat-data" tabindex={0}>
      <caption class="visually-hidden">{props.title}</caption>
      <thead><tr>
        <th scope="col">{i.t(groupHeader[chart])}</th>
        {counts && <th scope="col" class="num">{i.t('sheet.partnerships')}</th>}
        <th scope="col" class="num">{i.t('sheet.projects')}</th>
        {measures.map((m) => <th scope="col" class="num">{i.t(measureLabel[m])}</th>)}
      </tr></thead>
      <tbody>
        {rows.flatMap((r) => {
          const currencies = currenciesOf(r);
          const span = Math.max(1, currencies.length);
          return (currencies.length ? currencies : ['']).map((c, k) => (
            <tr class={r.none ? 'stat-none' : undefined}>
              {k === 0 && <th scope="row" rowspan={span > 1 ? span : undefined} lang={r.lang}>{r.label}</th>}
              {k === 0 && counts && <td class="num" rowspan={span > 1 ? span : undefined}>{i.num(r.partnerships ?? 0)}</td>}
              {k === 0 && <td class="num" rowspan={span > 1 ? span : undefined}>{i.num(r.projects)}</td>}
              {measures.map((m) => <td class="num">{c ? moneyCell(i, r.money[m], c) : '—'}</td>)}
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}

export function StatBlock(props: { i: I18n; chart: Chart; rows: StatRow[]; embed?: boolean }) {
  const { i, chart, rows } = props;
  const title = i.t(chartTitle[chart]);
  const countTitle = i.t(chart === 'by-funder' ? 'stats.chart.projects' : 'stats.chart.partnerships');
  const countBars = rows.map((r) => ({ label: r.label, lang: r.lang, value: (chart === 'by-funder' ? r.projects : r.partnerships) ?? 0 })).filter((b) => b.value > 0);
  const moneyTitle = i.t('stats.chart.committed');
  const moneyBars = rows.map((r) => ({ label: r.label, lang: r.lang, value: amountIn(r.money.committed, 'EUR') })).filter((b) => b.value > 0)
    .sort((a, b) => (chart === 'by-year' ? 0 : b.value - a.value));
  return (
    <section aria-labelledby={`${chart}-h`} class="stat">
      <h2 id={`${chart}-h`}>{title}</h2>
      {countBars.length > 0 && <><h3 class="chart-title">{countTitle}</h3>
        <BarChart i={i} title={`${title} — ${countTitle}`} bars={countBars} max={chart === 'by-year' ? 60 : 20} /></>}
      {moneyBars.length > 0 && <><h3 class="chart-title">{moneyTitle}</h3>
        <BarChart i={i} title={`${title} — ${moneyTitle}`} bars={moneyBars} max={chart === 'by-year' ? 60 : 20} format={(v) => i.money(v, 'EUR')} /></>}
      <details class="stat-table" open={props.embed ? undefined : true}>
        <summary>{i.t('stats.table')}</summary>
        <StatTable i={i} chart={chart} rows={rows} title={title} />
        {notes[chart].map((k) => <p class="muted stat-note">{i.t(k)}</p>)}
      </details>
      <p class="no-print">
        <a href={i.path(`/statistics/${chart}.csv`)} download>{i.t('stats.csv')}</a>
        {!props.embed && <> · <a href={i.path(`/embed-code/statistics/${chart}`)}>{i.t('sheet.embed')}</a></>}
      </p>
    </section>
  );
}

export interface Totals { partnerships: number; projects: number; money: Record<MoneyMeasure, Amount[]> }

/** Key figures: the counts, then each money measure per currency (a card per measure, a line per currency). */
export function KeyTotals(props: { i: I18n; totals: Totals }) {
  const { i, totals } = props;
  return (
    <section aria-labelledby="key-h" class="stat">
      <h2 id="key-h">{i.t('stats.key')}</h2>
      <ul class="figure-cards stat-totals">
        <li class="figure-card"><strong>{i.num(totals.partnerships)}</strong> <span>{i.t('sheet.partnerships')}</span></li>
        <li class="figure-card"><strong>{i.num(totals.projects)}</strong> <span>{i.t('sheet.projects')}</span></li>
        {moneyMeasures.filter((m) => totals.money[m].length).map((m) => (
          <li class="figure-card money-card">
            {totals.money[m].map((x) => <strong>{i.money(x.amount, x.currency)}</strong>)}
            <span>{i.t(measureLabel[m])}</span>
          </li>
        ))}
      </ul>
      <p class="muted stat-note">{i.t('stats.note.money')}</p>
    </section>
  );
}

export function StatsPage(props: { i: I18n; totals: Totals; stats: Array<{ chart: Chart; rows: StatRow[] }> }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('stats.title'), description: i.t('stats.lead'), path: '/statistics',
      jsonLd: { '@context': 'https://schema.org', '@type': 'Dataset', name: i.t('stats.title'), description: i.t('stats.lead') } }}>
      <h1>{i.t('stats.title')}</h1>
      <p class="lead">{i.t('stats.lead')}</p>
      <KeyTotals i={i} totals={props.totals} />
      {props.stats.map((s) => <StatBlock i={i} chart={s.chart} rows={s.rows} />)}
    </Layout>
  );
}
