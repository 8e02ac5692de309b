/**
 * The statistics as a page reads them: the server's groups (features/stats) labelled in the page's language, in the
 * order a reader expects, and flattened to CSV rows (one per group and currency: currencies are never added).
 */
import { flattenThemes } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import {
  keyTotals, moneyMeasures, statDimensions, statGroups, type Amount, type MoneyMeasure, type StatDimension, type StatGroup,
} from '../../../../server/src/features/stats/stats.service.js';
import { localName, textLang, type I18n } from '../../i18n/index.js';

export { keyTotals, moneyMeasures, type Amount, type MoneyMeasure };
export const charts = statDimensions;
export type Chart = StatDimension;
/** Older addresses of a chart (embeds and links made before funders had their own block). */
const FORMER: Record<string, Chart> = { funding: 'by-funder' };
export const chartOf = (name: string): Chart | null =>
  (charts as readonly string[]).includes(name) ? (name as Chart) : Object.hasOwn(FORMER, name) ? FORMER[name]! : null; // never "__proto__" and the like

export interface StatRow extends Omit<StatGroup, 'name' | 'names'> {
  label: string;
  /** the label's language when it is not the page's (a funder's name is record text, in French) */
  lang?: string;
  /** the records without a group (no country, theme, funder or year) */
  none: boolean;
}

const topThemes = new Map(flattenThemes().filter((t) => t.level === 1).map((t, k) => [t.id, { labels: t.labels as Record<string, string>, k }]));
const noneLabel: Record<Chart, Parameters<I18n['t']>[0]> = {
  'by-country': 'stats.none.country', 'by-theme': 'stats.none.theme', 'by-funder': 'stats.none.funder', 'by-year': 'stats.undated',
};

/** An exact amount of one currency in a list (0 when absent), as a number for ordering and bar lengths only. */
export const amountIn = (xs: Amount[], currency: string) => Number(xs.find((x) => x.currency === currency)?.amount ?? 0);

function order(chart: Chart, a: StatRow, b: StatRow): number {
  if (a.none !== b.none) return a.none ? 1 : -1;
  if (chart === 'by-year') return Number(a.key) - Number(b.key);
  if (chart === 'by-funder') {
    for (const m of ['committed', 'disbursed', 'budgeted'] as const) {
      const d = amountIn(b.money[m], 'EUR') - amountIn(a.money[m], 'EUR');
      if (d) return d;
    }
    return b.projects - a.projects || a.label.localeCompare(b.label);
  }
  return (b.partnerships ?? 0) - (a.partnerships ?? 0) || b.projects - a.projects || a.label.localeCompare(b.label);
}

/** One block's rows, labelled and ordered; the records without a group come last, as their own row. */
export async function stat(db: Db, chart: Chart, i: I18n): Promise<StatRow[]> {
  const groups = await statGroups(db, chart);
  return groups
    .filter((g) => chart !== 'by-theme' || g.key === null || topThemes.has(g.key))
    .map(({ name, names, ...g }) => {
      const none = g.key === null;
      const label = none ? i.t(noneLabel[chart])
        : chart === 'by-country' ? localName({ name: name ?? g.key!, names }, i.lang)
          : chart === 'by-theme' ? topThemes.get(g.key!)!.labels[i.lang]
            : chart === 'by-funder' ? name ?? g.key! : g.key!;
      return { ...g, label, none, lang: chart === 'by-funder' && !none ? textLang(i) : undefined };
    })
    .sort((a, b) => order(chart, a, b));
}

/** The money measures any row of a block has (a block shows only those columns). */
export function measuresOf(rows: StatRow[]): MoneyMeasure[] {
  return moneyMeasures.filter((m) => rows.some((r) => r.money[m].length > 0));
}

/** The currencies of a row, EUR first: each is its own table row and CSV line. */
export function currenciesOf(r: StatRow): string[] {
  const all = new Set(moneyMeasures.flatMap((m) => r.money[m].map((x) => x.currency)));
  return [...all].sort((a, b) => (a === 'EUR' ? -1 : b === 'EUR' ? 1 : a.localeCompare(b)));
}

export const csvHeader = ['key', 'label', 'partnerships', 'projects', 'currency', ...moneyMeasures];

/** CSV lines: one per row and currency (a row without money: one line with its counts); amounts exact. */
export function csvRows(rows: StatRow[]): unknown[][] {
  return rows.flatMap((r) => {
    const currencies = currenciesOf(r);
    return (currencies.length ? currencies : [null]).map((c) => [
      r.key, r.label, r.partnerships, r.projects, c,
      ...moneyMeasures.map((m) => (c ? r.money[m].find((x) => x.currency === c)?.amount ?? null : null)),
    ]);
  });
}
