/** Dates, budgets, planned disbursements and transactions of an exported activity. */
import { normaliseAmount } from '@tandem/shared';
import type { OrgRef, ProjectBundle } from './export.data.js';
import { orgTypeOfKind } from './codes.js';
import { el, narrative, textEl } from './xml.js';

type Line = ProjectBundle['funding'][number];
const day = (v: unknown): string | null => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

/** The last day of a partial date's period: 2006 → 2006-12-31, 2006-05 → 2006-05-31. */
export function periodEnd(first: string, precision: string | null): string {
  const [y, m] = first.split('-').map(Number);
  if (precision === 'year') return `${y}-12-31`;
  if (precision === 'month') return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return first;
}

const PRECISION_NOTE: Record<string, string> = { year: 'Date connue à l’année près', month: 'Date connue au mois près' };

/**
 * activity-date: start = actual (2) once the project has begun, planned (1) in the pipeline; end = actual (4) when
 * closed or cancelled, else planned (3). A date known to the month or year is its period's first day (start) or last
 * day (end), with a narrative saying so. Without any date: the day the record was created, as a planned start, said so.
 */
export function activityDates(p: any): string {
  const out: string[] = [];
  const note = (prec: string | null) => (prec && PRECISION_NOTE[prec] ? narrative(PRECISION_NOTE[prec], 'fr') : null);
  if (p.start_on) out.push(el('activity-date', { type: p.status === 'pipeline' ? '1' : '2', 'iso-date': day(p.start_on) }, note(p.start_precision)));
  if (p.end_on) {
    const end = periodEnd(day(p.end_on)!, p.end_precision);
    out.push(el('activity-date', { type: p.status === 'closed' || p.status === 'cancelled' ? '4' : '3', 'iso-date': end }, note(p.end_precision)));
  }
  if (!out.length) out.push(el('activity-date', { type: '1', 'iso-date': day(p.created_at ?? new Date()) }, narrative('Date inconnue : jour de la saisie dans Tandem', 'fr')));
  return out.join('');
}

const value = (l: { amount: string; currency: string }, date: string) => textEl('value', { currency: l.currency, 'value-date': date }, normaliseAmount(String(l.amount)));
const orgEl = (name: string, o: OrgRef) => el(name, { ref: o.iati_ref ?? undefined, type: o.iati_type ?? orgTypeOfKind[o.kind as keyof typeof orgTypeOfKind] ?? '90' }, narrative(o.name));

function period(l: Line, p: any): [string, string] | null {
  const start = day(l.on_date) ?? (l.year ? `${l.year}-01-01` : day(p.start_on));
  const end = day(l.end_date) ?? (l.year ? `${l.year}-12-31` : p.end_on ? periodEnd(day(p.end_on)!, p.end_precision) : start && `${start.slice(0, 4)}-12-31`);
  return start && end ? [start, end < start ? start : end] : null;
}

/** budget: every budgeted line; without any, the project's budget over its dates. Then planned-disbursement lines. */
export function budgets(b: ProjectBundle): string[] {
  const p = b.project;
  const lines = b.funding.filter((l) => l.kind === 'budgeted' && l.iati_element !== 'planned-disbursement');
  if (!lines.length && p.budget_amount != null) lines.push({ amount: String(p.budget_amount), currency: p.budget_currency ?? 'EUR', year: null, kind: 'budgeted',
    note: null, iati_element: null, iati_type: null, on_date: null, end_date: null, funder: null });
  const out: string[] = [];
  for (const l of lines) {
    const pr = period(l, p);
    if (pr) out.push(el('budget', { type: l.iati_type ?? '1', status: '1' }, el('period-start', { 'iso-date': pr[0] }), el('period-end', { 'iso-date': pr[1] }), value(l, pr[0])));
  }
  for (const l of b.funding.filter((x) => x.iati_element === 'planned-disbursement')) {
    const pr = period(l, p);
    if (pr) out.push(el('planned-disbursement', { type: l.iati_type ?? undefined }, el('period-start', { 'iso-date': pr[0] }),
      el('period-end', { 'iso-date': pr[1] }), value(l, pr[0]), l.funder ? orgEl('provider-org', l.funder) : null));
  }
  return out;
}

/**
 * transaction, from the reporting organisation's point of view: a line it funds itself (or of unknown funder) is an
 * Outgoing Commitment (2) or a Disbursement (3); a line another organisation funds is an Incoming Commitment (11) or
 * Incoming Funds (1), with that funder as provider-org. Imported transactions keep their type.
 */
export function transactions(b: ProjectBundle, rep: OrgRef | null): string[] {
  const p = b.project;
  return b.funding.filter((l) => l.kind !== 'budgeted').map((l) => {
    const own = !l.funder || l.funder.id === rep?.id;
    const type = l.iati_type ?? (l.kind === 'committed' ? (own ? '2' : '11') : own ? '3' : '1');
    const date = day(l.on_date) ?? (l.year ? `${l.year}-01-01` : day(p.start_on) ?? day(p.created_at ?? new Date())!);
    const incoming = type === '1' || type === '11' || type === '13';
    return el('transaction', {}, el('transaction-type', { code: type }), el('transaction-date', { 'iso-date': date }), value(l, date),
      l.note ? el('description', {}, narrative(l.note, 'fr')) : null,
      l.funder ? orgEl('provider-org', l.funder) : null, incoming && rep ? orgEl('receiver-org', rep) : null);
  });
}
