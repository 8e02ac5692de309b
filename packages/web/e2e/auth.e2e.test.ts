import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { startSite, type Running } from './browser.js';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

describe('accounts in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'lan@hai-duong.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Nguyễn Thị Lan' });
  });
  afterAll(async () => { await site?.close(); });

  it('signs in through the real form, shows the name in the header, signs out', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/partnerships/ssd-hai-duong`);
    await page.locator('.site-header').getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Adresse e-mail').fill('lan@hai-duong.example');
    await page.getByLabel('Mot de passe').fill('not the right one');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.locator('#f-password-error').textContent()).resolves.toBe('E-mail ou mot de passe incorrect.');
    expect(await page.getByLabel('Mot de passe').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('lan@hai-duong.example');
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/account$/);
    const cookie = (await ctx.cookies()).find((c) => c.name === 'tandem_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(await page.locator('.site-header .account-name').textContent()).toBe('Nguyễn Thị Lan');
    expect(await page.locator('h1').textContent()).toBe('Mon compte');
    await expect(page.locator('section[aria-labelledby="roles-h"]').textContent()).resolves.toContain('Département de la Seine-Saint-Denis');
    expect(await axe(page)).toEqual([]);

    // a token created through the account form is shown once
    await page.getByLabel('Nom du jeton').fill('import annuel');
    await page.getByLabel(/^write/).check();
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    expect(await page.locator('#new-token').inputValue()).toMatch(/^tdm_/);
    await page.goto(`${site.base}/account`);
    expect(await page.locator('#new-token').count()).toBe(0);
    expect(await page.locator('table.data').textContent()).toContain('import annuel');

    await page.goto(`${site.base}/statistics`);
    expect(await page.locator('.site-header .account-name').textContent()).toBe('Nguyễn Thị Lan');
    await page.locator('.site-header').getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${site.base}/`);
    expect(await page.locator('.site-header .account-name').count()).toBe(0);
    await expect(page.locator('.site-header').getByRole('link', { name: 'Se connecter' }).count()).resolves.toBe(1);
    const [{ n }] = await site.db.query("select count(*)::int as n from session s join account a on a.id = s.account_id where a.email = 'lan@hai-duong.example'");
    expect(n).toBe(0);
    await page.goto(`${site.base}/account`);
    await page.waitForURL(/\/login\?returnTo=%2Faccount$/);
    await ctx.close();
  });

  it('works without JavaScript, in English too', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/en/login`);
    await page.getByLabel('E-mail address').fill('lan@hai-duong.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/account$/);
    expect(await page.locator('h1').textContent()).toBe('My account');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${site.base}/en`);
    await page.goto(`${site.base}/en/login?error=oidc_no_account`);
    expect(await page.getByRole('alert').textContent()).toContain('No Tandem account has this e-mail address');
    await ctx.close();
  });

  it('refuses a sign-out form without its CSRF token', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/login`);
    await page.getByLabel('Adresse e-mail').fill('lan@hai-duong.example');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/account$/);
    await page.locator('.site-header input[name="_csrf"]').evaluate((el) => el.remove());
    await page.locator('.site-header').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.locator('body').textContent()).resolves.toMatch(/403.*CSRF/);
    await page.goto(`${site.base}/account`);
    expect(await page.locator('h1').textContent()).toBe('Mon compte'); // still signed in
    await ctx.close();
  });

  it.each(['/login', '/password-reset', '/vi/login', '/en/password-reset'])('axe-core finds no violation on %s', async (path) => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    const res = await page.goto(`${site.base}${path}`);
    expect(res?.status()).toBe(200);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});
