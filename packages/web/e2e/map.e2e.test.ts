/**
 * The atlas map in Chromium as people use it: the wheel scrolls the page until the map has focus, then zooms;
 * a drag pans; two fingers pinch; a click on a country under a partnership line opens the country; the buttons
 * sit over the map's corner on a phone; axe-clean, no CSP violation (only the viewBox attribute changes).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startSite, type Running } from './browser.js';

declare global { interface Window { __csp: string[] } }

async function open(ctx: BrowserContext, url: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await ctx.newPage();
  const seen: string[] = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text()); });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => { window.__csp.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`); });
  });
  await page.goto(url);
  return { page, violations: async () => [...seen, ...(await page.evaluate(() => window.__csp))] };
}

const viewBox = async (page: Page) => (await page.locator('#world-map').getAttribute('viewBox'))!.split(' ').map(Number);

/** A point of the map (client coordinates) over the ocean: left edge, on the equator (the Pacific). */
async function ocean(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('#world-map')!.getBoundingClientRect();
    const p = { x: r.left + r.width * 0.04, y: r.top + r.height * 0.5 };
    if (!document.elementFromPoint(p.x, p.y)?.classList.contains('map-sphere')) throw new Error('not the ocean');
    return p;
  });
}

describe('the atlas map in Chromium', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it('the wheel scrolls the page until the map has focus; then it zooms, a drag pans, the keys and buttons work', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, violations } = await open(ctx, `${site.base}/`);
    const map = page.locator('#world-map');
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 60);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => scrollY > 0);
    expect(await viewBox(page)).toEqual([0, 0, 960, 500]);

    const sea = await ocean(page);
    await page.mouse.click(sea.x, sea.y);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('world-map');
    const scrolled = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => document.querySelector('#world-map')!.getAttribute('viewBox') !== '0 0 960 500');
    const zoomed = await viewBox(page);
    expect(zoomed[2]).toBeLessThan(960);
    expect(zoomed[2] / zoomed[3]).toBeCloseTo(960 / 500, 3);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);

    // a drag that starts on the map pans it, and does not open what was under the pointer
    const at = (await map.boundingBox())!;
    const url = page.url();
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 - 120, at.y + at.height / 2 - 40, { steps: 6 });
    await page.mouse.up();
    const panned = await viewBox(page);
    expect(panned[0]).toBeGreaterThan(zoomed[0]);
    expect(panned[2]).toBe(zoomed[2]);
    expect(page.url()).toBe(url);

    await page.keyboard.press('ArrowLeft');
    expect((await viewBox(page))[0]).toBeLessThan(panned[0]);
    await page.keyboard.press('-');
    expect((await viewBox(page))[2]).toBeGreaterThan(panned[2]);
    await page.getByRole('button', { name: 'Revenir à la carte entière' }).click();
    expect(await viewBox(page)).toEqual([0, 0, 960, 500]);
    await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
    expect((await viewBox(page))[2]).toBeCloseTo(576, 0);

    // focus elsewhere: the wheel over the map scrolls the page again
    await page.locator('h1').click();
    const still = await viewBox(page), before = await page.evaluate(() => scrollY);
    await page.mouse.move(at.x + at.width / 2, at.y + 40);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction((y) => scrollY !== y, before);
    expect(await viewBox(page)).toEqual(still);
    expect(await violations()).toEqual([]);
    await ctx.close();
  });

  it('a click on a country under a partnership line opens the country', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await open(ctx, `${site.base}/`);
    await page.locator('#world-map').scrollIntoViewIfNeeded();
    // a point drawn by a line (on its stroke) whose topmost element is a linked country other than France
    const hit = await page.evaluate(() => {
      for (const line of document.querySelectorAll<SVGPathElement>('#world-map .map-link')) {
        const len = line.getTotalLength(), m = line.getScreenCTM()!;
        for (let k = 1; k < 100; k++) {
          const p = line.getPointAtLength((len * k) / 100);
          if (!line.isPointInStroke(p)) continue;
          const s = new DOMPoint(p.x, p.y).matrixTransform(m);
          const under = document.elementFromPoint(s.x, s.y);
          const href = under?.classList.contains('map-area') ? under.closest('a')?.getAttribute('href') : null;
          if (href && href !== '/territories/FR') return { x: s.x, y: s.y, href, line: line.closest('a')!.getAttribute('href') };
        }
      }
      return null;
    });
    expect(hit).not.toBeNull();
    expect(hit!.line).toMatch(/^\/partnerships\//);
    await page.mouse.click(hit!.x, hit!.y);
    await page.waitForURL((u) => u.pathname === hit!.href);
    expect(await page.locator('h1').count()).toBe(1);
    await ctx.close();
  });

  it('on a phone: buttons inside the map, a tap gives it focus, two fingers pinch to zoom and one pans; axe-clean', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page, violations } = await open(ctx, `${site.base}/en/`);
    const frame = (await page.locator('.atlas .map-frame').boundingBox())!;
    for (const name of ['Zoom in', 'Zoom out', 'Back to the whole map']) {
      const b = (await page.getByRole('button', { name }).boundingBox())!;
      expect(b.width).toBeGreaterThanOrEqual(24);
      expect(b.x).toBeGreaterThanOrEqual(frame.x);
      expect(b.y).toBeGreaterThanOrEqual(frame.y);
      expect(b.x + b.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(b.y + b.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.atlas').screenshot({ path: `${ARTIFACTS}/map-phone.png` });

    const cdp = await ctx.newCDPSession(page);
    const touch = (type: string, points: Array<[number, number]>) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    // before the map has focus a finger over it scrolls the page, the map stays
    await page.locator('#world-map').scrollIntoViewIfNeeded();
    const top = (await page.locator('#world-map').boundingBox())!, y0 = await page.evaluate(() => scrollY);
    await touch('touchStart', [[top.x + top.width / 2, top.y + top.height - 10]]);
    for (let k = 1; k <= 8; k++) await touch('touchMove', [[top.x + top.width / 2, top.y + top.height - 10 - 12 * k]]);
    await touch('touchEnd', []);
    await page.waitForFunction((y) => scrollY > y, y0);
    expect(await viewBox(page)).toEqual([0, 0, 960, 500]);

    await page.locator('#world-map').scrollIntoViewIfNeeded();
    const sea = await ocean(page);
    await page.touchscreen.tap(sea.x, sea.y);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('world-map');
    const scrolled = await page.evaluate(() => scrollY);
    const map = (await page.locator('#world-map').boundingBox())!;
    const cx = map.x + map.width / 2, cy = map.y + map.height / 2;
    await touch('touchStart', [[cx - 20, cy], [cx + 20, cy]]);
    for (let k = 1; k <= 6; k++) await touch('touchMove', [[cx - 20 - 10 * k, cy], [cx + 20 + 10 * k, cy]]);
    await touch('touchEnd', []);
    const pinched = await viewBox(page);
    expect(pinched[2]).toBeLessThan(960 * 0.6);
    await touch('touchStart', [[cx, cy]]);
    for (let k = 1; k <= 6; k++) await touch('touchMove', [[cx + 10 * k, cy + 3 * k]]);
    await touch('touchEnd', []);
    const panned = await viewBox(page);
    expect(panned[0]).toBeLessThan(pinched[0]);
    expect(panned[2]).toBe(pinched[2]);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    expect(await violations()).toEqual([]);
    await ctx.close();
  });

  it('without JavaScript: a plain map of links with its legend, no dead buttons', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/vi/`);
    expect(await page.locator('#world-map a[href="/vi/territories/VN"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Phóng to' }).count()).toBe(0);
    expect(await page.locator('.atlas .map-legend').isVisible()).toBe(true);
    expect(await page.locator('.atlas .map-legend').textContent()).toContain('Số quan hệ đối tác theo quốc gia');
    await ctx.close();
  });
});
