/**
 * An event's registration form: settings (dates, places, moderation, workshop choices, offer time) and fields.
 * Read by anyone (the registration page renders it), saved by the event's organisers (409 on a stale version);
 * raising the places offers them to the waiting list at once.
 */
import type { AnswerValue, FormField, RegistrationFormInput, RegistrationFormView } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor, SYSTEM } from '../../lib/actor.js';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../../lib/errors.js';
import { assertOrganiser } from '../events/organisers.js';
import { lockEvent, placesLeft } from '../events/places.js';
import { fillPlaces } from './registration.queue.js';
import { sendRegistrationMails } from './registration.mail.js';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export interface FormRow { event_id: string; opens_at: Date | null; closes_at: Date | null; capacity: number | null; moderated: boolean;
  workshops_min: number; workshops_max: number | null; offer_hours: number; fields: FormField[]; version: number;
  /** the day after the event's last day (its end, else its start, to the end of a month or year known alone) */
  over_on: string | Date | null }

/** Open within the form's dates, and never once the event is over. */
export const isOpen = (f: FormRow, now: Date) =>
  (!f.opens_at || new Date(f.opens_at) <= now) && (!f.closes_at || new Date(f.closes_at) > now) && (!f.over_on || new Date(f.over_on) > now);

export async function formRow(db: Db, eventId: string): Promise<FormRow | null> {
  const [f] = await db.query<FormRow>(`select f.*, (case coalesce(e.end_precision, e.start_precision) when 'day' then coalesce(e.end_on, e.start_on) + 1
      when 'month' then (date_trunc('month', coalesce(e.end_on, e.start_on)) + interval '1 month')::date
      when 'year' then (date_trunc('year', coalesce(e.end_on, e.start_on)) + interval '1 year')::date end)::text as over_on
    from registration_form f join event e on e.id = f.event_id where f.event_id = $1`, [eventId]);
  return f ? { ...f, fields: typeof f.fields === 'string' ? JSON.parse(f.fields) : f.fields } : null;
}

export async function getForm(db: Db, eventId: string, now = new Date()): Promise<RegistrationFormView | null> {
  const f = await formRow(db, eventId);
  if (!f) return null;
  const places = await placesLeft(db, eventId);
  const sessions = await db.query<{ id: string; title: string }>(`select id, title from event_session where event_id = $1 and kind = 'workshop' order by position`, [eventId]);
  return {
    eventId, opensAt: iso(f.opens_at), closesAt: iso(f.closes_at), capacity: f.capacity, moderated: f.moderated,
    workshopsMin: f.workshops_min, workshopsMax: f.workshops_max, offerHours: f.offer_hours, fields: f.fields, version: f.version,
    open: isOpen(f, now), placesLeft: places.event,
    sessions: sessions.map((s) => ({ id: s.id, title: s.title, capacity: places.sessions.get(s.id)?.capacity ?? null, placesLeft: places.sessions.get(s.id)?.left ?? null })),
  };
}

export async function saveForm(db: Db, actor: Actor | typeof SYSTEM, eventId: string, input: RegistrationFormInput): Promise<RegistrationFormView> {
  await assertOrganiser(db, actor, eventId);
  const mails = await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const current = await formRow(tx, eventId);
    if (current && input.version !== undefined && input.version !== current.version) throw new ConflictError('registration form', eventId, current.version, input.version);
    if (current && input.version === undefined) throw new ValidationError([{ path: 'version', message: 'send the version you read to change an existing form' }]);
    const values = [eventId, input.opensAt ?? null, input.closesAt ?? null, input.capacity ?? null, input.moderated, input.workshopsMin,
      input.workshopsMax ?? null, input.offerHours, JSON.stringify(input.fields)];
    if (current) {
      await tx.query(`update registration_form set opens_at = $2, closes_at = $3, capacity = $4, moderated = $5, workshops_min = $6, workshops_max = $7,
        offer_hours = $8, fields = $9::jsonb, version = version + 1, updated_at = now() where event_id = $1`, values);
    } else {
      await tx.query(`insert into registration_form (event_id, opens_at, closes_at, capacity, moderated, workshops_min, workshops_max, offer_hours, fields)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`, values);
    }
    return fillPlaces(tx, eventId, new Date());
  });
  void sendRegistrationMails(mails);
  return (await getForm(db, eventId))!;
}

export async function requireForm(db: Db, eventId: string): Promise<FormRow> {
  const f = await formRow(db, eventId);
  if (!f) {
    const [ev] = await db.query('select 1 as ok from event where id = $1', [eventId]);
    throw ev ? new ValidationError([{ path: 'closed', message: 'this event takes no registrations' }]) : new NotFoundError('event', eventId);
  }
  return f;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The answers checked against the form's fields: 400 naming answers.<key>; unknown keys are refused too. */
export function checkAnswers(fields: FormField[], answers: Record<string, AnswerValue>, countries: Set<string> | null): Record<string, AnswerValue> {
  const issues: Issue[] = [];
  const out: Record<string, AnswerValue> = {};
  const bad = (key: string, message: string) => issues.push({ path: `answers.${key}`, message });
  for (const key of Object.keys(answers)) if (!fields.some((f) => f.key === key)) bad(key, 'no such field in this form');
  for (const f of fields) {
    const v = answers[f.key];
    const empty = v == null || v === '' || (Array.isArray(v) && !v.length) || (f.type === 'consent' && v === false);
    if (empty) { if (f.required) bad(f.key, 'required'); continue; }
    const values = new Set((f.options ?? []).map((o) => o.value));
    switch (f.type) {
      case 'text': if (typeof v !== 'string') bad(f.key, 'a text'); break;
      case 'choice': if (typeof v !== 'string' || !values.has(v)) bad(f.key, 'one of the options'); break;
      case 'multi': if (!Array.isArray(v) || v.some((x) => !values.has(x)) || new Set(v).size !== v.length) bad(f.key, 'some of the options, each once'); break;
      case 'yesno': case 'consent': if (typeof v !== 'boolean') bad(f.key, 'true or false'); break;
      case 'number': if (typeof v !== 'number' || !Number.isFinite(v)) bad(f.key, 'a number'); break;
      case 'date': if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) bad(f.key, 'a date YYYY-MM-DD'); break;
      case 'country': if (typeof v !== 'string' || !/^[A-Z]{2}$/.test(v) || (countries && !countries.has(v))) bad(f.key, 'a country code (ISO 3166, e.g. VN)'); break;
      case 'organisation': if (typeof v !== 'string' || !v.trim() || v.length > 300) bad(f.key, 'an organisation name or id'); break;
    }
    out[f.key] = v;
  }
  if (issues.length) throw new ValidationError(issues);
  return out;
}
