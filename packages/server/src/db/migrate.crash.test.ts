/**
 * A migration that fails half-way, or a process killed in the middle of one, leaves the previous schema whole and
 * usable (run's engine): each migration file runs in a transaction with its schema_migration row (on PostgreSQL the
 * whole run is one transaction), so nothing of it stays; the app serves on the previous schema, and the corrected
 * migration then applies cleanly, once.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { testDb } from '../../test/db.js';
import { ROOT, signalGroup } from '../../test/server-process.js';
import { auth, call, served, ADMIN, type Served } from '../../test/durability/served.js';
import type { Db } from './client.js';
import { migrate, migrationFiles } from './migrate.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tandem-migrations-'));
cpSync(MIGRATIONS, dir, { recursive: true });
const EXTRA = '9999_durability_half.sql';
/** DDL and data first, then `tail` (a failure, or a long wait to be killed in) */
const extra = (tail: string) => writeFileSync(join(dir, EXTRA), `create table durability_half as select g from generate_series(1, 50000) g;
alter table organisation add column durability_note text;
update organisation set durability_note = 'half';
${tail}
`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The schema as the previous migrations left it: their rows only, no trace of the extra migration. */
async function previousSchema(db: Db) {
  expect((await db.query<{ name: string }>('select name from schema_migration order by name')).map((r) => r.name)).toEqual(migrationFiles());
  const [t] = await db.query<{ table: string | null; column: number }>(`select to_regclass('durability_half')::text as table,
    (select count(*)::int from information_schema.columns where table_name = 'organisation' and column_name = 'durability_note') as column`);
  expect(t).toEqual({ table: null, column: 0 });
}

async function appliesOnce(db: Db) {
  extra('select 1;');
  expect(await migrate(db, undefined, dir)).toEqual([EXTRA]);
  expect(await migrate(db, undefined, dir)).toEqual([]);
  expect((await db.query<{ n: number }>(`select count(*)::int as n from organisation where durability_note = 'half'`))[0].n).toBeGreaterThan(0);
}

describe('a migration that fails half-way', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); }, 60_000);
  afterAll(async () => { await db?.close(); });

  it('leaves the previous schema, which serves reads and writes; the corrected migration then applies once', async () => {
    extra('select 1 / 0;');
    await expect(migrate(db, undefined, dir)).rejects.toThrow(/division by zero/);
    await previousSchema(db);
    const app = createApp({ db, adminToken: ADMIN });
    expect((await app.request('/api/organisations/cd93')).status).toBe(200);
    const made = await app.request('/api/organisations', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'association', name: 'Association d’après la migration manquée' }) });
    expect(made.status).toBe(201);
    await appliesOnce(db);
  });
});

describe('a process killed in the middle of a migration', () => {
  let s: Served;
  beforeAll(async () => { s = await served('migrate'); }, 120_000);
  afterAll(async () => { await s?.cleanup(); }, 60_000);

  it('leaves the previous schema: the server starts and serves on it, then the migration applies cleanly', async () => {
    extra('select pg_sleep(120);');
    // `tandem db migrate` as a script: the migrations of dir, on the database of the environment
    const code = `const { openFromEnv } = await import(${JSON.stringify(join(ROOT, 'packages/server/src/db/client.ts'))});
      const { migrate } = await import(${JSON.stringify(join(ROOT, 'packages/server/src/db/migrate.ts'))});
      const db = await openFromEnv(); console.log('migrating'); await migrate(db, undefined, ${JSON.stringify(dir)});`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...s.env } });
    let out = '';
    const exited = new Promise<number | null>((ok) => child.once('exit', ok));
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    while (!out.includes('migrating')) {
      if (child.exitCode !== null) throw new Error(out);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 4000)); // the DDL done, waiting in pg_sleep
    if (s.engine === 'postgresql') {
      const db = await s.open();
      await expect.poll(async () => (await db.query(`select 1 from pg_stat_activity where query like '%pg_sleep(120)%' and pid <> pg_backend_pid()`)).length, { timeout: 30_000 }).toBe(1);
      await db.close();
    }
    await signalGroup({ name: 'migrate', url: '', child, log: () => out, exited }, 'SIGKILL');
    expect(child.signalCode).toBe('SIGKILL');
    if (s.engine === 'postgresql') {
      // PostgreSQL notices a vanished client only once pg_sleep ends; until then its backend holds the schema lock
      // (a server starting meanwhile waits, it never sees a half schema). Ended here as an operator would end it.
      const db = await s.open();
      await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where query like '%pg_sleep(120)%' and pid <> pg_backend_pid()`);
      await db.close();
    }

    const p = await s.start('after');
    expect((await call(p, 'GET', '/api/organisations/cd93')).status).toBe(200);
    expect((await call(p, 'POST', '/api/organisations', { kind: 'association', name: 'Association d’après le crash' }, auth)).status).toBe(201);
    await s.stop(p);
    const db = await s.open();
    try {
      await previousSchema(db);
      await appliesOnce(db);
    } finally { await db.close(); }
  }, 240_000);
});
