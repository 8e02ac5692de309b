/**
 * Registering to an event and the registrant's own reads and changes, through the private link (a random token
 * sent by mail; the database keeps its SHA-256 only). Places: pending when the form is moderated (no place held),
 * accepted while there is room, else waiting; each change that takes or frees a place locks the event first.
 */
import type { RegistrationChange, RegistrationInput, RegistrationView } from '@tandem/shared';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { lockEvent, placesLeft } from '../events/places.js';
import { checkAnswers, isOpen, requireForm, type FormRow } from './registration.form.js';
import { sendRegistrationMails, type Outgoing } from './registration.mail.js';
import { countRegistration } from './registration.limits.js';
import { expireOffers, fillPlaces, linkOf, mailEvent, nextPosition, placeSessions, release } from './registration.queue.js';
import { viewOf } from './registration.view.js';

/** limits: count this registration against the rate limits of its e-mail address and this client (registration.limits.ts):
 * only a registration that is made counts (the count rolls back with a refused one); past a limit, 429. */
export interface RegisterOptions { actor?: Actor | null; now?: Date; origin?: string; limits?: { client: string | null } }

function assertOpen(form: FormRow, now: Date) {
  if (!isOpen(form, now)) throw new ValidationError([{ path: 'closed', message: 'registration is closed for this event (outside its opening dates)' }]);
}

/** The chosen workshops: the event's, within the form's minimum and maximum. */
async function checkSessions(tx: Db, form: FormRow, eventId: string, sessions: string[]) {
  const known = new Set((await tx.query<{ id: string }>(`select id from event_session where event_id = $1 and kind = 'workshop'`, [eventId])).map((s) => s.id));
  const issues = sessions.flatMap((id, i) => (known.has(id) ? [] : [{ path: `sessions.${i}`, message: `no workshop "${id}" in this event` }]));
  if (issues.length) throw new ValidationError(issues);
  if (known.size && sessions.length < form.workshops_min) throw new ValidationError([{ path: 'sessions', message: `choose at least ${form.workshops_min} workshop(s)` }]);
  if (form.workshops_max != null && sessions.length > form.workshops_max) throw new ValidationError([{ path: 'sessions', message: `choose at most ${form.workshops_max} workshop(s)` }]);
}

/**
 * The organisation an « organisation » answer names, when Tandem holds it (by id, name or acronym, case aside): the
 * registration is then linked to it (the public list shows it). A name Tandem does not hold stays an answer only.
 */
async function organisationAnswered(tx: Db, fields: Array<{ key: string; type: string }>, answers: Record<string, unknown>): Promise<string | null> {
  for (const f of fields) {
    const v = answers[f.key];
    if (f.type !== 'organisation' || typeof v !== 'string' || !v.trim()) continue;
    const [o] = await tx.query<{ id: string }>(`select id from organisation where id = $1 or lower(name) = lower($1) or upper($1) = any(acronyms)
      order by (id = $1) desc, (lower(name) = lower($1)) desc limit 1`, [v.trim()]);
    if (o) return o.id;
  }
  return null;
}

export async function register(db: Db, eventId: string, input: RegistrationInput, opts: RegisterOptions = {}): Promise<{ registration: RegistrationView; token: string }> {
  const now = opts.now ?? new Date();
  const token = randomToken();
  const { id, mail } = await db.transaction(async (tx) => {
    if (!await lockEvent(tx, eventId)) throw new NotFoundError('event', eventId);
    const form = await requireForm(tx, eventId);
    assertOpen(form, now);
    const answers = checkAnswers(form.fields, input.answers ?? {}, null);
    await checkSessions(tx, form, eventId, input.sessions ?? []);
    await assertExist(tx, 'organisation', [{ path: 'organisationId', id: input.organisationId }]);
    const organisationId = input.organisationId ?? await organisationAnswered(tx, form.fields, answers);
    const [dup] = await tx.query(`select 1 as ok from registration where event_id = $1 and email = $2 and status not in ('cancelled', 'declined')`, [eventId, input.email]);
    if (dup) throw new HttpError(409, 'this e-mail is already registered to this event: use the link of the e-mail you received', [{ path: 'email', message: 'already registered' }]);
    if (opts.limits) await countRegistration(tx, { email: input.email, client: opts.limits.client });
    const left = (await placesLeft(tx, eventId)).event;
    const status = form.moderated ? 'pending' : left === null || left > 0 ? 'accepted' : 'waiting';
    const id = `reg-${randomUUID()}`;
    const accountId = opts.actor && opts.actor.email.toLowerCase() === input.email ? opts.actor.accountId : null;
    await tx.query(`insert into registration (id, event_id, token_hash, account_id, name, email, lang, organisation_id, status, answers, public_consent, queue_position)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [id, eventId, sha256(token), accountId, input.name, input.email, input.lang, organisationId, status, JSON.stringify(answers),
      input.publicConsent ?? false, status === 'waiting' ? await nextPosition(tx, eventId) : null]);
    for (const s of input.sessions ?? []) await tx.query(`insert into registration_session (registration_id, session_id, status) values ($1, $2, 'waiting')`, [id, s]);
    if (status === 'accepted') await placeSessions(tx, eventId, id);
    const view = await viewOf(tx, eventId, id);
    const mail: Outgoing = { kind: status, to: input.email, name: input.name, lang: input.lang, event: await mailEvent(tx, eventId),
      link: linkOf(opts.origin, input.lang, token), position: view.queuePosition };
    return { id, mail };
  });
  void sendRegistrationMails([mail]);
  return { registration: await viewOf(db, eventId, id), token };
}

async function rowByToken(db: Db, token: string) {
  const [r] = await db.query<{ id: string; event_id: string; status: string; version: number; name: string; email: string; lang: 'fr' | 'en' | 'vi' }>(
    'select id, event_id, status, version, name, email, lang from registration where token_hash = $1', [sha256(token)]);
  if (!r) throw new NotFoundError('registration', 'this link');
  return r;
}

export async function byToken(db: Db, token: string, now = new Date()): Promise<RegistrationView> {
  await expireOffers(db, now);
  const r = await rowByToken(db, token);
  return viewOf(db, r.event_id, r.id);
}

/** A change in one transaction on the locked event; mails sent once it is committed. */
async function onRegistration(db: Db, token: string, fn: (tx: Db, r: Awaited<ReturnType<typeof rowByToken>>) => Promise<Outgoing[]>): Promise<RegistrationView> {
  const first = await rowByToken(db, token);
  const mails = await db.transaction(async (tx) => {
    await lockEvent(tx, first.event_id);
    return fn(tx, await rowByToken(tx, token));
  });
  void sendRegistrationMails(mails);
  return viewOf(db, first.event_id, first.id);
}

export async function changeByToken(db: Db, token: string, change: RegistrationChange, now = new Date()): Promise<RegistrationView> {
  await expireOffers(db, now);
  return onRegistration(db, token, async (tx, r) => {
    if (r.status === 'cancelled' || r.status === 'declined') throw new HttpError(409, `this registration is ${r.status}: register again to take part`);
    if (change.version !== r.version) throw new HttpError(409, `the registration was changed meanwhile: you sent version ${change.version}, the current version is ${r.version}. Reload it and apply your change again.`, undefined, { currentVersion: r.version });
    const form = await requireForm(tx, r.event_id);
    const answers = change.answers ? checkAnswers(form.fields, change.answers, null) : undefined;
    await assertExist(tx, 'organisation', [{ path: 'organisationId', id: change.organisationId }]);
    const organisationId = change.organisationId !== undefined ? change.organisationId : answers ? await organisationAnswered(tx, form.fields, answers) ?? undefined : undefined;
    await tx.query(`update registration set name = coalesce($2, name), lang = coalesce($3, lang), organisation_id = case when $4 then $5 else organisation_id end,
        answers = coalesce($6::jsonb, answers), public_consent = coalesce($7, public_consent), version = version + 1, updated_at = now() where id = $1`,
    [r.id, change.name ?? null, change.lang ?? null, organisationId !== undefined, organisationId ?? null,
      answers ? JSON.stringify(answers) : null, change.publicConsent ?? null]);
    if (!change.sessions) return [];
    assertOpen(form, now);
    await checkSessions(tx, form, r.event_id, change.sessions);
    await tx.query(`delete from registration_session where registration_id = $1 and not (session_id = any($2::text[]))`, [r.id, change.sessions]);
    for (const s of change.sessions) {
      await tx.query(`insert into registration_session (registration_id, session_id, status) values ($1, $2, 'waiting') on conflict (registration_id, session_id) do nothing`, [r.id, s]);
      await tx.query(`update registration_session set status = 'waiting', queue_position = null where registration_id = $1 and session_id = $2 and status = 'cancelled'`, [r.id, s]);
    }
    if (r.status === 'accepted') await placeSessions(tx, r.event_id, r.id);
    return fillPlaces(tx, r.event_id, now);
  });
}

export async function cancelByToken(db: Db, token: string, now = new Date()): Promise<RegistrationView> {
  await expireOffers(db, now);
  return onRegistration(db, token, async (tx, r) => {
    if (r.status === 'cancelled' || r.status === 'declined') return [];
    await tx.query(`update registration set status = 'cancelled', offer_expires_at = null, version = version + 1, updated_at = now() where id = $1`, [r.id]);
    await release(tx, r.id);
    const mail: Outgoing = { kind: 'cancelled', to: r.email, name: r.name, lang: r.lang, event: await mailEvent(tx, r.event_id) };
    return [mail, ...await fillPlaces(tx, r.event_id, now)];
  });
}

/** Takes the place offered: the event's (its workshops then get their places), or one workshop's. */
export async function acceptOffer(db: Db, token: string, opts: { sessionId?: string; origin?: string } = {}, now = new Date()): Promise<RegistrationView> {
  await expireOffers(db, now);
  return onRegistration(db, token, async (tx, r) => {
    if (opts.sessionId) {
      const rows = await tx.query(`update registration_session set status = 'accepted', offer_expires_at = null
        where registration_id = $1 and session_id = $2 and status = 'offered' returning session_id`, [r.id, opts.sessionId]);
      if (!rows.length) throw new HttpError(409, 'no place of this workshop is offered to you (the offer may have expired)', [{ path: 'sessionId', message: 'no offer' }]);
      await tx.query('update registration set version = version + 1, updated_at = now() where id = $1', [r.id]);
      return [];
    }
    if (r.status !== 'offered') throw new HttpError(409, `no place is offered to you: this registration is ${r.status}`, [{ path: 'status', message: r.status }]);
    await tx.query(`update registration set status = 'accepted', offer_expires_at = null, queue_position = null, version = version + 1, updated_at = now() where id = $1`, [r.id]);
    await placeSessions(tx, r.event_id, r.id);
    return [{ kind: 'accepted', to: r.email, name: r.name, lang: r.lang, event: await mailEvent(tx, r.event_id), link: linkOf(opts.origin, r.lang, token) }];
  });
}

/** The public list of participants: accepted and consenting only, name and organisation. */
export async function publicParticipants(db: Db, eventId: string) {
  const [ev] = await db.query('select 1 as ok from event where id = $1', [eventId]);
  if (!ev) throw new NotFoundError('event', eventId);
  const rows = await db.query(`select r.name, o.id as org_id, o.name as org_name from registration r left join organisation o on o.id = r.organisation_id
    where r.event_id = $1 and r.status = 'accepted' and r.public_consent order by lower(r.name), r.id`, [eventId]);
  return rows.map((r) => ({ name: r.name as string, organisation: r.org_id ? { id: r.org_id as string, name: r.org_name as string } : null }));
}
