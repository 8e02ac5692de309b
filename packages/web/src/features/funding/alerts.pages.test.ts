/**
 * Saved-search pages in-process through their plain forms, with real SMTP: subscribe → confirmation mail → the
 * confirm page (GET shows, POST confirms) → its feeds (RSS read by an XML parser, iCalendar by ical.js) → a digest's
 * unsubscribe page; a member's list; public feeds of a search, and bad searches refused naming the field.
 */
import ICAL from 'ical.js';
import { xml2js } from 'xml-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { sendDigests } from '../../../../server/src/features/funding/alerts.digest.js';
import { sendMail } from '../../../../server/src/features/mail/mail.js';
import { linkIn, smtpSink, type SmtpSink } from '../../../../server/src/features/mail/smtp-sink.js';
import { createSite } from '../../site.js';

type Who = { cookie: string; csrf: string };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('saved searches of funding calls: pages and feeds', () => {
  let db: Db; let sink: SmtpSink; let site: ReturnType<typeof createSite>; let member: Who;
  let feedKey = '';
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  const post = (path: string, form: Record<string, string>, w?: Who) => {
    const body = new URLSearchParams(w ? { _csrf: w.csrf, ...form } : form);
    return site.request(path, { method: 'POST', headers: { ...(w ? { cookie: w.cookie } : {}), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  };

  beforeAll(async () => {
    db = await testDb(); sink = await smtpSink();
    process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>';
    site = createSite({ db });
    const a = await createAccount(db, { email: 'member@example.org', name: 'Membre', password: 'correct horse battery staple' });
    const { token, session } = await createSession(db, a.id);
    member = { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
    for (const [id, countries, closes, pre] of [['fa-vn', ['VN'], day(10), day(3)], ['fa-br', ['BR'], day(20), null], ['fa-any', [], day(30), null]] as const) {
      await db.query(`insert into funding_call (id, title, summary, partner_countries, closes_on, predeposit_on) values ($1, $2, $3, $4, $5, $6)`,
        [id, `Appel ${id} eau`, 'Pour <b>les</b> communes (tandemtest)', countries, closes, pre]);
    }
  });
  afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; await sink?.close(); await db?.close(); });

  it('subscribes from the form, confirms by POST only, and serves the saved search\'s feeds', async () => {
    const form = await get('/en/funding-calls/alerts/new?country=VN&q=tandemtest');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(text(html)).toContain('words "tandemtest" · country: Vietnam');
    const bad = await post('/en/funding-calls/alerts/new?country=VN&q=tandemtest', { email: 'nope', frequency: 'daily', lang: 'en' });
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('Enter a valid e-mail address.');
    const ok = await post('/en/funding-calls/alerts/new?country=VN&q=tandemtest', { email: 'reader@example.org', frequency: 'daily', lang: 'en' });
    expect(ok.status).toBe(200);
    expect(text(await ok.text())).toContain('A message has just been sent to reader@example.org.');
    const mail = await sink.next((m) => !Array.isArray(m.to) && m.to?.value[0].address === 'reader@example.org');
    const confirm = new URL(linkIn(mail)).pathname;
    expect(confirm).toMatch(/^\/en\/funding-calls\/alerts\/confirm\/[A-Za-z0-9_-]{43}$/);
    const shown = await get(confirm);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(text(await shown.text())).toContain('Confirm to receive every day the funding calls of this search at reader@example.org.');
    expect((await db.query('select confirmed_at from funding_alert where email = $1', ['reader@example.org']))[0].confirmed_at).toBeNull(); // GET changed nothing
    const done = await post(confirm, {});
    expect(done.status).toBe(200);
    const page = await done.text();
    expect(text(page)).toContain('Alert confirmed');
    feedKey = /\/en\/funding-calls\/alerts\/([A-Za-z0-9_-]{43})\/feed\.rss/.exec(page)![1];
    expect((await post(confirm, {})).status).toBe(404); // spent

    const rss = await get(`/en/funding-calls/alerts/${feedKey}/feed.rss`);
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    expect(rss.headers.get('cache-control')).toContain('no-store');
    const doc = xml2js(await rss.text(), { compact: true }) as any;
    const items = [doc.rss.channel.item].flat().filter(Boolean);
    expect(items.map((x: any) => x.title._cdata ?? x.title._text).sort()).toEqual(['Appel fa-any eau', 'Appel fa-vn eau']);
    expect(items.find((x: any) => (x.title._cdata ?? x.title._text) === 'Appel fa-vn eau').link._text).toBe('http://localhost/en/funding-calls/fa-vn');

    const ics = await get(`/en/funding-calls/alerts/${feedKey}/deadlines.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(await ics.text()));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const dates = events.map((e) => `${e.startDate.toString()} ${e.startDate.isDate ? 'all-day' : 'timed'} ${e.summary}`).sort();
    expect(dates).toEqual([`${day(10)} all-day Deadline — Appel fa-vn eau`, `${day(30)} all-day Deadline — Appel fa-any eau`,
      `${day(3)} all-day Pre-submission — Appel fa-vn eau`].sort());
    expect((await get(`/funding-calls/alerts/${'B'.repeat(43)}/feed.rss`)).status).toBe(404);
  });

  it('unsubscribes from a digest\'s link by POST, and the feeds stop', async () => {
    await sendDigests(db, sendMail, new Date());
    const digest = await sink.next((m) => !Array.isArray(m.to) && m.to?.value[0].address === 'reader@example.org');
    expect(digest.subject).toBe('Funding calls: 1 for your search'); // fa-vn: its deadlines within 14 days (the calls predate the alert)
    const link = /http:\/\/localhost(\/en\/funding-calls\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43})/.exec(digest.text!)![1];
    const shown = await get(link);
    expect(shown.status).toBe(200);
    expect(text(await shown.text())).toContain('Unsubscribe me');
    const done = await post(link, { 'List-Unsubscribe': 'One-Click' });
    expect(done.status).toBe(200);
    expect(text(await done.text())).toContain('You are unsubscribed');
    expect((await get(`/en/funding-calls/alerts/${feedKey}/feed.rss`)).status).toBe(404);
    expect((await get(link)).status).toBe(404);
  });

  it('lists a member\'s alerts with their feeds; public feeds of a search; bad searches are 400', async () => {
    expect((await get('/espace/funding-alerts')).status).toBe(303);
    expect((await post('/funding-calls/alerts/new?theme=env&q=tandemtest', { email: 'member@example.org', frequency: 'weekly', lang: 'fr' }, member)).status).toBe(200);
    const mail = await sink.next((m) => !Array.isArray(m.to) && m.to?.value[0].address === 'member@example.org');
    expect(mail.subject).toBe('Confirmez votre alerte d’appels à projets');
    const mine = text(await (await get('/espace/funding-alerts', member)).text());
    expect(mine).toContain('thème : Environnement, climat et énergie');
    expect(mine).toContain('en attente de confirmation');
    expect((await post(new URL(linkIn(mail)).pathname, {}, member)).status).toBe(200);
    const listed = await (await get('/espace/funding-alerts', member)).text();
    expect(listed).toMatch(/href="\/funding-calls\/alerts\/[A-Za-z0-9_-]{43}\/deadlines\.ics"/);
    const pub = xml2js(await (await get('/funding-calls/feed.rss?country=BR&q=tandemtest')).text(), { compact: true }) as any;
    expect([pub.rss.channel.item].flat().map((x: any) => x.title._cdata ?? x.title._text).sort()).toEqual(['Appel fa-any eau', 'Appel fa-br eau']);
    expect((await get('/funding-calls/deadlines.ics?q=eau')).status).toBe(200);
    for (const bad of ['/funding-calls/feed.rss?country=brazil', '/funding-calls/deadlines.ics?aidType=gift', '/funding-calls/alerts/new?open=maybe']) {
      const r = await get(bad);
      expect(r.status, bad).toBe(400);
    }
  });
});
