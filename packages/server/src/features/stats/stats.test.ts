/**
 * The statistics' sums, on PGlite and PostgreSQL: records written through the API land in the right groups with their
 * money per currency and per kind — a budget, planned, committed and disbursed lines never added to one another, two
 * currencies never added — and the records without a year (country, funder) form their own group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtractAmounts } from '@tandem/shared';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { keyTotals, moneyMeasures, statDimensions, statGroups, type Amount, type StatDimension, type StatGroup } from './stats.service.js';

type Snapshot = Record<StatDimension, StatGroup[]>;
const snapshot = async (db: Db) => Object.fromEntries(await Promise.all(statDimensions.map(async (d) => [d, await statGroups(db, d)]))) as Snapshot;
const group = (s: Snapshot, d: StatDimension, key: string | null) => s[d].find((g) => g.key === key);
const amount = (xs: Amount[] | undefined, currency: string) => xs?.find((x) => x.currency === currency)?.amount ?? '0';
/** after − before for one measure and currency of a group (exact) */
const delta = (a: Snapshot, b: Snapshot, d: StatDimension, key: string | null, m: (typeof moneyMeasures)[number], currency: string) =>
  subtractAmounts(amount(group(a, d, key)?.money[m], currency), amount(group(b, d, key)?.money[m], currency));

describe('statistics: counts and sums by country, theme, funder and year', () => {
  let db: Db;
  let before: Snapshot, after: Snapshot;
  let totalsBefore: Awaited<ReturnType<typeof keyTotals>>, totalsAfter: Awaited<ReturnType<typeof keyTotals>>;

  beforeAll(async () => {
    db = await testDb();
    const api = client(db);
    before = await snapshot(db);
    totalsBefore = await keyTotals(db);
    const ok = async (r: Promise<{ status: number; text: string }>) => { const x = await r; expect(x.status, x.text).toBe(201); };
    await ok(api.post('/api/organisations', { id: 'stat-funder', kind: 'foundation', name: 'Fondation des statistiques', country: 'FR' }));
    await ok(api.post('/api/organisations', { id: 'stat-partner', kind: 'collectivite', name: 'Municipalidad de prueba', country: 'CL' }));
    await ok(api.post('/api/partnerships', { id: 'stat-p', title: 'Partenariat statistique', kind: 'cooperation', started: '2031-03', themes: ['urgence.reconstruction'],
      parties: [{ organisationId: 'cd93', side: 'fr' }, { organisationId: 'stat-partner', side: 'foreign' }] }));
    await ok(api.post('/api/projects', { id: 'stat-a', partnershipId: 'stat-p', title: 'Projet A', status: 'implementation', start: '2031', places: ['CL'],
      themes: ['urgence.paix'], budget: { amount: '1000', currency: 'EUR' },
      funding: [
        { funderId: 'stat-funder', amount: '600', currency: 'EUR', year: 2031, kind: 'committed' },
        { funderId: 'stat-funder', amount: '250.5', currency: 'EUR', year: null, kind: 'disbursed' },
        { funderId: null, amount: '1000', currency: 'EUR', year: 2031, kind: 'budgeted' },
        { funderId: 'stat-funder', amount: '300', currency: 'XOF', year: 2032, kind: 'committed' },
      ] }));
    await ok(api.post('/api/projects', { id: 'stat-b', title: 'Projet B', status: 'implementation', places: ['CL', 'PE'], themes: ['urgence'],
      budget: { amount: '500', currency: 'USD' }, funding: [{ funderId: 'stat-funder', amount: '100', currency: 'USD', year: 2032, kind: 'committed' }] }));
    after = await snapshot(db);
    totalsAfter = await keyTotals(db);
  });
  afterAll(async () => { await db.close(); });

  it('by country: each measure and currency apart; a project in two countries counts in both', async () => {
    expect(group(before, 'by-country', 'CL')).toBeUndefined();
    expect(group(after, 'by-country', 'CL')).toEqual({
      key: 'CL', name: 'Chili', names: expect.objectContaining({ en: 'Chile' }), partnerships: 1, projects: 2,
      money: {
        budget: [{ currency: 'EUR', amount: '1000' }, { currency: 'USD', amount: '500' }],
        budgeted: [{ currency: 'EUR', amount: '1000' }],
        committed: [{ currency: 'EUR', amount: '600' }, { currency: 'USD', amount: '100' }, { currency: 'XOF', amount: '300' }],
        disbursed: [{ currency: 'EUR', amount: '250.5' }],
      },
    });
    expect(group(after, 'by-country', 'PE')).toMatchObject({ partnerships: 0, projects: 1, money: { budget: [{ currency: 'USD', amount: '500' }], committed: [{ currency: 'USD', amount: '100' }], budgeted: [], disbursed: [] } });
  });

  it('by funder: its lines per kind, never a budget; the lines without a funder form their own group', async () => {
    expect(group(after, 'by-funder', 'stat-funder')).toMatchObject({
      name: 'Fondation des statistiques', partnerships: null, projects: 2,
      money: { budget: [], budgeted: [], committed: [{ currency: 'EUR', amount: '600' }, { currency: 'USD', amount: '100' }, { currency: 'XOF', amount: '300' }], disbursed: [{ currency: 'EUR', amount: '250.5' }] },
    });
    expect(delta(after, before, 'by-funder', null, 'budgeted', 'EUR')).toBe('1000');
    expect(delta(after, before, 'by-funder', null, 'committed', 'EUR')).toBe('0');
    for (const g of after['by-funder']) expect(g.money.budget).toEqual([]);
  });

  it('by year: lines by their own year, projects and budgets by their start, the undated apart', async () => {
    expect(group(after, 'by-year', '2031')).toMatchObject({ partnerships: 1, projects: 1, money: {
      budget: [{ currency: 'EUR', amount: '1000' }], budgeted: [{ currency: 'EUR', amount: '1000' }], committed: [{ currency: 'EUR', amount: '600' }], disbursed: [] } });
    expect(group(after, 'by-year', '2032')).toMatchObject({ partnerships: 0, projects: 0, money: {
      budget: [], committed: [{ currency: 'USD', amount: '100' }, { currency: 'XOF', amount: '300' }] } });
    const undated = [group(before, 'by-year', null)!, group(after, 'by-year', null)!];
    expect(undated[1].projects - undated[0].projects).toBe(1);
    expect(delta(after, before, 'by-year', null, 'disbursed', 'EUR')).toBe('250.5');
    expect(delta(after, before, 'by-year', null, 'budget', 'USD')).toBe('500');
    expect(delta(after, before, 'by-year', null, 'committed', 'EUR')).toBe('0');
  });

  it('by theme: top-level themes, each record once per theme', async () => {
    const [b, a] = [group(before, 'by-theme', 'urgence')!, group(after, 'by-theme', 'urgence')!];
    expect(a.partnerships! - b.partnerships!).toBe(1);
    expect(a.projects - b.projects).toBe(2);
    expect(delta(after, before, 'by-theme', 'urgence', 'committed', 'EUR')).toBe('600');
    expect(delta(after, before, 'by-theme', 'urgence', 'committed', 'USD')).toBe('100');
    expect(after['by-theme'].every((g) => g.key === null || !g.key.includes('.'))).toBe(true);
  });

  it('key totals: counts, and each measure per currency', async () => {
    expect(totalsAfter.partnerships - totalsBefore.partnerships).toBe(1);
    expect(totalsAfter.projects - totalsBefore.projects).toBe(2);
    const d = (m: (typeof moneyMeasures)[number], c: string) => subtractAmounts(amount(totalsAfter.money[m], c), amount(totalsBefore.money[m], c));
    expect([d('budget', 'EUR'), d('budget', 'USD'), d('budgeted', 'EUR'), d('committed', 'EUR'), d('committed', 'USD'), d('committed', 'XOF'), d('disbursed', 'EUR')])
      .toEqual(['1000', '500', '1000', '600', '100', '300', '250.5']);
    for (const m of moneyMeasures) expect(new Set(totalsAfter.money[m].map((x) => x.currency)).size).toBe(totalsAfter.money[m].length);
  });
});
