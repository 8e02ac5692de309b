/**
 * A project's co-financing: its lines by kind — planned (budgeted), committed, disbursed — each kind with its own total
 * and each share against the right base; kinds and currencies are never added together (an imported IATI activity
 * has budget lines, commitments and disbursements of the same money).
 */
import { attributedByFunder, isPositive, subtractAmounts, sumAmounts } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Section } from '../../components/Sheet.js';
import { BarChart } from '../../components/Charts.js';
import { percent, share } from './money.js';

/** The kinds in the order money moves: planned, then committed, then disbursed. */
export const KIND_ORDER = ['budgeted', 'committed', 'disbursed'] as const;

interface Line { funderId: string | null; funderName: string | null; amount: string; currency: string; year: number | null; kind: string }
export interface KindGroup { kind: string; currency: string; lines: Line[]; total: string; base: string }

/**
 * The lines grouped by kind and currency (the budget's currency first), each group with its total and the base of its
 * shares: the project's budget when in the same currency and not exceeded by the group, else the group's own total — so
 * the shares within a kind never pass 100 %.
 */
export function fundingByKind(funding: Line[], budget: { amount: string; currency: string } | null): KindGroup[] {
  const rank = (k: string) => { const n = (KIND_ORDER as readonly string[]).indexOf(k); return n < 0 ? KIND_ORDER.length : n; };
  const groups = new Map<string, Line[]>();
  for (const l of funding) groups.set(`${l.kind}|${l.currency}`, [...(groups.get(`${l.kind}|${l.currency}`) ?? []), l]);
  return [...groups.values()].map((lines) => {
    const { kind, currency } = lines[0];
    const total = sumAmounts(lines.map((l) => l.amount));
    const base = budget && budget.currency === currency && !isPositive(subtractAmounts(total, budget.amount)) ? budget.amount : total;
    return { kind, currency, lines, total, base };
  }).sort((a, b) => rank(a.kind) - rank(b.kind) || (a.currency === budget?.currency ? -1 : b.currency === budget?.currency ? 1 : a.currency.localeCompare(b.currency)));
}

/** Facts: the committed and the disbursed co-financing, each per currency (never added to each other or to the budget). */
export function kindTotals(i: I18n, p: any): Array<[string, string]> {
  const groups = fundingByKind(p.funding, p.budget);
  return (['committed', 'disbursed'] as const).filter((k) => groups.some((g) => g.kind === k)).map((k) =>
    [i.t(`stats.m.${k}`), groups.filter((g) => g.kind === k).map((g) => i.money(g.total, g.currency)).join(' · ')]);
}

/** The chart's kind: the commitments when there are, else the planned lines, else the disbursements. */
const chartKind = (groups: KindGroup[]) => ['committed', 'budgeted', 'disbursed'].map((k) => groups.find((g) => g.kind === k)).find(Boolean) ?? groups[0];

export function Funding(props: { i: I18n; p: any }) {
  const { i, p } = props;
  if (!p.funding.length) return null;
  const budget: { amount: string; currency: string } | null = p.budget;
  const groups = fundingByKind(p.funding, budget);
  // What no funder's line attributes: the budget minus each named funder's amount (its commitments, else its planned,
  // else its disbursed lines: kinds never added together), in the budget's currency.
  const attributed = budget ? sumAmounts(attributedByFunder(p.funding.filter((f: Line) => f.funderId))
    .filter((x) => x.currency === budget.currency).map((x) => x.amount)) : null;
  const rest = budget && attributed ? subtractAmounts(budget.amount, attributed) : null;
  const shown = chartKind(groups);
  const byFunder = new Map<string, { label: string; amounts: string[] }>();
  for (const l of shown.lines) {
    const e = byFunder.get(l.funderId ?? '') ?? { label: l.funderName ?? '—', amounts: [] };
    e.amounts.push(l.amount);
    byFunder.set(l.funderId ?? '', e);
  }
  const chartTitle = i.t('sheet.funding.chart', { kind: i.l('fundingKind', shown.kind) });
  const manyCurrencies = new Set(groups.map((g) => g.currency)).size > 1;
  return (
    <Section id="funding" title={i.t('sheet.funding')}>
      <h3 class="chart-title">{chartTitle}</h3>
      <BarChart i={i} title={chartTitle} bars={[...byFunder.entries()].map(([id, e]) => ({ label: e.label, lang: id ? textLang(i) : undefined, value: Number(sumAmounts(e.amounts)) }))}
        format={(v) => i.money(v, shown.currency)} />
      <table class="data">
        <caption class="visually-hidden">{i.t('sheet.funding')}</caption>
        <thead><tr><th scope="col">{i.t('sheet.funder')}</th><th scope="col">{i.t('sheet.year')}</th><th scope="col" class="num">{i.t('sheet.amount')}</th><th scope="col" class="num">{i.t('sheet.share')}</th></tr></thead>
        {groups.map((g) => (
          <tbody>
            <tr class="kind-head"><th scope="rowgroup" colspan={4}>{i.t(`sheet.kind.${g.kind}` as 'sheet.kind.committed')}{manyCurrencies ? ` (${g.currency})` : ''}</th></tr>
            {g.lines.map((f) => (
              <tr>
                <th scope="row">{f.funderId ? <a href={i.path(`/organisations/${f.funderId}`)}>{f.funderName}</a> : '—'}</th>
                <td>{f.year ?? '—'}</td>
                <td class="num">{i.money(f.amount, f.currency)}</td>
                <td class="num">{share(i, f.amount, g.base)}</td>
              </tr>
            ))}
            <tr class="kind-total"><th scope="row">{i.t('sheet.kind.total', { kind: i.l('fundingKind', g.kind) })}</th><td></td>
              <td class="num">{i.money(g.total, g.currency)}</td><td class="num">{share(i, g.total, g.base)}</td></tr>
          </tbody>
        ))}
        {budget && (
          <tfoot>
            {rest && isPositive(rest) && <tr class="unattributed"><th scope="row">{i.t('sheet.unattributed')}</th><td></td><td class="num">{i.money(rest, budget.currency)}</td><td class="num">{share(i, rest, budget.amount)}</td></tr>}
            <tr><th scope="row">{i.t('sheet.budget')}</th><td></td><td class="num">{i.money(budget.amount, budget.currency)}</td><td class="num">{percent(i, 1)}</td></tr>
          </tfoot>
        )}
      </table>
      {new Set(groups.map((g) => g.kind)).size > 1 && <p class="muted stat-note">{i.t('sheet.funding.note')}</p>}
    </Section>
  );
}
