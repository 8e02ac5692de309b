import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startSite, type Running } from './browser.js';

describe('public atlas in Chromium', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it('search "Hue" and reach the Cergy ↔ Huế sheet', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/`);
    await page.getByLabel(/Rechercher un partenariat/).fill('Hue');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/search\?q=Hue/);
    const link = page.getByRole('link', { name: /Cergy – Huế/ }).first();
    await expect(link.locator('mark').first().textContent()).resolves.toBe('Huế');
    await link.click();
    await page.waitForURL(/\/partnerships\/cergy-hue$/);
    expect(await page.locator('h1').textContent()).toBe('Cergy – Huế');
    await ctx.close();
  });

  it('Seine-Saint-Denis ↔ Hải Dương shows the May 2006 protocol, and Innotech its 230 000 € split 80 000 / 80 000', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/partnerships/ssd-hai-duong`);
    const agreements = page.locator('section[aria-labelledby="agreements-h"]');
    await expect(agreements.textContent()).resolves.toMatch(/Protocole de coopération[\s\S]*mai 2006/);
    await page.getByRole('link', { name: /Innotech/ }).first().click();
    await page.waitForURL(/\/projects\//);
    const funding = page.locator('section[aria-labelledby="funding-h"] table');
    const text = (await funding.textContent())!.replace(/\s/g, ' ');
    expect(text).toMatch(/80 000 €[\s\S]*80 000 €/);
    expect(text).toContain('230 000 €');
    expect(await page.locator('.figure-card').first().textContent()).toMatch(/15/);
    await ctx.close();
  });

  it('draws the map with partnership links (screenshot saved)', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/`);
    const links = page.locator('#world-map .map-link');
    expect(await links.count()).toBeGreaterThanOrEqual(8);
    const box = await links.first().boundingBox();
    expect(box!.width).toBeGreaterThan(20);
    expect(await page.locator('#world-map .map-area').count()).toBeGreaterThan(150);
    await page.locator('.atlas').screenshot({ path: `${ARTIFACTS}/atlas-map.png` });
    await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
    expect(await page.locator('#world-map').getAttribute('viewBox')).not.toBe('0 0 960 500');
    const vietnam = page.locator('#world-map a[href="/territories/VN"]');
    await vietnam.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/territories\/VN$/);
    expect(await page.locator('#territory-map a .map-area').count()).toBeGreaterThan(60);
    await ctx.close();
  });

  it('switching to Vietnamese changes the interface strings and <html lang>', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/partnerships/ssd-hai-duong`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL(/\/vi\/partnerships\/ssd-hai-duong$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).textContent()).toContain('Tìm kiếm');
    await expect(page.locator('section[aria-labelledby="agreements-h"] h2').textContent()).resolves.toBe('Thỏa thuận');
    expect(await page.locator('body').textContent()).toContain('tháng 5 năm 2006');
    await ctx.close();
  });

  it('pages are complete without JavaScript', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/search?q=Hai%20Phong&kind=partnership`);
    expect(await page.locator('.result a').allTextContents()).toContain('Seine-Saint-Denis – Hải Dương');
    await page.getByRole('link', { name: /Pays/ }).count();
    await ctx.close();
  });

  const AXE_PAGES = ['/', '/search?q=hai%20duong', '/statistics', '/partnerships/ssd-hai-duong', '/projects/innotech-master',
    '/territories/VN-P-30', '/territories/VN', '/organisations/cd93', '/missions/hue-cergy-2023-11', '/vi/', '/en/search?q=hue'];
  it.each(AXE_PAGES)('axe-core finds no violation on %s', async (path) => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    const res = await page.goto(`${site.base}${path}`);
    expect(res?.status()).toBe(200);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`)).toEqual([]);
    await ctx.close();
  });

  it('is usable by keyboard: skip link first, visible focus', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused.text).toBe('Aller au contenu');
    expect(focused.outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#content');
    await ctx.close();
  });
});
