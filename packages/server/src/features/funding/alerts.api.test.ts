/**
 * Saved searches of funding calls through the API with real SMTP: subscribing sends the confirmation only; the
 * digest (fixed `now`) sends one mail with the new calls and the deadlines within 14 days, in the alert's language,
 * with List-Unsubscribe; a second run the same day sends nothing, nor the next day when nothing is new; a weekly
 * alert is not due after 3 days; an unconfirmed one gets nothing; unsubscribing deletes it; inputs are checked.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { sha256 } from '../auth/secrets.js';
import { sendMail } from '../mail/mail.js';
import { linkIn, smtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { sendDigests } from './alerts.digest.js';

let db: Db; let sink: SmtpSink; let api: ReturnType<typeof httpClient>;
const NOW = new Date(Date.now() + 60_000);
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString().slice(0, 10);
const to = (addr: string) => (m: ParsedMail) => !Array.isArray(m.to) && m.to?.value[0].address === addr;
const tokenOf = (link: string) => link.split('/').pop()!;

async function call(id: string, o: { closes?: string | null; predeposit?: string; countries?: string[]; createdDaysAgo?: number } = {}) {
  await db.query(`insert into funding_call (id, title, summary, partner_countries, closes_on, predeposit_on, created_at)
    values ($1, $2, 'Essai tandemtest', $3, $4, $5, coalesce(now() - make_interval(days => $6), now()))`,
  [id, `Appel ${id}`, o.countries ?? [], o.closes ?? null, o.predeposit ?? null, o.createdDaysAgo ?? null]);
}

async function subscribed(email: string, body: object = {}) {
  const r = await api.post('/api/funding-alerts', { email, query: { country: 'VN', q: 'tandemtest' }, frequency: 'daily', lang: 'en', ...body }, null);
  expect(r.status, r.text).toBe(202);
  const m = await sink.next(to(email));
  return { id: r.json.id as string, mail: m, token: tokenOf(linkIn(m)) };
}

beforeAll(async () => {
  db = await testDb(); sink = await smtpSink(); api = httpClient(db);
  process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>'; process.env.TANDEM_PUBLIC_URL = 'https://tandem.test';
  await call('al-old-far', { closes: day(40), createdDaysAgo: 30 });
  await call('al-old-soon', { closes: day(10), countries: ['VN'], createdDaysAgo: 30 });
  await call('al-old-pre', { closes: day(60), predeposit: day(3), createdDaysAgo: 30 });
  await call('al-brazil-soon', { closes: day(5), countries: ['BR'], createdDaysAgo: 30 });
  await call('al-closed', { closes: day(-2), createdDaysAgo: 30 });
});
afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; delete process.env.TANDEM_PUBLIC_URL; await sink.close(); await db?.close(); });

describe('saved searches of funding calls', () => {
  it('confirms by a POSTed link, then sends one digest of the new calls and the near deadlines, once', async () => {
    const s = await subscribed('digest@example.org');
    expect(s.mail.subject).toBe('Confirm your funding call alert');
    expect(s.mail.text).toContain('words "tandemtest" · country: Vietnam'); // in words, not codes
    expect(linkIn(s.mail)).toBe(`https://tandem.test/en/funding-calls/alerts/confirm/${s.token}`);
    const [row] = await db.query('select * from funding_alert where id = $1', [s.id]);
    expect(row.confirm_hash).toBe(sha256(s.token)); // only the hash is kept
    expect(JSON.stringify(row)).not.toContain(s.token);
    // unconfirmed: nothing is sent
    expect((await sendDigests(db, sendMail, NOW)).sent).not.toContain(s.id);
    await call('al-new', { closes: day(90) });
    const ok = await api.post(`/api/funding-alerts/confirm/${s.token}`, undefined, null);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ id: s.id, confirmed: true, frequency: 'daily', lang: 'en' });
    expect((await api.post(`/api/funding-alerts/confirm/${s.token}`, undefined, null)).status).toBe(404); // once
    const before = sink.messages.length;
    const report = await sendDigests(db, sendMail, NOW);
    expect(report.sent).toEqual([s.id]);
    const m = await sink.next(to('digest@example.org'));
    expect(m.subject).toBe('Funding calls: 3 for your search');
    expect(m.headers.get('content-language')).toBe('en');
    const text = m.text!;
    expect(text).toContain('New calls (1)\n\nAppel al-new');
    expect(text).toContain('Deadlines within 14 days (2)');
    expect(text).toContain('Appel al-old-soon');
    expect(text).toContain('Appel al-old-pre');
    expect(text).toContain('https://tandem.test/en/funding-calls/al-old-soon');
    for (const absent of ['al-old-far', 'al-brazil-soon', 'al-closed']) expect(text).not.toContain(`Appel ${absent}`);
    const unsub = /https:\/\/tandem\.test\/en\/funding-calls\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43}/.exec(text)![0];
    expect(m.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\s+/g, ' ')).toBe(`List-Unsubscribe: <${unsub}>`);
    expect(m.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(m.html).toContain(`<a href="${unsub}">`);
    const [sent] = await db.query('select last_sent_at from funding_alert where id = $1', [s.id]);
    expect(new Date(sent.last_sent_at).toISOString()).toBe(NOW.toISOString());
    // the same day: not due; the next day: nothing new, deadlines already announced → no mail
    expect((await sendDigests(db, sendMail, new Date(NOW.getTime() + 3_600_000))).sent).toEqual([]);
    expect((await sendDigests(db, sendMail, new Date(NOW.getTime() + 86_400_000))).sent).toEqual([]);
    expect(sink.messages.length).toBe(before + 1);
    // a new call two days later: a second digest with a new unsubscribe link; the first digest's link still works
    await call('al-second-day', { closes: day(90), createdDaysAgo: -1 }); // published after the first digest
    expect((await sendDigests(db, sendMail, new Date(NOW.getTime() + 2 * 86_400_000))).sent).toEqual([s.id]);
    const second = await sink.next(to('digest@example.org'));
    expect(second.text).toContain('Appel al-second-day');
    const unsub2 = /https:\/\/tandem\.test\/en\/funding-calls\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43}/.exec(second.text!)![0];
    expect(unsub2).not.toBe(unsub);
    // unsubscribing (through the older link) deletes it; both links are then dead
    const u = await api.post(`/api/funding-alerts/unsubscribe/${tokenOf(unsub)}`, undefined, null);
    expect(u.status, u.text).toBe(200);
    expect(await db.query('select 1 from funding_alert where id = $1', [s.id])).toEqual([]);
    for (const link of [unsub, unsub2]) expect((await api.post(`/api/funding-alerts/unsubscribe/${tokenOf(link)}`, undefined, null)).status).toBe(404);
  });

  it('waits a week for a weekly alert, writes in the alert\'s language, and the admin API sends what is due', async () => {
    const s = await subscribed('weekly@example.org', { frequency: 'weekly', lang: 'vi', query: { q: 'tandemtest' } });
    expect(s.mail.subject).toBe('Xác nhận thông báo lời kêu gọi tài trợ');
    expect((await api.post(`/api/funding-alerts/confirm/${s.token}`, undefined, null)).status).toBe(200);
    await db.query(`update funding_alert set last_sent_at = $2::timestamptz - interval '3 days' where id = $1`, [s.id, NOW.toISOString()]);
    await call('al-weekly-new', { closes: day(100) });
    expect((await sendDigests(db, sendMail, NOW)).sent).toEqual([]);
    expect((await api.post('/api/admin/funding-alerts/send', undefined, null)).status).toBe(401); // anonymous
    const later = new Date(NOW.getTime() + 5 * 86_400_000).toISOString();
    const r = await api.post(`/api/admin/funding-alerts/send?now=${encodeURIComponent(later)}`, undefined);
    expect(r.status, r.text).toBe(200);
    expect(r.json.sent).toEqual([s.id]);
    const m = await sink.next(to('weekly@example.org'));
    expect(m.subject).toMatch(/^Lời kêu gọi tài trợ: \d+ cho tìm kiếm của bạn$/);
    expect(m.text).toContain('Appel al-weekly-new');
    expect(m.text).toContain('từ khóa « tandemtest »');
  });

  it('checks every input, naming the field, and keeps a person\'s list to them', async () => {
    const cases: Array<[object, string]> = [
      [{ email: 'not-an-email' }, 'email'], [{ email: 'a@example.org', frequency: 'hourly' }, 'frequency'],
      [{ email: 'a@example.org', lang: 'de' }, 'lang'], [{ email: 'a@example.org', query: { country: 'france' } }, 'query.country'],
      [{ email: 'a@example.org', query: { aidType: 'gift' } }, 'query.aidType'], [{ email: 'a@example.org', organisationId: 'no-such-org' }, 'organisationId'],
    ];
    for (const [body, field] of cases) {
      const r = await api.post('/api/funding-alerts', body, null);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path)).toContain(field);
    }
    expect((await api.post('/api/funding-alerts/confirm/short', undefined, null)).status).toBe(400);
    expect((await api.post(`/api/funding-alerts/confirm/${'A'.repeat(43)}`, undefined, null)).status).toBe(404);
    expect((await api.get('/api/me/funding-alerts')).status).toBe(401);
    // 3 subscriptions an hour to one address, then 429
    for (let n = 0; n < 3; n++) expect((await api.post('/api/funding-alerts', { email: 'many@example.org' }, null)).status).toBe(202);
    expect((await api.post('/api/funding-alerts', { email: 'many@example.org' }, null)).status).toBe(429);
    for (let n = 0; n < 3; n++) await sink.next(to('many@example.org')); // the confirmations only
  });
});
