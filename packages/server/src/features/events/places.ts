/**
 * Places left for an event and its sessions: capacity minus the places taken (accepted and offered registrations;
 * an offer holds its place until it expires). null = no limit. Inside a registration's transaction, lock the event
 * first (`lockEvent`) so that concurrent registrations count one after the other and never overbook.
 */
import type { Db } from '../../db/client.js';

export const TAKING = ['accepted', 'offered'] as const;

/** Serialises the registrations of one event: every writer of registrations takes this row lock first. */
export async function lockEvent(tx: Db, eventId: string): Promise<boolean> {
  const rows = await tx.query('select id from event where id = $1 for update', [eventId]);
  return rows.length > 0;
}

export interface Places { event: number | null; capacity: number | null; sessions: Map<string, { capacity: number | null; left: number | null }> }

export async function placesLeft(db: Db, eventId: string): Promise<Places> {
  const [form] = await db.query<{ capacity: number | null; taken: number }>(`select f.capacity,
      (select count(*)::int from registration r where r.event_id = f.event_id and r.status = any($2::text[])) as taken
    from registration_form f where f.event_id = $1`, [eventId, TAKING]);
  const sessions = await db.query<{ id: string; capacity: number | null; taken: number }>(`select s.id, s.capacity,
      (select count(*)::int from registration_session rs join registration r on r.id = rs.registration_id
        where rs.session_id = s.id and rs.status = any($2::text[]) and r.status not in ('cancelled', 'declined')) as taken
    from event_session s where s.event_id = $1 order by s.position`, [eventId, TAKING]);
  const left = (cap: number | null | undefined, taken: number) => (cap == null ? null : Math.max(0, cap - taken));
  return {
    capacity: form?.capacity ?? null,
    event: form ? left(form.capacity, form.taken) : null,
    sessions: new Map(sessions.map((s) => [s.id, { capacity: s.capacity, left: left(s.capacity, s.taken) }])),
  };
}
