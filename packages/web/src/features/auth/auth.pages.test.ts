/** The password reset page under the e-mail rate limits: a clear message in the visitor's language, no e-mail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { MAIL_LIMITS } from '../../../../server/src/features/auth/mail-limits.js';
import { createSite } from '../../site.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('password reset page under the rate limits', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db });
    await makeAccount(db, 'lan@example.org', [], { name: 'Lan' });
    process.env.TANDEM_TRUST_PROXY = '1';
  });
  afterAll(async () => { delete process.env.TANDEM_TRUST_PROXY; await db.close(); });

  it('says how long to wait, in French, English and Vietnamese; the per-address limit shows the usual page', async () => {
    const b = browser(app);
    const from = { 'x-forwarded-for': '192.0.2.44' };
    for (let n = 0; n < MAIL_LIMITS.reset.client; n++) {
      const ok = await b.form('/password-reset', { email: 'lan@example.org' }, from);
      expect(ok.status).toBe(200);
      expect(text(ok.text)).toContain('Si un compte existe pour lan@example.org'); // past 3 e-mails to Lan: the same page, nothing sent
    }
    const fr = await b.form('/password-reset', { email: 'lan@example.org' }, from);
    expect(fr.status).toBe(429);
    expect(Number(fr.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(text(fr.text)).toContain('Trop de demandes de réinitialisation depuis cette connexion (10 par heure au plus) : aucun e-mail n’est parti. Réessayez dans 60 minutes.');
    expect(fr.text).toContain('value="lan@example.org"');
    const en = await b.form('/en/password-reset', { email: 'lan@example.org' }, from);
    expect(en.status).toBe(429);
    expect(text(en.text)).toContain('Too many reset requests from this connection (at most 10 an hour): no e-mail was sent. Try again in 60 minutes.');
    expect(text((await b.form('/vi/password-reset', { email: 'lan@example.org' }, from)).text)).toContain('Hãy thử lại sau 60 phút.');
    const [{ n }] = await db.query(`select count(*)::int as n from password_reset r join account a on a.id = r.account_id where a.email = 'lan@example.org'`);
    expect(n).toBe(MAIL_LIMITS.reset.address);
  });
});
