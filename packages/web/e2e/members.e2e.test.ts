import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { linkIn, smtpSink, type SmtpSink } from '../../server/src/features/mail/smtp-sink.js';
import { ARTIFACTS, startSite, type Running } from './browser.js';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

/** Looks at the page at 1280 and 390 px: a screenshot of each, and nothing wider than the phone. */
async function bothWidths(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
  }
}

async function signIn(browser: Browser, base: string, email: string, password = PASSWORD) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  return { ctx, page };
}

/**
 * People without curl: a member of an organisation of Cités Unies France invites a colleague from the members page,
 * the mail is read from a real SMTP server, the colleague accepts and signs in; a platform administrator disables
 * that account from /admin/comptes and it can no longer sign in.
 */
describe('members and accounts in Chromium', () => {
  let site: Running;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    site = await startSite();
    await site.db.query(`insert into group_membership (group_id, organisation_id) values ('cuf', 'cd93')`);
    await makeAccount(site.db, 'lan@seinesaintdenis.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Nguyễn Thị Lan' });
    await makeAccount(site.db, 'reseau@cuf.example', [{ role: 'network_admin', organisationId: 'cuf' }], { name: 'Réseau CUF' });
    await makeAccount(site.db, 'admin@tandem.example', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin Plateforme' });
  });
  afterAll(async () => { delete process.env.SMTP_URL; await site?.close(); await sink?.close(); });

  it('a member invites a colleague from the members page; the colleague accepts from the e-mail and signs in', async () => {
    const { ctx, page } = await signIn(site.browser, site.base, 'lan@seinesaintdenis.example');
    await page.waitForURL(/\/account$/);
    await page.getByRole('link', { name: 'Membres et invitations' }).click();
    await page.waitForURL(/\/espace\/organisations\/cd93\/membres$/);
    expect(await page.locator('h1').textContent()).toBe('Membres · Département de la Seine-Saint-Denis');
    expect(await page.locator('main').textContent()).toContain('Cités Unies France');
    await page.getByLabel('Adresse e-mail').fill('minh@seinesaintdenis.example');
    await page.getByLabel('Langue de l’e-mail').selectOption('vi');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.waitForURL(/done=invited$/);
    expect(await page.getByRole('status').textContent()).toContain('Invitation envoyée');
    expect(await page.locator('table.invitations').textContent()).toContain('minh@seinesaintdenis.example');
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, 'members-page');

    const mail = await sink.next((m) => JSON.stringify(m.to).includes('minh@seinesaintdenis.example'));
    expect(mail.subject).toBe('Lời mời tham gia Tandem');
    expect(mail.text).toContain('Nguyễn Thị Lan mời bạn');
    expect(mail.text).toContain('Vai trò của bạn: thành viên của Département de la Seine-Saint-Denis.');
    const link = linkIn(mail);
    expect(link.startsWith(`${site.base}/vi/invitations/`)).toBe(true);

    const minh = await site.browser.newContext();
    const invited = await minh.newPage();
    await invited.goto(link);
    await invited.getByLabel('Họ và tên').fill('Trần Văn Minh');
    await invited.getByLabel('Mật khẩu', { exact: true }).fill('minh chooses a long passphrase');
    await invited.getByLabel('Xác nhận mật khẩu').fill('minh chooses a long passphrase');
    await invited.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await invited.waitForURL(/\/vi\/account$/);
    expect(await invited.locator('.site-header .account-name').textContent()).toBe('Trần Văn Minh');
    await minh.close();
    const again = await signIn(site.browser, site.base, 'minh@seinesaintdenis.example', 'minh chooses a long passphrase');
    await again.page.waitForURL(/\/account$/);
    await again.ctx.close();

    await page.reload();
    expect(await page.locator('table.members').textContent()).toContain('Trần Văn Minh');
    await ctx.close();

    // the administrator of the network sees the same page, with the removal buttons
    const net = await signIn(site.browser, site.base, 'reseau@cuf.example');
    await net.page.waitForURL(/\/account$/);
    await net.page.goto(`${site.base}/en/espace/organisations/cd93/membres`);
    await expect(net.page.getByRole('button', { name: 'Remove Trần Văn Minh' }).count()).resolves.toBe(1);
    expect(await axe(net.page)).toEqual([]);
    await net.page.goto(`${site.base}/vi/espace/organisations/cuf/membres`);
    expect(await net.page.locator('h1').textContent()).toBe('Thành viên · Cités Unies France');
    expect(await net.page.locator('#f-role option').allTextContents()).toEqual(['Thành viên', 'Quản trị mạng lưới']);
    expect(await axe(net.page)).toEqual([]);
    await bothWidths(net.page, 'members-network-vi');
    await net.ctx.close();
  });

  it('a platform administrator disables the account from /admin/comptes; it can no longer sign in', async () => {
    const { ctx, page } = await signIn(site.browser, site.base, 'admin@tandem.example');
    await page.waitForURL(/\/account$/);
    await page.locator('.site-header').getByRole('link', { name: 'Comptes' }).click();
    await page.waitForURL(/\/admin\/comptes$/);
    await page.getByLabel('Rechercher un compte (e-mail ou nom)').fill('minh');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=minh/);
    expect(await page.locator('table.accounts tbody tr').count()).toBe(1);
    expect(await page.locator('table.accounts').textContent()).toContain('membre de Département de la Seine-Saint-Denis');
    await page.getByRole('button', { name: 'Désactiver minh@seinesaintdenis.example' }).click();
    await page.waitForURL(/done=disabled/);
    expect(await page.getByRole('status').textContent()).toContain('Compte désactivé');
    expect(await page.locator('table.accounts').textContent()).toContain('Désactivé le');
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, 'admin-accounts');
    await ctx.close();

    const refused = await signIn(site.browser, site.base, 'minh@seinesaintdenis.example', 'minh chooses a long passphrase');
    await expect(refused.page.locator('#f-password-error').textContent()).resolves.toBe('E-mail ou mot de passe incorrect.');
    expect(refused.page.url()).toMatch(/\/login$/);
    await refused.ctx.close();
  });
});
