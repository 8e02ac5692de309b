/**
 * Issue 12's story, in one run through the interface only (no API call, no curl): a member of the Seine-Saint-Denis
 * signs in, creates a partnership with the Hải Dương province and a project from its sheet, invites a colleague from
 * the members page (the mail read from a real SMTP server), the colleague accepts and signs in; the partner side
 * validates the partnership and the member sees it; a platform administrator disables the colleague's account, which
 * can no longer sign in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { linkIn, smtpSink, type SmtpSink } from '../../server/src/features/mail/smtp-sink.js';
import { ARTIFACTS, signIn, startSite, type Running } from './browser.js';

describe('a member\'s first day, in Chromium', () => {
  let site: Running;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    site = await startSite();
    await makeAccount(site.db, 'claire@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Claire Martin' });
    await makeAccount(site.db, 'thu@haiduong.example', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Phạm Thị Thu', lang: 'vi' });
    await makeAccount(site.db, 'admin@tandem.example', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin Plateforme' });
  });
  afterAll(async () => { delete process.env.SMTP_URL; await site?.close(); await sink?.close(); });

  it('creates, invites, gets validated; the administrator disables the colleague', async () => {
    // 1. the member signs in and creates a partnership, then a project from its sheet
    const claire = await signIn(site, 'claire@cd93.example', { width: 1280, height: 1000, timeout: 20_000 });
    await claire.goto(`${site.base}/espace`);
    await claire.getByRole('link', { name: 'Nouveau partenariat' }).click();
    await claire.waitForURL(`${site.base}/new/partnerships`);
    await claire.getByLabel('Titre').fill('Seine-Saint-Denis – Hải Dương : jeunesse');
    await claire.locator('#f-kind').selectOption('cooperation');
    const partner = claire.locator('#f-parties-1-organisationId');
    await partner.pressSequentially('Comité populaire de la province de Hai', { delay: 10 });
    await claire.getByRole('listbox').getByRole('option', { name: /Comité populaire de la province de Hải Dương/ }).first().click();
    expect(await partner.inputValue()).toBe('hai-duong-cp');
    await claire.getByRole('button', { name: 'Créer la fiche' }).click();
    await claire.waitForURL(/\/partnerships\/[^?]+\?saved=created$/);
    await expect(claire.getByRole('status').filter({ hasText: 'Partenariat créé.' }).count()).resolves.toBe(1);
    const partnershipPath = new URL(claire.url()).pathname;

    await claire.getByRole('link', { name: 'Ajouter un projet' }).click();
    await claire.waitForURL(/\/new\/projects\?partnershipId=/);
    await claire.getByLabel('Titre').fill('Chantiers de jeunes à Hải Dương');
    await claire.getByRole('button', { name: 'Créer la fiche' }).click();
    await claire.waitForURL(/\/projects\/[^?]+\?saved=created$/);
    await expect(claire.getByRole('status').filter({ hasText: 'Projet créé.' }).count()).resolves.toBe(1);
    const [{ n: created }] = await site.db.query(
      `select count(*)::int as n from project p join partnership s on s.id = p.partnership_id
        where p.title = 'Chantiers de jeunes à Hải Dương' and s.title = 'Seine-Saint-Denis – Hải Dương : jeunesse'`);
    expect(created).toBe(1);

    // 2. she invites a colleague from the members page of her organisation
    await claire.goto(`${site.base}/espace`);
    await claire.getByRole('link', { name: 'Membres de l’organisation' }).first().click();
    await claire.waitForURL(/\/espace\/organisations\/cd93\/membres$/);
    await claire.getByLabel('Adresse e-mail').fill('paul@cd93.example');
    await claire.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await claire.waitForURL(/done=invited$/);
    const mail = await sink.next((m) => JSON.stringify(m.to).includes('paul@cd93.example'));
    expect(mail.text).toContain('membre de Département de la Seine-Saint-Denis');
    const colleague = await site.browser.newContext();
    const paul = await colleague.newPage();
    await paul.goto(linkIn(mail));
    await paul.getByLabel('Prénom et nom').fill('Paul Bernard');
    await paul.getByLabel('Mot de passe', { exact: true }).fill('paul chooses a long passphrase');
    await paul.getByLabel('Confirmez le mot de passe').fill('paul chooses a long passphrase');
    await paul.getByRole('button', { name: 'Créer mon compte' }).click();
    await paul.waitForURL(/\/account$/);
    await paul.goto(`${site.base}/espace`);
    // the colleague finds the new partnership in his workspace
    expect(await paul.locator('main').textContent()).toContain('Seine-Saint-Denis – Hải Dương : jeunesse');
    await colleague.close();

    // 3. the partner side validates the new partnership, in Vietnamese
    const thu = await signIn(site, 'thu@haiduong.example', { lang: '/vi', width: 1280, height: 1000, timeout: 20_000 });
    await thu.goto(`${site.base}/vi${partnershipPath}`);
    await thu.getByRole('button', { name: /Xác nhận thay mặt Comité populaire/ }).click();
    await thu.waitForURL(/\?saved=validated$/);
    expect(await thu.getByRole('button', { name: 'Rút lại xác nhận của tôi' }).count()).toBe(1);
    await claire.goto(`${site.base}${partnershipPath}`);
    const seen = (await claire.locator('section[aria-labelledby="validation-h"] li', { hasText: 'Comité populaire' }).textContent())!.replace(/\s+/g, ' ');
    expect(seen).toMatch(/validé — le \d{1,2} \S+ \d{4}/);
    await claire.screenshot({ path: `${ARTIFACTS}/story-validated-1280.png`, fullPage: true });

    // 4. the administrator disables the colleague's account; he can no longer sign in
    const admin = await signIn(site, 'admin@tandem.example', { width: 1280, height: 1000, timeout: 20_000 });
    await admin.goto(`${site.base}/admin/comptes?q=paul`);
    await admin.getByRole('button', { name: 'Désactiver paul@cd93.example' }).click();
    await admin.waitForURL(/done=disabled/);
    const refused = await signIn(site, 'paul@cd93.example', { password: 'paul chooses a long passphrase', width: 1280, height: 1000, timeout: 20_000 });
    await expect(refused.locator('#f-password-error').textContent()).resolves.toBe('E-mail ou mot de passe incorrect.');
    expect(refused.url()).toMatch(/\/login$/);
  }, 240_000);
});
