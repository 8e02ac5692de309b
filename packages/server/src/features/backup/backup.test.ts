/**
 * Backup and restore on the run's engine (and across engines when both are at hand): a seeded database with changes
 * (records, a revision, an account, a person, an APD declaration, an API token, a session) backed up and restored into
 * an empty database gives the same JSON export of every kind, the same row count in every table, and the same rows;
 * a non-empty target, a newer schema and a damaged or cut file are refused with nothing written.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { migrate, migrationFiles } from '../../db/migrate.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { exportJson, exportKinds } from '../export/export.service.js';
import { writeBackup } from './backup.service.js';
import { backupLines, editBackup, emptyDb, forgeBackup, reachablePg } from './backup.testkit.js';
import { BackupError, TRANSIENT_TABLES } from './format.js';
import { restoreBackup } from './restore.service.js';
import { tableCounts } from './schema.js';

const dir = mkdtempSync(join(tmpdir(), 'tandem-backup-test-'));
const everything = (db: Db) => exportJson(db, [...exportKinds]);
/** The rows and sequences of a backup: everything but the header (its date, its engine) and the trailer (its checksum covers the header). */
const content = (file: string) => backupLines(file).slice(1, -1);

describe('backup and restore', () => {
  let db: Db;
  const file = join(dir, 'seeded.backup.gz');
  const pgServer = inject('pgServer') || null;

  beforeAll(async () => {
    db = await testDb();
    const client = browser(createApp({ db }));
    await makeAccount(db, 'sauvegarde@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Camille Sauvegarde' });
    const csrf = await client.login('sauvegarde@example.org');
    const h = { 'x-csrf-token': csrf };
    const made = await client.post('/api/projects', { title: 'Projet « sauvegardé » ½ — Đà Nẵng', status: 'pipeline', budget: { amount: '12345.67', currency: 'EUR' } }, h);
    expect(made.status, made.text).toBe(201);
    const changed = await client.put(`/api/projects/${made.json.id}`, { title: 'Projet sauvegardé, revu', status: 'implementation', version: 1 }, h);
    expect(changed.status, changed.text).toBe(200);
    expect((await client.post('/api/people', { name: 'Lan Nguyễn', organisationId: 'cd93', email: 'lan@example.org' }, h)).status).toBe(201);
    expect((await client.put('/api/apd/cd93/2024', { version: 0, lines: [{ category: 'cooperation', country: 'VN', amount: '1000.50' }] }, h)).status).toBe(200);
    expect((await client.post('/api/auth/tokens', { name: 'script', scopes: ['read'] }, h)).status).toBe(201);
    await writeBackup(db, createWriteStream(file));
  }, 120_000);
  afterAll(async () => { await db?.close(); rmSync(dir, { recursive: true, force: true }); });

  async function roundTrip(target: Db) {
    try {
      const before = await tableCounts(db);
      expect(before.session).toBeGreaterThan(0);
      const r = await restoreBackup(target, file);
      expect(r.migratedAfter).toEqual([]);
      expect(await everything(target)).toEqual(await everything(db));
      const after = await tableCounts(target);
      for (const t of TRANSIENT_TABLES) { expect(after[t]).toBe(0); delete before[t]; delete after[t]; }
      expect(after).toEqual(before);
      // every row of every copied table, and every sequence: a backup of the copy holds the same lines
      const again = join(dir, `again-${target.engine}.gz`);
      await writeBackup(target, createWriteStream(again));
      expect(content(again)).toEqual(content(file));
      // the restored database works: search finds the new project through its rebuilt index
      const found = await createApp({ db: target }).request('/api/search?q=sauvegarde');
      expect((await found.json()).results.map((x: any) => x.title)).toContain('Projet sauvegardé, revu');
    } finally { await target.close(); }
  }

  it('a backup records the schema and copies what Tandem owns, not sessions nor the search index', () => {
    const lines = backupLines(file);
    const [magic, header] = JSON.parse(lines[0]);
    expect(magic).toBe('tandem-backup');
    expect(header.migrations).toEqual(migrationFiles());
    const tables = lines.filter((l) => l.startsWith('["table",')).map((l) => JSON.parse(l)[1]);
    for (const t of ['account', 'role_grant', 'api_token', 'person', 'revision', 'audit_log', 'apd_declaration', 'apd_line', 'territory', 'project']) expect(tables).toContain(t);
    for (const t of ['session', 'login_attempt', 'search_doc', 'search_word', 'schema_migration']) expect(tables).not.toContain(t);
    // parents before children
    expect(tables.indexOf('organisation')).toBeLessThan(tables.indexOf('project'));
    expect(tables.indexOf('project')).toBeLessThan(tables.indexOf('funding_line'));
    expect(lines.some((l) => l.includes('"12345.67"') || l.includes('12345.67'))).toBe(true);
  });

  it('restores into an empty database of the same engine: same exports, counts and rows', { timeout: 240_000 }, async () => {
    await roundTrip(await emptyDb(db.engine, pgServer ?? undefined));
  });

  it('restores across engines (PGlite ↔ PostgreSQL) when a PostgreSQL server answers', { timeout: 240_000 }, async (ctx) => {
    if (db.engine === 'postgresql') return roundTrip(await emptyDb('pglite'));
    const server = await reachablePg(process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres');
    if (!server) return ctx.skip();
    await roundTrip(await emptyDb('postgresql', server));
  });

  it('refuses a target that holds data, and leaves it as it was', { timeout: 120_000 }, async () => {
    const before = await tableCounts(db);
    await expect(restoreBackup(db, file)).rejects.toThrow(/the target database is not empty \(.*indicator_value: \d+ rows.*\): restore only into an empty/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('refuses a damaged, cut, edited or newer backup, with nothing written', { timeout: 240_000 }, async () => {
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes); flipped[bytes.length >> 1] ^= 0x55;
    writeFileSync(join(dir, 'flipped.gz'), flipped);
    writeFileSync(join(dir, 'cut.gz'), bytes.subarray(0, bytes.length >> 1));
    editBackup(file, join(dir, 'edited.gz'), (ls) => ls.map((l) => l.replace('Projet sauvegardé, revu', 'Projet falsifié, revu')));
    editBackup(file, join(dir, 'rowless.gz'), (ls) => ls.filter((l) => !l.includes('Lan Nguyễn')));
    forgeBackup(file, join(dir, 'columns.gz'), (ls) => ls.map((l) => l.startsWith('["table","person",') ? l.replace('"name":"email"', '"name":"courriel"') : l));
    let once = false;
    forgeBackup(file, join(dir, 'content.gz'), (ls) => ls.map((l) => (!once && l.startsWith('{"id":"cd93"') ? ((once = true), l.replace(/"version":\d+/, '"version":"un"')) : l)));
    editBackup(file, join(dir, 'newer.gz'), (ls) => [ls[0].replace('"0010_search_order_index.sql"', '"0010_search_order_index.sql","9999_from_the_future.sql"'), ...ls.slice(1)]);
    const cases: Array<[string, RegExp]> = [
      ['flipped.gz', /damaged|checksum|not JSON|cut short|not a Tandem backup|trailer counts/], ['cut.gz', /cut short/], ['edited.gz', /checksum does not match/],
      ['rowless.gz', /should hold \d+ rows, the file has \d+/], ['columns.gz', /table person has other columns/],
      ['content.gz', /the database refused the backup's content \(invalid input syntax for type integer: "un"/], ['newer.gz', /newer Tandem: its schema has 9999_from_the_future\.sql/],
    ];
    const target = await emptyDb(db.engine, pgServer ?? undefined);
    try {
      for (const [name, message] of cases) {
        const err = await restoreBackup(target, join(dir, name)).then(() => null, (e) => e);
        expect(err, name).toBeInstanceOf(BackupError);
        expect(err.message, name).toMatch(message);
        expect(await tableCounts(target), `${name}: nothing written`).toEqual({});
      }
    } finally { await target.close(); }
  });

  it('restores a backup of an older schema, then migrates it', { timeout: 120_000 }, async () => {
    const old = await emptyDb(db.engine, pgServer ?? undefined);
    const oldFile = join(dir, 'old.gz');
    try {
      await migrate(old, migrationFiles().at(-2));
      await old.query(`insert into territory (id, kind, name, country) values ('VN', 'country', 'Viêt Nam', 'VN')`);
      await writeBackup(old, createWriteStream(oldFile));
    } finally { await old.close(); }
    const target = await emptyDb(db.engine, pgServer ?? undefined);
    try {
      const r = await restoreBackup(target, oldFile);
      expect(r.migratedAfter).toEqual([migrationFiles().at(-1)]);
      expect((await target.query('select name from territory')).map((x) => x.name)).toEqual(['Viêt Nam']);
      expect((await target.query('select count(*)::int as n from search_doc'))[0].n).toBe(1);
    } finally { await target.close(); }
  });
});
