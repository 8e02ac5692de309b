/**
 * Real IATI files import with the counts that xmllint (libxml2 in WebAssembly) finds in them, on PGlite and PostgreSQL alike; re-importing
 * changes no count; invalid activities fail the whole file unless skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { ImportFailed, importIati, type ImportOptions } from './import/service.js';
import { VALID, identifiersOf, plainSample, stream, xpathCounts } from './iati.testkit.js';

/** Rows in the database for the projects of these identifiers. */
async function dbCounts(db: Db, identifiers: string[]) {
  const [r] = await db.query(`select count(*)::int as activities,
      (select count(*)::int from funding_line f join project p on p.id = f.project_id where p.iati_identifier = any($1::text[]) and f.iati_element = 'transaction') as transactions,
      (select count(*)::int from funding_line f join project p on p.id = f.project_id where p.iati_identifier = any($1::text[]) and f.iati_element = 'budget') as budgets,
      (select count(*)::int from funding_line f join project p on p.id = f.project_id where p.iati_identifier = any($1::text[]) and f.iati_element = 'planned-disbursement') as planned
    from project where iati_identifier = any($1::text[])`, [identifiers]);
  return r;
}

/** The same counts, read from the file by xmllint, over the activities Tandem takes as valid. */
async function xmlCounts(file: string) {
  const [activities, transactions, budgets, planned] = await xpathCounts(file, [VALID, `${VALID}/transaction`, `${VALID}/budget`, `${VALID}/planned-disbursement`]);
  return { activities, transactions, budgets, planned };
}

describe('IATI import of real files', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  const imp = (file: string, opts: ImportOptions = {}) => importIati(db, stream(file), { file, ...opts });

  it.each([
    ['iati-2.03-activity-standard-example-annotated.xml', '2.03', 1],
    ['js-validator-api_FI-3-mfa-finland-6acts-2.03.xml', '2.03', 6],
    ['iaticloud-MAEC_IATI_INDONESIA-2.01.xml', '2.01', 83],
    ['hdx-ukraine-prefiltered-2022-07-19.xml', '2.03', 200],
  ])('%s: counts match the XML, and a re-import changes none', async (name, version, activities) => {
    const file = plainSample(name);
    const ids = identifiersOf(file);
    const expected = await xmlCounts(file);
    expect(expected.activities).toBe(activities);
    expect(ids).toHaveLength(activities);
    const r = await imp(file);
    expect(r).toMatchObject({ version, activities, imported: activities, created: activities, updated: 0, skipped: 0,
      transactions: expected.transactions, budgets: expected.budgets, plannedDisbursements: expected.planned });
    expect(await dbCounts(db, ids)).toEqual(expected);
    const again = await imp(file);
    expect(again).toMatchObject({ imported: activities, created: 0, updated: activities });
    expect(await dbCounts(db, ids)).toEqual(expected);
  }, 120_000);

  it('a file with invalid activities lands whole or not at all; skip-invalid lands the valid ones', async () => {
    const file = plainSample('hdx-tests-fixtures-covid-input-dportal.xml');
    const ids = identifiersOf(file);
    const before = await dbCounts(db, ids);
    const fail = await imp(file).catch((e) => e);
    expect(fail).toBeInstanceOf(ImportFailed);
    expect(fail.report).toMatchObject({ activities: 401, skipped: 21 });
    expect(fail.report.problems.filter((p: any) => p.level === 'critical')[0]).toMatchObject({ line: expect.any(Number), activity: expect.stringMatching(/^CZ-ICO-/) });
    expect(await dbCounts(db, ids)).toEqual(before);

    const expected = await xmlCounts(file);
    expect(expected.activities).toBe(380);
    const r = await imp(file, { skipInvalid: true });
    expect(r).toMatchObject({ activities: 401, imported: 380, skipped: 21, transactions: expected.transactions, budgets: expected.budgets });
    expect(r.problemCounts.critical).toBe(21);
    expect(await dbCounts(db, ids)).toMatchObject(expected);
  }, 120_000);

  it('the 2,000-activity d-portal file imports (skip-invalid), and again without duplicates', async () => {
    const file = plainSample('dportal-2021-06-15-2000acts.xml.br');
    const ids = identifiersOf(file);
    expect(ids).toHaveLength(2000);
    const expected = await xmlCounts(file);
    const r = await imp(file, { skipInvalid: true });
    expect(r).toMatchObject({ activities: 2000, imported: expected.activities, transactions: expected.transactions, budgets: expected.budgets });
    expect(await dbCounts(db, ids)).toEqual(expected);
    const again = await imp(file, { skipInvalid: true });
    expect(again).toMatchObject({ created: 0, updated: expected.activities });
    expect(await dbCounts(db, ids)).toEqual(expected);
    const [{ n }] = await db.query(`select count(*)::int as n from search_doc s join project p on p.id = s.id and s.kind = 'project' where p.iati_identifier = any($1::text[])`, [ids]);
    expect(n).toBe(expected.activities);
    if (db.engine === 'pglite') {
      // no autovacuum there: the import took the statistics itself (the planner's row count of the tables)
      const [{ rows }] = await db.query<{ rows: number }>(`select reltuples::int as rows from pg_class where relname = 'project'`);
      expect(rows).toBeGreaterThanOrEqual(expected.activities);
    }
  }, 300_000);
});
