/**
 * The organisers' side: the registrations of their event by status (the waiting list in its order), moderation
 * (accepting a pending registration takes a place if one is left, else puts it on the waiting list), the waiting
 * list's order, a CSV (through the one formula-safe writer) and messages to the registrants of a status.
 * Every function checks `assertOrganiser` first; changes lock the event.
 */
import { csvDocument, registrationStatuses, type MessageInput, type RegistrationList, type RegistrationStatus } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor, SYSTEM } from '../../lib/actor.js';
import { ValidationError } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { assertOrganiser } from '../events/organisers.js';
import { lockEvent, placesLeft } from '../events/places.js';
import { formRow } from './registration.form.js';
import { sendRegistrationMails, type Outgoing } from './registration.mail.js';
import { expireOffers, fillPlaces, mailEvent, newLink, nextPosition, placeSessions, release } from './registration.queue.js';
import { viewsOf } from './registration.view.js';

type Who = Actor | typeof SYSTEM | null;

export async function listRegistrations(db: Db, actor: Who, eventId: string, opts: { status?: RegistrationStatus } = {}): Promise<RegistrationList> {
  await assertOrganiser(db, actor, eventId);
  await expireOffers(db);
  const counts = Object.fromEntries(registrationStatuses.map((s) => [s, 0])) as Record<RegistrationStatus, number>;
  for (const r of await db.query<{ status: RegistrationStatus; n: number }>('select status, count(*)::int as n from registration where event_id = $1 group by status', [eventId])) counts[r.status] = r.n;
  const ids = await db.query<{ id: string }>(`select id from registration where event_id = $1 and ($2::text is null or status = $2)
    order by case when status = 'waiting' then 0 else 1 end, queue_position nulls last, created_at, id`, [eventId, opts.status ?? null]);
  return { counts, items: await viewsOf(db, eventId, ids.map((r) => r.id)) };
}

async function change(db: Db, eventId: string, fn: (tx: Db) => Promise<Outgoing[]>) {
  const mails = await db.transaction(async (tx) => { await lockEvent(tx, eventId); return fn(tx); });
  void sendRegistrationMails(mails);
}

/** Accept or decline registrations (pending ones, or any active one for a decline); returns how many changed. */
export async function moderate(db: Db, actor: Who, eventId: string, ids: string[], decision: 'accept' | 'decline', origin?: string): Promise<{ changed: number }> {
  await assertOrganiser(db, actor, eventId);
  let changed = 0;
  await change(db, eventId, async (tx) => {
    const mails: Outgoing[] = [];
    const event = await mailEvent(tx, eventId);
    const rows = await tx.query<{ id: string; name: string; email: string; lang: 'fr' | 'en' | 'vi'; status: string }>(`select id, name, email, lang, status from registration
      where event_id = $1 and id = any($2::text[]) and status = any($3::text[]) order by created_at, id`,
    [eventId, ids, decision === 'accept' ? ['pending'] : ['pending', 'accepted', 'waiting', 'offered']]);
    for (const r of rows) {
      if (decision === 'decline') {
        await tx.query(`update registration set status = 'declined', queue_position = null, offer_expires_at = null, version = version + 1, updated_at = now() where id = $1`, [r.id]);
        await release(tx, r.id);
        mails.push({ kind: 'declined', to: r.email, name: r.name, lang: r.lang, event });
      } else {
        const left = (await placesLeft(tx, eventId)).event;
        const status = left === null || left > 0 ? 'accepted' : 'waiting';
        await tx.query(`update registration set status = $2, queue_position = $3, version = version + 1, updated_at = now() where id = $1`,
          [r.id, status, status === 'waiting' ? await nextPosition(tx, eventId) : null]);
        if (status === 'accepted') await placeSessions(tx, eventId, r.id);
        const [rank] = status === 'waiting' ? (await viewsOf(tx, eventId, [r.id])) : [];
        mails.push({ kind: status, to: r.email, name: r.name, lang: r.lang, event, link: await newLink(tx, r.id, r.lang, origin), position: rank?.queuePosition });
      }
      changed++;
    }
    await audit(tx, { actor: actor, action: `registrations_${decision === 'accept' ? 'accepted' : 'declined'}`, targetKind: 'event', targetId: eventId, details: { count: changed } });
    return [...mails, ...await fillPlaces(tx, eventId, new Date(), origin)];
  });
  return { changed };
}

/** The waiting list in a new order: ids (all of them, or the first ones) come first in the order given. */
export async function reorderWaiting(db: Db, actor: Who, eventId: string, ids: string[], sessionId?: string): Promise<RegistrationList> {
  await assertOrganiser(db, actor, eventId);
  await change(db, eventId, async (tx) => {
    const table = sessionId ? 'registration_session' : 'registration';
    const current = sessionId
      ? await tx.query<{ id: string }>(`select rs.registration_id as id from registration_session rs join registration r on r.id = rs.registration_id
          where rs.session_id = $1 and r.event_id = $2 and rs.status = 'waiting' and rs.queue_position is not null order by rs.queue_position`, [sessionId, eventId])
      : await tx.query<{ id: string }>(`select id from registration where event_id = $1 and status = 'waiting' order by queue_position, created_at`, [eventId]);
    const known = new Set(current.map((r) => r.id));
    const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `ids.${i}`, message: 'not on this waiting list' }]));
    if (issues.length) throw new ValidationError(issues);
    const order = [...ids, ...current.map((r) => r.id).filter((id) => !ids.includes(id))];
    for (const [i, id] of order.entries()) {
      await tx.query(sessionId ? `update ${table} set queue_position = $2 where registration_id = $1 and session_id = $3` : `update ${table} set queue_position = $2, version = version + 1 where id = $1`,
        sessionId ? [id, i + 1, sessionId] : [id, i + 1]);
    }
    return [];
  });
  return listRegistrations(db, actor, eventId, { status: 'waiting' });
}

/** The registrations as CSV: one line each, the form's answers as columns (labels in French). */
export async function registrationsCsv(db: Db, actor: Who, eventId: string): Promise<string> {
  const { items } = await listRegistrations(db, actor, eventId);
  const fields = (await formRow(db, eventId))?.fields ?? [];
  await audit(db, { actor: actor, action: 'registrations_exported', targetKind: 'event', targetId: eventId });
  const header = ['id', 'status', 'queue_position', 'name', 'email', 'lang', 'organisation', 'public_consent', 'workshops', 'created_at', ...fields.map((f) => f.labels.fr)];
  return csvDocument(header, items.map((r) => [r.id, r.status, r.queuePosition, r.name, r.email, r.lang, r.organisation?.name ?? '', r.publicConsent ? 'yes' : 'no',
    r.sessions.map((s) => `${s.title} (${s.status})`), r.createdAt, ...fields.map((f) => {
      const v = r.answers[f.key];
      return typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
    })]), { bom: true });
}

/** A message from the organisers to every registrant of a status, each in their language's frame. */
export async function messageRegistrants(db: Db, actor: Who, eventId: string, msg: MessageInput): Promise<{ sent: number }> {
  await assertOrganiser(db, actor, eventId);
  const rows = await db.query<{ name: string; email: string; lang: 'fr' | 'en' | 'vi' }>('select name, email, lang from registration where event_id = $1 and status = $2 order by created_at', [eventId, msg.status]);
  const event = await mailEvent(db, eventId);
  await audit(db, { actor: actor, action: 'registrants_messaged', targetKind: 'event', targetId: eventId, details: { status: msg.status, count: rows.length } });
  void sendRegistrationMails(rows.map((r) => ({ kind: 'message', to: r.email, name: r.name, lang: r.lang, event, subject: msg.subject, body: msg.body })));
  return { sent: rows.length };
}
