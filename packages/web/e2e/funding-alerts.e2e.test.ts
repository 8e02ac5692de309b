/**
 * Saved searches of funding calls end to end (issue 15 item 4): a visitor subscribes from the page, reads the
 * confirmation in the SMTP sink, confirms in the browser (the link alone changes nothing), a platform administrator
 * triggers the digest through the API, the digest arrives with the new call and the near deadline, and the saved
 * search's RSS and iCalendar feeds answer. Pages axe-clean, no wider than a phone, screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { linkIn, smtpSink, type SmtpSink } from '../../server/src/features/mail/smtp-sink.js';
import { looked, startSite, type Running } from './browser.js';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const to = (email: string) => (m: ParsedMail) => JSON.stringify(m.to).includes(email);

describe('funding call alerts, in Chromium', () => {
  let site: Running;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    site = await startSite();
    await site.db.query(`insert into funding_call (id, title, summary, partner_countries, closes_on, created_at)
      values ('e2e-soon', 'Fonds eau et assainissement Vietnam', 'Projets d’eau potable (tandemtest)', '{VN}', $1, now() - interval '30 days')`, [day(9)]);
  });
  afterAll(async () => { delete process.env.SMTP_URL; await site?.close(); await sink?.close(); });

  it('subscribes, confirms, receives the digest and reads the feeds', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${site.base}/funding-calls/alerts/new?q=tandemtest&country=VN`);
    await expect.poll(() => page.locator('.fa-search').textContent()).toContain('mots « tandemtest » · pays : Viêt Nam');
    await looked(page, 'funding-alert-new');
    await page.getByLabel('Adresse e-mail').fill('veille@example.org');
    await page.getByLabel('Chaque jour').check();
    await page.getByLabel('Langue des messages').selectOption('en');
    await page.getByRole('button', { name: 'Créer l’alerte' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Vérifiez votre messagerie');
    await looked(page, 'funding-alert-sent');

    const confirmation = await sink.next(to('veille@example.org'), 10_000);
    expect(confirmation.subject).toBe('Confirm your funding call alert');
    const link = linkIn(confirmation);
    expect(new URL(link).pathname).toMatch(/^\/en\/funding-calls\/alerts\/confirm\/[A-Za-z0-9_-]{43}$/);
    await page.goto(`${site.base}${new URL(link).pathname}`);
    await looked(page, 'funding-alert-confirm');
    const [row] = await site.db.query(`select confirmed_at from funding_alert where email = 'veille@example.org'`);
    expect(row.confirmed_at).toBeNull();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Alert confirmed');
    await looked(page, 'funding-alert-confirmed');
    const rssHref = await page.getByRole('link', { name: 'RSS feed of the calls' }).getAttribute('href');
    const icsHref = await page.getByRole('link', { name: /Calendar of the deadlines/ }).getAttribute('href');

    // a new call after the subscription, then the digest through the administrators' API
    await site.db.query(`insert into funding_call (id, title, summary, partner_countries, closes_on) values ('e2e-new', 'Appel eau et climat', 'Nouveau (tandemtest)', '{}', $1)`, [day(80)]);
    const sent = await fetch(`${site.base}/api/admin/funding-alerts/send`, { method: 'POST', headers: { authorization: 'Bearer e2e-token' } });
    expect(sent.status).toBe(200);
    expect((await sent.json()).sent).toHaveLength(1);
    const digest = await sink.next(to('veille@example.org'), 10_000);
    expect(digest.subject).toBe('Funding calls: 2 for your search');
    expect(digest.text).toContain('New calls (1)\n\nAppel eau et climat');
    expect(digest.text).toContain('Deadlines within 14 days (1)\n\nFonds eau et assainissement Vietnam');

    const rss = await fetch(`${site.base}${rssHref}`);
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await rss.text();
    expect(xml).toContain('Fonds eau et assainissement Vietnam');
    expect(xml).toContain('Appel eau et climat');
    const cal = new ICAL.Component(ICAL.parse(await (await fetch(`${site.base}${icsHref}`)).text()));
    const starts = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toString()).sort();
    expect(starts).toEqual([day(9), day(80)]);

    // the digest's unsubscribe link: a page with a button
    const unsub = new URL(/https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_-]{43}/.exec(digest.text!)![0]).pathname;
    await page.goto(`${site.base}${unsub}`);
    await looked(page, 'funding-alert-unsubscribe');
    await page.getByRole('button', { name: 'Unsubscribe me' }).click();
    await expect.poll(() => page.locator('.notice-success').textContent()).toContain('You are unsubscribed');
    expect(linkIn(confirmation)).toContain('/confirm/');
    await ctx.close();
  }, 120_000);
});
