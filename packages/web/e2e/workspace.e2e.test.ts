/**
 * The members' workspace in Chromium: sign in from /espace, create a partnership, then a project from its sheet,
 * see the confirmation each time; axe-core clean, at 1280 and 390 px (pictures in test-results/).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { ARTIFACTS, startSite, type Running } from './browser.js';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}
const wider = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('the members\' workspace in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
  });
  afterAll(async () => { await site?.close(); });

  it('sign in, open /espace, create a partnership, then a project from its sheet, with a confirmation after each save', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/espace`);
    await page.waitForURL(/\/login\?/);
    await page.getByLabel('Adresse e-mail').fill('lan@cd93.example');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${site.base}/espace`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mon espace');
    await expect(page.locator('.account-area').getByRole('link', { name: 'Mon espace' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Département de la Seine-Saint-Denis' }).count()).resolves.toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/workspace-1280.png`, fullPage: true });

    // a new partnership: my organisation is already the first party
    await page.getByRole('link', { name: 'Nouveau partenariat' }).click();
    await page.waitForURL(`${site.base}/new/partnerships`);
    expect(await page.locator('#f-parties-0-organisationId').inputValue()).toBe('cd93');
    await page.getByLabel('Titre').fill('Seine-Saint-Denis – Huế (espace)');
    await page.locator('#f-kind').selectOption('cooperation');
    const partner = page.locator('#f-parties-1-organisationId');
    await partner.pressSequentially('Hue', { delay: 20 });
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await partner.press('ArrowDown');
    await partner.press('Enter');
    expect(await partner.inputValue()).toBeTruthy();
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/partnerships\/[^?]+\?saved=created$/);
    const status = page.getByRole('status').filter({ hasText: 'Partenariat créé.' });
    await expect(status.count()).resolves.toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/workspace-partnership-created-1280.png` });
    const partnershipUrl = page.url().replace(/\?.*$/, '');
    const partnershipId = decodeURIComponent(partnershipUrl.replace(/^.*\/partnerships\//, ''));

    // then a project from its sheet: the partnership is already filled in
    await page.getByRole('link', { name: 'Ajouter un projet' }).click();
    await page.waitForURL(/\/new\/projects\?partnershipId=/);
    expect(await page.locator('#f-partnershipId').inputValue()).toBe(partnershipId);
    await page.getByLabel('Titre').fill('Échanges de jeunes (espace)');
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/projects\/[^?]+\?saved=created$/);
    await expect(page.getByRole('status').filter({ hasText: 'Projet créé.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Seine-Saint-Denis – Huế (espace)' }).count()).resolves.toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);

    // both are on /espace now, and the partnership's sheet lists the project
    await page.goto(`${site.base}/espace`);
    const orgs = (await page.locator('section[aria-labelledby="orgs-h"]').textContent())!;
    expect(orgs).toContain('Seine-Saint-Denis – Huế (espace)');
    expect(orgs).toContain('Échanges de jeunes (espace)');
    await page.goto(partnershipUrl);
    expect(await page.locator('section[aria-labelledby="projects-h"]').textContent()).toContain('Échanges de jeunes (espace)');
    await ctx.close();
  }, 180_000);

  it('on a phone (390 px): /espace and a sheet with its notice and create actions fit, axe-core clean, in the three languages', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/en/login`);
    await page.locator('input[type="email"]').fill('lan@cd93.example');
    await page.locator('input[type="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').first().click();
    await page.waitForLoadState();
    for (const [path, name] of [['/en/espace', 'en'], ['/vi/espace', 'vi'], ['/espace', 'fr']]) {
      await page.goto(site.base + path);
      expect(await wider(page), path).toBe(false);
      expect(await axe(page), path).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/workspace-${name}-390.png`, fullPage: true });
    }
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mon espace');
    await page.goto(`${site.base}/vi/partnerships/ssd-hai-duong?saved=updated`);
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu các thay đổi.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Thêm dự án' }).count()).resolves.toBe(1);
    expect(await wider(page)).toBe(false);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/workspace-sheet-vi-390.png` });
    await ctx.close();
  }, 180_000);
});
