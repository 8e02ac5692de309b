/**
 * The IATI import page in Chromium: a platform administrator signs in through the real form, uploads a real
 * IATI file with JavaScript (fetch + server-sent events: progress, then the report) and without (the plain
 * multipart form); broken XML shows its line both ways; axe-core clean in every state and language.
 */
import { statSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { createSession, SESSION_COOKIE } from '../../server/src/features/auth/sessions.js';
import { identifiersOf, sample } from '../../server/src/features/iati/iati.testkit.js';
import { langs } from '../src/i18n/index.js';
import { ARTIFACTS, startSite, type Running } from './browser.js';

const FI = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
const BROKEN = { name: 'broken.xml', mimeType: 'text/xml', buffer: Buffer.from('<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity>\n<iati-identifier>XM-E2E-1</iati-identifier>\n<title></iati-activity>\n</iati-activities>') };
const INVALID = { ...BROKEN, name: 'invalid.xml', buffer: Buffer.from(BROKEN.buffer.toString().replace('<title></iati-activity>', '<transaction><value>12</value></transaction></iati-activity>')) };
const UKRAINE = sample('hdx-ukraine-prefiltered-2022-07-19.xml');
const EMAIL = 'admin@tandem.example';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

/** French plural by Intl.PluralRules: "0 activité", "1 activité", "2 activités". */
function pluralRight(text: string) {
  const m = /([\d\u202f]+) activité(s?)/.exec(text)!;
  expect(m, text).not.toBeNull();
  expect([text, m[2]]).toEqual([text, Number(m[1].replace(/\u202f/g, '')) >= 2 ? 's' : '']);
}

describe('IATI import page in Chromium', () => {
  let site: Running, adminId: string;
  const imported = async () => (await site.db.query<{ n: number }>('select count(*)::int as n from project where iati_identifier = any($1)', [identifiersOf(FI)]))[0].n;
  const signedIn = async (opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> => {
    const ctx = await site.browser.newContext(opts);
    await ctx.addCookies([{ name: SESSION_COOKIE, value: (await createSession(site.db, adminId)).token, url: site.base }]);
    return ctx;
  };

  beforeAll(async () => {
    site = await startSite();
    adminId = (await makeAccount(site.db, EMAIL, [{ role: 'platform_admin', organisationId: null }], { name: 'Administratrice Tandem' })).id;
  });
  afterAll(async () => { await site?.close(); });

  it('signs an administrator in, uploads with JavaScript, shows progress then the report, and the projects exist', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${site.base}/admin/import`);
    await page.waitForURL(/\/login\?returnTo=%2Fadmin%2Fimport$/);
    await page.getByLabel('Adresse e-mail').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${site.base}/admin/import`);
    expect(await page.locator('h1').textContent()).toBe('Importer un fichier IATI');
    expect(await page.locator('.site-header').getByRole('link', { name: 'Import IATI' }).getAttribute('href')).toBe('/admin/import');
    expect(await axe(page)).toEqual([]);

    // what the progress text and the live region said, and proof that the page was not reloaded
    await page.evaluate(() => {
      const w = window as any;
      w.sameDocument = true;
      w.said = [] as string[];
      for (const id of ['import-progress-text', 'import-status']) {
        new MutationObserver(() => w.said.push(`${id}: ${document.getElementById(id)!.textContent}`))
          .observe(document.getElementById(id)!, { childList: true, characterData: true, subtree: true });
      }
    });
    await page.getByLabel('Fichier IATI (XML)').setInputFiles(FI);
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    const heading = page.locator('#import-result h2');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Import terminé');
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-report-h');
    const said: string[] = await page.evaluate(() => (window as any).said);
    const texts = said.filter((s) => s.startsWith('import-progress-text: ')).map((s) => s.slice('import-progress-text: '.length));
    expect(texts[0]).toBe('Envoi du fichier…');
    // at least one progress event was shown between the start and the report (a 50 kB upload may be read in one chunk)
    expect(texts.slice(1, -1)).not.toEqual([]);
    for (const t of texts.slice(1, -1)) { expect(t).toMatch(/^(\d+ ko sur 50 ko lus · \d activités?|Fichier lu \(\d activités?\) : enregistrement et indexation…)$/); pluralRight(t); }
    expect(texts.at(-1)).toBe('50 ko sur 50 ko lus · 6 activités');
    expect(said).toContain('import-status: Envoi du fichier…');
    expect(said.at(-1)).toBe('import-status: Import terminé');
    const bar = page.locator('#import-progress');
    expect(await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([50879, 50879]);
    expect(await page.locator('#import-result .notice').textContent()).toBe('Activités lues : 6 ; importées : 6 (nouvelles : 6, mises à jour : 0) ; invalides laissées de côté : 0.');
    expect(await page.locator('#import-result dd[data-count="transactions"]').textContent()).toBe('9');
    expect(await page.locator('#import-result dd[data-count="budgets"]').textContent()).toBe('12');
    expect(await imported()).toBe(6);
    expect(await axe(page)).toEqual([]);
    await page.locator('main').screenshot({ path: `${ARTIFACTS}/import-report.png` });

    const [p] = await site.db.query<{ id: string }>('select id from project where iati_identifier = $1', [identifiersOf(FI)[0]]);
    await page.goto(`${site.base}/projects/${p.id}`);
    expect(await page.locator('h1').textContent()).toBe('Quality laboratory testing -training project in Benin');
    await ctx.close();
  });

  it('shows a larger file\'s progress while the server reads it (bar, text, announcements)', async () => {
    const ctx = await signedIn();
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${site.base}/admin/import`);
    await page.evaluate(() => {
      const w = window as any;
      const bar = document.getElementById('import-progress') as HTMLProgressElement;
      w.seen = [] as Array<[number, number, string]>;
      w.said = [] as string[];
      new MutationObserver(() => w.seen.push([performance.now(), bar.value, document.getElementById('import-progress-text')!.textContent]))
        .observe(bar, { attributes: true });
      new MutationObserver(() => w.said.push(document.getElementById('import-status')!.textContent))
        .observe(document.getElementById('import-status')!, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => { w.reportAt ??= performance.now(); }).observe(document.getElementById('import-result')!, { childList: true, subtree: true });
    });
    await page.getByLabel('Fichier IATI (XML)').setInputFiles(UKRAINE);
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    await page.locator('#import-result h2').waitFor();
    const seen: Array<[number, number, string]> = await page.evaluate(() => (window as any).seen);
    const total = statSync(UKRAINE).size;
    const between = seen.filter(([, v]) => v > 0 && v < total);
    expect(between.length).toBeGreaterThanOrEqual(1);
    expect(between.map(([, v]) => v)).toEqual([...between.map(([, v]) => v)].sort((a, b) => a - b));
    // French groups thousands with a narrow no-break space: "1 004 ko"
    for (const [, , text] of between) { expect(text).toMatch(/^\d{1,3}(\u202f\d{3})*(,\d+)? (ko|Mo) sur 3,9 Mo lus · [\d\u202f]+ activités?$/); pluralRight(text); }
    // the events arrived while the file was being read and written, not all at the end with the report (how many arrive
    // before the file is read depends on the machine's speed: they are 100 ms apart at least)
    expect(await page.evaluate(() => (window as any).reportAt) - between[0][0]).toBeGreaterThan(100);
    // announced to screen readers: sending, then each quarter of the file the progress events cross (one event may cross
    // several: the server sends them 100 ms apart at least), then the end
    const said: string[] = (await page.evaluate(() => (window as any).said)).filter((x: string) => x);
    expect(said[0]).toBe('Envoi du fichier…');
    expect(said.at(-1)).toBe('Import terminé');
    const percents = said.slice(1, -1).map((x) => Number(/^Import en cours : (\d+) % du fichier lu\.$/.exec(x)?.[1]));
    expect(percents.length).toBeGreaterThanOrEqual(1);
    expect(percents.every((x) => [0, 25, 50, 75].includes(x))).toBe(true);
    expect(percents).toEqual([...new Set(percents)].sort((a, b) => a - b));
    expect(await page.locator('#import-result dd[data-count="activities"]').textContent()).toBe('200');
    await ctx.close();
  });

  it('shows the line of broken XML with JavaScript, and again without it', async () => {
    const ctx = await signedIn();
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${site.base}/en/admin/import`);
    await page.getByLabel('IATI file (XML)').setInputFiles(BROKEN);
    await page.getByRole('button', { name: 'Import the file' }).click();
    const alert = page.locator('#import-result [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The problem is on line 5 of the file.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await axe(page)).toEqual([]);

    // well-formed, but its only activity is invalid (a transaction without type): refused, with the problem listed
    await page.getByLabel('IATI file (XML)').setInputFiles(INVALID);
    await page.getByRole('button', { name: 'Import the file' }).click();
    await page.locator('#import-result h2').waitFor();
    expect(await page.locator('#import-result h2').textContent()).toBe('Import refused: nothing was saved');
    const row = page.locator('#import-result tbody tr.level-critical').first();
    expect(await row.locator('td').allTextContents()).toEqual(['5', 'critical', 'XM-E2E-1', expect.stringMatching(/transaction/)]);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Skip invalid activities').check();
    await page.getByRole('button', { name: 'Import the file' }).click();
    await page.locator('#import-result h2', { hasText: 'Import finished' }).waitFor();
    expect(await page.locator('#import-result .notice').textContent()).toBe('Activities read: 1; imported: 0 (new: 0, updated: 0); invalid ones left out: 1.');
    await ctx.close();

    const plain = await signedIn({ javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(`${site.base}/admin/import`);
    await noJs.getByLabel('Fichier IATI (XML)').setInputFiles(BROKEN);
    const [response] = await Promise.all([noJs.waitForResponse((r) => r.request().method() === 'POST'), noJs.getByRole('button', { name: 'Importer le fichier' }).click()]);
    expect(response.status()).toBe(400);
    await noJs.waitForLoadState();
    expect(await noJs.locator('#import-result [role="alert"]').textContent()).toContain('Le problème se trouve à la ligne 5 du fichier.');

    await noJs.getByLabel('Fichier IATI (XML)').setInputFiles(FI);
    await noJs.getByLabel('Ignorer les activités invalides').check();
    await noJs.getByRole('button', { name: 'Importer le fichier' }).click();
    await noJs.locator('#import-result h2').waitFor();
    expect(await noJs.locator('#import-result .notice').textContent()).toContain('Activités lues : 6 ; importées : 6 (nouvelles : 0, mises à jour : 6)');
    expect(await imported()).toBe(6);
    await plain.close();
  });

  it.each(langs.filter((l) => l !== 'fr'))('axe-core finds no violation on /%s/admin/import', async (lang) => {
    const ctx = await signedIn();
    const page = await ctx.newPage();
    expect((await page.goto(`${site.base}/${lang}/admin/import`))?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});
