import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { ParsedMail } from 'mailparser';
import { testDb } from '../../../test/db.js';
import { TOKEN } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { smtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { browser, makeAccount } from './auth.testkit.js';
import { MAIL_LIMITS } from './mail-limits.js';

const to = (address: string) => (m: ParsedMail) => JSON.stringify(m.to).includes(address);

/** Rate limits on e-mails, counted at a real SMTP server: 20 requests never send 20 e-mails. */
describe('rate limits on password reset and invitation e-mails', () => {
  let db: Db;
  let app: Hono;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await testDb();
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    app = createApp({ db, adminToken: TOKEN });
    await makeAccount(db, 'victim@example.org', [], { name: 'Victime' });
  });
  afterAll(async () => { delete process.env.SMTP_URL; delete process.env.TANDEM_TRUST_PROXY; await sink.close(); await db.close(); });

  /** every e-mail the sink holds for the address, once the background sending has settled */
  async function delivered(address: string, atLeast: number): Promise<number> {
    for (let n = 0; n < atLeast; n++) await sink.next(to(address));
    await new Promise((r) => setTimeout(r, 800));
    return sink.messages.filter(to(address)).length;
  }

  it('reset: 20 requests for one address send 3 e-mails; every answer is the usual 202', async () => {
    const b = browser(app);
    const answers = [];
    for (let n = 0; n < 20; n++) answers.push(await b.post('/api/auth/password-reset', { email: n % 2 ? 'Victim@example.org' : 'victim@example.org' }));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[19].text).toBe((await b.post('/api/auth/password-reset', { email: 'nobody@example.org' })).text);
    expect(await delivered('victim@example.org', MAIL_LIMITS.reset.address)).toBe(MAIL_LIMITS.reset.address);
    const [{ n }] = await db.query(`select count(*)::int as n from password_reset r join account a on a.id = r.account_id where a.email = 'victim@example.org'`);
    expect(n).toBe(MAIL_LIMITS.reset.address);
  });

  it('reset: past 10 requests from one client, 429 with Retry-After (known or unknown e-mails alike); another client goes on', async () => {
    process.env.TANDEM_TRUST_PROXY = '1';
    try {
      const b = browser(app);
      const from = { 'x-forwarded-for': '198.51.100.7' };
      for (let n = 0; n < MAIL_LIMITS.reset.client; n++) expect((await b.post('/api/auth/password-reset', { email: `someone${n}@example.org` }, from)).status).toBe(202);
      const r = await b.post('/api/auth/password-reset', { email: 'victim@example.org' }, from);
      expect(r.status).toBe(429);
      const retry = Number(r.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(3500);
      expect(retry).toBeLessThanOrEqual(3600);
      expect(r.json).toMatchObject({ retryAfter: retry, limit: { purpose: 'reset', scope: 'client', max: MAIL_LIMITS.reset.client, windowMinutes: 60 } });
      expect(r.json.error).toMatch(/at most 10 per hour from one client address/);
      expect((await b.post('/api/auth/password-reset', { email: 'ghost@example.org' }, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(202);
    } finally { delete process.env.TANDEM_TRUST_PROXY; }
  });

  it('invitations: the 4th to one address within the hour is 429 with Retry-After naming the limit; 3 e-mails delivered', async () => {
    const admin = browser(app, { origin: null });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const statuses = [];
    let refused: Awaited<ReturnType<typeof admin.post>> | null = null;
    for (let n = 0; n < 20; n++) {
      const r = await admin.post('/api/auth/invitations', { email: 'invitee@example.org', grants: [] }, auth);
      statuses.push(r.status);
      if (r.status === 429) refused ??= r;
    }
    expect(statuses).toEqual([...Array(3).fill(201), ...Array(17).fill(429)]);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(refused!.json.error).toMatch(/too many invitations: at most 3 per hour to one e-mail address/);
    expect(refused!.json.limit).toEqual({ purpose: 'invitation', scope: 'address', max: 3, windowMinutes: 60 });
    expect(await delivered('invitee@example.org', 3)).toBe(3);
    const [{ n }] = await db.query(`select count(*)::int as n from invitation where email = 'invitee@example.org'`);
    expect(n).toBe(3);
  });

  it('invitations: past 30 from one client, 429 whatever the address', async () => {
    process.env.TANDEM_TRUST_PROXY = '1';
    try {
      const admin = browser(app, { origin: null });
      const headers = { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '198.51.100.9' };
      for (let n = 0; n < MAIL_LIMITS.invitation.client; n++) {
        expect((await admin.post('/api/auth/invitations', { email: `bulk${n}@example.org`, grants: [] }, headers)).status).toBe(201);
      }
      const r = await admin.post('/api/auth/invitations', { email: 'one-more@example.org', grants: [] }, headers);
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(r.json.limit).toMatchObject({ scope: 'client', max: 30 });
      expect((await db.query(`select count(*)::int as n from invitation where email = 'one-more@example.org'`))[0].n).toBe(0);
    } finally { delete process.env.TANDEM_TRUST_PROXY; }
  });

  it('concurrent requests never pass the limit (the count is taken under a lock)', async () => {
    await makeAccount(db, 'burst@example.org');
    const rs = await Promise.all(Array.from({ length: 12 }, () => browser(app).post('/api/auth/password-reset', { email: 'burst@example.org' })));
    expect(rs.every((r) => r.status === 202)).toBe(true);
    expect(await delivered('burst@example.org', MAIL_LIMITS.reset.address)).toBe(MAIL_LIMITS.reset.address);
  });
});
