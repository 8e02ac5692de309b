import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { BarChart } from '../../components/Charts.js';
import type { Chart, StatRow } from './stats.queries.js';

export const chartTitle: Record<Chart, 'stats.byCountry' | 'stats.byTheme' | 'stats.byYear' | 'stats.funding'> = {
  'by-country': 'stats.byCountry', 'by-theme': 'stats.byTheme', 'by-year': 'stats.byYear', funding: 'stats.funding',
};

/** Funding bars: one per funder (summed over years, in the first currency). */
function fundingBars(rows: StatRow[]) {
  const cur = rows[0]?.currency ?? 'EUR';
  const by = new Map<string, { label: string; value: number }>();
  for (const r of rows.filter((x) => x.currency === cur)) {
    const e = by.get(r.key) ?? { label: r.label, value: 0 };
    e.value += r.value;
    by.set(r.key, e);
  }
  return { cur, bars: [...by.values()].sort((a, b) => b.value - a.value) };
}

export function StatBlock(props: { i: I18n; chart: Chart; rows: StatRow[]; embed?: boolean }) {
  const { i, chart, rows } = props;
  const title = i.t(chartTitle[chart]);
  const funding = chart === 'funding' ? fundingBars(rows) : null;
  return (
    <section aria-labelledby={`${chart}-h`} class="stat">
      <h2 id={`${chart}-h`}>{title}</h2>
      {funding
        ? <BarChart i={i} title={title} bars={funding.bars} format={(v) => i.money(v, funding.cur)} />
        : <BarChart i={i} title={title} bars={rows.map((r) => ({ label: r.label, value: r.value }))} max={chart === 'by-year' ? 60 : 20} />}
      <details class="stat-table" open={props.embed ? undefined : true}>
        <summary>{i.t('stats.table')}</summary>
        <table class="data">
          <caption class="visually-hidden">{title}</caption>
          <thead><tr>
            <th scope="col">{chart === 'funding' ? i.t('sheet.funder') : chart === 'by-year' ? i.t('sheet.year') : chart === 'by-theme' ? i.t('facet.theme') : i.t('facet.country')}</th>
            {chart === 'funding' && <th scope="col">{i.t('sheet.year')}</th>}
            <th scope="col" class="num">{chart === 'funding' ? i.t('sheet.amount') : i.t('stats.count')}</th>
          </tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr><th scope="row">{r.label}</th>{chart === 'funding' && <td>{r.year ?? '—'}</td>}
                <td class="num">{chart === 'funding' ? i.money(r.value, r.currency ?? 'EUR') : i.num(r.value)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
      <p class="no-print">
        <a href={i.path(`/statistics/${chart}.csv`)} download>{i.t('stats.csv')}</a>
        {!props.embed && <> · <a href={i.path(`/embed-code/statistics/${chart}`)}>{i.t('sheet.embed')}</a></>}
      </p>
    </section>
  );
}

export function StatsPage(props: { i: I18n; stats: Array<{ chart: Chart; rows: StatRow[] }> }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('stats.title'), description: i.t('stats.lead'), path: '/statistics',
      jsonLd: { '@context': 'https://schema.org', '@type': 'Dataset', name: i.t('stats.title'), description: i.t('stats.lead') } }}>
      <h1>{i.t('stats.title')}</h1>
      <p class="lead">{i.t('stats.lead')}</p>
      {props.stats.map((s) => <StatBlock i={i} chart={s.chart} rows={s.rows} />)}
    </Layout>
  );
}
