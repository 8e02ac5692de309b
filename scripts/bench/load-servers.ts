/**
 * The servers of `npm run bench:load`: real processes (`node --import tsx packages/app/src/main.ts`, each in its own
 * process group) on PGlite (one process, a fresh copy of the seeded template) or on PostgreSQL (a fresh empty database
 * `hload_<pid>` on 127.0.0.1:5432, two processes that migrate and seed it in turn); their RSS read every second from
 * /proc/<pid>/status (VmRSS); the database opened afterwards to check what the load wrote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyDataDir, fmt, ROOT, seededTemplate } from './lib.js';
import type { RssSample } from './load-stats.js';

export type Engine = 'pglite' | 'pg';
export interface Proc { name: string; port: number; pid: number; child: ChildProcess; log: () => string; exited: Promise<void>; rss: RssSample[] }
export interface Servers {
  engine: Engine; procs: Proc[]; token: string; startMs: number;
  /** the connection settings to open the database once the servers are stopped */
  dbSettings: { dataDir?: string; databaseUrl?: string };
  stop: () => Promise<void>; drop: () => Promise<void>;
}

const PG_SERVER = process.env.TANDEM_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

function spawnServer(name: string, port: number, env: Record<string, string>): Proc {
  const inherited = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATABASE_READ_URL', 'DATA_DIR', 'TANDEM_ADMIN_TOKEN', 'SMTP_URL']) delete inherited[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/app/src/main.ts'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  let out = '';
  // the mails go to the log without SMTP_URL: keep the last 20 KB only
  const keep = (d: Buffer) => { out = (out + d).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return { name, port, pid: child.pid!, child, log: () => out, exited, rss: [] };
}

async function waitHealthy(p: Proc, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  let gone = false;
  void p.exited.then(() => { gone = true; });
  while (Date.now() - t0 < timeoutMs) {
    if (gone) throw new Error(`server ${p.name} exited before answering:\n${p.log()}`);
    try { if ((await fetch(`http://127.0.0.1:${p.port}/api/health`)).status === 200) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server ${p.name}: no 200 from /api/health within ${fmt(timeoutMs)}:\n${p.log()}`);
}

/** SIGTERM to the process (its own clean stop), SIGKILL to its group after 20 s. */
async function stopProc(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const timer = setTimeout(() => { try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ } }, 20_000);
  try { process.kill(p.pid, 'SIGTERM'); } catch { /* gone */ }
  await p.exited;
  clearTimeout(timer);
}

export function readRssKb(pid: number): number | null {
  try { const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8')); return m ? Number(m[1]) : null; } catch { return null; }
}

/** Samples every process's RSS each second from t0 (performance.now()) until the returned function is called. */
export function sampleRss(procs: Proc[], t0: number): () => void {
  const tick = () => { for (const p of procs) { const kb = readRssKb(p.pid); if (kb != null) p.rss.push({ t: Math.round(performance.now() - t0), kb }); } };
  tick();
  const timer = setInterval(tick, 1000);
  return () => { clearInterval(timer); tick(); };
}

const common = (token: string) => ({
  TANDEM_ADMIN_TOKEN: token,
  // behind a reverse proxy: each visitor's address comes in X-Forwarded-For (the per-address limits apply per visitor)
  TANDEM_TRUST_PROXY: '1',
});

export async function startServers(engine: Engine, portBase: number, log: (m: string) => void, env: Record<string, string> = {}): Promise<Servers> {
  const token = randomBytes(24).toString('base64url');
  const t0 = performance.now();
  if (engine === 'pglite') {
    const dataDir = copyDataDir(await seededTemplate(true, log), 'load-pglite');
    const p = spawnServer('pglite', portBase, { ...common(token), DATA_DIR: dataDir, ...env });
    try { await waitHealthy(p, 180_000); } catch (e) { await stopProc(p); throw e; }
    log(`PGlite: one server on :${p.port} (pid ${p.pid}) ready in ${fmt(performance.now() - t0)}, data ${dataDir}`);
    return { engine, procs: [p], token, startMs: performance.now() - t0, dbSettings: { dataDir }, stop: () => stopProc(p), drop: async () => {} };
  }
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const name = `hload_${process.pid}`;
  const admin = await openDb({ databaseUrl: PG_SERVER });
  await admin.exec(`drop database if exists ${name} with (force)`);
  await admin.exec(`create database ${name}`);
  const u = new URL(PG_SERVER); u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const drop = async () => { await admin.exec(`drop database if exists ${name} with (force)`); await admin.close(); };
  // started together on the empty database: they take turns (schemaLocked) to migrate and seed it
  const procs = ['pg-a', 'pg-b'].map((n, i) => spawnServer(n, portBase + 1 + i, { ...common(token), DATABASE_URL: databaseUrl, ...env }));
  const stop = async () => { await Promise.all(procs.map(stopProc)); };
  try { await Promise.all(procs.map((p) => waitHealthy(p, 300_000))); } catch (e) { await stop(); await drop(); throw e; }
  log(`PostgreSQL: database ${name}, two servers on :${procs.map((p) => p.port).join(' and :')} (pids ${procs.map((p) => p.pid).join(', ')}) ready in ${fmt(performance.now() - t0)}`);
  return { engine, procs, token, startMs: performance.now() - t0, dbSettings: { databaseUrl }, stop, drop };
}
