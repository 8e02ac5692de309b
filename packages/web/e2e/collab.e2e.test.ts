/** Issue 4's flow in Chromium: edit co-financing, the partner sees "awaiting", validates; the revision is shown (the organisation to the partner, the person to her colleagues) and restored. */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { signIn, startSite, type Running } from './browser.js';

describe('partner validation and history in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
    await makeAccount(site.db, 'hung@haiduong.example', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Hùng', lang: 'vi' });
  });
  afterAll(async () => { await site?.close(); });

  it('edit co-financing → partner awaiting → partner validates → revision restored', async () => {
    const lan = await signIn(site, 'lan@cd93.example');
    await lan.goto(`${site.base}/edit/projects/innotech-master`);
    await lan.locator('#f-funding-0-amount').fill('85000');
    await lan.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await lan.waitForURL(`${site.base}/projects/innotech-master?saved=updated`);
    const validation = lan.locator('section[aria-labelledby="validation-h"]');
    expect(await validation.textContent()).toMatch(/Département de la Seine-Saint-Denis : validé[\s\S]*Comité populaire[^:]*: en attente de validation/);

    const hung = await signIn(site, 'hung@haiduong.example', { lang: '/vi' });
    await hung.goto(`${site.base}/vi/projects/innotech-master`);
    const vnBlock = hung.locator('section[aria-labelledby="validation-h"]');
    expect(await vnBlock.textContent()).toContain('đang chờ xác nhận');
    // the partner from another organisation sees which organisation changed what, not who, in Vietnamese
    const vnHistory = (await hung.locator('section[aria-labelledby="history-changes-h"]').textContent())!;
    expect(vnHistory).toMatch(/Département de la Seine-Saint-Denis,[\s\S]*Đồng tài trợ, dòng 1: số tiền\s*80000\s*85000/);
    expect(vnHistory).not.toContain('Lan (');
    expect(await new AxeBuilder({ page: hung }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
    await hung.getByRole('button', { name: /Xác nhận thay mặt/ }).click();
    await hung.waitForURL(`${site.base}/vi/projects/innotech-master?saved=validated`);
    expect(await vnBlock.locator('strong', { hasText: 'đã xác nhận' }).count()).toBe(2);

    await lan.reload();
    const history = lan.locator('section[aria-labelledby="history-changes-h"]');
    // Lan, a member of the author's organisation, sees her name; the field reads as a label, not a path
    expect(await history.locator('summary').first().textContent()).toContain('Lan (Département de la Seine-Saint-Denis)');
    expect(await history.locator('table.diff').first().textContent()).toMatch(/Cofinancement, ligne 1 : montant\s*80000\s*85000/);
    await history.locator('details').nth(1).locator('summary').click();
    await history.getByRole('button', { name: 'Restaurer cette version' }).first().click();
    await lan.waitForURL(`${site.base}/projects/innotech-master?saved=restored`);
    const table = (await lan.locator('section[aria-labelledby="funding-h"] table').textContent())!.replace(/\s/g, ' ');
    expect(table).toMatch(/80 000 €[\s\S]*80 000 €/);
    expect(await history.locator('summary').first().textContent()).toContain('Restauration');
    expect(await validation.textContent()).toMatch(/Comité populaire[^:]*: en attente de validation/);
  });
});
