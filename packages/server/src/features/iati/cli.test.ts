/** `tandem import iati` and `tandem export --format iati`, through the functions the command calls. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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

  it('imports several files and reports each; a failing file gives exit code 1 and the others still land', async () => {
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

  it('reads .xz, .gz and .br files in-process (no system program); a corrupt one is reported and gives exit code 1', async () => {
    mkdirSync(TMP, { recursive: true });
    const example = readFileSync(sample('iati-2.03-activity-standard-example-annotated.xml'));
    const file = (name: string, data: Uint8Array) => { const f = join(TMP, `${process.pid}-${name}`); writeFileSync(f, data); return f; };
    logs.length = 0;
    const ok = await runImportIati(db, [sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml.xz'), file('example.xml.gz', gzipSync(example)),
      file('example.xml.br', brotliCompressSync(example))], { skipInvalid: false, maxBytes: 2 ** 30 });
    const out = logs.join('\n');
    expect(ok, out).toBe(0);
    expect(out).toMatch(/finland-6acts-2\.03\.xml\.xz: IATI 2\.03 · 6 activities read, 6 imported \(0 new, 6 updated\)/);
    expect(out).toMatch(/example\.xml\.gz: IATI 2\.03 · 1 activities read, 1 imported \(1 new, 0 updated\)/);
    expect(out).toMatch(/example\.xml\.br: IATI 2\.03 · 1 activities read, 1 imported \(0 new, 1 updated\)/);
    logs.length = 0;
    const bad = await runImportIati(db, [file('cut.xml.gz', gzipSync(example).subarray(0, 3000)), file('garbage.xml.xz', Buffer.from('not xz at all'))],
      { skipInvalid: false, maxBytes: 2 ** 30 });
    expect(bad).toBe(1);
    expect(logs.join('\n')).toMatch(/cut\.xml\.gz: could not decompress .*cut\.xml\.gz \(gz\): .* — nothing was imported from this file/);
    expect(logs.join('\n')).toMatch(/garbage\.xml\.xz: could not decompress .*garbage\.xml\.xz \(xz\): .* — nothing was imported from this file/);
  });

  it('exports one organisation\'s projects to a file that validates', async () => {
    mkdirSync(TMP, { recursive: true });
    const out = join(TMP, `${process.pid}-cli-export.xml`);
    const [{ id }] = await db.query<{ id: string }>(`select iati_reporting_org_id as id from project where iati_identifier like 'FI-3-%' limit 1`);
    expect(await runExportIati(db, { organisation: id, out })).toBe(0);
    expect((await validateXml(out)).ok).toBe(true);
    expect(await xpathCount(out, '//iati-activity')).toBe(6);
    expect(readFileSync(out, 'utf8')).toContain('<iati-identifier>FI-3-2020- 2020000056</iati-identifier>');
  });
});
