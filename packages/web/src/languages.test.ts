/**
 * Pages in three languages over the seeded records: French record text marked lang="fr" on English and Vietnamese
 * pages (and not on French ones), counts in their plural forms, Vietnamese dates in one form, "Việt Nam".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from './site.js';
import { fr } from './i18n/fr.js';
import { en } from './i18n/en.js';
import { i18n } from './i18n/index.js';
import { pluralText } from './client/plural.js';
import { between } from '../test/html.testkit.js';

describe('pages in French, English and Vietnamese', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });
  const page = async (path: string) => { const r = await app.request(path); expect(r.status, path).toBe(200); return r.text(); };

  it('marks French record text lang="fr" on English and Vietnamese sheets, not on French ones', async () => {
    for (const prefix of ['/en', '/vi']) {
      const html = await page(`${prefix}/partnerships/ssd-hai-duong`);
      expect(html).toMatch(/<h1 lang="fr">Seine-Saint-Denis – Hải Dương<\/h1>/);
      expect(html).toMatch(/<p class="summary" lang="fr">Coopération/);
      expect(html).toMatch(new RegExp(`<a href="${prefix}/projects/[^"]+" lang="fr">`));
    }
    const fr = await page('/partnerships/ssd-hai-duong');
    expect(fr).toContain('<h1>Seine-Saint-Denis – Hải Dương</h1>');
    expect(fr).toContain('<p class="summary">Coopération');
  });

  it('marks record text inside interface sentences: timeline entries, validating parties', async () => {
    const en = await page('/en/partnerships/ssd-hai-duong');
    expect(en).toMatch(/Project: <span lang="fr">[^<]+<\/span><\/a>/);
    expect(en).toMatch(/<section[^>]*validation[\s\S]*?<a href="\/en\/organisations\/[^"]+" lang="fr">/);
    const fr = await page('/partnerships/ssd-hai-duong');
    expect(fr).toMatch(/Projet : <span>[^<]+<\/span><\/a>/);
    expect(fr).not.toMatch(/Projet : <span lang=/);
    expect(await page('/vi/organisations/cd93')).toMatch(/<a href="\/vi\/partnerships\/ssd-hai-duong" lang="fr">/);
  });

  it('marks search results and the home\'s recent partnerships, and leaves a translated place name alone', async () => {
    expect(await page('/en/search?q=hai')).toMatch(/<a href="\/en\/partnerships\/ssd-hai-duong" lang="fr">/);
    expect(await page('/vi/')).toMatch(/class="card"><a href="\/vi\/partnerships\/ssd-hai-duong" lang="fr">/);
    expect(await page('/search?q=hai')).toMatch(/<a href="\/partnerships\/ssd-hai-duong">/);
    const vn = await page('/vi/territories/VN');
    expect(vn).toContain('<h1>Việt Nam</h1>');
    expect(vn).toContain('<title>Việt Nam · Tandem</title>');
  });

  it('marks a <title> that is record text, and the record text of the facts blocks (partnerships, places, acronyms)', async () => {
    expect(await page('/en/partnerships/ssd-hai-duong')).toContain('<title lang="fr">Seine-Saint-Denis – Hải Dương · Tandem</title>');
    expect(await page('/vi/projects/cergy-hue-echanges-culturels-2023')).toContain('<title lang="fr">Échanges culturels entre Cergy et Hué · Tandem</title>');
    expect(await page('/partnerships/ssd-hai-duong')).toContain('<title>Seine-Saint-Denis – Hải Dương · Tandem</title>');
    // a place's title is in the language of the name shown: English where it has one of its own, else its own ("Hue" only strips Huế)
    expect(await page('/en/territories/VN-C-hue')).toContain('<title lang="vi">Huế · Tandem</title>');
    expect(await page('/en/territories/VN')).toContain('<title>Vietnam · Tandem</title>');
    expect(await page('/en/territories/FR-C-95127')).toContain('<title lang="fr">Cergy · Tandem</title>');
    const project = await page('/en/projects/cergy-hue-echanges-culturels-2023');
    const facts = between(project, '<dl class="facts">', '</dl>');
    expect(facts).toContain('<a href="/en/partnerships/cergy-hue" lang="fr">');
    expect(facts).toContain('<a href="/en/territories/FR-C-95127" lang="fr">Cergy</a>');
    expect(facts).toContain('<a href="/en/territories/VN-C-hue" lang="vi">Huế</a>');
    const mission = between(await page('/vi/missions/hue-cergy-2023-02'), '<dl class="facts">', '</dl>');
    expect(mission).toContain('<a href="/vi/territories/FR-C-95127" lang="fr">Cergy</a>');
    expect(mission).toContain('<a href="/vi/partnerships/cergy-hue" lang="fr">');
    const org = between(await page('/en/organisations/cma-95'), '<dl class="facts">', '</dl>');
    expect(org).toContain('<span lang="fr">CMA 95</span>');
    expect(between(await page('/en/organisations/ville-hue'), '<dl class="facts">', '</dl>')).toContain('<a href="/en/territories/VN-C-hue" lang="vi">Huế</a>');
    expect(between(await page('/en/partnerships/ssd-hai-duong'), '<section class="sheet-summary"', '</dl>')).toMatch(/<a href="\/en\/organisations\/[^"]+" lang="fr">/);
    expect(await page('/en/embed/projects/cergy-hue-echanges-culturels-2023')).toMatch(/<title lang="fr">[^<]+<\/title>[\s\S]*<h1 class="embed-title" lang="fr">/);
    // French pages leave French text unmarked
    const frProject = between(await page('/projects/cergy-hue-echanges-culturels-2023'), '<dl class="facts">', '</dl>');
    expect(frProject).toContain('<a href="/partnerships/cergy-hue">');
    expect(frProject).toContain('<a href="/territories/VN-C-hue">Hué</a>');
  });

  it('writes « depuis le » before a day in French, and no article before a month or a year', async () => {
    expect(i18n('fr').period('2025-01-01')).toBe('depuis le 1er janvier 2025');
    expect(i18n('fr').period('2006-05')).toBe('depuis mai 2006');
    expect(i18n('fr').period('2006')).toBe('depuis 2006');
    expect(i18n('en').period('2025-01-01')).toBe('since January 1, 2025');
    expect(i18n('vi').period('2025-01-01')).toBe('từ ngày 1 tháng 1 năm 2025');
    const cards = await page('/search?q=hai+phong');
    expect(cards).toContain('depuis le 1er juillet 2025');
    expect(cards).not.toMatch(/depuis 1er/);
  });

  it('writes counts in their plural forms', async () => {
    const en = await page('/en/'), fr = await page('/');
    expect(en).toContain('1 partnership<');
    expect(en).toMatch(/<strong>\d+<\/strong> partnerships</);
    expect(en).not.toMatch(/\b1 partnerships/);
    expect(fr).toContain('1 partenariat<');
    expect(fr).not.toMatch(/\b1 partenariats/);
    expect(await page('/en/search?q=hai')).toMatch(/<h2 id="results-h">\d+ results<\/h2>/);
    expect(await page('/search?q=hai')).toMatch(/<h2 id="results-h">\d+ résultats<\/h2>/);
    expect(await page('/vi/search?q=hai')).toMatch(/<h2 id="results-h">\d+ kết quả<\/h2>/);
  });

  it('never writes a plural as "(s)": browser scripts get every form and pick by Intl.PluralRules', () => {
    const bracketed = [...Object.entries(fr), ...Object.entries(en)].filter(([, v]) => /\w\(s\)/.test(v)).map(([k]) => k);
    expect(bracketed).toEqual([]);
    const forms = i18n('fr').forms('admin.import.activities');
    expect(forms).toEqual({ one: '{n} activité', other: '{n} activités' });
    expect(pluralText(forms, 1, 'fr')).toBe('1 activité');
    expect(pluralText(forms, 0, 'fr')).toBe('0 activité');
    expect(pluralText(forms, 1200, 'fr')).toBe('1\u202f200 activités');
    expect(pluralText(i18n('en').forms('admin.import.activities'), 0, 'en')).toBe('0 activities');
    expect(Object.keys(i18n('vi').forms('edit.ref.count'))).toEqual(['other']);
    expect(pluralText(i18n('vi').forms('edit.ref.count'), 1, 'vi')).toMatch(/^1 gợi ý:/);
  });

  it('dates Vietnamese pages in one form: days "ngày D tháng M năm YYYY", months "tháng M năm YYYY"', async () => {
    const cergy = await page('/vi/partnerships/cergy-hue');
    expect(cergy).toContain('<time datetime="2023-11-16">ngày 16 tháng 11 năm 2023</time>');
    expect(await page('/vi/partnerships/ssd-hai-duong')).toContain('<time datetime="2006-05">tháng 5 năm 2006</time>');
    expect(cergy).not.toMatch(/\d+ tháng \d+, \d{4}/);
  });
});
