/**
 * Issue 12 item 4 in Chromium: from a partnership sheet, a member adds a contact (a new person of her organisation,
 * with a role) and a document (agreement text); both show on the sheet (the contact for her, the document for all);
 * the partner and a visitor never see the contact. Keyboard-submittable forms, axe-clean, nothing wider than 390 px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { ARTIFACTS, signIn, startSite, type Running } from './browser.js';

const axe = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const wider = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('contacts and documents of a partnership in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
    await makeAccount(site.db, 'hung@haiduong.example', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Hùng', lang: 'vi' });
  });
  afterAll(async () => { await site?.close(); });

  it('adds a contact and a document from the sheet; the partner and visitors never see the contact', async () => {
    const lan = await signIn(site, 'lan@cd93.example', { width: 1280 });
    const sheet = `${site.base}/partnerships/ssd-hai-duong`;
    await lan.goto(sheet);
    await lan.getByRole('link', { name: 'Gérer les contacts' }).click();
    await lan.waitForURL(`${site.base}/edit/contacts/partnerships/ssd-hai-duong`);
    expect(await axe(lan)).toEqual([]);

    // a new person of her organisation, by keyboard: Enter in the last field submits
    await lan.locator('#new-name').fill('Zéphyrine Quách');
    await lan.locator('#new-roleTitle').fill('Chargée de mission Asie');
    await lan.locator('#new-email').fill('zq@cd93.example');
    await lan.locator('#new-phone').fill('+33 1 43 93 00 00');
    await lan.locator('#new-role').fill('référente technique');
    await lan.locator('#new-role').press('Enter');
    await lan.waitForURL(/done=added/);
    expect(await lan.getByRole('status').textContent()).toContain('Contact ajouté.');
    expect(await axe(lan)).toEqual([]);
    await lan.screenshot({ path: `${ARTIFACTS}/contacts-manage-1280.png`, fullPage: true });

    // a document, from the sheet too
    await lan.goto(sheet);
    await lan.getByRole('link', { name: 'Gérer les documents' }).click();
    await lan.waitForURL(`${site.base}/edit/documents/partnerships/ssd-hai-duong`);
    await lan.locator('#d-add-url').fill('javascript:alert(1)');
    await lan.getByRole('button', { name: 'Ajouter le document' }).click();
    expect(await lan.locator('#d-add-url-error').textContent()).toBeTruthy();
    expect(await lan.locator('#d-add-url').getAttribute('aria-invalid')).toBe('true');
    await lan.locator('#d-add-url').fill('https://www.seinesaintdenis.fr/convention-hai-duong-2006.pdf');
    await lan.locator('#d-add-title').fill('Convention de coopération de 2006');
    await lan.locator('#d-add-kind').selectOption('agreement');
    await lan.getByRole('button', { name: 'Ajouter le document' }).click();
    await lan.waitForURL(/done=added/);
    expect(await axe(lan)).toEqual([]);
    await lan.screenshot({ path: `${ARTIFACTS}/documents-manage-1280.png`, fullPage: true });

    await lan.goto(sheet);
    const contacts = lan.locator('section[aria-labelledby="contacts-h"]');
    expect(await contacts.textContent()).toMatch(/Zéphyrine Quách — référente technique[\s\S]*Chargée de mission Asie/);
    const documents = lan.locator('section[aria-labelledby="links-h"]');
    expect(await documents.textContent()).toMatch(/Convention de coopération de 2006\s*— Texte de l’accord/);
    expect(await axe(lan)).toEqual([]);
    await lan.screenshot({ path: `${ARTIFACTS}/contacts-sheet-1280.png`, fullPage: true });

    // on a phone: nothing wider than the screen, on the sheet and on both forms
    const phone = await signIn(site, 'lan@cd93.example', { lang: '/vi', width: 390 });
    for (const path of ['/vi/partnerships/ssd-hai-duong', '/vi/edit/contacts/partnerships/ssd-hai-duong', '/en/edit/documents/partnerships/ssd-hai-duong']) {
      await phone.goto(`${site.base}${path}`);
      expect(await wider(phone), path).toBe(false);
      expect(await axe(phone), path).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}/contacts${path.replace(/\W+/g, '-')}-390.png`, fullPage: true });
    }

    // the partner (a party, another organisation) and a visitor: the document, never the contact
    const hung = await signIn(site, 'hung@haiduong.example', { lang: '/vi', width: 1280 });
    await hung.goto(`${site.base}/vi/partnerships/ssd-hai-duong`);
    const seen = (await hung.locator('main').textContent())!;
    expect(seen).toContain('Convention de coopération de 2006');
    expect(seen).not.toContain('Zéphyrine');
    const visitor = await (await site.browser.newContext()).newPage();
    await visitor.goto(sheet);
    const public_ = (await visitor.locator('main').textContent())!;
    expect(public_).toContain('Texte de l’accord');
    expect(public_).not.toContain('Zéphyrine');
    expect(await visitor.locator('section[aria-labelledby="contacts-h"]').count()).toBe(0);
  }, 240_000); // three sign-ins, a dozen pages and axe runs on a shared machine
});
