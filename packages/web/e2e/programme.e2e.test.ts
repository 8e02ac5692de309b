/**
 * The programme in a real browser: an organiser builds it with the editor by keyboard (the organisation combobox,
 * a person ticked, Enter to send), then the timetable, a session's page and the editor are axe-core clean at 390 px
 * in fr, en and vi, no wider than the phone; « Ajouter à mon agenda » gives the event's iCalendar file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { signIn, startSite, type Running } from './browser.js';

const EDITOR = '/espace/events/restitution-assises-12/programme';

async function clean(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
}

describe('programme in the browser', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'mai@cuf.example', [{ role: 'member', organisationId: 'cuf' }]);
    await site.db.query(`insert into person (id, name, role_title, organisation_id) values ('e2e-mai', 'Mai Animatrice', 'chargée de mission', 'cuf')`);
  });
  afterAll(async () => { await site?.close(); });

  it('lets an organiser add a session by keyboard, then shows it on the sheet with its calendar', async () => {
    const page = await signIn(site, 'mai@cuf.example', { width: 1280 });
    await page.goto(`${site.base}${EDITOR}`);
    await page.locator('#s-kind').selectOption('session');
    const typed = { title: 'Accueil et tour de table', day: '2023-06-09', startTime: '10:00', endTime: '10:30', capacity: '25' };
    for (const [name, value] of Object.entries(typed)) await page.locator(`#s-${name}`).fill(value);
    const org = page.locator('#s-org-0');
    await org.focus();
    await page.keyboard.type('Cités Unies');
    await page.getByRole('option', { name: /Cités Unies France/ }).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await org.inputValue()).toMatch(/^cuf/);
    await page.getByLabel(/Mai Animatrice/).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Ajouter au programme' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=created/);
    expect(await page.locator('.notice').textContent()).toContain('La session a été ajoutée au programme.');

    await page.goto(`${site.base}/events/restitution-assises-12`);
    const programme = page.locator('section[aria-labelledby="programme-h"]');
    expect(await programme.textContent()).toContain('Mai Animatrice');
    expect(await programme.textContent()).toContain('25 places restantes');
    const href = await page.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href');
    const ics = await (await page.request.get(`${site.base}${href}`)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2023-06-09T08:00:00.000Z', '2023-06-09T08:00:00.000Z']);
    expect(ics).not.toContain('Mai Animatrice');
    await page.context().close();
  }, 180_000);

  it('keeps the timetable and the session pages axe-clean and within 390 px in fr, en and vi', async () => {
    const [{ id }] = await site.db.query(`select id from event_session where event_id = 'restitution-assises-12' order by position limit 1`);
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    for (const path of ['/events/restitution-assises-12', `/en/events/restitution-assises-12/sessions/${id}`, '/vi/events/assises-12/sessions/assises-12-atelier-2', '/en/events/assises-12']) {
      await clean(page, `${site.base}${path}`);
    }
    await ctx.close();
  }, 180_000);

  it.each(['', '/en', '/vi'])('keeps the editor axe-clean and within 390 px, errors included (%s)', async (lang) => {
    const [{ id }] = await site.db.query(`select id from event_session where event_id = 'restitution-assises-12' order by position limit 1`);
    const editor = await signIn(site, 'mai@cuf.example', { lang, width: 390 });
    await clean(editor, `${site.base}${lang}${EDITOR}?edit=${id}`);
    // an error shown next to its field stays clean too
    await editor.locator('#s-title').fill('');
    await editor.locator('form.edit-form button[type="submit"]').click();
    await editor.waitForLoadState();
    expect(await editor.locator('#s-title-error').count()).toBe(1);
    const results = await new AxeBuilder({ page: editor }).analyze();
    expect(results.violations.map((v) => `${lang} error ${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    await editor.context().close();
  }, 180_000);
});
