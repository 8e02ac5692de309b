/**
 * A partnership's sheet presents its partner's country and region as seed 000 does (issue 11, item 3): each figure
 * with its year and true source, and a locator map of both territories — in fr, en and vi.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { createSite } from '../../site.js';
import { between, strippedText } from '../../../test/html.testkit.js';
import { i18n, type Lang } from '../../i18n/index.js';

const DOC = 'Seine-Saint-Denis – Hải Dương : fiche de la coopération décentralisée';
const langs: Array<[string, Lang]> = [['', 'fr'], ['/en', 'en'], ['/vi', 'vi']];

describe('partner profiles on a partnership sheet', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });
  const page = async (path: string) => { const res = await app.request(path); expect(res.status, path).toBe(200); return res.text(); };
  const text = strippedText;
  /** Each card: the territory, and its figures as label → "value | year | source". */
  const cards = (html: string) => Object.fromEntries([...between(html, 'id="profiles-h"', '</div></section>').matchAll(/<section class="profile-card"[^>]*data-territory="([^"]+)">(.*?)<\/section>/g)]
    .map(([, id, body]) => [id, {
      title: text(between(body, '<h3', '</h3>')),
      figures: Object.fromEntries([...body.matchAll(/<dt>([^<]*)<\/dt><dd class="profile-figure">([^<]*)<\/dd><dd class="profile-meta"><span class="visually-hidden">[^<]*<\/span>(\d{4}) · <span class="visually-hidden">[^<]*<\/span>(.*?)<\/dd>/g)]
        .map(([, label, value, year, source]) => [label, `${value} | ${year} | ${text(source)}`])),
    }]));

  it("presents Vietnam from UNDP and the World Bank, and Hải Dương from the partner's document, with years", async () => {
    for (const [prefix, l] of langs) {
      const t = i18n(l);
      const got = cards(await page(`${prefix}/partnerships/ssd-hai-duong`));
      expect(Object.keys(got), prefix).toEqual(['VN', 'VN-P-30']);
      expect(got.VN.title, prefix).toBe(l === 'vi' ? 'Việt Nam' : 'Vietnam');
      expect(got['VN-P-30'].title, prefix).toBe('Hải Dương');
      const wb = t.t('source.worldbank.population'), undp = t.t('source.undp.hdr');
      const vn = got.VN.figures;
      expect(Object.keys(vn), prefix).toEqual([t.t('indicator.population'), t.t('indicator.life_expectancy'), t.t('indicator.hdi')]);
      expect(vn[t.t('indicator.population')], prefix).toBe(`${t.num(100_987_686)} ${t.t('unit.people')} | 2024 | ${wb}`);
      expect(vn[t.t('indicator.life_expectancy')], prefix).toMatch(new RegExp(` \\| 2022 \\| ${undp.replace(/[()/]/g, '\\$&')}$`));
      expect(vn[t.t('indicator.hdi')], prefix).toBe(`${t.num(0.726, 3)} | 2022 | ${undp}`);
      const doc = t.t('source.document', { title: DOC });
      expect(got['VN-P-30'].figures, prefix).toEqual({
        [t.t('indicator.population')]: `${t.num(1_900_000)} ${t.t('unit.people')} | 2020 | ${doc}`,
        [t.t('indicator.area_km2')]: `${t.num(1648)} km² | 2020 | ${doc}`,
      });
    }
  });

  it("never shows the document's country figures as Vietnam's (they have no source of their own)", async () => {
    const html = between(await page('/partnerships/ssd-hai-duong'), 'data-territory="VN"', 'data-territory="VN-P-30"');
    expect(html).not.toContain('102 700 000');
    expect(html).not.toContain('Taux de chômage');
    expect(html).not.toContain('Taux d’alphabétisation');
    expect(html).not.toContain(DOC);
  });

  it('says which figures of the country the reference data does not hold, and takes none from elsewhere', async () => {
    const expected: Record<Lang, string> = {
      fr: 'Non disponibles dans les données de référence : superficie, taux de chômage et taux d’alphabétisation.',
      en: 'Not available in the reference data: area, unemployment rate, and literacy rate.',
      vi: 'Chưa có trong dữ liệu tham chiếu: diện tích, tỷ lệ thất nghiệp và tỷ lệ biết chữ.',
    };
    for (const [prefix, l] of langs) {
      const html = await page(`${prefix}/partnerships/ssd-hai-duong`);
      const vn = between(html, 'data-territory="VN"', 'data-territory="VN-P-30"');
      expect(text(between(vn, '<p class="muted profile-missing">', '</p>')), prefix).toBe(expected[l]);
      // the province's figures come from the partner's document: no such line on its card
      expect(html.split('profile-missing').length - 1, prefix).toBe(1);
    }
  });

  it('draws a locator map with Seine-Saint-Denis and Hải Dương highlighted, named in its title and caption', async () => {
    for (const [prefix, l] of langs) {
      const html = await page(`${prefix}/partnerships/ssd-hai-duong`);
      const map = between(html, '<figure class="locator-figure">', '</figure>');
      expect(map, prefix).toMatch(/<svg viewBox="0 0 \d+ \d+" class="locator locator-2" role="img" aria-labelledby="locator-title" id="locator">/);
      const hits = [...map.matchAll(/class="locator-area hit" data-id="([^"]+)"/g)].map((m) => m[1]);
      expect(hits, prefix).toEqual(['FR-D-93', 'VN-P-30']);
      expect(map.match(/class="locator-area"/g)!.length, prefix).toBeGreaterThan(90 + 60);
      expect((map.match(/<circle [^>]*class="locator-point"/g) ?? []).length, prefix).toBe(2);
      const [vietnam, france] = l === 'vi' ? ['Việt Nam', 'Pháp'] : ['Vietnam', 'France'];
      const title = between(map, '<title id="locator-title">', '</title>').replace('<title id="locator-title">', '');
      expect(title, prefix).toBe(i18n(l).t('locator.caption', { places: new Intl.ListFormat(l, { type: 'conjunction' }).format([`Seine-Saint-Denis (${france})`, `Hải Dương (${vietnam})`]) }));
      expect(text(between(map, '<figcaption>', '</figcaption>')), prefix).toBe(title);
      if (l !== 'vi') expect(map, prefix).toContain('<span lang="vi">Hải Dương</span>');
      expect(map, prefix).not.toContain('style=');
    }
  });

  it('shows each partner territory of a consortium once, after its country, in the map of that country', async () => {
    const got = cards(await page('/en/partnerships/avec-consortium'));
    expect(Object.keys(got)[0]).toBe('VN');
    expect(Object.keys(got).slice(1).sort()).toEqual(expect.arrayContaining(['VN-P-30']));
    const map = between(await page('/en/partnerships/avec-consortium'), '<figure class="locator-figure">', '</figure>');
    expect([...map.matchAll(/class="locator-area hit" data-id="(VN-[^"]+)"/g)].length).toBeGreaterThanOrEqual(Object.keys(got).length - 1);
  });

  it('names the parties’ territories as their sheets do', async () => {
    const parties = between(await page('/en/partnerships/ssd-hai-duong'), 'id="parties-h"', '</ul>');
    expect(parties).toContain('<a href="/en/territories/VN-P-30" lang="vi">Hải Dương</a>');
  });
});
