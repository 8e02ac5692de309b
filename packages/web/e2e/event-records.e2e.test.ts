/** Events as records in Chromium: a host's member creates one from the workspace's action, by keyboard-usable form; axe-core clean. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { ARTIFACTS, signIn, startSite, type Running } from './browser.js';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

describe('events as records in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'hoa@toulouse.example', [{ role: 'member', organisationId: 'ville-toulouse' }]);
    await makeAccount(site.db, 'root@tandem.example', [{ role: 'platform_admin', organisationId: null }]);
  }, 120_000);
  afterAll(async () => { await site?.close(); });

  it('creates an event from « Créer un évènement », then shows it with its edit link and history; axe-core clean', async () => {
    const page = await signIn(site, 'hoa@toulouse.example', { width: 390 });
    await page.goto(`${site.base}/espace`);
    await page.getByRole('link', { name: 'Créer un évènement' }).click();
    await page.waitForURL(/\/new\/events$/);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Titre').fill('Journée des partenariats toulousains');
    await page.getByLabel('Début', { exact: true }).fill('2027-10-14');
    await page.getByLabel('Heure de début').fill('09:30');
    await page.getByLabel('Heure de fin').fill('17:00');
    await page.getByLabel('Fuseau horaire').fill('Europe/Paris');
    await page.getByLabel('Lieu en toutes lettres').fill('Salle des Illustres');
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/events\/journee-des-partenariats-toulousains\?saved=created$/);
    expect(await page.locator('[role=status]').first().textContent()).toContain('Évènement créé.');
    expect(await page.locator('h1').textContent()).toBe('Journée des partenariats toulousains');
    expect(await page.locator('a.edit-link').getAttribute('href')).toBe('/edit/events/journee-des-partenariats-toulousains');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/event-created-390.png`, fullPage: true });
  }, 120_000);

  it('edits an event and a series as a platform administrator in English; axe-core clean', async () => {
    const page = await signIn(site, 'root@tandem.example', { lang: '/en' });
    await page.goto(`${site.base}/en/edit/events/assises-12`);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${site.base}/en/series/assises-franco-vietnamiennes`);
    expect(await page.locator('a.edit-link').getAttribute('href')).toBe('/en/edit/series/assises-franco-vietnamiennes');
    expect(await axe(page)).toEqual([]);
  }, 120_000);
});
