/**
 * Collaboration that reads well, in Chromium: a partner validates, the button turns into « validated by you on … »
 * with a withdraw button, the other side sees when (not who), the withdrawal puts it back to awaiting; the theme
 * counter of the edit form follows the ticks.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { ARTIFACTS, signIn, startSite, type Running } from './browser.js';

const axe = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
const widest = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('collaboration that reads well, in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'mai@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Mai Dupont' });
    await makeAccount(site.db, 'hung@haiduong.example', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Trần Văn Hùng', lang: 'vi' });
  });
  afterAll(async () => { await site?.close(); });

  it('validate → the button changes to « validated by you on … » → withdraw; the other side sees when, not who', async () => {
    const hung = await signIn(site, 'hung@haiduong.example', { lang: '/vi', width: 390, timeout: 10_000 });
    await hung.goto(`${site.base}/vi/partnerships/ssd-hai-duong`);
    const block = hung.locator('section[aria-labelledby="validation-h"]');
    await hung.getByRole('button', { name: /Xác nhận thay mặt Comité populaire/ }).click();
    await hung.waitForURL(`${site.base}/vi/partnerships/ssd-hai-duong?saved=validated`);
    expect(await block.locator('.validated-mine').textContent()).toMatch(/^Bạn đã xác nhận ngày \d{1,2} tháng \d{1,2}, \d{4}$|^Bạn đã xác nhận ngày .*\d{4}/);
    const withdraw = hung.getByRole('button', { name: 'Rút lại xác nhận của tôi' });
    expect(await withdraw.count()).toBe(1);
    expect(await hung.getByRole('button', { name: /Xác nhận thay mặt Comité populaire/ }).count()).toBe(0);
    expect(await axe(hung)).toEqual([]);
    expect(await widest(hung)).toBeLessThanOrEqual(390);
    await block.screenshot({ path: `${ARTIFACTS}/collab-validated-by-you.png` });

    const mai = await signIn(site, 'mai@cd93.example', { width: 390, timeout: 10_000 });
    await mai.goto(`${site.base}/partnerships/ssd-hai-duong`);
    const seen = (await mai.locator('section[aria-labelledby="validation-h"] li', { hasText: 'Comité populaire' }).textContent())!.replace(/\s+/g, ' ');
    expect(seen).toMatch(/: validé — le \d{1,2} \S+ \d{4}/);
    expect(seen).not.toContain('Hùng');

    await withdraw.click();
    await hung.waitForURL(`${site.base}/vi/partnerships/ssd-hai-duong?saved=withdrawn`);
    expect(await hung.getByRole('button', { name: /Xác nhận thay mặt Comité populaire/ }).count()).toBe(1);
    expect(await hung.getByRole('button', { name: 'Rút lại xác nhận của tôi' }).count()).toBe(0);
    await mai.reload();
    expect((await mai.locator('section[aria-labelledby="validation-h"] li', { hasText: 'Comité populaire' }).textContent())!).toContain('en attente de validation');
    const log = await site.db.query(`select action from audit_log where target_id = 'ssd-hai-duong' and action like 'validation_%' order by id`);
    expect(log.map((r) => r.action)).toEqual(['validation_given', 'validation_withdrawn']);
  });

  it('the theme counter follows the ticks, in the page’s plural', async () => {
    const mai = await signIn(site, 'mai@cd93.example', { width: 390, timeout: 10_000 });
    await mai.goto(`${site.base}/edit/projects/innotech-master`);
    const group = mai.locator('fieldset#f-themes');
    const summary = group.locator('summary');
    const boxes = group.locator('input[type="checkbox"]');
    const ticked = await group.locator('input[type="checkbox"]:checked').count();
    expect(await summary.textContent()).toBe(ticked === 1 ? '1 thème choisi' : `${ticked} thèmes choisis`); // rendered by the server
    await summary.click();
    for (let k = 0; k < await boxes.count(); k++) if (await boxes.nth(k).isChecked()) await boxes.nth(k).uncheck();
    expect(await summary.textContent()).toBe('0 thème choisi');
    await boxes.nth(0).check();
    expect(await summary.textContent()).toBe('1 thème choisi');
    await boxes.nth(3).check();
    await boxes.nth(5).check();
    expect(await summary.textContent()).toBe('3 thèmes choisis');
    await boxes.nth(3).uncheck();
    expect(await summary.textContent()).toBe('2 thèmes choisis');
    expect(await axe(mai)).toEqual([]);
  });
});
