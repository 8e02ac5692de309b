/**
 * Knowledge capture in a real browser: a member signs in, goes from /espace to the text form, pastes a page, sees its
 * facts highlighted and the proposed records, creates them and lands on the partnership's sheet with its « Provenance »;
 * axe-core clean and nothing wider than 390 px on the form, the review and the sheet (screenshots in test-results).
 * The facts come from the real extractor (features/extract) reading review.testkit.ts' page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looked, signIn, startSite, type Running } from './browser.js';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { REVIEW_TEXT } from '../../server/src/features/extract/review.testkit.js';


describe('knowledge capture', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'extract@montreuil.example', [{ role: 'member', organisationId: 'ville-montreuil' }], { name: 'Minh' });
  });
  afterAll(async () => { await site?.close(); });

  it('pastes a page, reviews its facts and creates its records with their provenance', async () => {
    const page = await signIn(site, 'extract@montreuil.example');
    await page.goto(`${site.base}/espace`);
    await page.getByRole('link', { name: 'Créer des fiches à partir d’un texte' }).click();
    await expect.poll(() => page.url()).toMatch(/\/espace\/extract$/);
    await page.waitForLoadState();
    await page.getByLabel('Pour l’organisation').selectOption('ville-montreuil');
    await page.getByLabel('Titre du document').fill('Montreuil et Hué, bilan');
    await page.getByLabel('Texte collé').fill(REVIEW_TEXT);
    await looked(page, 'extract-form');
    await page.getByRole('button', { name: 'Analyser le texte' }).click();
    await expect.poll(() => page.url()).toMatch(/\/espace\/extractions\/ex-[0-9a-f]+$/);
    await page.waitForLoadState();
    expect(await page.locator('.extract-text mark.fact--date').first().innerText()).toMatch(/mars 2019/);
    expect(await page.locator('.extract-text mark.fact--amount').count()).toBe(3);
    expect(await page.locator('.extract-text mark.fact--organisation').count()).toBe(4);
    expect(await page.getByRole('group', { name: /Partenariat/ }).count()).toBeGreaterThan(0);
    await looked(page, 'extract-review');
    // reject the delegation, rename the project, keep the rest as proposed
    await page.locator('fieldset#p-mission-0').getByLabel('Refuser').check();
    await page.locator('#p-project-0-title').fill('Assainissement à Hué');
    await page.getByRole('button', { name: 'Créer les fiches' }).click();
    await expect.poll(() => page.url()).toMatch(/\/partnerships\/[a-z0-9-]+$/);
    const prov = page.locator('section.provenance');
    await expect.poll(() => prov.getByRole('heading', { name: 'Provenance' }).isVisible()).toBe(true);
    expect(await prov.innerText()).toMatch(/Montreuil et Hué, bilan/);
    expect(await prov.locator('q', { hasText: 'mars 2019' }).count()).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toMatch(/Ville de Hué/);
    await looked(page, 'extract-sheet');
    const [{ n }] = await site.db.query(`select count(*)::int as n from project where title = 'Assainissement à Hué'`);
    expect(n).toBe(1);
    await page.context().close();
  }, 240_000);
});
