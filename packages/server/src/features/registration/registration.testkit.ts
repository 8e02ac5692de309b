/** Test helpers (imported by *.test.ts only): a future event with a registration form, made in SQL. */
import type { FormField } from '@tandem/shared';
import type { Db } from '../../db/client.js';

let n = 0;

export interface TestEventOptions {
  capacity?: number | null; moderated?: boolean; offerHours?: number; fields?: FormField[];
  workshops?: Array<number | null>; workshopsMin?: number; workshopsMax?: number | null;
  opensAt?: string | null; closesAt?: string | null; host?: string; day?: string;
}

/** A future event (10:00–11:30 Paris time) hosted by cd93 unless told, with its form and workshops (their capacities). */
export async function testEvent(db: Db, o: TestEventOptions = {}): Promise<{ id: string; sessions: string[] }> {
  const id = `reg-test-${process.pid}-${n++}`;
  await db.query(`insert into event (id, title, kind, start_on, start_precision, start_time, end_time, time_zone, place_text, online)
    values ($1, $2, 'meeting', $3, 'day', '10:00', '11:30', 'Europe/Paris', 'Maison de la coopération, Montreuil', false)`, [id, `Rencontre d’essai ${n}`, o.day ?? '2027-06-11']);
  await db.query('insert into event_host (event_id, organisation_id, position) values ($1, $2, 0)', [id, o.host ?? 'cd93']);
  const sessions: string[] = [];
  for (const [i, cap] of (o.workshops ?? []).entries()) {
    const sid = `${id}-atelier-${i + 1}`;
    await db.query(`insert into event_session (id, event_id, kind, position, title, capacity) values ($1, $2, 'workshop', $3, $4, $5)`, [sid, id, i, `Atelier ${i + 1}`, cap]);
    sessions.push(sid);
  }
  await db.query(`insert into registration_form (event_id, opens_at, closes_at, capacity, moderated, workshops_min, workshops_max, offer_hours, fields)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`, [id, o.opensAt ?? null, o.closesAt ?? null, o.capacity === undefined ? 100 : o.capacity,
    o.moderated ?? false, o.workshopsMin ?? 0, o.workshopsMax ?? null, o.offerHours ?? 48, JSON.stringify(o.fields ?? [])]);
  return { id, sessions };
}

export const person = (i: number | string, extra: Record<string, unknown> = {}) => ({
  name: `Personne ${i}`, email: `p${i}@example.org`, lang: 'fr' as const, answers: {}, sessions: [] as string[], publicConsent: false, ...extra,
});
