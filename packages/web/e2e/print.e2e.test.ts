/**
 * A printed sheet: the page's address, the day and Tandem's name are on paper; the validation and history blocks
 * (screen tools for partners) are not. Chromium's print media, in the three languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startSite, type Running } from './browser.js';

describe('a sheet on paper', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  for (const [lang, prefix, word] of [['fr', '', 'produite le'], ['en', '/en', 'produced on'], ['vi', '/vi', 'được tạo']] as const) {
    it(`in ${lang}: the source line shows, validation and history do not`, async () => {
      const page = await site.browser.newPage();
      const url = `${site.base}${prefix}/partnerships/ssd-hai-duong`;
      expect((await page.goto(url))?.status()).toBe(200);
      const shown = (sel: string) => page.locator(sel).first().isVisible();
      // on screen: the blocks are there, the source line is not
      expect(await shown('#validation-h')).toBe(true);
      expect(await shown('#history-changes-h')).toBe(true);
      expect(await shown('.print-source')).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await shown('#validation-h')).toBe(false);
      expect(await shown('#history-changes-h')).toBe(false);
      expect(await shown('.print-source')).toBe(true);
      const source = await page.locator('.print-source').innerText();
      expect(source).toContain('Tandem');
      expect(source).toContain(url);
      expect(source).toContain(word);
      expect(source).toMatch(/20\d\d/);
      await page.pdf({ path: `${ARTIFACTS}/print-${lang}.pdf`, format: 'A4' });
      await page.close();
    });
  }
});
