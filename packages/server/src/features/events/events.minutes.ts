/**
 * What a meeting records: its minutes (plain text, paragraphs) and its decisions (event_decision: the decision, who
 * carries it — a Tandem organisation or words —, by when at its precision, and where it stands). Written with the event
 * through the write pipeline (create, update, restore), so revisions and their diffs cover them.
 */
import { formatPartialDate, parsePartialDate, type EventDecisionInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { assertExist } from '../../lib/records.js';

export interface DecisionView {
  text: string;
  owner: { id: string; name: string } | null;
  ownerText: string | null;
  due: string | null;
  duePrecision: 'year' | 'month' | 'day' | null;
  status: 'open' | 'done' | 'dropped';
}

/** An event's decisions in their order. */
export async function decisionsOf(db: Db, eventId: string): Promise<DecisionView[]> {
  const rows = await db.query(`select d.text, d.owner_organisation_id, o.name as owner_name, d.owner_text, d.due, d.due_precision, d.status
    from event_decision d left join organisation o on o.id = d.owner_organisation_id where d.event_id = $1 order by d.position`, [eventId]);
  return rows.map((r) => ({
    text: r.text, owner: r.owner_organisation_id ? { id: r.owner_organisation_id, name: r.owner_name } : null, ownerText: r.owner_text,
    due: formatPartialDate(r.due, r.due_precision), duePrecision: r.due ? r.due_precision : null, status: r.status,
  }));
}

/** The due date as stored: its first day at the precision asked (a coarser precision than written drops the finer part). */
export function dueOf(d: Pick<EventDecisionInput, 'due' | 'duePrecision'>): { date: string; precision: 'year' | 'month' | 'day' } | null {
  if (!d.due) return null;
  const written = parsePartialDate(d.due);
  const precision = d.duePrecision ?? written.precision;
  return parsePartialDate(formatPartialDate(written.date, precision)!);
}

/** Decisions' owners known (400 naming `decisions.N.ownerOrganisationId`). */
export async function checkDecisions(db: Db, decisions: EventDecisionInput[] | undefined) {
  await assertExist(db, 'organisation', (decisions ?? []).map((d, i) => ({ path: `decisions.${i}.ownerOrganisationId`, id: d.ownerOrganisationId })));
}

/** Replaces an event's minutes and decisions. */
export async function writeMinutes(db: Db, eventId: string, input: { minutes?: string | null; decisions?: EventDecisionInput[] }) {
  await db.query('update event set minutes = $2 where id = $1', [eventId, input.minutes ?? null]);
  await db.query('delete from event_decision where event_id = $1', [eventId]);
  for (const [i, d] of (input.decisions ?? []).entries()) {
    const due = dueOf(d);
    await db.query(`insert into event_decision (id, event_id, position, text, owner_organisation_id, owner_text, due, due_precision, status)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [`${eventId}-decision-${i + 1}`, eventId, i, d.text, d.ownerOrganisationId ?? null, d.ownerText ?? null, due?.date ?? null, due?.precision ?? null, d.status]);
  }
}
