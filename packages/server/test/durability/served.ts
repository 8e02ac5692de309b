/**
 * A database on the run's engine for real server processes (test/server-process.ts) that the test kills and
 * restarts: on PGlite a data directory made from the run's seeded snapshot (DATA_DIR), on PostgreSQL a database
 * copied from the run's template (DATABASE_URL). `open()` opens it in the test process (on PGlite only while no
 * server runs: one process per data directory), `start()` starts a server on it with TANDEM_ADMIN_TOKEN = ADMIN.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDb, type Db } from '../../src/db/client.js';
import { withDatabase } from '../pg-admin.js';
import { startProcess, stop, waitHealthy, type Proc } from '../server-process.js';

export const ADMIN = 'durability-admin-token-0123456789abcdef';
export const auth = { authorization: `Bearer ${ADMIN}` };

export interface Served {
  engine: 'pglite' | 'postgresql';
  /** DATA_DIR or DATABASE_URL */
  env: Record<string, string>;
  open(): Promise<Db>;
  start(name: string, env?: Record<string, string>): Promise<Proc>;
  /** SIGTERM, as a service manager stops it */
  stop(p: Proc): Promise<void>;
  /** stops what still runs and removes the data */
  cleanup(): Promise<void>;
}

let n = 0;

export async function served(label: string): Promise<Served> {
  const procs: Proc[] = [];
  const template = inject('pgTemplate');
  let env: Record<string, string>, open: () => Promise<Db>, remove: () => Promise<void>;
  if (template) {
    const server = inject('pgServer');
    const name = `tandem_t_${process.ppid}_${process.pid}_${label}_${n++}`;
    await withDatabase(server, (admin) => admin.exec(`create database ${name} template ${template}`));
    const u = new URL(server); u.pathname = `/${name}`;
    env = { DATABASE_URL: u.toString(), DATABASE_POOL_SIZE: '8' };
    open = () => openDb({ databaseUrl: u.toString() });
    remove = () => withDatabase(server, (admin) => admin.exec(`drop database if exists ${name} with (force)`));
  } else {
    const dir = mkdtempSync(join(tmpdir(), `tandem-${label}-`));
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('snapshotPath'))]) });
    await pg.close();
    env = { DATA_DIR: dir };
    open = () => openDb({ dataDir: dir });
    remove = async () => rmSync(dir, { recursive: true, force: true });
  }
  return {
    engine: template ? 'postgresql' : 'pglite',
    env,
    open,
    async start(name, extra = {}) {
      // a crowd sent at once waits its turn (admission queue) instead of a prompt 503 after the default 1 s
      const p = await startProcess(name, { ...env, TANDEM_ADMIN_TOKEN: ADMIN, TANDEM_QUEUE_WAIT_MS: '60000', ...extra });
      procs.push(p);
      await waitHealthy(p, 120_000);
      return p;
    },
    stop,
    async cleanup() { await Promise.all(procs.map(stop)); await remove(); },
  };
}

/** JSON over HTTP to a real process; never throws on a refused connection (a killed server): status 0. */
export async function call(p: Proc, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
  try {
    const res = await fetch(`${p.url}${path}`, {
      method, headers: { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await res.text();
    let body: any = null;
    try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, json: body, text };
  } catch {
    return { status: 0, json: null, text: '' };
  }
}
