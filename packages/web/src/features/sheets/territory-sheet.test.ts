/**
 * Territory sheets whatever the number of subdivisions: a territory with exactly one (Senegal's Thiès region here)
 * was a 500 — hono/jsx hands a one-element `children` prop over as the element itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { createSite } from '../../site.js';
import { between, strippedText } from '../../../test/html.testkit.js';
import { i18n, type Lang } from '../../i18n/index.js';

describe('territory sheets', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });

  it('list one subdivision as they list several', async () => {
    const [{ n }] = await db.query<{ n: number }>("select count(*)::int as n from territory where parent_id = 'SN'");
    expect(n).toBe(1);
    for (const path of ['/territories/SN', '/en/territories/SN', '/vi/territories/VN']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('id="subdivisions-h"');
    }
  });
});

/** Territory profiles as a reader expects them, in fr, en and vi (issue 11, item 3). */
describe('territory profiles', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });
  const page = async (path: string) => { const res = await app.request(path); expect(res.status, path).toBe(200); return res.text(); };
  const text = strippedText;
  /** The presentation's figures: label, value, year and source as shown (the source's words in the page's language). */
  const rows = (html: string) => [...between(html, 'id="presentation-h"', '</dl>').matchAll(
    /<div class="profile-row"><dt>([^<]*)<\/dt><dd class="profile-figure">([^<]*)<\/dd><dd class="profile-meta"><span class="visually-hidden">[^<]*<\/span>(\d{4}) · <span class="visually-hidden">[^<]*<\/span>(.*?)<\/dd>/g)]
    .map(([, name, value, year, source]) => ({ name, value, year, source: text(source) }));
  const langs: Array<[string, Lang]> = [['', 'fr'], ['/en', 'en'], ['/vi', 'vi']];

  it("sources a country's indicators to UNDP or the World Bank and a province's to the partner's document, each with its year", async () => {
    for (const [lang, l] of langs) {
      const t = i18n(l);
      const country = rows(await page(`${lang}/territories/VN`));
      expect(country.length, lang).toBeGreaterThanOrEqual(4);
      for (const r of country) expect([t.t('source.undp.hdr'), t.t('source.worldbank.population')], `${lang} ${r.name}`).toContain(r.source);
      const province = rows(await page(`${lang}/territories/VN-P-30`));
      const doc = t.t('source.document', { title: 'Seine-Saint-Denis – Hải Dương : fiche de la coopération décentralisée' });
      expect(province.map((r) => `${r.year} ${r.source}`), lang).toEqual(Array(2).fill(`2020 ${doc}`));
    }
  });

  it('names the sources in the page language, and a document by its title marked as French', async () => {
    const expected: Record<Lang, string[]> = {
      fr: ['Banque mondiale, Indicateurs du développement dans le monde (SP.POP.TOTL)', 'PNUD, Rapport sur le développement humain 2023/2024'],
      en: ['World Bank, World Development Indicators (SP.POP.TOTL)', 'UNDP, Human Development Report 2023/2024'],
      vi: ['Ngân hàng Thế giới, Các chỉ số phát triển thế giới (SP.POP.TOTL)', 'UNDP, Báo cáo Phát triển Con người 2023/2024'],
    };
    for (const [lang, l] of langs) {
      const html = await page(`${lang}/territories/VN`);
      expect([...new Set(rows(html).map((r) => r.source))].sort(), lang).toEqual([...expected[l]].sort());
      expect(html, lang).not.toContain('UNDP Human Development Report 2023/24');
      expect(html, lang).not.toContain('World Bank WDI');
      const communes = rows(await page(`${lang}/territories/FR-C-93048`));
      expect(communes.map((r) => r.source), lang).toEqual([i18n(l).t('source.insee.population')]);
    }
    expect(between(await page('/en/territories/VN-P-30'), 'id="presentation-h"', '</dl>')).toContain('document “<cite lang="fr">Seine-Saint-Denis – Hải Dương');
  });

  it('charts a series of several years, with every figure in a table, and not a single figure', async () => {
    const html = await page('/territories/VN');
    const population = between(html, '<dt>Population</dt>', '</div>');
    expect(population).toMatch(/<svg class="sparkline" viewBox="[^"]+" role="img" aria-label="Population : 1960 [^"]+ → 2024 [^"]+">/);
    expect(population).not.toContain('style=');
    const years = [...between(population, '<table', '</table>').matchAll(/<tr><th scope="row">(\d{4})<\/th><td class="num">([^<]+)<\/td><\/tr>/g)].map((m) => Number(m[1]));
    expect(years.length).toBe(2024 - 1960 + 1);
    expect(years[0]).toBe(2024);
    expect(population).toContain('<summary><span class="visually-hidden">Population — </span>65 valeurs, 1960–2024</summary>');
    expect(between(await page('/territories/VN-P-30'), 'id="presentation-h"', '</section>')).not.toContain('<svg');
  });

  it("names the territories of the administrative history as their own sheets' titles do", async () => {
    const h1 = (html: string) => /<h1( lang="(\w+)")?>([^<]*)</.exec(html)!;
    for (const [lang] of langs) {
      for (const id of ['VN-2025-31', 'VN-P-46', 'VN-C-hai-duong']) {
        const links = [...between(await page(`${lang}/territories/${id}`), 'id="history-h"', '</ul>').matchAll(/<a href="([^"]+)"( lang="(\w+)")?>([^<]*)<\/a>/g)];
        expect(links.length, `${lang} ${id}`).toBeGreaterThan(0);
        for (const [, href, , linkLang, name] of links) {
          const [, , titleLang, title] = h1(await page(href));
          expect({ name, lang: linkLang }, `${lang} ${id} → ${href}`).toEqual({ name: title, lang: titleLang });
        }
      }
    }
    expect(text(between(await page('/en/territories/VN-2025-31'), 'id="history-h"', '</ul>'))).toContain('Hai Duong City');
  });

  it('titles a Vietnamese province with its diacritics in every language', async () => {
    // marked as Vietnamese where the page speaks another language
    for (const [lang, attr] of [['', ' lang="vi"'], ['/en', ' lang="vi"'], ['/vi', '']]) expect(between(await page(`${lang}/territories/VN-P-30`), '<h1', '</h1>'), lang).toBe(`<h1${attr}>Hải Dương`);
  });

  it("shows another name only when it is the territory's own language's", async () => {
    const lead = async (path: string) => between(await page(path), '<p class="lead">', '</p>');
    expect(await lead('/territories/FR')).not.toContain('Pháp');
    expect(await lead('/en/territories/FR')).not.toContain('Pháp');
    expect(await lead('/vi/territories/FR')).toContain('<span lang="fr">France</span>');
    expect(await lead('/territories/VN')).toContain('<span lang="vi">Việt Nam</span>');
    expect(await lead('/vi/territories/VN')).not.toContain('lang="vi"');
    expect(text(await lead('/vi/territories/VN-P-30'))).toContain('Thuộc Việt Nam');
  });

  it('labels codes and units in the page language', async () => {
    const expected: Record<string, [Lang, string, string]> = { '': ['fr', 'Code ISO 3166-1 alpha-2', '$ PPA 2017'], '/en': ['en', 'ISO 3166-1 alpha-2 code', 'PPP 2017 $'], '/vi': ['vi', 'Mã ISO 3166-1 alpha-2', 'USD PPP 2017'] };
    for (const [lang, [l, code, unit]] of Object.entries(expected)) {
      const html = await page(`${lang}/territories/VN`);
      expect(html, lang).not.toMatch(/ISO3166_1_A2/i);
      expect(html, lang).toContain(`<dt>${code}</dt><dd>VN</dd>`);
      const gni = rows(html).find((r) => r.name === i18n(l).t('indicator.gni_per_capita'));
      expect(gni?.value, lang).toContain(unit);
    }
    expect(await page('/territories/VN')).not.toContain('PPP 2017 $');
  });

  it("writes the reform's date as French writes it", async () => {
    const html = await page('/territories/VN-P-30');
    expect(text(between(html, 'id="history-h"', '</section>'))).toContain('1er juillet 2025');
    expect(html).not.toMatch(/\b1 juillet/);
  });

  it('sorts subdivisions by the name shown, in the language’s collation, former units last', async () => {
    for (const lang of ['fr', 'en', 'vi']) {
      const html = await page(`${lang === 'fr' ? '' : `/${lang}`}/territories/VN`);
      const items = [...between(html, 'id="subdivisions-h"', '</ul>').matchAll(/<li><a [^>]*>([^<]*)<\/a>(<span class="muted">)?/g)].map(([, name, old]) => ({ name, old: !!old }));
      expect(items.length, lang).toBeGreaterThan(60);
      const current = items.filter((x) => !x.old).map((x) => x.name);
      const former = items.filter((x) => x.old).map((x) => x.name);
      expect(items.map((x) => x.name), lang).toEqual([...current, ...former]);
      const collator = new Intl.Collator(lang);
      expect(current, lang).toEqual([...current].sort(collator.compare));
      expect(former, lang).toEqual([...former].sort(collator.compare));
    }
  });
});
