/**
 * The Content-Security-Policy in Chromium: no page breaks it (no `securitypolicyviolation`, no CSP console message)
 * and every script still runs under it — map zoom, print, instant search, edit-form rows and combobox, copy, embeds.
 * Embeds show inside a foreign site's frame; other pages do not.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { startSite, type Running } from './browser.js';

declare global { interface Window { __csp: string[]; __printed: number } }

/** A page that records every CSP violation (event and console) and counts window.print() calls. */
async function watched(ctx: BrowserContext): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await ctx.newPage();
  const console: string[] = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) console.push(m.text()); });
  page.on('pageerror', (e) => console.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
    document.addEventListener('securitypolicyviolation', (e) => { window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`); });
  });
  const violations = async () => [...console, ...(await page.evaluate(() => window.__csp).catch(() => [] as string[]))];
  return { page, violations };
}

describe('the CSP in Chromium', () => {
  let site: Running;
  let ctx: BrowserContext;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'csp-e2e@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Csp' });
    ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => { await ctx?.close(); await site?.close(); });

  it('home: the map zoom buttons work; a sheet: print works', async () => {
    const { page, violations } = await watched(ctx);
    await page.goto(`${site.base}/`);
    const map = page.locator('svg[data-zoomable]').first();
    const before = await map.getAttribute('viewBox');
    await page.getByRole('button', { name: 'Zoomer' }).first().click();
    expect(await map.getAttribute('viewBox')).not.toBe(before);
    await page.goto(`${site.base}/projects/innotech-master`);
    await page.locator('[data-print]').first().click();
    expect(await page.evaluate(() => window.__printed)).toBe(1);
    expect(await violations()).toEqual([]);
  });

  it('search: instant results replace the list as the reader types', async () => {
    const { page, violations } = await watched(ctx);
    await page.goto(`${site.base}/search`);
    const url = page.url();
    await page.locator('input[data-instant]').fill('Cergy');
    await page.waitForURL(/\/search\?q=Cergy/);
    await page.locator('#search-results').getByRole('link', { name: /Cergy – Huế/ }).first().waitFor();
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // no reload
    expect(url).not.toContain('Cergy');
    expect(await violations()).toEqual([]);
  });

  it('edit form: rows added in place and the combobox lists organisations', async () => {
    const { page, violations } = await watched(ctx);
    await page.goto(`${site.base}/edit/projects/innotech-master`);
    await page.waitForURL(/\/login\?/);
    await page.getByLabel('Adresse e-mail').fill('csp-e2e@cd93.example');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${site.base}/edit/projects/innotech-master`);
    const url = page.url();
    await page.getByRole('button', { name: 'Ajouter une ligne (Cofinancement)' }).click();
    const row = page.locator('li.row[data-row="funding.2"]');
    await expect(row.locator('legend').textContent()).resolves.toBe('Ligne 3');
    expect(page.url()).toBe(url);
    await row.getByRole('combobox', { name: 'Financeur' }).pressSequentially('Region Ile de', { delay: 20 });
    await row.getByRole('listbox').getByRole('option').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('embeds show in a foreign site\'s frame; a sheet does not; the snippet page copies', async () => {
    const { page, violations } = await watched(ctx);
    await page.goto(`${site.base}/embed/projects/innotech-master`);
    expect(await page.locator('h1, h2').first().textContent()).toMatch(/Innotech|Formation/);
    await page.goto(`${site.base}/en/embed/map`);
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);

    await page.goto(`${site.base}/embed-code/projects/innotech-master`, { waitUntil: 'load' });
    const copy = page.locator('[data-copy]');
    await copy.click();
    // the label changes once the clipboard has taken the text (a promise): wait for it rather than read at once
    await page.waitForFunction(() => document.querySelector('[data-copy]')?.textContent === 'Copié', undefined, { timeout: 5000 });
    expect(await copy.textContent()).toBe('Copié');
    expect(await violations()).toEqual([]);

    // another origin framing the site (a second port: another origin, on the loopback like the site, so Chromium's
    // private-network rules stay out of it): the embed loads, the plain sheet is refused
    const host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>host</title>
      <iframe id="embed" src="${site.base}/embed/projects/innotech-master"></iframe><iframe id="sheet" src="${site.base}/projects/innotech-master"></iframe>`));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const foreign = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    await page.goto(`${foreign}/host-page`);
    const embed = page.frameLocator('#embed');
    await embed.locator('.embed-source').waitFor({ timeout: 10_000 });
    const sheet = page.frames().find((f) => f.url().endsWith('/projects/innotech-master') && !f.url().includes('/embed/'));
    expect(await sheet?.locator('.embed-source, h1').count().catch(() => 0) ?? 0).toBe(0);
    expect((await violations()).join('\n')).toMatch(/frame-ancestors 'self'/); // refused by the policy, and only the sheet
    expect((await violations()).join('\n')).not.toContain('/embed/');
    host.close();
  });
});
