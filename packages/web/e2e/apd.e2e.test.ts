/**
 * The yearly aid declaration page in Chromium: a draft hidden from visitors (404), read-only once submitted, a form that works without JavaScript
 * for a signed-in member of the Département de la Seine-Saint-Denis (cd93); axe-core clean in every state.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGrant, createAccount } from '../../server/src/features/auth/accounts.js';
import { createSession, SESSION_COOKIE } from '../../server/src/features/auth/sessions.js';
import { langs } from '../src/i18n/index.js';
import { ARTIFACTS, startSite, type Running } from './browser.js';

const TOKEN = 'e2e-token'; // startSite's admin token
const PATH = '/apd/cd93/2023';

/** The seed's co-financing lines carry no year: two 2023 lines funded by cd93, added through the API. */
const FIXTURES = [
  { id: 'apd-e2e-eau', title: 'Eau potable à Hải Dương (test APD)', themes: ['env.eau-dechets.eau-potable'], places: ['VN-P-30'],
    participants: [{ organisationId: 'cd93', role: 'lead' }], funding: [{ funderId: 'cd93', amount: 45000, year: 2023, kind: 'disbursed' }] },
  { id: 'apd-e2e-sensibilisation', title: 'Semaine de la solidarité internationale (test APD)', themes: ['sensibilisation'], places: ['FR-C-93066'],
    participants: [{ organisationId: 'cd93', role: 'lead' }], funding: [{ funderId: 'cd93', amount: 12000, year: 2023 }] },
];

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

describe('yearly aid declaration page in Chromium', () => {
  let site: Running, sessionToken: string;

  beforeAll(async () => {
    site = await startSite();
    for (const p of FIXTURES) {
      const res = await fetch(`${site.base}/api/projects`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(p) });
      expect(res.status).toBe(201);
    }
    const account = await createAccount(site.db, { email: 'cooperation@seinesaintdenis.fr', name: 'Agent de la coopération' });
    await addGrant(site.db, account.id, { role: 'member', organisationId: 'cd93' }, null);
    sessionToken = (await createSession(site.db, account.id)).token;
  });
  afterAll(async () => { await site?.close(); });

  it('hides the draft from visitors: the page and its CSV answer 404', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    expect((await page.goto(`${site.base}${PATH}`))?.status()).toBe(404);
    expect((await fetch(`${site.base}/api/apd/cd93/2023.csv?labels=fr`)).status).toBe(404);
    expect(await (await page.goto(`${site.base}/organisations/cd93`))!.text()).not.toContain(PATH);
    await ctx.close();
  });

  const member = async (js = true) => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
    await ctx.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: site.base }]);
    return ctx;
  };

  it('axe-core finds no violation on ' + PATH, async () => {
    const ctx = await member();
    const page = await ctx.newPage();
    expect((await page.goto(`${site.base}${PATH}`))?.status()).toBe(200);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });

  it.each(langs.filter((l) => l !== 'fr'))('axe-core finds no violation on /%s' + PATH, async (lang) => {
    const ctx = await member();
    const page = await ctx.newPage();
    expect((await page.goto(`${site.base}/${lang}${PATH}`))?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });

  // The page loads no script, so it behaves the same without JavaScript; JavaScript stays on for axe-core.
  it('lets a member add a line, shows the error next to the field, then saves, with plain HTML forms', async () => {
    const ctx = await member();
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${site.base}${PATH}`);
    const rows = page.locator('main form tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await page.locator('script[src]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // each button posts the form and the server answers the page again at the same address: wait for that page
    // (without it a busy machine counted the rows of the page being left)
    const posted = (click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()]);
    await posted(() => page.getByRole('button', { name: 'Ajouter une ligne' }).click());
    expect(await rows.count()).toBe(3);
    await page.getByLabel('Catégorie, ligne 3').selectOption('scholarships');
    await page.getByLabel('Pays, ligne 3').selectOption('VN');
    await page.getByLabel('Montant, ligne 3').fill('beaucoup');
    await posted(() => page.getByRole('button', { name: 'Enregistrer', exact: true }).click());
    const amount = page.getByLabel('Montant, ligne 3');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#lines-2-amount-error').textContent()).toMatch(/Montant invalide/);
    expect(await page.locator('[role="alert"]').first().textContent()).toContain('corrigez les champs signalés');
    expect(await site.db.query('select 1 from apd_declaration')).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.locator('main').screenshot({ path: `${ARTIFACTS}/apd-form-errors.png` });

    await amount.fill('1 500');
    await page.getByLabel('Retirer, ligne 2').check();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(/\?done=saved$/);
    expect(await page.locator('[role="status"]').textContent()).toBe('Déclaration enregistrée.');
    expect(await rows.count()).toBe(2);
    const stored = await site.db.query(`select l.category, l.country, l.amount::text as amount, l.project_id, d.version from apd_line l join apd_declaration d on d.id = l.declaration_id order by l.position`);
    expect(stored).toEqual([
      { category: 'oudin_water', country: 'VN', amount: '45000.00', project_id: 'apd-e2e-eau', version: 1 },
      { category: 'scholarships', country: 'VN', amount: '1500.00', project_id: null, version: 1 },
    ]);
    expect(await axe(page)).toEqual([]);

    // submitting is set apart, and asks for « Je confirme … » (checked by the server: no script on this page)
    const submit = page.getByRole('button', { name: 'Soumettre la déclaration 2023' });
    expect(await page.locator('section.apd-submit').textContent()).toMatch(/Soumettre la déclaration[\s\S]*Total déclaré[\s\S]*46\s500\s€ \(2 lignes\)/);
    await page.locator('section.apd-submit').screenshot({ path: `${ARTIFACTS}/apd-submit-area.png` });
    await posted(() => submit.click());
    expect(await page.getByLabel(/Je confirme que la déclaration 2023/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[role="alert"]').first().textContent()).toContain('Cochez « Je confirme … »');
    expect(await site.db.query(`select status from apd_declaration`)).toEqual([{ status: 'draft' }]);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel(/Je confirme que la déclaration 2023/).check();
    await submit.click();
    await page.waitForURL(/\?done=submitted$/);
    expect(await page.locator('[role="status"]').textContent()).toBe('Déclaration enregistrée et transmise.');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('sauf si un administrateur de la plateforme la rouvre');
    expect(await site.db.query(`select status, version from apd_declaration`)).toEqual([{ status: 'submitted', version: 3 }]);
    await ctx.close();
  }, 120_000); // five axe-core runs

  it('once submitted, shows visitors the declaration read-only, with project links, totals, the CSV, and the link from the organisation', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/organisations/cd93`);
    await page.getByRole('link', { name: /^2023 \(soumise le / }).click();
    await page.waitForURL(`${site.base}${PATH}`);
    expect(await page.locator('h1').textContent()).toBe('Aide publique au développement 2023 — Département de la Seine-Saint-Denis');
    expect(await page.locator('main form').count()).toBe(0);
    const rows = page.locator('section[aria-labelledby="apd-lines-h"] tbody tr');
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(0).textContent())!.replace(/\s/g, ' ')).toMatch(/1 % eau et assainissement.*Vietnam.*45 000 €.*Eau potable à Hải Dương/);
    await page.getByRole('link', { name: 'Eau potable à Hải Dương (test APD)' }).click();
    await page.waitForURL(/\/projects\/apd-e2e-eau$/);
    await page.goBack();
    expect((await page.locator('section[aria-labelledby="apd-totals-h"] tfoot').first().textContent())!.replace(/\s/g, ' ')).toBe('Total46 500 €');
    const href = await page.getByRole('link', { name: 'Télécharger la déclaration en CSV' }).getAttribute('href');
    const csv = await (await fetch(`${site.base}${href}`)).text();
    expect(csv.split('\r\n')[0]).toBe('Identifiant de la collectivité,Collectivité,Année,Code de la catégorie,Catégorie,Code pays,Pays,Montant,Devise,Identifiant du projet');
    expect(csv).toContain(',oudin_water,1 % eau et assainissement (loi Oudin-Santini),VN,Vietnam,45000,EUR,apd-e2e-eau');
    await ctx.close();
  }, 60_000);
});
