/** `tandem import iati` and `tandem export --format iati`, through the functions the command calls. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { main } from '../../cli/main.js';
import { maxBytesFrom, runExportIati, runImportIati } from './cli.js';
import { TMP, sample, validateXml, xpathCount } from './iati.testkit.js';

describe('tandem import iati / export --format iati', () => {
  let db: Db;
  const logs: string[] = [];
  beforeAll(async () => {
    db = await testDb();
    vi.spyOn(console, 'log').mockImplementation((m) => { logs.push(String(m)); });
    vi.spyOn(console, 'error').mockImplementation((m) => { logs.push(String(m)); });
  });
  afterAll(async () => { vi.restoreAllMocks(); await db.close(); });

  it('help names the command and its options', async () => {
    expect(await main(['import', 'iati', '--help'])).toBe(0);
    expect(logs.join('\n')).toMatch(/Usage: tandem import iati FILE… \[--skip-invalid\] \[--max-size MB\]/);
    expect(await main(['import'])).toBe(2);
    expect(maxBytesFrom({}, '2')).toBe(2 * 2 ** 20);
    expect(maxBytesFrom({ TANDEM_IATI_MAX_BYTES: '1000' })).toBe(1000);
  });

  it('imports several files (one .xz) and reports each; a failing file gives exit code 1 and the others still land', async () => {
    logs.length = 0;
    const code = await runImportIati(db, [sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml'), sample('hdx-tests-fixtures-covid-input-dportal.xml')],
      { skipInvalid: false, maxBytes: 2 ** 30 });
    expect(code).toBe(1);
    const out = logs.join('\n');
    expect(out).toMatch(/finland-6acts-2\.03\.xml: IATI 2\.03 · 6 activities read, 6 imported \(6 new, 0 updated\)/);
    expect(out).toMatch(/critical line \d+ \(CZ-ICO-25755277-\w+\): transaction without a transaction-type code/);
    expect(out).toContain('21 of 401 activities are invalid');
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from project where iati_identifier like 'FI-3-%'`);
    expect(n).toBe(6);
    logs.length = 0;
    expect(await runImportIati(db, [sample('dportal-nope.xml.xz')], { skipInvalid: true, maxBytes: 2 ** 30 })).toBe(1);
    expect(logs.join('\n')).toMatch(/dportal-nope\.xml\.xz: ENOENT/);
  });

  it('exports one organisation\'s projects to a file that validates', async () => {
    mkdirSync(TMP, { recursive: true });
    const out = join(TMP, `${process.pid}-cli-export.xml`);
    const [{ id }] = await db.query<{ id: string }>(`select iati_reporting_org_id as id from project where iati_identifier like 'FI-3-%' limit 1`);
    expect(await runExportIati(db, { organisation: id, out })).toBe(0);
    expect(validateXml(out).ok).toBe(true);
    expect(xpathCount(out, '//iati-activity')).toBe(6);
    expect(readFileSync(out, 'utf8')).toContain('<iati-identifier>FI-3-2020- 2020000056</iati-identifier>');
  });
});
