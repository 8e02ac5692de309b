/**
 * No overbooking under concurrency (both engines): 500 registrations at once for 100 places → exactly 100 accepted,
 * 400 waiting ranked 1..400; then freed places pass to the waiting list in order, as offers that expire.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { placesLeft } from '../events/places.js';
import { acceptOffer, byToken, cancelByToken, register } from './registration.service.js';
import { expireOffers } from './registration.queue.js';
import { person, testEvent } from './registration.testkit.js';

let db: Db;
beforeAll(async () => { db = await testDb(); vi.spyOn(console, 'log').mockImplementation(() => {}); });
afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

describe('places under concurrency', () => {
  it('accepts exactly the capacity out of 500 simultaneous registrations and ranks the others 1..400', async () => {
    const ev = await testEvent(db, { capacity: 100 });
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => register(db, ev.id, person(`c${i}`))));
    const accepted = results.filter((r) => r.registration.status === 'accepted');
    const waiting = results.filter((r) => r.registration.status === 'waiting');
    expect(accepted).toHaveLength(100);
    expect(waiting).toHaveLength(400);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from registration where event_id = $1 and status = 'accepted'`, [ev.id]);
    expect(n).toBe(100);
    expect(waiting.map((r) => r.registration.queuePosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const ranks = await Promise.all(waiting.slice(0, 5).map((r) => byToken(db, r.token)));
    expect(new Set(ranks.map((r) => r.queuePosition)).size).toBe(5);
    expect((await placesLeft(db, ev.id)).event).toBe(0);
  }, 120_000);

  it('offers a freed place to the first waiting, holds it until its deadline, then passes it on', async () => {
    const ev = await testEvent(db, { capacity: 1, offerHours: 2 });
    const a = await register(db, ev.id, person('f-a'));
    const b = await register(db, ev.id, person('f-b'));
    const c = await register(db, ev.id, person('f-c'));
    expect([a, b, c].map((r) => r.registration.status)).toEqual(['accepted', 'waiting', 'waiting']);
    expect([b, c].map((r) => r.registration.queuePosition)).toEqual([1, 2]);
    const t0 = Date.now();
    await cancelByToken(db, a.token);
    const offered = await db.query(`select email, status, offer_expires_at from registration where event_id = $1 and status = 'offered'`, [ev.id]);
    expect(offered.map((r) => r.email)).toEqual(['pf-b@example.org']);
    const deadline = new Date(offered[0].offer_expires_at).getTime();
    expect(deadline - t0).toBeGreaterThanOrEqual(2 * 3_600_000 - 1000);
    expect(deadline - t0).toBeLessThan(2 * 3_600_000 + 60_000);
    expect((await placesLeft(db, ev.id)).event).toBe(0); // an offer holds its place
    // b's old link no longer works (the offer mail carries a new one); c is now first
    await expect(byToken(db, b.token)).rejects.toMatchObject({ status: 404 });
    expect((await byToken(db, c.token)).queuePosition).toBe(1);
    // past the deadline: b's offer is cancelled and c is offered the place
    expect(await expireOffers(db, new Date(deadline + 1000))).toBe(1);
    const rows = await db.query(`select email, status from registration where event_id = $1 order by email`, [ev.id]);
    expect(rows.map((r) => [r.email, r.status])).toEqual([['pf-a@example.org', 'cancelled'], ['pf-b@example.org', 'cancelled'], ['pf-c@example.org', 'offered']]);
    await expect(acceptOffer(db, c.token)).rejects.toMatchObject({ status: 404 }); // c's link was renewed with the offer
  });

  it('takes an offered place before the deadline; no taking after it', async () => {
    const ev = await testEvent(db, { capacity: 1, offerHours: 1 });
    const a = await register(db, ev.id, person('o-a'));
    const b = await register(db, ev.id, person('o-b'));
    await db.query(`update registration set status = 'offered', offer_expires_at = now() + interval '1 hour' where id = $1`, [b.registration.id]);
    await db.query(`update registration set status = 'cancelled' where id = $1`, [a.registration.id]);
    const taken = await acceptOffer(db, b.token);
    expect(taken.status).toBe('accepted');
    expect(taken.offerExpiresAt).toBeNull();
    await expect(acceptOffer(db, b.token)).rejects.toMatchObject({ status: 409 });
  });

  it('keeps workshops to their own places and lists', async () => {
    const ev = await testEvent(db, { capacity: null, workshops: [2, null] });
    const rs = await Promise.all(Array.from({ length: 5 }, (_, i) => register(db, ev.id, person(`w${i}`, { sessions: [ev.sessions[0], ev.sessions[1]] }))));
    const first = rs.map((r) => r.registration.sessions.find((s) => s.id === ev.sessions[0])!.status).sort();
    expect(first).toEqual(['accepted', 'accepted', 'waiting', 'waiting', 'waiting']);
    expect(rs.every((r) => r.registration.sessions.find((s) => s.id === ev.sessions[1])!.status === 'accepted')).toBe(true);
    const holder = rs.find((r) => r.registration.sessions[0].status === 'accepted')!;
    await cancelByToken(db, holder.token);
    const offered = await db.query(`select count(*)::int as n from registration_session where session_id = $1 and status = 'offered'`, [ev.sessions[0]]);
    expect(offered[0].n).toBe(1);
    expect((await placesLeft(db, ev.id)).sessions.get(ev.sessions[0])!.left).toBe(0);
  });
});
