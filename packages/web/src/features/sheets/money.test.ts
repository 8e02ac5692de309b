/**
 * Money in view: the partnership sheet sums its projects' budgets and co-financing under its header, with what no line
 * attributes; the project sheet shows that remainder in its co-financing table. Seed: Innotech, 230 000 € of budget,
 * 80 000 € from the Département, 80 000 € from the ministry, 70 000 € not attributed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { createSite } from '../../site.js';
import { i18n } from '../../i18n/index.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|[\s\u00a0\u202f]+/g, ' ').replace(/ +/g, ' ').trim();
/** The rows of the first table inside `html` after `marker`, as cell texts. */
function rows(html: string, marker: string) {
  const from = html.indexOf(marker);
  expect(from, marker).toBeGreaterThan(-1);
  const table = html.slice(from).match(/<table[\s\S]*?<\/table>/)![0];
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])));
}

const money = { fr: ['230 000 €', '80 000 €', '70 000 €', '160 000 €'], en: ['€230,000', '€80,000', '€70,000', '€160,000'], vi: ['230.000 €', '80.000 €', '70.000 €', '160.000 €'] } as const;
const share = { fr: ['35 %', '30 %', '100 %'], en: ['35%', '30%', '100%'], vi: ['35%', '30%', '100%'] } as const;

describe('money in view', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });

  for (const lang of ['fr', 'en', 'vi'] as const) {
    const t = (k: string) => i18n(lang).t(k as Parameters<ReturnType<typeof i18n>['t']>[0]);
    const prefix = lang === 'fr' ? '' : `/${lang}`;
    const [budget, line, rest] = money[lang];

    it(`the partnership sheet sums its projects' money under its header (${lang})`, async () => {
      const res = await app.request(`${prefix}/partnerships/ssd-hai-duong`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const summary = html.slice(html.indexOf('class="sheet-summary"'), html.indexOf('</section>', html.indexOf('class="sheet-summary"')));
      expect(html.indexOf('class="sheet-summary"')).toBeGreaterThan(html.indexOf('</header>', html.indexOf('sheet-header')));
      expect(text(summary)).toContain(`${t('sheet.budget.projects')} ${budget}`);
      expect(text(summary)).toContain(t('sheet.parties'));
      expect(text(summary)).toContain('Département de la Seine-Saint-Denis');
      expect(rows(summary, '<table').slice(1)).toEqual([
        [expect.stringContaining('Seine-Saint-Denis'), line, share[lang][0]],
        [expect.stringMatching(/ministère/i), line, share[lang][0]],
        [t('sheet.unattributed'), rest, share[lang][1]],
        [t('sheet.money.total'), budget, share[lang][2]],
      ]);
    });

    it(`the project sheet shows what no line attributes, as a share of the budget (${lang})`, async () => {
      const html = await (await app.request(`${prefix}/projects/innotech-master`)).text();
      const r = rows(html, 'id="funding-h"');
      expect(r.find((x) => x[0] === t('sheet.unattributed'))).toEqual([t('sheet.unattributed'), '', rest, share[lang][1]]);
      expect(r.filter((x) => x[2] === line).map((x) => x[3])).toEqual([share[lang][0], share[lang][0]]);
    });

    it(`the organisation sheet shows what it funds and what the projects it leads receive (${lang})`, async () => {
      const funder = await (await app.request(`${prefix}/organisations/meae`)).text();
      expect(rows(funder, 'id="funded-h"').find((x) => x[0].includes('Innotech'))).toEqual([expect.stringContaining('Innotech'), line]);
      const lead = await (await app.request(`${prefix}/organisations/innotech`)).text();
      expect(rows(lead, 'id="received-h"')).toEqual([
        [t('sheet.projects'), t('sheet.amount')], [expect.stringContaining('Innotech'), money[lang][3]], [t('sheet.money.total'), money[lang][3]]]);
    });
  }
});
