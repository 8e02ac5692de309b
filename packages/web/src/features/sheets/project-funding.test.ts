/**
 * An imported IATI project keeps its budget, commitments and disbursements apart. Finland's activity
 * "FI-3-2020- 2020000056" has two budget lines (128 189 € + 98 461 €) and one commitment of the same 226 650 €: its
 * sheet once showed 453 300 € of lines against a 226 650 € budget, and shares adding up to 200 %.
 */
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { importIati } from '../../../../server/src/features/iati/import/service.js';
import { sample } from '../../../../server/src/features/iati/iati.testkit.js';
import { createSite } from '../../site.js';
import { i18n } from '../../i18n/index.js';
import { percentOf, tableAfter, visibleText } from '../../../test/html.testkit.js';
import { fundingByKind } from './project-funding.js';

const FINLAND = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
const line = (kind: string, amount: string, currency = 'EUR', funderId: string | null = 'f') => ({ funderId, funderName: funderId, amount, currency, year: 2020, kind });

describe('fundingByKind', () => {
  it('groups by kind then currency, each with its total and the base of its shares', () => {
    const groups = fundingByKind([line('disbursed', '166819.43'), line('budgeted', '75000', 'EUR', null), line('committed', '75000'),
      line('budgeted', '200000', 'EUR', null), line('committed', '10', 'USD')], { amount: '275000', currency: 'EUR' });
    expect(groups.map((g) => [g.kind, g.currency, g.total, g.base])).toEqual([
      ['budgeted', 'EUR', '275000', '275000'], ['committed', 'EUR', '75000', '275000'], ['committed', 'USD', '10', '10'],
      ['disbursed', 'EUR', '166819.43', '275000']]);
  });
  it('a kind above the budget is its own base (its shares never pass 100 %); no budget: each kind its own', () => {
    expect(fundingByKind([line('disbursed', '3228013.62')], { amount: '2957800', currency: 'EUR' })[0].base).toBe('3228013.62');
    expect(fundingByKind([line('committed', '5'), line('committed', '7')], null)[0]).toMatchObject({ total: '12', base: '12' });
  });
});

describe('an imported IATI project keeps budgets, commitments and disbursements apart', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let ids: Record<string, string>;
  beforeAll(async () => {
    db = await testDb();
    await importIati(db, createReadStream(FINLAND), { file: FINLAND });
    app = createSite({ db });
    ids = Object.fromEntries((await db.query<{ id: string; iati_identifier: string }>(
      `select id, iati_identifier from project where iati_identifier like 'FI-3-%'`)).map((r) => [r.iati_identifier, r.id]));
  });
  afterAll(async () => { await db.close(); });

  for (const lang of ['fr', 'en', 'vi'] as const) {
    const i = i18n(lang);
    /** an amount as the page's text reads it (spaces folded) */
    const money = (a: string, c: string) => visibleText(i.money(a, c));
    const prefix = lang === 'fr' ? '' : `/${lang}`;
    /** the co-financing table cut into its kinds: heading → lines, total */
    const kinds = (rows: string[][]) => {
      const out: Array<{ heading: string; lines: string[][]; total: string[] }> = [];
      for (const r of rows.slice(1)) {
        if (r.length === 1) out.push({ heading: r[0], lines: [], total: [] });
        else if (out.length && !out.at(-1)!.total.length) (r[0].startsWith(i.t('sheet.kind.total', { kind: '' }).trim()) ? out.at(-1)!.total = r : out.at(-1)!.lines.push(r));
      }
      return out;
    };

    it(`one total per kind, shares within each kind up to 100 %, never 453 300 € (${lang})`, async () => {
      const res = await app.request(`${prefix}/projects/${ids['FI-3-2020- 2020000056']}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const rows = tableAfter(html, 'id="funding-h"');
      const groups = kinds(rows);
      const m = money('226650', 'EUR');
      expect(groups.map((g) => [g.heading, g.total[0], g.total[2], g.total[3]])).toEqual([
        [i.t('sheet.kind.budgeted'), i.t('sheet.kind.total', { kind: i.l('fundingKind', 'budgeted') }), m, expect.stringMatching(/^100\s?%$/)],
        [i.t('sheet.kind.committed'), i.t('sheet.kind.total', { kind: i.l('fundingKind', 'committed') }), m, expect.stringMatching(/^100\s?%$/)],
      ]);
      for (const g of groups) {
        const shares = g.lines.map((r) => percentOf(r[3])!);
        expect(shares.every((s) => s !== null)).toBe(true);
        expect(shares.reduce((a, b) => a + b, 0), g.heading).toBeLessThanOrEqual(100);
      }
      expect(groups[0].lines.map((r) => [r[1], r[2]])).toEqual([['2021', money('128189', 'EUR')], ['2022', money('98461', 'EUR')]]);
      expect(rows.at(-1)!.slice(2)).toEqual([m, expect.stringMatching(/^100\s?%$/)]);
      expect(visibleText(html)).not.toContain(money('453300', 'EUR'));
      expect(visibleText(html)).not.toContain(i.t('sheet.funding.total'));
      expect(visibleText(html)).toContain(`${i.t('stats.m.committed')} ${m}`);
    });

    it(`disbursements beyond the commitment: each kind its own total and shares of the budget (${lang})`, async () => {
      const html = await (await app.request(`${prefix}/projects/${ids['FI-3-2020-1993933060']}`)).text();
      const groups = kinds(tableAfter(html, 'id="funding-h"'));
      expect(groups.map((g) => [g.total[2], g.total[3].replace(/\s/g, '')])).toEqual([
        [money('275000', 'EUR'), '100%'], [money('75000', 'EUR'), '27%'], [money('166819.43', 'EUR'), '61%']]);
    });
  }
});
