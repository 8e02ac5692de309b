/**
 * An unsafe production configuration stops the real entry (`npm start`: bin/run.mjs → packages/app/src/main.ts; tsx
 * registered too, so that a git worktree whose node_modules link to another checkout runs as well) before it opens anything, exit code 78, with a message naming the variable; a safe one starts.
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, ROOT, stop, waitHealthy, type Proc } from '../../../test/server-process.js';
import { productionProblems, weakSecret } from './production.js';

const STRONG = 'q3J9v0xWm2Lr7TfYc8NbZs4Ke1Hd6Pa5Ug0Io2Ew';
const SAFE = { NODE_ENV: 'production', TANDEM_PUBLIC_URL: 'https://tandem.example.org', TANDEM_ADMIN_TOKEN: STRONG };
/** what the test process may carry that would change the outcome */
const DROP = ['DATABASE_URL', 'DATABASE_READ_URL', 'TANDEM_ADMIN_TOKEN', 'TANDEM_PUBLIC_URL', 'TANDEM_INSECURE_COOKIES', 'OIDC_CLIENT_SECRET', 'SMTP_URL', 'NODE_ENV'];
const dirs: string[] = [];

/** snapshot: the data directory starts as the run's seeded snapshot (as in db/lock.test.ts), else empty. */
async function start(env: Record<string, string>, snapshot?: string): Promise<Proc> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-prod-')); dirs.push(dir);
  if (snapshot) {
    const { PGlite } = await import('@electric-sql/pglite');
    await (await PGlite.create({ dataDir: join(dir, 'data'), loadDataDir: new Blob([readFileSync(snapshot)]) })).close();
  }
  const port = await freePort();
  const inherited = { ...process.env };
  for (const k of DROP) delete inherited[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/bin/run.mjs', 'packages/app/src/main.ts'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { name: 'production', url: `http://127.0.0.1:${port}`, child, log: () => out, exited };
}

/** The Strict-Transport-Security of /api/health asked with this Host header (fetch does not let one set it). */
const hstsOf = (url: string, host: string) => new Promise<string | undefined>((ok, fail) => {
  get(`${url}/api/health`, { headers: { host } }, (res) => { res.resume(); ok(res.headers['strict-transport-security']); }).on('error', fail);
});

afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('the production configuration check', () => {
  it('names each unsafe setting', () => {
    expect(productionProblems({ ...SAFE })).toEqual([]);
    expect(productionProblems({ NODE_ENV: 'development' })).toEqual([]); // development: no check
    const one = (env: Record<string, string>) => productionProblems({ ...SAFE, ...env });
    expect(productionProblems({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^TANDEM_PUBLIC_URL is not set/)]);
    expect(one({ TANDEM_PUBLIC_URL: 'tandem.example.org' })).toEqual([expect.stringMatching(/^TANDEM_PUBLIC_URL is not an http\(s\) URL/)]);
    expect(one({ TANDEM_PUBLIC_URL: 'http://tandem.example.org' })).toEqual([expect.stringMatching(/^TANDEM_PUBLIC_URL is plain http/)]);
    expect(one({ TANDEM_PUBLIC_URL: 'http://intranet', TANDEM_INSECURE_COOKIES: '1' })).toEqual([]);
    expect(one({ TANDEM_INSECURE_COOKIES: '1' })).toEqual([expect.stringMatching(/^TANDEM_INSECURE_COOKIES=1 while TANDEM_PUBLIC_URL is https/)]);
    for (const token of ['dev-token', 'DEV-TOKEN', 'short-token-1234', '', 'a'.repeat(40), 'abababababababababababababababababab']) {
      expect(one({ TANDEM_ADMIN_TOKEN: token }), token).toEqual([expect.stringMatching(/^TANDEM_ADMIN_TOKEN /)]);
    }
    expect(one({ DATABASE_URL: 'postgres://tandem:postgres@db:5432/tandem' })).toEqual([expect.stringMatching(/^DATABASE_URL holds a well-known default password/)]);
    expect(one({ DATABASE_URL: `postgres://tandem:${STRONG}@db:5432/tandem`, DATABASE_READ_URL: 'postgres://tandem:changeme@replica/tandem' }))
      .toEqual([expect.stringMatching(/^DATABASE_READ_URL /)]);
    expect(one({ SMTP_URL: 'smtp://mailer:password@smtp.example.org:587' })).toEqual([expect.stringMatching(/^SMTP_URL /)]);
    expect(one({ OIDC_CLIENT_SECRET: 'secret' })).toEqual([expect.stringMatching(/^OIDC_CLIENT_SECRET /)]);
    expect(weakSecret(STRONG)).toBeNull();
  });

  it('stops `npm start` with a message naming the variable, before opening the database (exit 78)', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ NODE_ENV: 'production', TANDEM_ADMIN_TOKEN: STRONG }, /TANDEM_PUBLIC_URL is not set/],
      [{ ...SAFE, TANDEM_INSECURE_COOKIES: '1' }, /TANDEM_INSECURE_COOKIES=1 while TANDEM_PUBLIC_URL is https/],
      [{ ...SAFE, TANDEM_ADMIN_TOKEN: 'dev-token' }, /TANDEM_ADMIN_TOKEN is a well-known default value/],
      [{ ...SAFE, TANDEM_ADMIN_TOKEN: 'abc123' }, /TANDEM_ADMIN_TOKEN is 6 characters long/],
    ];
    const procs = await Promise.all(cases.map(([env]) => start(env)));
    const codes = await Promise.all(procs.map((p) => p.exited));
    cases.forEach(([, message], n) => {
      expect(codes[n], procs[n].log()).toBe(78);
      expect(procs[n].log()).toMatch(message);
      expect(procs[n].log()).toMatch(/refusing to start with an unsafe production configuration/);
      expect(procs[n].log()).not.toMatch(/listening/);
    });
  }, 120_000);

  // on the run's seeded PGlite snapshot (either engine's run makes one; the PostgreSQL run's is empty: skipped there)
  it.skipIf(!inject('snapshotPath'))('lets a safe production configuration start', async () => {
    const p = await start(SAFE, inject('snapshotPath'));
    try {
      await waitHealthy(p, 120_000);
      // addressed to the https public address (as the TLS proxy forwards it): HSTS; to the process's own address: none
      expect(await hstsOf(p.url, 'tandem.example.org')).toMatch(/max-age=/);
      expect(await hstsOf(p.url, new URL(p.url).host)).toBeUndefined();
    } finally { await stop(p); }
  }, 180_000);
});
