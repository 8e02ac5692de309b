/**
 * No page wider than a phone: at 390 px, the document does not scroll sideways on the pages people land on (wide
 * tables scroll inside their own box, and what a table hides for screen readers stays inside it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startSite, type Running } from './browser.js';

const PAGES = ['/', '/territories/UA', '/territories/FR', '/vi/territories/VN', '/en/territories/SN', '/en/projects/innotech-master',
  '/partnerships/ssd-hai-duong', '/organisations/cd93', '/search?q=eau', '/statistics', '/apd/cd93/2023', '/embed/projects/innotech-master',
  '/open-data', '/en/open-data/api', '/vi/search', '/en/search?q=Hue&sort=amount'];

/** The atlas as a visitor meets it, kept as pictures in test-results/ (desktop and phone): home, a search, a partnership, a country. */
const SCREENS: Array<[string, string]> = [['home', '/'], ['search-hue', '/search?q=Hue'], ['partnership-ssd-hai-duong', '/partnerships/ssd-hai-duong'], ['country-vn', '/territories/VN']];

describe('pages on a phone (390 px)', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    // a visitor sees a submitted declaration only (drafts are the organisation's): the one this test reads at 390 px
    await site.db.query(`insert into apd_declaration (id, organisation_id, year, status, submitted_at) values ('phone-cd93-2023', 'cd93', 2023, 'submitted', now())`);
    await site.db.query(`insert into apd_line (declaration_id, category, country, amount) values ('phone-cd93-2023', 'awareness', 'VN', 12500)`);
  });
  afterAll(async () => { await site?.close(); });

  it('none scrolls sideways', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    const wide: string[] = [];
    for (const path of PAGES) {
      const res = await page.goto(site.base + path);
      expect(res?.status(), path).toBe(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width} px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });

  it('keeps pictures of the home, a search, a partnership sheet and a country sheet at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      for (const [name, path] of SCREENS) {
        const res = await page.goto(site.base + path);
        expect(res?.status(), path).toBe(200);
        expect(await page.locator('h1').count(), path).toBeGreaterThan(0);
        await page.screenshot({ path: `${ARTIFACTS}/atlas-${name}-${width}.png`, fullPage: true });
      }
      await page.close();
    }
  });
});
