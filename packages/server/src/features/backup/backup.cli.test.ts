/**
 * `npx tandem backup FILE` while a real server process holds the embedded data directory (no second process can open
 * it: it asks the server, found through DATA_DIR/tandem-server.json), then `npx tandem restore FILE` into a new data
 * directory: the JSON exports of both are identical. A restore into the server's directory, or of a damaged file, is
 * refused and writes nothing. On the PostgreSQL run: the same commands with DATABASE_URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { emptyDb, forgeBackup } from './backup.testkit.js';
import { LOCAL_FILE, LOCAL_HEADER } from './local.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');
const dir = mkdtempSync(join(tmpdir(), 'tandem-backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, DATABASE_READ_URL: _r, DATA_DIR: _d, TANDEM_ADMIN_TOKEN: _t, ...env } = process.env;
  return { ...env, ...extra };
}
const tandem = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['packages/server/bin/tandem.mjs', ...args], { cwd: ROOT, env: baseEnv(env), encoding: 'utf8', timeout: 300_000 });
/** The JSON export of every kind, without its date. */
function exported(env: Record<string, string>, name: string): unknown {
  const out = join(dir, name);
  const r = tandem(env, 'export', '--format', 'json', '--out', out);
  expect(r.status, r.stderr).toBe(0);
  const { exportedAt: _at, ...data } = JSON.parse(readFileSync(out, 'utf8'));
  return data;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => ok(port)); });
  });
}

describe.skipIf(!inject('snapshotPath'))('tandem backup while the server runs on the embedded engine, then tandem restore', () => {
  const data = join(dir, 'data');
  let server: ChildProcess | undefined;
  let log = '';
  afterAll(() => { if (server?.exitCode === null) process.kill(-server.pid!, 'SIGKILL'); });

  it('backs up through the running server, restores into a new directory: identical exports', { timeout: 600_000 }, async () => {
    // the seeded test database as a data directory on disk
    const pg = await PGlite.create({ dataDir: data, loadDataDir: new Blob([readFileSync(inject('snapshotPath'))]) });
    await pg.close();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'packages/app/src/main.ts'], {
      cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: baseEnv({ DATA_DIR: data, PORT: String(port), HOST: '127.0.0.1', TANDEM_ADMIN_TOKEN: 'cli-test-admin' }),
    });
    server.stdout!.on('data', (d) => { log += d; });
    server.stderr!.on('data', (d) => { log += d; });
    const exited = new Promise((ok) => server!.once('exit', ok));
    // a GET once more on a new connection when the kept one was closed by the server meanwhile (idle past its
    // keep-alive while spawnSync held this process)
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers }).catch(() => fetch(`${url}${path}`, { headers }));
    for (let t0 = Date.now(); ; await new Promise((r) => setTimeout(r, 200))) {
      if (Date.now() - t0 > 120_000 || server.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
      if (await fetch(`${url}/api/health`).then((r) => r.status === 200, () => false)) break;
    }
    // a change while it runs
    const made = await fetch(`${url}/api/projects`, {
      method: 'POST', headers: { authorization: 'Bearer cli-test-admin', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Projet écrit pendant la sauvegarde', status: 'pipeline' }),
    });
    expect(made.status, await made.clone().text()).toBe(201);

    // what stops any second process: the data directory's lock
    const locked = tandem({ DATA_DIR: data }, 'export', '--format', 'json');
    expect(locked.status).toBe(75);
    // the address file is private to the data directory's owner; its secret alone opens the backup route
    const info = join(data, LOCAL_FILE);
    expect(statSync(info).mode & 0o777).toBe(0o600);
    expect((await get('/api/admin/backup')).status).toBe(401);
    expect((await get('/api/admin/backup', { [LOCAL_HEADER]: 'guessed' })).status).toBe(401);

    const file = join(dir, 'tandem.backup.gz');
    const b = tandem({ DATA_DIR: data }, 'backup', file);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^backup written to .*tandem\.backup\.gz: 55 tables, [\d,]+ rows, schema \d{4}_\w+\.sql \(from the running server: pid \d+ at http:\/\/127\.0\.0\.1:\d+\)/);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect((await get('/api/health')).status).toBe(200);
    expect(log).not.toMatch(/error/i);

    process.kill(-server.pid!, 'SIGTERM');
    await exited;
    expect(existsSync(info)).toBe(false);

    const restored = join(dir, 'restored');
    const r = tandem({ DATA_DIR: restored }, 'restore', file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^restored [\d,]+ rows in 55 tables into .*restored; search index rebuilt/);
    const original = exported({ DATA_DIR: data }, 'original.json') as Record<string, Array<{ title?: string }>>;
    expect(original.projects.map((p) => p.title)).toContain('Projet écrit pendant la sauvegarde');
    expect(exported({ DATA_DIR: restored }, 'restored.json')).toEqual(original);

    // refused: a directory that holds data; a damaged file (and the directory it would have created is not left behind)
    const full = tandem({ DATA_DIR: data }, 'restore', file);
    expect(full.status).toBe(1);
    expect(full.stderr).toMatch(/refused: the target database is not empty .*Nothing was written/);
    const bytes = readFileSync(file);
    writeFileSync(join(dir, 'cut.gz'), bytes.subarray(0, bytes.length - 1000));
    const cut = tandem({ DATA_DIR: join(dir, 'never') }, 'restore', join(dir, 'cut.gz'));
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/refused: .*cut short/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    // a file whose checks pass but whose table does not fit the schema fails inside the database: a new directory is
    // removed again, an empty one that was there is emptied again
    forgeBackup(file, join(dir, 'forged.gz'), (ls) => ls.map((l) => l.startsWith('["table","person",') ? l.replace('"name":"email"', '"name":"courriel"') : l));
    const forged = tandem({ DATA_DIR: join(dir, 'never') }, 'restore', join(dir, 'forged.gz'));
    expect(forged.status).toBe(1);
    expect(forged.stderr).toMatch(/refused: the backup's table person has other columns/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    mkdirSync(join(dir, 'empty'));
    expect(tandem({ DATA_DIR: join(dir, 'empty') }, 'restore', join(dir, 'forged.gz')).status).toBe(1);
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
  });
});

describe.skipIf(!inject('pgTemplate'))('tandem backup and restore with DATABASE_URL', () => {
  it('backs up a PostgreSQL database and restores it into an empty one: identical exports', { timeout: 600_000 }, async () => {
    const source = await testDb();
    const target = await emptyDb('postgresql', inject('pgServer'));
    try {
      const [{ s }] = await source.query<{ s: string }>('select current_database() as s');
      const [{ t }] = await target.query<{ t: string }>('select current_database() as t');
      const at = (name: string) => { const u = new URL(inject('pgServer')); u.pathname = `/${name}`; return u.toString(); };
      const file = join(dir, 'pg.backup.gz');
      const b = tandem({ DATABASE_URL: at(s) }, 'backup', file);
      expect(b.status, b.stderr).toBe(0);
      expect(b.stdout).toMatch(/from PostgreSQL \(DATABASE_URL\)/);
      const r = tandem({ DATABASE_URL: at(t) }, 'restore', file);
      expect(r.status, r.stderr).toBe(0);
      expect(exported({ DATABASE_URL: at(t) }, 'pg-restored.json')).toEqual(exported({ DATABASE_URL: at(s) }, 'pg-original.json'));
      expect(tandem({ DATABASE_URL: at(t) }, 'restore', file).status).toBe(1);
    } finally { await source.close(); await target.close(); }
  });
});
