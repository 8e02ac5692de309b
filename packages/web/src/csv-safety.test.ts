/**
 * Every CSV Tandem writes is formula-safe (OWASP): records export (/api/export), statistics
 * (/statistics/*.csv) and the aid declaration (/api/apd/…csv). Names and titles that a spreadsheet would run
 * come out behind a quote; amounts, negative ones included, stay numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/src/csv.testkit.js';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from './site.js';

const PAYLOADS = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
const TOKEN = 'csv-safety-token';

describe('CSV exports are formula-safe', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  /** admin: as a platform administrator (an aid declaration's draft is read by its members and administrators only) */
  const csv = async (path: string, admin = false) => {
    const res = await app.request(path, admin ? { headers: { authorization: `Bearer ${TOKEN}` } } : undefined);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type'), path).toBe('text/csv; charset=utf-8');
    return parseCsv(await res.text());
  };
  /** the cells of column `name` (first row: the header) */
  const column = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);

  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    const post = async (path: string, body: unknown) => {
      const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(201);
    };
    for (const [k, name] of PAYLOADS.entries()) {
      await post('/api/organisations', { id: `evil-${k}`, kind: 'association', name, country: 'FR' });
      await post('/api/projects', { id: `evil-project-${k}`, title: name, participants: [{ organisationId: 'cd93', role: 'lead' }],
        funding: [{ funderId: `evil-${k}`, amount: k === 0 ? '-12.5' : 1000 + k, year: 2023 }] });
    }
    // the API trims texts; a leading tab or carriage return can still come from an import or older data
    for (const k of [4, 5]) {
      await db.query('update organisation set name = $1 where id = $2', [PAYLOADS[k], `evil-${k}`]);
      await db.query('update project set title = $1 where id = $2', [PAYLOADS[k], `evil-project-${k}`]);
    }
  });
  afterAll(async () => { await db.close(); });

  const neutralised = PAYLOADS.map((p) => `'${p}`);

  it('records export: titles, names and funders behind a quote, amounts plain', async () => {
    const projects = await csv('/api/export?format=csv&kind=projects');
    expect(column(projects, 'title')).toEqual(expect.arrayContaining(neutralised));
    for (const p of PAYLOADS) expect(column(projects, 'title')).not.toContain(p);
    expect(column(await csv('/api/export?format=csv&kind=organisations'), 'name')).toEqual(expect.arrayContaining(neutralised));
    const funding = (await csv('/api/export?format=csv&kind=funding')).filter((r, k) => k === 0 || r[0].startsWith('evil-project-'));
    expect(column(funding, 'funder')).toEqual(neutralised);
    expect(column(funding, 'project_title')).toEqual(neutralised);
    expect(column(funding, 'amount')).toEqual(['-12.50', '1001.00', '1002.00', '1003.00', '1004.00', '1005.00']);
    const labelled = await csv('/api/export?format=csv&kind=funding&labels=en&columns=funder,amount');
    expect(labelled.slice(1).filter((r) => r[0].startsWith("'"))).toEqual(neutralised.map((n, k) => [n, k === 0 ? '-12.50' : `${1000 + k}.00`]));
  });

  it('statistics: funders behind a quote, a negative total stays a number', async () => {
    const all = await csv('/statistics/by-funder.csv');
    const rows = [all[0], ...all.filter((r) => r[0].startsWith('evil-'))];
    expect(rows).toHaveLength(PAYLOADS.length + 1);
    expect(column(rows, 'currency')).toEqual(Array(PAYLOADS.length).fill('EUR'));
    expect(rows.slice(1).map((r, k) => [r[0], r[1], column(rows, 'committed')[k]])).toEqual(expect.arrayContaining(
      neutralised.map((n, k) => [`evil-${k}`, n, k === 0 ? '-12.5' : String(1000 + k)])));
    // the chart's former address answers the same file
    expect(await csv('/statistics/funding.csv')).toEqual(all);
    for (const path of ['/en/statistics/by-country.csv', '/vi/statistics/by-theme.csv', '/statistics/by-year.csv']) {
      for (const r of (await csv(path)).slice(1)) expect(r[1], path).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('aid declaration: the organisation behind a quote, amounts plain', async () => {
    for (const [k, n] of neutralised.entries()) {
      const rows = await csv(`/api/apd/evil-${k}/2023.csv`, true);
      expect(column(rows, 'organisation'), `evil-${k}`).toEqual(Array(rows.length - 1).fill(n));
      for (const a of column(rows, 'amount')) expect(a).toMatch(/^-?\d+(\.\d+)?$/);
    }
    const rows = await csv('/api/apd/evil-1/2023.csv?labels=fr', true);
    expect(rows.length).toBeGreaterThan(1);
    expect(column(rows, 'Collectivité')).toEqual(Array(rows.length - 1).fill("'+1+1"));
  });
});
