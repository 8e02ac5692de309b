/**
 * Event sheets and series chronologies in a real browser: axe-core clean in fr, en and vi, no sideways scroll at
 * 390 px, and the chronology reached from the partnership its first agreement belongs to, by links only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneClean, startSite, type Running } from './browser.js';

const PAGES = ['/events/assises-11', '/en/events/assises-12', '/vi/events/restitution-assises-12', '/series/assises-franco-vietnamiennes',
  '/en/series/ateliers-franco-vietnamiens', '/vi/series/assises-franco-vietnamiennes'];

describe('events pages', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it.each(PAGES)('axe-core finds no violation on %s, nor a page wider than 390 px', (path) => phoneClean(site, path));

  it('goes from the Île-de-France – Hanoï partnership to the Assises chronology, then to the 11th edition', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/partnerships/idf-hanoi`);
    await page.getByRole('link', { name: 'Assises de la coopération décentralisée franco-vietnamienne' }).click();
    expect(new URL(page.url()).pathname).toBe('/series/assises-franco-vietnamiennes');
    expect(await page.locator('.chronology li').first().textContent()).toContain('1989');
    await page.getByRole('link', { name: '11es Assises de la coopération décentralisée franco-vietnamienne' }).click();
    expect(await page.locator('dl.facts').textContent()).toContain('1er avril 2019 – 2 avril 2019');
    await ctx.close();
  });
});
