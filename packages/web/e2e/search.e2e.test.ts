/**
 * The search page in Chromium: cards, facets per kind, results before the facets on a phone, the sort in the GET form
 * (without JavaScript) and in the instant results (with it), axe-clean on a desktop and on a 390 px phone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startSite, type Running } from './browser.js';

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

/** The top of an element, in page pixels. */
const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

describe('search page in Chromium', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  const PAGES = ['/search?q=Hue', '/search', '/en/search?q=Hai+Phong', '/vi/search?q=Hu%E1%BA%BF'];
  const SIZES: Array<[number, number]> = [[1280, 900], [390, 844]];

  it.each(SIZES.flatMap(([w, h]) => PAGES.map((path) => [w, h, path] as const)))('at %i×%i px, %s: axe clean, no sideways scroll, results placed', async (width, height, path) => {
    const ctx = await site.browser.newContext({ viewport: { width, height } });
    const page = await ctx.newPage();
    const res = await page.goto(site.base + path);
    expect(res?.status()).toBe(200);
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.locator('.result').count()).toBeGreaterThan(3);
    const resultsTop = await top(page, '.result'), facetsTop = await top(page, '#facets-h');
    if (width < 500) {
      // on a phone the results come first, the first one within the first screen; the facets follow them
      expect(resultsTop).toBeLessThan(facetsTop);
      expect(resultsTop).toBeLessThan(height);
    } else {
      expect(Math.abs(resultsTop - facetsTop)).toBeLessThan(150); // the facets beside the results
    }
    await ctx.close();
  }, 90_000);

  it.each(SIZES)('at %i px: cards say why they matched, Huế\'s records before Huelgoat and Huez, statuses per kind', async (width, height) => {
    const ctx = await site.browser.newContext({ viewport: { width, height } });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/search?q=Hue`);
    await page.screenshot({ path: `${ARTIFACTS}/search-hue-${width}.png`, fullPage: true });
    // a card: its kind, why it matched (a snippet with the word marked), places and period
    const card = page.locator('.result').filter({ has: page.getByRole('link', { name: 'Cergy – Huế' }) });
    await expect(card.locator('.badge').textContent()).resolves.toBe('Partenariat');
    expect(await card.locator('.result-snippet mark').count()).toBeGreaterThan(0);
    await expect(card.locator('.result-facts').textContent()).resolves.toMatch(/Lieux\s*Cergy, Hué[\s\S]*Période\s*depuis 2018/);
    const titles = await page.locator('.result-title').allTextContents();
    const first = (re: RegExp) => titles.findIndex((t) => re.test(t));
    expect(first(/^Cergy – Huế$/)).toBeGreaterThanOrEqual(0);
    expect(first(/Délégation de Huế/)).toBeGreaterThanOrEqual(0);
    for (const place of [/^Huelgoat$/, /^Huez$/]) if (first(place) >= 0) expect(first(/Délégation de Huế/)).toBeLessThan(first(place));
    // statuses apart per kind
    const headings = await page.locator('.facet h3').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Statut des partenariats', 'Statut des projets']));
    expect(headings).not.toContain('Statut');
    await ctx.close();
  }, 90_000);

  it('sorts by amount without JavaScript, through the GET form, and keeps the sort in the URL', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/search?q=Hai+Duong`);
    await page.getByLabel('Trier par').selectOption('amount');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/sort=amount/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('Hai Duong');
    const budgets = await page.locator('.result').evaluateAll((cards) => cards.map((c) => c.querySelector('.result-facts')?.textContent ?? ''));
    expect(budgets[0]).toMatch(/Budget\s*230\s000\s€/);
    expect(await page.getByLabel('Trier par').inputValue()).toBe('amount');
    // a facet link keeps the sort
    const kind = page.locator('.facet a', { hasText: 'Projet' }).first();
    expect(await kind.getAttribute('href')).toMatch(/sort=amount/);
    await ctx.close();
  });

  it('re-orders the instant results when the sort changes, with JavaScript', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/search?q=Hue`);
    const relevance = await page.locator('.result-title').allTextContents();
    await page.getByLabel('Trier par').selectOption('date');
    await page.waitForURL(/sort=date/);
    await expect.poll(async () => (await page.locator('.result-title').allTextContents()).join('|')).not.toBe(relevance.join('|'));
    expect(await page.locator('.result-facts').first().textContent()).toMatch(/2023|2024|2025/);
    await ctx.close();
  });
});
