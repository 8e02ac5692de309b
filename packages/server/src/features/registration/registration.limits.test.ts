/**
 * Registering is rate limited per e-mail address and per client address: past either, 429 with Retry-After and
 * nothing registered (nor mailed); the counts keep hashes, naming neither the addresses nor the event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { REGISTRATION_LIMITS } from './registration.limits.js';
import { person, testEvent } from './registration.testkit.js';

let db: Db; let app: ReturnType<typeof createApp>;
beforeAll(async () => { db = await testDb(); app = createApp({ db }); process.env.TANDEM_TRUST_PROXY = '1'; });
afterAll(async () => { delete process.env.TANDEM_TRUST_PROXY; await db?.close(); });

const register = (eventId: string, body: unknown, ip: string) => app.request(`/api/events/${eventId}/registrations`,
  { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(body) });
const count = async (where: string, params: unknown[]) => (await db.query<{ n: number }>(`select count(*)::int as n from registration where ${where}`, params))[0].n;

describe('registration rate limits', () => {
  it(`allows ${REGISTRATION_LIMITS.address} registrations of one e-mail address an hour, then 429 naming email (refused attempts not counted)`, async () => {
    const events = await Promise.all(Array.from({ length: REGISTRATION_LIMITS.address + 1 }, () => testEvent(db)));
    const closed = await testEvent(db, { closesAt: '2020-01-01T00:00:00Z' });
    for (let n = 0; n <= REGISTRATION_LIMITS.address; n++) { // refused registrations do not count
      expect((await register(closed.id, person('flood', { email: 'victim@example.org' }), '198.51.100.200')).status).toBe(400);
    }
    for (const [n, e] of events.entries()) {
      const r = await register(e.id, person('flood', { email: 'victim@example.org' }), `198.51.100.${n}`);
      if (n < REGISTRATION_LIMITS.address) { expect(r.status, await r.text()).toBe(201); continue; }
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(60 * 59);
      const body = await r.json();
      expect(body.issues).toEqual([expect.objectContaining({ path: 'email' })]);
      expect(body.limit).toMatchObject({ scope: 'address', max: REGISTRATION_LIMITS.address });
    }
    expect(await count('email = $1', ['victim@example.org'])).toBe(REGISTRATION_LIMITS.address);
    expect((await register(events.at(-1)!.id, person('other'), '198.51.100.99')).status).toBe(201); // another address is not held back
  });

  it(`allows ${REGISTRATION_LIMITS.client} registrations from one client an hour, then 429; the keys hold no address and no event`, async () => {
    const e = await testEvent(db, { capacity: null });
    for (let n = 0; n < REGISTRATION_LIMITS.client; n++) expect((await register(e.id, person(`c${n}`), '203.0.113.7')).status).toBe(201);
    const refused = await register(e.id, person('c-last'), '203.0.113.7');
    expect(refused.status).toBe(429);
    expect((await refused.json()).limit).toMatchObject({ scope: 'client' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count('event_id = $1', [e.id])).toBe(REGISTRATION_LIMITS.client);
    expect((await register(e.id, person('c-last'), '203.0.113.8')).status).toBe(201);
    const keys = (await db.query<{ key: string }>(`select distinct key from login_attempt where key like 'register-%'`)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(REGISTRATION_LIMITS.client);
    for (const k of keys) { expect(k).toMatch(/^register-(to|ip):[0-9a-f]{64}$/); expect(k).not.toContain(e.id); }
  }, 120_000);
});
