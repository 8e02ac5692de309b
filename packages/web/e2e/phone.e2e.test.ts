/**
 * No page wider than a phone: at 390 px, the document does not scroll sideways on the pages people land on (wide
 * tables scroll inside their own box, and what a table hides for screen readers stays inside it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Running } from './browser.js';

const PAGES = ['/', '/territories/UA', '/territories/FR', '/vi/territories/VN', '/en/territories/SN', '/en/projects/innotech-master',
  '/partnerships/ssd-hai-duong', '/organisations/cd93', '/search?q=eau', '/statistics', '/apd/cd93/2023', '/embed/projects/innotech-master'];

describe('pages on a phone (390 px)', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
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
});
