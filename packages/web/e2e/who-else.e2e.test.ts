/**
 * Who else works here (issue 15 item 5) in Chromium: a visitor opens the new Hải Phòng's sheet and sees who worked at
 * Hải Dương before the 2025 reform, asked to sign in to contact them; a member signs in, follows « Contacter », writes,
 * and the organisation's member receives the mail (real SMTP server) with the sender as Reply-To. Pages axe-clean,
 * no wider than a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { smtpSink, type SmtpSink } from '../../server/src/features/mail/smtp-sink.js';
import { looked, signIn, startSite, type Running } from './browser.js';

describe('who else, in Chromium', () => {
  let site: Running; let sink: SmtpSink;
  beforeAll(async () => {
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    site = await startSite();
    await makeAccount(site.db, 'lan.nguyen@haiduong.example', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Lan Nguyen', lang: 'vi' });
    await makeAccount(site.db, 'paul.durand@cd94.example', [{ role: 'member', organisationId: 'cd94' }], { name: 'Paul Durand' });
  }, 120_000);
  afterAll(async () => { delete process.env.SMTP_URL; await site?.close(); await sink?.close(); });

  it('the territory block, sign in, contact', async () => {
    const ctx = await site.browser.newContext();
    const anon = await ctx.newPage();
    anon.setDefaultTimeout(15_000);
    await anon.goto(`${site.base}/territories/VN-2025-31`);
    const block = anon.locator('.who-block');
    await expect(block.getByText('Partenariat à Hải Dương, devenue Hải Phòng en 2025').first().isVisible()).resolves.toBe(true);
    expect(await block.getByRole('link', { name: 'Connectez-vous pour les contacter' }).count()).toBeGreaterThan(0);
    await looked(anon, 'who-else-territory');
    await ctx.close();

    const page = await signIn(site, 'paul.durand@cd94.example', { timeout: 15_000 });
    await page.goto(`${site.base}/territories/VN-2025-31`);
    const card = page.locator('.who-actor').filter({ hasText: 'Comité populaire de la province de Hải Dương' });
    await card.getByRole('link', { name: /Contacter/ }).click();
    await page.waitForURL(/\/who-else\/contact\/hai-duong-cp/);
    await page.getByLabel('Votre message').fill('Bonjour, nous travaillons aussi sur l’eau : échangeons ?');
    await looked(page, 'who-else-contact');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.notice-success').textContent()).toContain('Votre message est envoyé');
    expect(await page.content()).not.toContain('lan.nguyen@haiduong.example');
    const m = await sink.next((x) => x.subject?.includes('Paul Durand') ?? false, 10_000);
    expect((m.to as { text: string }).text).toBe('lan.nguyen@haiduong.example');
    expect(m.replyTo?.text).toContain('paul.durand@cd94.example');
  }, 120_000);
});
