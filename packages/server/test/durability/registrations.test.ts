/**
 * Registrations against a real server process (node packages/app/src/main.ts), on the run's engine:
 * 500 registrations sent at once over HTTP for 100 places → exactly 100 accepted, 400 on the waiting list ranked
 * 1..400, no 5xx; then `kill -9` of the server's process group in the middle of a burst of registrations → on the
 * same data, every acknowledged (201) registration is there as it was answered, no event holds more accepted than
 * its places, the waiting list has no gaps or ties, and the restarted server takes registrations again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { person, testEvent } from '../../src/features/registration/registration.testkit.js';
import { signalGroup, type Proc } from '../server-process.js';
import { auth, call, served, type Served } from './served.js';

let s: Served;
let full: { id: string }, burst: { id: string };
beforeAll(async () => {
  s = await served('reg');
  const db = await s.open();
  full = await testEvent(db, { capacity: 100 });
  burst = await testEvent(db, { capacity: 40 });
  await db.close();
}, 120_000);
afterAll(async () => { await s?.cleanup(); }, 60_000);

const register = (p: Proc, event: string, who: string) => call(p, 'POST', `/api/events/${event}/registrations`, person(who));

/** What the database holds for an event: counts by status, and the waiting ranks in order. */
async function holds(db: Db, event: string) {
  const rows = await db.query<{ id: string; status: string; queue_position: number | null }>(
    'select id, status, queue_position from registration where event_id = $1 order by queue_position nulls first, id', [event]);
  const count = (st: string) => rows.filter((r) => r.status === st).length;
  return { rows, accepted: count('accepted'), waiting: rows.filter((r) => r.status === 'waiting').map((r) => r.queue_position) };
}

describe('registrations on a real server process', () => {
  it('gives exactly 100 places out of 500 registrations sent at once over HTTP, the others ranked 1..400', async () => {
    const p = await s.start('A');
    const replies = await Promise.all(Array.from({ length: 500 }, (_, i) => register(p, full.id, `http-${i}`)));
    expect(replies.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.text}`)).toEqual([]);
    const statuses = replies.map((r) => r.json.registration.status);
    expect(statuses.filter((x) => x === 'accepted')).toHaveLength(100);
    expect(statuses.filter((x) => x === 'waiting')).toHaveLength(400);
    const ranks = replies.filter((r) => r.json.registration.status === 'waiting').map((r) => r.json.registration.queuePosition).sort((a, b) => a - b);
    expect(ranks).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const form = await call(p, 'GET', `/api/events/${full.id}/registration-form`);
    expect(form.status).toBe(200);
    expect(form.json.placesLeft).toBe(0);
    await s.stop(p);
  }, 120_000);

  it('keeps every acknowledged registration and no overbooking after kill -9 in the middle of a burst', async () => {
    const p = await s.start('B');
    const acked: Array<{ id: string; status: string; token: string }> = [];
    let answered = 0;
    const sent = Array.from({ length: 300 }, (_, i) => register(p, burst.id, `kill-${i}`).then((r) => {
      answered++;
      if (r.status === 201) acked.push({ id: r.json.registration.id, status: r.json.registration.status, token: r.json.token });
      else if (r.status >= 500) throw new Error(`${r.status} ${r.text}`);
      return r;
    }));
    // killed once some answers are in and many requests are still on their way
    while (answered < 60) await new Promise((r) => setTimeout(r, 5));
    await signalGroup(p, 'SIGKILL');
    const replies = await Promise.all(sent);
    expect(replies.some((r) => r.status === 0)).toBe(true); // some never got an answer: the kill came mid-burst
    expect(acked.length).toBeGreaterThanOrEqual(60);

    const db = await s.open();
    try {
      const h = await holds(db, burst.id);
      const byId = new Map(h.rows.map((r) => [r.id, r.status]));
      for (const a of acked) expect(byId.get(a.id), a.id).toBe(a.status);
      expect(h.accepted).toBeLessThanOrEqual(40);
      expect(h.accepted).toBe(Math.min(40, h.rows.length));
      expect(h.waiting).toEqual(Array.from({ length: h.waiting.length }, (_, i) => i + 1));
    } finally { await db.close(); }

    const again = await s.start('C');
    const mine = await call(again, 'GET', `/api/registrations/${acked[0].token}`);
    expect(mine.status).toBe(200);
    expect(mine.json.id).toBe(acked[0].id);
    const more = await Promise.all(Array.from({ length: 50 }, (_, i) => register(again, burst.id, `after-${i}`)));
    expect(more.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);
    const list = await call(again, 'GET', `/api/events/${burst.id}/registrations`, undefined, auth);
    expect(list.status).toBe(200);
    console.log(JSON.stringify(list.json.counts));
  }, 180_000);
});
