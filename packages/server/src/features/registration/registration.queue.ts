/**
 * Places and waiting lists. Every change that takes or frees a place runs in one transaction that locks the event
 * first (`lockEvent`), then counts: so concurrent registrations never overbook. A freed place goes to the first
 * person waiting (lowest queue_position) as an offer held `offer_hours`; past it, `expireOffers` cancels the offer
 * and offers the place to the next. Workshops (registration_session) have their own places and lists, for
 * registrations that hold the event's place; the workshops of other registrations wait unranked until then.
 */
import type { RegistrationLang } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { formatPartialDate } from '@tandem/shared';
import { lockEvent, placesLeft } from '../events/places.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { langPath } from '../auth/urls.js';
import { sendRegistrationMails, type MailEvent, type Outgoing } from './registration.mail.js';

const hhmm = (t: unknown) => (t ? String(t).slice(0, 5) : null);

export async function mailEvent(db: Db, eventId: string): Promise<MailEvent> {
  const [e] = await db.query(`select e.id, e.title, e.start_on, e.start_precision, e.end_on, e.end_precision, e.start_time, e.end_time, e.time_zone,
      e.place_text, e.online, e.updated_at, t.name as place_name from event e left join territory t on t.id = e.place_territory_id where e.id = $1`, [eventId]);
  return {
    id: e.id, title: e.title, start: formatPartialDate(e.start_on, e.start_precision), end: formatPartialDate(e.end_on, e.end_precision),
    startTime: hhmm(e.start_time), endTime: hhmm(e.end_time), timeZone: e.time_zone, placeText: e.place_text, placeName: e.place_name,
    online: !!e.online, location: [e.place_text || e.place_name].filter(Boolean).join(', ') || null, updatedAt: e.updated_at,
  };
}

/** The public origin of links in e-mails: TANDEM_PUBLIC_URL (or PUBLIC_URL), else the request's origin given. */
export function linkOf(origin: string | undefined, lang: string, token: string): string {
  const base = (process.env.TANDEM_PUBLIC_URL || process.env.PUBLIC_URL || origin || 'http://localhost').replace(/\/+$/, '');
  return `${base}${langPath(lang, `/registrations/${token}`)}`;
}

/** A new private link for a mail sent on someone else's action (the token itself is never stored). */
export async function newLink(tx: Db, registrationId: string, lang: string, origin?: string): Promise<string> {
  const token = randomToken();
  await tx.query('update registration set token_hash = $2 where id = $1', [registrationId, sha256(token)]);
  return linkOf(origin, lang, token);
}

export async function nextPosition(tx: Db, eventId: string, sessionId?: string): Promise<number> {
  const [r] = sessionId
    ? await tx.query<{ n: number }>('select coalesce(max(queue_position), 0) + 1 as n from registration_session where session_id = $1', [sessionId])
    : await tx.query<{ n: number }>('select coalesce(max(queue_position), 0) + 1 as n from registration where event_id = $1', [eventId]);
  return Number(r.n);
}

interface RegRow { id: string; name: string; email: string; lang: RegistrationLang }

/**
 * Gives the workshops of a registration that now holds the event's place their own places: accepted when the
 * workshop has room, else ranked on its waiting list. Returns the sessions left waiting.
 */
export async function placeSessions(tx: Db, eventId: string, registrationId: string): Promise<void> {
  const parked = await tx.query<{ session_id: string }>(`select session_id from registration_session
    where registration_id = $1 and status = 'waiting' and queue_position is null order by session_id`, [registrationId]);
  for (const s of parked) {
    const left = (await placesLeft(tx, eventId)).sessions.get(s.session_id)?.left;
    if (left === null || (left ?? 0) > 0) await tx.query(`update registration_session set status = 'accepted' where registration_id = $1 and session_id = $2`, [registrationId, s.session_id]);
    else await tx.query(`update registration_session set queue_position = $3 where registration_id = $1 and session_id = $2`, [registrationId, s.session_id, await nextPosition(tx, eventId, s.session_id)]);
  }
}

/** Offers the free places (event, then each workshop) to the first people waiting. Call with the event locked. */
export async function fillPlaces(tx: Db, eventId: string, now: Date, origin?: string): Promise<Outgoing[]> {
  const mails: Outgoing[] = [];
  const [form] = await tx.query<{ offer_hours: number }>('select offer_hours from registration_form where event_id = $1', [eventId]);
  if (!form) return mails;
  const until = new Date(now.getTime() + form.offer_hours * 3_600_000);
  let event: MailEvent | null = null;
  const places = await placesLeft(tx, eventId);
  const free = places.event ?? Number.MAX_SAFE_INTEGER;
  if (free > 0) {
    const next = await tx.query<RegRow>(`select id, name, email, lang from registration where event_id = $1 and status = 'waiting'
      order by queue_position, created_at limit $2`, [eventId, Math.min(free, 10_000)]);
    for (const r of next) {
      await tx.query(`update registration set status = 'offered', offer_expires_at = $2, version = version + 1, updated_at = now() where id = $1`, [r.id, until]);
      event ??= await mailEvent(tx, eventId);
      mails.push({ kind: 'offered', to: r.email, name: r.name, lang: r.lang, event, deadline: until, link: await newLink(tx, r.id, r.lang, origin) });
    }
  }
  for (const [sessionId, s] of places.sessions) {
    const left = s.left ?? Number.MAX_SAFE_INTEGER;
    if (left <= 0) continue;
    const next = await tx.query<RegRow & { title: string }>(`select r.id, r.name, r.email, r.lang, es.title from registration_session rs
        join registration r on r.id = rs.registration_id join event_session es on es.id = rs.session_id
      where rs.session_id = $1 and rs.status = 'waiting' and rs.queue_position is not null and r.status = 'accepted'
      order by rs.queue_position limit $2`, [sessionId, Math.min(left, 10_000)]);
    for (const r of next) {
      await tx.query(`update registration_session set status = 'offered', offer_expires_at = $3 where registration_id = $1 and session_id = $2`, [r.id, sessionId, until]);
      await tx.query('update registration set version = version + 1, updated_at = now() where id = $1', [r.id]);
      event ??= await mailEvent(tx, eventId);
      mails.push({ kind: 'offered', to: r.email, name: r.name, lang: r.lang, event: { ...event, title: `${event.title} — ${r.title}` }, deadline: until, link: await newLink(tx, r.id, r.lang, origin) });
    }
  }
  return mails;
}

/** Frees what a registration holds (it is cancelled or declined): its workshops are cancelled. */
export async function release(tx: Db, registrationId: string): Promise<void> {
  await tx.query(`update registration_session set status = 'cancelled', queue_position = null, offer_expires_at = null where registration_id = $1`, [registrationId]);
}

/**
 * Offers past their time: the registration (or the workshop choice) is cancelled, the registrant told, and the place
 * offered to the next person. Returns how many offers expired. Run by the server every minute and before reads.
 */
export async function expireOffers(db: Db, now = new Date()): Promise<number> {
  const events = await db.query<{ event_id: string }>(`select distinct event_id from registration where status = 'offered' and offer_expires_at <= $1
    union select distinct r.event_id from registration_session rs join registration r on r.id = rs.registration_id
      where rs.status = 'offered' and rs.offer_expires_at <= $1`, [now]);
  let count = 0;
  for (const { event_id: eventId } of events) {
    const mails = await db.transaction(async (tx) => {
      await lockEvent(tx, eventId);
      const out: Outgoing[] = [];
      const event = await mailEvent(tx, eventId);
      const gone = await tx.query<RegRow & { offer_expires_at: Date }>(`update registration set status = 'cancelled', version = version + 1, updated_at = now()
        where event_id = $1 and status = 'offered' and offer_expires_at <= $2 returning id, name, email, lang, offer_expires_at`, [eventId, now]);
      for (const r of gone) {
        await release(tx, r.id);
        out.push({ kind: 'cancelled', to: r.email, name: r.name, lang: r.lang, event, deadline: new Date(r.offer_expires_at) });
      }
      const goneSessions = await tx.query<RegRow & { offer_expires_at: Date; title: string }>(`update registration_session rs set status = 'cancelled', queue_position = null
        from registration r, event_session es where r.id = rs.registration_id and es.id = rs.session_id and r.event_id = $1 and rs.status = 'offered' and rs.offer_expires_at <= $2
        returning r.id, r.name, r.email, r.lang, rs.offer_expires_at, es.title`, [eventId, now]);
      for (const r of goneSessions) out.push({ kind: 'cancelled', to: r.email, name: r.name, lang: r.lang, event: { ...event, title: `${event.title} — ${r.title}` }, deadline: new Date(r.offer_expires_at) });
      count += gone.length + goneSessions.length;
      return [...out, ...await fillPlaces(tx, eventId, now)];
    });
    void sendRegistrationMails(mails);
  }
  return count;
}
