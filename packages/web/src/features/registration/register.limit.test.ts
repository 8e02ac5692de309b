/** The registration page past the per-address limit: a 429 page in the visitor's language with Retry-After, the form kept, nothing registered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { testEvent } from '../../../../server/src/features/registration/registration.testkit.js';
import { REGISTRATION_LIMITS } from '../../../../server/src/features/registration/registration.limits.js';
import { createSite } from '../../site.js';

let db: Db; let site: ReturnType<typeof createSite>;
beforeAll(async () => { db = await testDb(); site = createSite({ db }); });
afterAll(async () => { await db?.close(); });

const post = (path: string, form: Record<string, string>) => site.request(path,
  { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

describe('registration page rate limit', () => {
  it('says so in the visitor’s language with Retry-After, keeps the values and registers nothing', async () => {
    const events = await Promise.all(Array.from({ length: REGISTRATION_LIMITS.address + 2 }, () => testEvent(db)));
    const form = { name: 'Minh Trần', email: 'minh@example.vn' };
    for (const e of events.slice(0, REGISTRATION_LIMITS.address)) expect((await post(`/events/${e.id}/register`, form)).status).toBe(303);
    for (const [lang, text] of [['vi', 'Quá nhiều lượt đăng ký'], ['en', 'Too many registrations from this e-mail address']] as const) {
      const e = events[lang === 'vi' ? REGISTRATION_LIMITS.address : REGISTRATION_LIMITS.address + 1]!;
      const r = await post(`/${lang}/events/${e.id}/register`, form);
      const html = await r.text();
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(text);
      expect(html).toContain('value="minh@example.vn"');
    }
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from registration where email = 'minh@example.vn'`);
    expect(n).toBe(REGISTRATION_LIMITS.address);
  });
});
