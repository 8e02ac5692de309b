/** Edit forms in Chromium: sign in, edit co-financing (with and without JavaScript), conflicts between two contexts, axe-core. */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { ARTIFACTS, startSite, type Running } from './browser.js';

const EDIT = '/edit/projects/innotech-master';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

/** Opens the edit page, signs in through the login form it sends us to, and comes back to it. */
async function signedIn(site: Running, email: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await site.browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true, viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(`${site.base}${EDIT}`);
  await page.waitForURL(/\/login\?/);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${site.base}${EDIT}`);
  return { ctx, page };
}

const fundingTable = async (page: Page) => (await page.locator('section[aria-labelledby="funding-h"] table').textContent())!.replace(/\s/g, ' ');

describe('edit forms in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
    await makeAccount(site.db, 'minh@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Minh' });
  });
  afterAll(async () => { await site?.close(); });

  it('without JavaScript: "add a line" round trip, change an amount, save, see it on the public sheet', async () => {
    const { ctx, page } = await signedIn(site, 'lan@cd93.example', { javaScriptEnabled: false });
    await page.locator('#f-funding-0-amount').fill('85 000');
    await page.getByRole('button', { name: 'Ajouter une ligne (Cofinancement)' }).click();
    await page.waitForLoadState();
    const row = page.locator('li.row[data-row="funding.2"]');
    await expect(row.locator('legend').textContent()).resolves.toBe('Ligne 3');
    expect(await page.locator('#f-funding-0-amount').inputValue()).toBe('85 000'); // kept across the round trip
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-funding-2-funderId');
    await row.getByLabel('Financeur').fill('meae');
    await row.getByLabel('Montant').fill('5000');
    await row.getByLabel('Année').fill('2025');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(`${site.base}/projects/innotech-master?saved=updated`);
    const table = await fundingTable(page);
    expect(table).toMatch(/85 000 €[\s\S]*80 000 €[\s\S]*5 000 €/);
    expect(await page.locator('.edit-link').textContent()).toBe('Modifier');
    await ctx.close();
  });

  it('with JavaScript: rows added and removed in place, the organisation picked in the combobox by keyboard; axe-core clean', async () => {
    const { ctx, page } = await signedIn(site, 'lan@cd93.example');
    expect(await axe(page)).toEqual([]);
    const url = page.url();
    await page.getByRole('button', { name: 'Ajouter une ligne (Cofinancement)' }).click();
    const row = page.locator('li.row[data-row="funding.3"]');
    await expect(row.locator('legend').textContent()).resolves.toBe('Ligne 4');
    expect(page.url()).toBe(url); // no round trip
    const funder = row.getByRole('combobox', { name: 'Financeur' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-funding-3-funderId');
    await funder.pressSequentially('Region Ile de', { delay: 20 });
    const list = row.getByRole('listbox');
    await list.getByRole('option').first().waitFor();
    expect(await funder.getAttribute('aria-expanded')).toBe('true');
    await expect(list.getByRole('option').first().textContent()).resolves.toContain('Région Île-de-France');
    const shown = await list.getByRole('option').count();
    expect(await row.locator('p[role=status]').textContent()).toMatch(shown === 1 ? /^1 suggestion : flèches/ : new RegExp(`^${shown} suggestions : flèches`));
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/edit-form-combobox.png` });
    await funder.press('ArrowDown');
    expect(await funder.getAttribute('aria-activedescendant')).toBe(await list.getByRole('option').first().getAttribute('id'));
    await funder.press('Enter');
    expect(await funder.inputValue()).toBe('region-idf');
    expect(await funder.getAttribute('aria-expanded')).toBe('false');
    await expect(page.locator('#f-funding-3-funderId-name').textContent()).resolves.toBe('Choisi : Région Île-de-France');
    await row.getByLabel('Montant').fill('7000');
    // the line added without JavaScript goes away in place
    await page.locator('li.row[data-row="funding.2"]').getByRole('button', { name: /Retirer cette ligne/ }).click();
    expect(await page.locator('li.row[data-row="funding.2"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(`${site.base}/projects/innotech-master?saved=updated`);
    const table = await fundingTable(page);
    expect(table).toContain('Région Île-de-France');
    expect(table).toContain('7 000 €');
    expect(table).not.toContain('2025'); // the 5 000 € line of 2025 is gone
    await ctx.close();
  });

  it('two contexts edit the same project: the second gets the conflict screen, merges and saves', async () => {
    const a = await signedIn(site, 'lan@cd93.example');
    const b = await signedIn(site, 'minh@cd93.example');
    await a.page.getByLabel('Titre').fill('Innotech : master en informatique');
    await b.page.locator('#f-funding-1-amount').fill('90000');
    await a.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await a.page.waitForURL(`${site.base}/projects/innotech-master?saved=updated`);

    await b.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await b.page.waitForLoadState();
    await expect(b.page.locator('h1').textContent()).resolves.toBe('Quelqu’un a modifié cette fiche en même temps que vous');
    const table = b.page.locator('table.conflict');
    await expect(table.locator('thead').textContent()).resolves.toContain('Version enregistrée (la leur)');
    const title = table.locator('tr[data-unit="title"]');
    await expect(title.locator('td.theirs').textContent()).resolves.toBe('Innotech : master en informatique');
    await expect(title.locator('td.mine').textContent()).resolves.toMatch(/^Formation qualifiante/);
    await expect(title.locator('th').textContent()).resolves.toContain('modifié par l’autre personne');
    expect(await title.getByLabel('Garder la leur').isChecked()).toBe(true);
    const amount = table.locator('tr[data-unit="funding.1"]');
    await expect(amount.locator('td.mine .changed').textContent()).resolves.toContain('90000');
    expect(await amount.getByLabel('Garder la mienne').isChecked()).toBe(true);
    expect(await axe(b.page)).toEqual([]);
    await b.page.screenshot({ path: `${ARTIFACTS}/edit-conflict.png`, fullPage: true });

    // meanwhile the first person saves again: the merge meets a second conflict and shows the screen again
    await a.page.goto(`${site.base}${EDIT}`);
    await a.page.getByLabel('Statut').selectOption('finalisation');
    await a.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await a.page.waitForURL(`${site.base}/projects/innotech-master?saved=updated`);
    await b.page.getByRole('button', { name: 'Enregistrer la version fusionnée' }).click();
    await b.page.waitForLoadState();
    await expect(b.page.locator('.conflict-notice').textContent()).resolves.toContain('La fiche a encore changé');
    expect(await b.page.locator('tr[data-unit="status"]').getByLabel('Garder la leur').isChecked()).toBe(true);
    await b.page.getByRole('button', { name: 'Enregistrer la version fusionnée' }).click();
    await b.page.waitForURL(`${site.base}/projects/innotech-master?saved=updated`);
    expect(await b.page.locator('h1').textContent()).toBe('Innotech : master en informatique');
    expect(await fundingTable(b.page)).toContain('90 000 €');
    expect(await b.page.locator('.facts').textContent()).toContain('En clôture');
    await a.ctx.close();
    await b.ctx.close();
  });

  it('with JavaScript: a new agreement with its axes, added in place inside a partnership', async () => {
    const { ctx, page } = await signedIn(site, 'lan@cd93.example');
    await page.goto(`${site.base}/edit/partnerships/ssd-hai-duong`);
    const agreements = page.locator('fieldset[data-rows="agreements"]');
    const before = await agreements.locator(':scope > ol > li.row').count();
    await page.getByRole('button', { name: 'Ajouter une ligne (Accords)' }).click();
    const row = agreements.locator(`li.row[data-row="agreements.${before}"]`);
    await row.getByLabel('Type').selectOption('avenant');
    await row.getByLabel('Date de signature').fill('2025-03');
    await row.getByRole('button', { name: 'Ajouter une ligne (Axes)' }).click();
    await row.getByRole('button', { name: 'Ajouter une ligne (Axes)' }).click();
    await row.locator(`#f-agreements-${before}-axes-0`).fill('Économie verte');
    await row.locator(`#f-agreements-${before}-axes-1`).fill('Jeunesse');
    await row.locator(`li.row[data-row="agreements.${before}.axes.0"]`).getByRole('button', { name: /Retirer cette ligne/ }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(`${site.base}/partnerships/ssd-hai-duong?saved=updated`);
    const last = page.locator('li.agreement').last();
    await expect(last.textContent()).resolves.toMatch(/Avenant[\s\S]*mars 2025[\s\S]*Jeunesse/);
    expect(await last.textContent()).not.toContain('Économie verte');
    await ctx.close();
  });

  it('shows errors next to their fields, announced, in English too', async () => {
    const { ctx, page } = await signedIn(site, 'lan@cd93.example');
    await page.goto(`${site.base}/en${EDIT}`);
    await page.getByLabel('Title').fill('');
    await page.locator('#f-funding-0-amount').fill('lots');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForLoadState();
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('Nothing was saved: 2 fields to correct.');
    expect(await page.locator('#f-funding-0-amount').getAttribute('aria-invalid')).toBe('true');
    await expect(page.locator('#f-funding-0-amount-error').textContent()).resolves.toBe('Not a valid amount: e.g. 80000 or 80000.50.');
    await summary.getByRole('link', { name: /Amount/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-funding-0-amount');
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});
