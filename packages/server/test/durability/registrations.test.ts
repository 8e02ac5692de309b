/**
 * Registrations against a real server process (node packages/app/src/main.ts), on the run's engine:
 * 500 registrations sent at once over HTTP for 100 places → exactly 100 accepted, 400 on the waiting list ranked
 * 1..400, no 5xx. (kill -9 in the middle of a burst: kill.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, testEvent } from '../../src/features/registration/registration.testkit.js';
import type { Proc } from '../server-process.js';
import { call, served, type Served } from './served.js';

let s: Served;
let full: { id: string };
beforeAll(async () => {
  s = await served('reg');
  const db = await s.open();
  full = await testEvent(db, { capacity: 100 });
  await db.close();
}, 120_000);
afterAll(async () => { await s?.cleanup(); }, 60_000);

/** Each visitor from its own address, behind a trusted proxy (one client is limited to 100 registrations an hour). */
let visitors = 0;
const register = (p: Proc, event: string, who: string) => {
  const n = ++visitors;
  return call(p, 'POST', `/api/events/${event}/registrations`, person(who), { 'x-forwarded-for': `10.1.${n >> 8}.${n & 255}` });
};

describe('registrations on a real server process', () => {
  it('gives exactly 100 places out of 500 registrations sent at once over HTTP, the others ranked 1..400', async () => {
    const p = await s.start('A', { TANDEM_TRUST_PROXY: '1' });
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
    const db = await s.open();
    try {
      const rows = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from registration where event_id = $1 group by status order by status', [full.id]);
      expect(rows).toEqual([{ status: 'accepted', n: 100 }, { status: 'waiting', n: 400 }]);
    } finally { await db.close(); }
  }, 120_000);
});
