/**
 * Start-up: the real server process as `npm start` runs it, from spawn to the first 200 of GET / (the home page, with
 * its map); then the resident memory of the server process and the CPU time of every process of the command so far
 * (on a shared machine the CPU time says more than the wall time). Cases, PGlite: cold = a fresh empty DATA_DIR (the
 * seeded template copied, db/seed/template.ts), cold without template (TANDEM_SEED_CACHE=off: initdb, migrate, seed in
 * place), warm = the same DATA_DIR again; PostgreSQL (--pg, or DATABASE_URL/TANDEM_TEST_PG): a fresh database, then
 * warm starts on it. Each run ends with SIGTERM and waits for the whole process group to exit.
 *
 *   npm run bench:start [-- --cold 1 --bare 1 --warm 3 --pg 1 --command tsx]
 * --command tsx: `node --import tsx packages/app/src/main.ts` instead of `npm start` (the loader's cost);
 * --command node: `node packages/server/bin/run.mjs packages/app/src/main.ts`, what `npm start` runs (npm's own cost)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, arg, fmt, freePort, freshDir, groupProcs, isMain, saveResult, summarize, type Proc } from './lib.js';

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try { process.kill(-pgid, signal); return true; } catch { return false; }
}

/** The node process that serves (runs main.ts or its bundle): not npm, not the shell npm runs the script with, not esbuild. */
const isServer = (p: Proc) => /^(\S*\/)?node (--?\S+ )*\S*(run\.mjs|main\.ts)/.test(p.cmd);

export interface StartRun {
  ms: number; stopMs: number; lockReleased: boolean; reportedReadyMs: number | null; seedMs: number | null;
  /** the serving process after the first page: resident MB; every process of the command: resident MB, CPU ms so far */
  serverRssMb: number; groupRssMb: number; cpuMs: number;
}

export const COMMANDS: Record<string, string[]> = {
  npm: ['npm', 'start'], node: [process.execPath, 'packages/server/bin/run.mjs', 'packages/app/src/main.ts'],
  tsx: [process.execPath, '--import', 'tsx', 'packages/app/src/main.ts'],
};

/** One start: spawn, poll GET / until 200, measure, SIGTERM, wait for the group to exit. */
export async function timeStart(env: Record<string, string>, command = 'npm', timeoutMs = 300_000): Promise<StartRun> {
  const port = await freePort();
  const [bin, ...args] = COMMANDS[command];
  const t0 = performance.now();
  // detached: the server tree gets its own process group, so a hung run can be ended without touching anything else
  const child = spawn(bin, args, {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', DATA_DIR: '', TANDEM_ADMIN_TOKEN: '', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  let done = false;
  void exited.then(() => { done = true; });
  let ms = NaN, stopMs = 0, procs: Proc[] = [];
  try {
    while (!done) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`no 200 from / after ${fmt(timeoutMs)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.text();
        if (res.status === 200) { ms = performance.now() - t0; break; }
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 25));
    }
    if (Number.isNaN(ms)) throw new Error(`the server exited before answering:\n${out}`);
    procs = groupProcs(child.pid!);
  } finally {
    // SIGTERM to the server itself (npm does not forward it at once), then wait until the whole group is gone
    const s = performance.now();
    const server = groupProcs(child.pid!).find(isServer);
    if (server) process.kill(server.pid, 'SIGTERM'); else signalGroup(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 20_000);
    await exited;
    while (signalGroup(child.pid!, 0)) await new Promise((r) => setTimeout(r, 20));
    clearTimeout(timer);
    stopMs = performance.now() - s;
  }
  const mb = (kb: number) => Math.round(kb / 1024);
  const ready = out.match(/ready in (\d+) ms/);
  const seed = out.match(/loaded in ([\d.]+) s/);
  return {
    ms, stopMs, lockReleased: !env.DATA_DIR || !existsSync(join(env.DATA_DIR, 'tandem.lock')),
    reportedReadyMs: ready ? Number(ready[1]) : null, seedMs: seed ? Number(seed[1]) * 1000 : null,
    serverRssMb: mb(procs.find(isServer)?.rssKb ?? 0), groupRssMb: mb(procs.reduce((s, p) => s + p.rssKb, 0)),
    cpuMs: Math.round(procs.reduce((s, p) => s + p.cpuMs, 0)),
  };
}

const line = (name: string, r: StartRun) => `${name}: ${fmt(r.ms)} to the first page (CPU ${fmt(r.cpuMs)}; server-reported: `
  + `${r.seedMs == null ? '' : `seed ${fmt(r.seedMs)}, `}ready ${r.reportedReadyMs ?? '–'} ms) · server process ${r.serverRssMb} MB resident `
  + `(all processes ${r.groupRssMb} MB) · stop ${fmt(r.stopMs)}, lock released: ${r.lockReleased}`;

async function pgFresh(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const name = `tandem_bench_start_${process.pid}`;
  const admin = await openDb({ databaseUrl: server });
  await admin.exec(`drop database if exists ${name}`);
  await admin.exec(`create database ${name}`);
  const u = new URL(server); u.pathname = `/${name}`;
  return { url: u.toString(), drop: async () => { await admin.exec(`drop database if exists ${name} with (force)`); await admin.close(); } };
}

export async function benchStart(opts: { cold?: number; bare?: number; warm?: number; pg?: number; command?: string; log?: (m: string) => void } = {}) {
  const { cold = 1, bare = 0, warm = 3, pg = 0, command = 'npm', log = console.log } = opts;
  const runs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  // the template of first starts, as `npm install` leaves it (built here when the sources changed since)
  const { ensureSeedTemplate } = await import('../../packages/server/src/db/seed/template.js');
  if (cold) await ensureSeedTemplate(log);
  const coldRuns: StartRun[] = [], bareRuns: StartRun[] = [], warmRuns: StartRun[] = [], pgRuns: StartRun[] = [];
  let dir = '';
  for (const i of runs(bare)) {
    dir = freshDir(`start-bare-${i}`);
    bareRuns.push(await timeStart({ DATA_DIR: dir, TANDEM_SEED_CACHE: 'off' }, command));
    log(line(`cold start without template ${i}`, bareRuns.at(-1)!));
  }
  for (const i of runs(cold)) {
    dir = freshDir(`start-${i}`);
    coldRuns.push(await timeStart({ DATA_DIR: dir }, command));
    log(line(`cold start ${i}`, coldRuns.at(-1)!));
  }
  for (const i of runs(dir ? warm : 0)) {
    warmRuns.push(await timeStart({ DATA_DIR: dir }, command));
    log(line(`warm start ${i}`, warmRuns.at(-1)!));
  }
  if (pg) {
    const db = await pgFresh(process.env.DATABASE_URL || process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres');
    try {
      for (const i of runs(pg + 1)) {
        pgRuns.push(await timeStart({ DATABASE_URL: db.url }, command));
        log(line(`PostgreSQL ${i === 1 ? 'first start (fresh database: migrate + seed)' : `warm start ${i - 1}`}`, pgRuns.at(-1)!));
      }
    } finally { await db.drop(); }
  }
  const summary = (rs: StartRun[]) => ({ runs: rs, ...summarize(rs.map((r) => r.ms)), rssMb: summarize(rs.map((r) => r.serverRssMb)) });
  const result = {
    engine: 'pglite', command: COMMANDS[command].join(' '),
    cold: summary(coldRuns), bare: summary(bareRuns), warm: summary(warmRuns), postgresql: summary(pgRuns),
  };
  saveResult('start', result);
  return { ...result, dataDir: dir };
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const n = (name: string, d: number) => Number(arg(argv, name) ?? d);
  benchStart({ cold: n('cold', 1), bare: n('bare', 1), warm: n('warm', 3), pg: n('pg', 1), command: arg(argv, 'command') ?? 'npm' })
    .then((r) => console.log(`start: cold p50 ${fmt(r.cold.p50)} · warm p50 ${fmt(r.warm.p50)} (min ${fmt(r.warm.min)}, max ${fmt(r.warm.max)})`))
    .catch((err) => { console.error(err); process.exit(1); });
}
