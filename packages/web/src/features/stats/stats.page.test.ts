/**
 * The statistics page in French, English and Vietnamese, after importing a real IATI file (Finland's six activities)
 * over the seed: key totals in money, sums by country, theme, funder and year with the undated as their own row, a
 * budget never added to its lines, and the CSV of each block one line per group and currency.
 */
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/src/csv.testkit.js';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { importIati } from '../../../../server/src/features/iati/import/service.js';
import { sample } from '../../../../server/src/features/iati/iati.testkit.js';
import { keyTotals } from '../../../../server/src/features/stats/stats.service.js';
import { createSite } from '../../site.js';
import { i18n, type Lang } from '../../i18n/index.js';
import { tableAfter, visibleText } from '../../../test/html.testkit.js';

const FINLAND = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');

describe('statistics page: totals and sums, in three languages', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => {
    db = await testDb();
    await importIati(db, createReadStream(FINLAND), { file: FINLAND });
    app = createSite({ db });
  });
  afterAll(async () => { await db.close(); });

  const page = async (lang: Lang) => {
    const res = await app.request(`${lang === 'fr' ? '' : `/${lang}`}/statistics`);
    expect(res.status).toBe(200);
    return res.text();
  };

  for (const lang of ['fr', 'en', 'vi'] as const) {
    const i = i18n(lang);
    /** an amount as the page's text reads it (spaces folded) */
    const money = (a: string, c: string) => visibleText(i.money(a, c));
    it(`key totals and sums by country, theme, funder and year, the undated as their own row (${lang})`, async () => {
      const html = await page(lang);
      const totals = await keyTotals(db);
      const key = visibleText(html.slice(html.indexOf('id="key-h"'), html.indexOf('</section>', html.indexOf('id="key-h"'))));
      expect(key).toContain(`${i.num(totals.partnerships)} ${i.t('sheet.partnerships')}`);
      expect(key).toContain(`${i.num(totals.projects)} ${i.t('sheet.projects')}`);
      for (const m of ['budget', 'budgeted', 'committed', 'disbursed'] as const) {
        const eur = totals.money[m].find((x) => x.currency === 'EUR')!;
        expect(key, m).toContain(`${money(eur.amount, 'EUR')} ${i.t(`stats.m.${m}`)}`);
      }

      // Bénin: Villeneuve-d'Ascq's partner, and one Finnish activity of 226 650 € (budget lines and the commitment of the
      // same money: three columns, never one sum of 679 950 or 453 300)
      const country = tableAfter(html, 'id="by-country-h"');
      const header = country[0];
      expect(header).toEqual([i.t('facet.country'), i.t('sheet.partnerships'), i.t('sheet.projects'),
        i.t('stats.m.budget'), i.t('stats.m.budgeted'), i.t('stats.m.committed'), i.t('stats.m.disbursed')]);
      const benin = country.find((r) => r[0] === 'Bénin')!;
      const m = money('226650', 'EUR');
      expect(benin.slice(1)).toEqual(['1', i.num(5), m, m, m, '—']);
      expect(visibleText(html)).not.toContain(money('453300', 'EUR'));
      expect(visibleText(html)).not.toContain(money('679950', 'EUR'));
      // the activities without a recipient country are counted, as their own last row
      expect(country.at(-1)![0]).toBe(i.t('stats.none.country'));

      const theme = tableAfter(html, 'id="by-theme-h"');
      expect(theme.find((r) => r[0] === i.t('stats.none.theme'))).toBeDefined();
      expect(theme.some((r) => r.slice(3).includes(money('2957800', 'EUR')))).toBe(true);

      const funder = tableAfter(html, 'id="by-funder-h"');
      expect(funder[0]).toEqual([i.t('sheet.funder'), i.t('sheet.projects'), i.t('stats.m.budgeted'), i.t('stats.m.committed'), i.t('stats.m.disbursed')]);
      expect(funder.find((r) => r[0] === 'Département de la Seine-Saint-Denis')).toEqual(['Département de la Seine-Saint-Denis', '1', '—', money('80000', 'EUR'), '—']);
      expect(funder.at(-1)).toEqual([i.t('stats.none.funder'), '6', money('7161014', 'EUR'), '—', '—']);
      expect(html).toMatch(/<th scope="row"( lang="fr")?>Département de la Seine-Saint-Denis<\/th>/);
      if (lang !== 'fr') expect(html).toContain('<th scope="row" lang="fr">Département de la Seine-Saint-Denis</th>');

      const year = tableAfter(html, 'id="by-year-h"');
      const years = year.slice(1).map((r) => r[0]);
      expect(years.slice(0, -1)).toEqual([...years.slice(0, -1)].sort());
      // undated: Innotech's two commitments (80 000 € each, no year) and the seed's undated partnerships and projects
      expect(year.at(-1)).toEqual([i.t('stats.undated'), expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), money('230000', 'EUR'), '—', money('160000', 'EUR'), '—']);
      expect(year.find((r) => r[0] === '2020')!.slice(3)).toEqual([money('3748214', 'EUR'), money('3744364', 'EUR'), money('7593214', 'EUR'), money('3520633.05', 'EUR')]);
    });
  }

  it('the undated row reads "sans date", "undated", "không rõ năm"', async () => {
    for (const [lang, word] of [['fr', 'sans date'], ['en', 'undated'], ['vi', 'không rõ năm']] as const) {
      expect(tableAfter(await page(lang), 'id="by-year-h"').at(-1)![0]).toBe(word);
    }
  });

  it('embeds a chart by its name, its former name (funding), and nothing else — not even an object\'s own keys', async () => {
    expect((await app.request('/embed/statistics/by-year')).status).toBe(200);
    expect((await app.request('/embed/statistics/funding')).status).toBe(200);
    for (const name of ['__proto__', 'constructor', 'toString', 'nope']) expect((await app.request(`/en/embed/statistics/${name}`)).status, name).toBe(404);
  });

  it('CSV: one line per group and currency, exact amounts, the undated with an empty key', async () => {
    const rows = parseCsv(await (await app.request('/en/statistics/by-year.csv')).text());
    expect(rows[0]).toEqual(['key', 'label', 'partnerships', 'projects', 'currency', 'budget', 'budgeted', 'committed', 'disbursed']);
    expect(rows.find((r) => r[0] === '2020')).toEqual(['2020', '2020', '0', '4', 'EUR', '3748214', '3744364', '7593214', '3520633.05']);
    expect(rows.at(-1)).toEqual(['', 'undated', expect.any(String), expect.any(String), 'EUR', '230000', '', '160000', '']);
  });
});
