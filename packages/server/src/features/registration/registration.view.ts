/** A registration as its registrant and the event's organisers see it (RegistrationView of the contract). */
import type { RegistrationView } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { mailEvent } from './registration.queue.js';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The views of some registrations of one event, in the order of ids. */
export async function viewsOf(db: Db, eventId: string, ids: string[]): Promise<RegistrationView[]> {
  if (!ids.length) return [];
  const rows = await db.query(`select r.*, o.name as organisation_name,
      case when r.status = 'waiting' then (select count(*)::int from registration w where w.event_id = r.event_id and w.status = 'waiting'
        and (w.queue_position < r.queue_position or (w.queue_position = r.queue_position and w.created_at <= r.created_at))) end as rank
    from registration r left join organisation o on o.id = r.organisation_id where r.id = any($1::text[])`, [ids]);
  const sessions = await db.query(`select rs.registration_id, rs.session_id, rs.status, rs.offer_expires_at, rs.queue_position, es.title from registration_session rs
    join event_session es on es.id = rs.session_id where rs.registration_id = any($1::text[]) order by es.position`, [ids]);
  const event = await mailEvent(db, eventId);
  const ev = { id: event.id, title: event.title, start: event.start, end: event.end ?? null, startTime: event.startTime ?? null, endTime: event.endTime ?? null,
    timeZone: event.timeZone ?? null, placeText: event.placeText, placeName: event.placeName, online: event.online };
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const r = byId.get(id)!;
    return {
      id: r.id, eventId: r.event_id, status: r.status, name: r.name, email: r.email, lang: r.lang,
      organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name } : null,
      answers: typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers, publicConsent: r.public_consent,
      sessions: sessions.filter((s) => s.registration_id === id).map((s) => ({ id: s.session_id, title: s.title, status: s.status, offerExpiresAt: iso(s.offer_expires_at),
        queuePosition: s.status === 'waiting' && s.queue_position != null ? Number(s.queue_position) : null })),
      offerExpiresAt: r.status === 'offered' ? iso(r.offer_expires_at) : null, queuePosition: r.rank ?? null, version: r.version,
      createdAt: iso(r.created_at)!, event: ev,
    };
  });
}

export async function viewOf(db: Db, eventId: string, id: string): Promise<RegistrationView> {
  return (await viewsOf(db, eventId, [id]))[0];
}
