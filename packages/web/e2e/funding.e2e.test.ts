/**
 * Funding calls in Chromium: a member of a small commune (created here, twinned with Huế on drinking water) opens
 * "Appels pour mon organisation" from /espace and sees the calls that fit first, with their reasons as ✓/✗ lines;
 * the list with its filters and a call's page; axe-core clean, nothing wider than a phone (pictures in test-results/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { SYSTEM_CONTEXT } from '../../server/src/lib/actor.js';
import { callInput } from '../../server/src/features/funding/funding.input.js';
import { createCall } from '../../server/src/features/funding/funding.service.js';
import { sampleCall, smallCommune } from '../../server/src/features/funding/funding.testkit.js';
import { looked, signIn, startSite, type Running } from './browser.js';

describe('funding calls in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await smallCommune(site.db, 'commune-petit-essai');
    await createCall(site.db, SYSTEM_CONTEXT, callInput.parse(sampleCall({ id: 'e2e-eau-vietnam', opensOn: null, predepositOn: null, closesOn: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) })));
    await makeAccount(site.db, 'maire@petit-essai.example', [{ role: 'member', organisationId: 'commune-petit-essai' }], { name: 'Maire' });
  });
  afterAll(async () => { await site?.close(); });

  it('a small commune\'s member sees the calls that fit, with the reasons', async () => {
    const page = await signIn(site, 'maire@petit-essai.example', { width: 1280 });
    await page.goto(`${site.base}/espace`);
    await page.getByRole('link', { name: 'Appels pour mon organisation' }).first().click();
    await page.waitForURL(`${site.base}/espace/funding-calls`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Commune de Petit-Essai');
    const cards = page.locator('.fc-fit > li');
    const first = cards.first();
    expect(await first.locator('h3').textContent()).toContain('Fonds eau potable France–Vietnam');
    expect(await first.locator('.fc-verdict').textContent()).toBe('Vous pouvez répondre');
    const lines = await first.locator('.fc-reasons li').allTextContents();
    expect(lines.join('\n')).toMatch(/✓ .*Ouvert aux communes/);
    expect(lines.join('\n')).toMatch(/✓ .*Vos partenariats avec : Vi[eê]t ?[Nn]am/);
    expect(lines.join('\n')).toMatch(/✓ .*Vos thèmes : Eau et déchets/);
    expect(lines.join('\n')).toMatch(/✗ .*Exige au moins 3 collectivités/);
    await expect(first.getByRole('link', { name: 'trouvez des partenaires dans les réseaux' }).count()).resolves.toBe(1);
    const titles = await cards.locator('h3').allTextContents();
    expect(titles.findIndex((t) => t.includes('1 % eau'))).toBeLessThan(titles.findIndex((t) => t.includes('1 % énergie')));
    await looked(page, 'funding-mine');

    await page.goto(`${site.base}/funding-calls?theme=env.eau-dechets&country=VN`);
    expect(await page.locator('.fc-cards > li h3').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Fonds eau potable')]));
    expect(await page.getByRole('link', { name: 'Recevoir les nouveaux appels' }).getAttribute('href')).toBe('/funding-calls/alerts/new?theme=env.eau-dechets&country=VN');
    await looked(page, 'funding-list');
    await page.getByRole('link', { name: 'Fonds eau potable France–Vietnam (essai)' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fonds eau potable France–Vietnam (essai)');
    await looked(page, 'funding-call');
  }, 120_000);
});
