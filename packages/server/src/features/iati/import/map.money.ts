/** Budgets, planned disbursements, transactions and results of one activity. */
import { normaliseAmount } from '@tandem/shared';
import { kindOfResultType, unitOfMeasure } from '../codes.js';
import { kid, kids, text, type XNode } from './parse.js';
import type { ActivityIn, FundingIn } from './types.js';
import { isoDay, narratives, orgMention, pick, type Report } from './nodes.js';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** IATI 1.x letter codes still found in some 2.0x files. */
const LETTER_TYPES: Record<string, string> = { IF: '1', C: '2', D: '3', E: '4', IR: '5', LR: '6', R: '7', QP: '8', QS: '9', CG: '10' };
const COMMITMENTS = new Set(['2', '11', '12', '13']);
const INCOMING = new Set(['1', '11', '13']);
const yearOf = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : null);

/** A <value>: exact decimal string and currency, or a critical problem. */
function money(v: XNode | undefined, owner: XNode, act: ActivityIn, report: Report): { amount: string; currency: string; valueDate: string | null } | null {
  const raw = text(v).replace(/^\+/, '');
  if (!v || !DECIMAL.test(raw)) { report('critical', v?.line ?? owner.line, `<${owner.name}> without a numeric value${raw ? ` ("${raw.slice(0, 40)}")` : ''}`); return null; }
  const [int, frac = ''] = raw.replace(/^-/, '').split('.');
  if (int.replace(/^0+/, '').length > 14) { report('critical', v.line, `<${owner.name}> value ${raw} is too large`); return null; }
  const currency = (v.attrs.currency?.trim() || act.extra.defaultCurrency || '').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) { report('critical', v.line, `<${owner.name}> value without a currency (no currency attribute, no default-currency)`); return null; }
  const amount = normaliseAmount(`${raw.startsWith('-') ? '-' : ''}${int || '0'}${frac ? `.${frac}` : ''}`);
  return { amount, currency, valueDate: isoDay(v.attrs['value-date']) };
}

export function mapBudgets(a: XNode, act: ActivityIn, report: Report): void {
  const budgets: FundingIn[] = [];
  for (const el of [...kids(a, 'budget'), ...kids(a, 'planned-disbursement')]) {
    const m = money(kid(el, 'value'), el, act, report);
    if (!m) continue;
    const start = isoDay(kid(el, 'period-start')?.attrs['iso-date']), end = isoDay(kid(el, 'period-end')?.attrs['iso-date']);
    if (!start) report('error', el.line, `<${el.name}> without a valid period-start`);
    const line: FundingIn = { amount: m.amount, currency: m.currency, year: yearOf(start ?? m.valueDate), kind: 'budgeted', note: null,
      element: el.name === 'budget' ? 'budget' : 'planned-disbursement', type: el.attrs.type?.trim() || null, onDate: start, endDate: end,
      funder: el.name === 'budget' ? null : orgMention(kid(el, 'provider-org')) };
    act.funding.push(line);
    if (line.element === 'budget') budgets.push(line);
  }
  act.budget = totalBudget(budgets);
}

/** The project's budget: the revised budgets when there are, else the original ones, when they share one currency. */
function totalBudget(lines: FundingIn[]): { amount: string; currency: string } | null {
  const revised = lines.filter((l) => l.type === '2');
  const use = revised.length ? revised : lines;
  if (!use.length || new Set(use.map((l) => l.currency)).size > 1) return null;
  let cents = 0n;
  for (const l of use) {
    const [i, f = ''] = l.amount.replace('-', '').split('.');
    cents += (l.amount.startsWith('-') ? -1n : 1n) * (BigInt(i) * 100n + BigInt((f + '00').slice(0, 2)));
  }
  const neg = cents < 0n, abs = neg ? -cents : cents;
  const amount = normaliseAmount(`${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
  return amount.replace('-', '').split('.')[0].length > 14 ? null : { amount, currency: use[0].currency };
}

export function mapTransactions(a: XNode, act: ActivityIn, report: Report): void {
  for (const t of kids(a, 'transaction')) {
    const rawType = kid(t, 'transaction-type')?.attrs.code?.trim() ?? '';
    const type = LETTER_TYPES[rawType.toUpperCase()] ?? rawType;
    if (!/^(1[0-3]|[1-9])$/.test(type)) { report('critical', t.line, rawType ? `transaction with an unknown transaction-type "${rawType}"` : 'transaction without a transaction-type code'); continue; }
    const m = money(kid(t, 'value'), t, act, report);
    if (!m) continue;
    const date = isoDay(kid(t, 'transaction-date')?.attrs['iso-date']);
    if (!date) report('error', t.line, 'transaction without a valid transaction-date: the value-date stands for it');
    const provider = orgMention(kid(t, 'provider-org'));
    const note = pick(narratives(kid(t, 'description')));
    act.funding.push({
      amount: m.amount, currency: m.currency, year: yearOf(date ?? m.valueDate), kind: COMMITMENTS.has(type) ? 'committed' : 'disbursed',
      note: note && note.slice(0, 500), element: 'transaction', type, onDate: date ?? m.valueDate, endDate: null,
      funder: provider ?? (INCOMING.has(type) ? null : act.reporting),
    });
  }
}

export function mapResults(a: XNode, report: Report): ActivityIn['results'] {
  const rows: ActivityIn['results'] = [];
  for (const r of kids(a, 'result')) {
    const kind = kindOfResultType[r.attrs.type?.trim() ?? ''] ?? 'output';
    const resultTitle = pick(narratives(kid(r, 'title')));
    for (const ind of kids(r, 'indicator')) {
      const label = (pick(narratives(kid(ind, 'title'))) ?? resultTitle ?? 'indicateur').slice(0, 300);
      const unit = unitOfMeasure[ind.attrs.measure?.trim() ?? '1'] ?? 'unités';
      for (const p of kids(ind, 'period')) {
        const year = yearOf(isoDay(kid(p, 'period-end')?.attrs['iso-date']) ?? isoDay(kid(p, 'period-start')?.attrs['iso-date']));
        for (const actual of kids(p, 'actual')) {
          const v = actual.attrs.value?.trim() ?? '';
          if (!v) continue;
          if (!DECIMAL.test(v)) { report('warning', actual.line, `indicator actual value "${v.slice(0, 40)}" is not a number: left out`); continue; }
          rows.push({ label, value: Number(v), unit, year, kind });
        }
      }
    }
  }
  return rows;
}
