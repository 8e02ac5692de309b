/**
 * News in a real browser: from /news to the Lianes article, on to one of its partnerships, whose sheet lists the
 * article, and back; the feeds every page advertises, fetched and parsed (RSS 2.0, Atom 1.0); axe-core clean and
 * nothing wider than 390 px on the list, the article and the sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looked, startSite, type Running } from './browser.js';
import { child, children, parseXml, textOf } from '../src/features/news/xml.testkit.js';

describe('news', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it('follows a news item to its partnership and back', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/news`);
    await looked(page, 'news-list');
    await page.getByRole('link', { name: /trois accords de coopération/ }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/news\/lianes-2024-12-trois-cooperations$/);
    expect(await page.getByRole('heading', { level: 2, name: 'Cette actualité concerne' }).isVisible()).toBe(true);
    await looked(page, 'news-article');
    await page.locator('.news-about').getByRole('link', { name: /Tanguiéta/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/partnerships\/villeneuve-d-ascq-tanguieta$/);
    const block = page.locator('section.news-block');
    expect(await block.getByRole('heading', { name: 'Actualités' }).isVisible()).toBe(true);
    await looked(page, 'news-partnership-sheet');
    await block.getByRole('link', { name: /trois accords de coopération/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/news\/lianes-2024-12-trois-cooperations$/);
    const feeds = await page.locator('head link[rel="alternate"][type^="application/"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
    expect(feeds).toEqual(expect.arrayContaining([`${site.base}/news/feed.rss`, `${site.base}/news/feed.atom`, `${site.base}/news/feed.rss?network=lianes`]));
    await ctx.close();
  }, 180_000); // three pages looked at twice by axe-core on a shared machine

  it("shows a network's page with its offices, funders, members and news, and a country group's vacant presidency", async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/groups`);
    await page.getByRole('link', { name: 'Lianes coopération' }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/groups\/lianes$/);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Amiens/);
    expect(text).toMatch(/Lille/);
    expect(await page.locator('section.news-block').getByRole('link', { name: /trois accords de coopération/ }).count()).toBe(1);
    await looked(page, 'group-lianes');
    await page.goto(`${site.base}/groups/cuf-gp-vietnam`);
    expect(await page.locator('main').innerText()).toMatch(/Présidence : à pourvoir/);
    expect(await page.locator('main').getByRole('link', { name: 'Seine-Saint-Denis – Hải Dương' }).count()).toBeGreaterThan(0);
    await looked(page, 'group-gp-vietnam');
    await ctx.close();
  }, 180_000);

  it('reads the RSS and Atom feeds', async () => {
    const rss = parseXml(await (await fetch(`${site.base}/news/feed.rss`)).text());
    const items = children(child(rss, 'channel')!, 'item');
    expect(items.map((it) => textOf(it, 'link'))).toContain(`${site.base}/news/lianes-2024-12-trois-cooperations`);
    const atom = parseXml(await (await fetch(`${site.base}/news/feed.atom?network=lianes`)).text());
    expect(textOf(atom, 'title')).toBe('Actualités de Lianes coopération · Tandem');
    expect(children(atom, 'entry').map((e) => child(e, 'link')!.attrs.href)).toEqual([`${site.base}/news/lianes-2024-12-trois-cooperations`]);
  });
});
