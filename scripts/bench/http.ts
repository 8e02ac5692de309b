/**
 * HTTP throughput: the real server process (`node --import tsx packages/app/src/main.ts`) on a fresh copy of the
 * seeded PGlite template, or on PostgreSQL, loaded by autocannon (in this process) with 64 keep-alive connections:
 * one record as JSON, two server-rendered sheets, one search. Per case: a first request checked (200 + content type),
 * a warm-up, then the timed run; requests/s, latency p50/p97.5/p99, errors and non-2xx (a run with any is not a valid
 * figure), the server's CPU time per request and its peak RSS (/proc: VmHWM, reset before each case). autocannon's
 * percentiles count answered requests only: 'implied' (connections ÷ req/s, Little's law) far above 'mean' means a queue
 * of requests still unanswered at the end, so the latencies are optimistic.
 *
 *   npm run bench:http [-- --duration 10] [-- --connections 64] [-- --warmup 2] [-- --engine pglite|postgresql]
 *                      [-- --only project-api,search] [-- --reuse] [-- --from <data dir>] [-- --cpu-prof] [-- --no-cache]
 * --engine      default: postgresql when DATABASE_URL is set (that database is used, migrated and seeded if empty),
 *               else pglite. postgresql without DATABASE_URL: a throwaway database on TANDEM_BENCH_PG, else
 *               TANDEM_TEST_PG, else postgres://postgres@127.0.0.1:5432/postgres, migrated + seeded, dropped afterwards
 * --reuse       reuse .tmp/bench/seeded (the PGlite template) when it exists; --from: copy this data directory instead
 * --no-cache    TANDEM_CACHE_MB=0: every request reads the database (by default the visitors' cache answers all but the first)
 * --cpu-prof    run the server under `node --cpu-prof`: one .cpuprofile per run in .tmp/bench/http-prof
 * --mix         instead of the cases: the mixed load of http-mix.ts (searches, sheets, records' JSON drawn at random), by
 *               default 200 connections for 30 s without warm-up; 200s, 503s, errors and timeouts counted per group;
 *               --spread zipf (default: a few URLs often, a long tail rarely) | uniform
 * --env K=V,…   more environment for the server (e.g. --env TANDEM_MAX_INFLIGHT=4,TANDEM_QUEUE_WAIT_MS=500)
 * autocannon and the server share the machine's cores: on 2 cores the load generator takes a large part of the CPU.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { arg, copyDataDir, fmt, freePort, isMain, machine, ROOT, saveResult, seededTemplate, WORK } from './lib.js';
import { mixUrls, printMix, runMix, type MixResult, type Spread } from './http-mix.js';

type EngineName = 'pglite' | 'postgresql';
interface Case { name: string; path: string; type: 'application/json' | 'text/html'; target?: { rps: number; p99Ms?: number } }

/** The product's figures: one record's GET ≥ 3,000 req/s with p99 ≤ 50 ms at 64 connections; a sheet ≥ 1,000 req/s. */
export const CASES: Case[] = [
  { name: 'project-api', path: '/api/projects/innotech-master', type: 'application/json', target: { rps: 3000, p99Ms: 50 } },
  { name: 'partnership-api', path: '/api/partnerships/ssd-hai-duong', type: 'application/json', target: { rps: 3000, p99Ms: 50 } },
  { name: 'project-sheet', path: '/projects/innotech-master', type: 'text/html', target: { rps: 1000 } },
  { name: 'partnership-sheet', path: '/partnerships/ssd-hai-duong', type: 'text/html', target: { rps: 1000 } },
  { name: 'search-api', path: '/api/search?q=hue', type: 'application/json' },
];

export interface CaseResult {
  name: string; path: string; bytes: number;
  rps: number; requests: number; seconds: number;
  latency: { p50: number; p97_5: number; p99: number; max: number; mean: number };
  /** requests sent but not answered when the run ended: their latency is in no percentile. impliedMeanMs: connections ÷
   * throughput (Little's law); far above latency.mean, the percentiles leave out a queue of slow requests. */
  unanswered: number; impliedMeanMs: number;
  errors: number; timeouts: number; non2xx: number; statusCodes: Record<string, number>; valid: boolean;
  /** server process CPU (user + system) over the timed run, and per request; PostgreSQL backends separately */
  serverCpuMs: number | null; serverCpuPerRequestMs: number | null; serverCpuPercent: number | null;
  pgBackendCpuMs: number | null; loaderCpuMs: number;
  /** VmHWM of the server process over the warm-up and the timed run (reset before each case) */
  peakRssMb: number | null;
  target?: { rps: number; p99Ms?: number; met: boolean };
}

export interface HttpRun {
  engine: EngineName; cache: boolean; command: string; connections: number; durationS: number; warmupS: number; poolSize: number | null;
  startMs: number; serverPeakRssMb: number | null; cases: CaseResult[]; valid: boolean; cpuProfile?: string;
  mix?: MixResult & { serverCpuPercent: number | null; loadavgBefore: number[]; loadavgAfter: number[] }; env?: Record<string, string>;
}

// ── /proc readers (Linux; null elsewhere) ────────────────────────────────────────────────────────────────────────────
const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime (fields 14 and 15)
  } catch { return null; }
}

function peakRssMb(pid: number): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch { return null; }
}

/** Resets VmHWM to the current RSS (clear_refs 5), so the next reading is the peak of what follows. */
function resetPeakRss(pid: number): boolean {
  try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); return true; } catch { return false; }
}

/** CPU ticks of the PostgreSQL backends serving database `db` (their process title names it). */
function pgBackendTicks(db: string): number | null {
  let sum = 0, found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres: ') || !cmd.split(' ').includes(db)) continue;
      const t = cpuTicks(Number(entry));
      if (t != null) { sum += t; found = true; }
    } catch { /* exited meanwhile */ }
  }
  return found ? sum : null;
}

// ── the database ─────────────────────────────────────────────────────────────────────────────────────────────────────
/** A throwaway PostgreSQL database, migrated and seeded (as in import.ts), dropped by drop(). */
async function pgDatabase(log: (m: string) => void): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const { prepareDb } = await import('../../packages/server/src/server.js');
  const server = process.env.TANDEM_BENCH_PG || process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tandem_bench_http_${process.pid}`;
  const admin = await openDb({ databaseUrl: server });
  await admin.exec(`create database ${name}`);
  const u = new URL(server); u.pathname = `/${name}`;
  try {
    const t0 = performance.now();
    const db = await openDb({ databaseUrl: u.toString() });
    await prepareDb(db, () => {});
    await db.close();
    log(`PostgreSQL: throwaway database ${name} migrated and seeded in ${fmt(performance.now() - t0)}`);
  } catch (err) {
    await admin.exec(`drop database if exists ${name} with (force)`); await admin.close();
    throw err;
  }
  return { url: u.toString(), name, drop: async () => { await admin.exec(`drop database if exists ${name} with (force)`); await admin.close(); } };
}

// ── the server process ───────────────────────────────────────────────────────────────────────────────────────────────
interface Server { port: number; pid: number; startMs: number; output: () => string; stop: () => Promise<void> }

function groupAlive(pgid: number): boolean {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

/** Spawns `node --import tsx packages/app/src/main.ts` (its own process group) and waits for a 200 of /api/health. */
async function startServer(env: Record<string, string>, nodeArgs: string[], timeoutMs = 180_000): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'packages/app/src/main.ts'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TANDEM_ADMIN_TOKEN: '', DATABASE_READ_URL: '', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  let done = false;
  const exited = new Promise<void>((ok) => child.once('exit', () => { done = true; ok(); }));
  const stop = async () => {
    // node runs main.ts itself (no npx/tsx wrapper): SIGTERM reaches the server's own handler (close, db.close, exit)
    try { process.kill(child.pid!, 'SIGTERM'); } catch { /* gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 20_000);
    await exited;
    while (groupAlive(child.pid!)) await new Promise((r) => setTimeout(r, 20));
    clearTimeout(timer);
  };
  try {
    for (;;) {
      if (done) throw new Error(`the server exited before answering:\n${out}`);
      if (performance.now() - t0 > timeoutMs) throw new Error(`no 200 from /api/health after ${fmt(timeoutMs)}:\n${out}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        await res.text();
        if (res.status === 200) break;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) { await stop(); throw err; }
  return { port, pid: child.pid!, startMs: performance.now() - t0, output: () => out, stop };
}

// ── the load ─────────────────────────────────────────────────────────────────────────────────────────────────────────
/** The first response must be a 200 of the expected type: otherwise the figures would measure an error page. */
async function firstResponse(base: string, c: Case): Promise<number> {
  const res = await fetch(base + c.path);
  const body = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith(c.type)) {
    throw new Error(`${c.name}: GET ${c.path} answered ${res.status} ${type} (expected 200 ${c.type}):\n${body.slice(0, 500)}`);
  }
  return Buffer.byteLength(body);
}

const cannon = (url: string, connections: number, duration: number) =>
  autocannon({ url, connections, duration, pipelining: 1, timeout: 10 });

const r1 = (x: number) => Math.round(x * 10) / 10;

async function runCase(base: string, c: Case, o: { connections: number; duration: number; warmup: number; serverPid: number; pgDb?: string }): Promise<CaseResult> {
  const bytes = await firstResponse(base, c);
  const rssReset = resetPeakRss(o.serverPid);
  if (o.warmup > 0) await cannon(base + c.path, o.connections, o.warmup);
  const cpu0 = cpuTicks(o.serverPid), pg0 = o.pgDb ? pgBackendTicks(o.pgDb) : null, me0 = process.cpuUsage();
  const r = await cannon(base + c.path, o.connections, o.duration);
  const cpu1 = cpuTicks(o.serverPid), pg1 = o.pgDb ? pgBackendTicks(o.pgDb) : null, me = process.cpuUsage(me0);
  const serverCpuMs = cpu0 != null && cpu1 != null ? (cpu1 - cpu0) * TICK_MS : null;
  const requests = r.requests.total;
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v?.count ?? 0]));
  const valid = r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && requests > 0;
  const rps = Math.round(r.requests.average);
  return {
    name: c.name, path: c.path, bytes, rps, requests, seconds: r.duration,
    latency: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max, mean: r1(r.latency.mean) },
    unanswered: Math.max(0, r.requests.sent - requests), impliedMeanMs: requests ? Math.round((o.connections * r.duration * 1000) / requests) : NaN,
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, statusCodes, valid,
    serverCpuMs, serverCpuPerRequestMs: serverCpuMs != null && requests ? Math.round((serverCpuMs / requests) * 1000) / 1000 : null,
    serverCpuPercent: serverCpuMs != null ? Math.round((serverCpuMs / (r.duration * 1000)) * 100) : null,
    pgBackendCpuMs: pg0 != null && pg1 != null ? (pg1 - pg0) * TICK_MS : null,
    loaderCpuMs: Math.round((me.user + me.system) / 1000),
    peakRssMb: rssReset ? peakRssMb(o.serverPid) : null,
    ...(c.target ? { target: { ...c.target, met: valid && rps >= c.target.rps && (c.target.p99Ms == null || r.latency.p99 <= c.target.p99Ms) } } : {}),
  };
}

export function printTable(run: HttpRun, log = console.log): void {
  const head = ['case', 'req/s', 'p50', 'p97.5', 'p99', 'max', 'mean', 'implied', 'errors', 'non-2xx', 'srv CPU', 'CPU/req', 'peak RSS', 'target'];
  const rows = run.cases.map((c) => [
    `GET ${c.path}`, c.rps.toLocaleString('en'), `${c.latency.p50} ms`, `${c.latency.p97_5} ms`, `${c.latency.p99} ms`, `${c.latency.max} ms`,
    `${Math.round(c.latency.mean)} ms`, Number.isNaN(c.impliedMeanMs) ? '–' : `${c.impliedMeanMs} ms`,
    String(c.errors), String(c.non2xx), c.serverCpuPercent == null ? '–' : `${c.serverCpuPercent} %`,
    c.serverCpuPerRequestMs == null ? '–' : `${c.serverCpuPerRequestMs} ms`, c.peakRssMb == null ? '–' : `${c.peakRssMb} MB`,
    c.target ? `${c.target.met ? 'met' : 'NOT met'} (≥ ${c.target.rps.toLocaleString('en')}/s${c.target.p99Ms ? `, p99 ≤ ${c.target.p99Ms} ms` : ''})` : '',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 || i === r.length - 1 ? x.padEnd(w[i]) : x.padStart(w[i]))).join('  ').trimEnd();
  log(line(head));
  for (const r of rows) log(line(r));
  const invalid = run.cases.filter((c) => !c.valid);
  const why = (c: CaseResult) => (c.requests === 0 ? 'no response completed within the run (each slower than --duration at this concurrency)'
    : `status codes ${JSON.stringify(c.statusCodes)}, ${c.errors} errors, ${c.timeouts} timeouts`);
  if (invalid.length) log(`NOT VALID: ${invalid.map((c) => `${c.name}: ${why(c)}`).join('; ')}`);
  const skewed = run.cases.filter((c) => c.requests && c.impliedMeanMs > 2 * c.latency.mean);
  if (skewed.length) {
    log(`queueing: ${skewed.map((c) => `${c.name} ${c.unanswered} unanswered at the end`).join(', ')}; where 'implied' (connections ÷ req/s) is far `
      + `above 'mean', the slowest requests finished after the run and are in no percentile: the latencies are optimistic`);
  }
  const pg = run.cases.filter((c) => c.pgBackendCpuMs != null);
  if (pg.length) log(`PostgreSQL backends' CPU: ${pg.map((c) => `${c.name} ${Math.round((c.pgBackendCpuMs! / (c.seconds * 1000)) * 100)} %`).join(', ')} (of one core)`);
  log(`load generator (autocannon, this process) CPU: ${run.cases.map((c) => `${c.name} ${Math.round(c.loaderCpuMs / (c.seconds * 10))} %`).join(', ')} (of one core)`);
}

export async function benchHttp(opts: {
  engine?: EngineName; duration?: number; connections?: number; warmup?: number; only?: string[]; reuse?: boolean; from?: string;
  cpuProf?: boolean; noCache?: boolean; mix?: boolean; spread?: Spread; env?: Record<string, string>; log?: (m: string) => void;
} = {}): Promise<HttpRun> {
  const { duration = 10, connections = 64, warmup = 2, log = console.log } = opts;
  const engine: EngineName = opts.engine ?? (process.env.DATABASE_URL ? 'postgresql' : 'pglite');
  const cases = opts.only?.length ? CASES.filter((c) => opts.only!.includes(c.name)) : CASES;
  if (!cases.length) throw new Error(`no case among --only ${opts.only?.join(',')}: ${CASES.map((c) => c.name).join(', ')}`);

  let env: Record<string, string>;
  let pg: Awaited<ReturnType<typeof pgDatabase>> | null = null;
  let pgDb: string | undefined;
  if (engine === 'pglite') {
    const dir = copyDataDir(opts.from ?? await seededTemplate(!!opts.reuse, log), 'http-pglite');
    env = { DATA_DIR: dir, DATABASE_URL: '' };
  } else if (process.env.DATABASE_URL) {
    env = { DATABASE_URL: process.env.DATABASE_URL };
    pgDb = new URL(process.env.DATABASE_URL).pathname.slice(1);
  } else {
    pg = await pgDatabase(log);
    env = { DATABASE_URL: pg.url };
    pgDb = pg.name;
  }
  const profDir = join(WORK, 'http-prof');
  if (opts.cpuProf) mkdirSync(profDir, { recursive: true });
  const before = opts.cpuProf && existsSync(profDir) ? new Set(readdirSync(profDir)) : new Set<string>();
  const nodeArgs = opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const poolSize = engine === 'postgresql' ? Number(process.env.DATABASE_POOL_SIZE ?? 10) : null;

  // the visitors' cache (lib/response-cache.ts) answers every request after the first: --no-cache measures the database path
  if (opts.noCache) env.TANDEM_CACHE_MB = '0';
  Object.assign(env, opts.env);
  try {
    const server = await startServer(env, nodeArgs);
    log(`server (${engine}, ${opts.noCache ? 'no cache' : 'cache on'}) answering in ${fmt(server.startMs)} on port ${server.port}, pid ${server.pid}; ${connections} connections, `
      + `${warmup} s warm-up + ${duration} s per case`);
    const results: CaseResult[] = [];
    let serverPeak: number | null = null;
    let mix: HttpRun['mix'];
    try {
      const base = `http://127.0.0.1:${server.port}`;
      if (opts.mix) {
        const urls = await mixUrls(base);
        const loadavgBefore = machine().loadavg, cpu0 = cpuTicks(server.pid);
        if (warmup > 0) await runMix(base, urls, { connections, duration: warmup, seed: 2, spread: opts.spread });
        const m = await runMix(base, urls, { connections, duration, seed: 1, spread: opts.spread });
        const cpu1 = cpuTicks(server.pid);
        mix = { ...m, serverCpuPercent: cpu0 != null && cpu1 != null ? Math.round(((cpu1 - cpu0) * TICK_MS) / (m.seconds * 10)) : null, loadavgBefore, loadavgAfter: machine().loadavg };
        serverPeak = peakRssMb(server.pid);
      }
      for (const c of opts.mix ? [] : cases) {
        const r = await runCase(base, c, { connections, duration, warmup, serverPid: server.pid, pgDb });
        results.push(r);
        serverPeak = Math.max(serverPeak ?? 0, r.peakRssMb ?? 0) || null;
        log(`  ${c.name.padEnd(18)} ${String(r.rps).padStart(6)} req/s · p50 ${r.latency.p50} ms · p99 ${r.latency.p99} ms · `
          + `${r.errors} errors · ${r.non2xx} non-2xx${r.valid ? '' : ' — NOT VALID'}`);
      }
    } finally {
      await server.stop();
    }
    const run: HttpRun = {
      engine, cache: !opts.noCache, command: `node ${nodeArgs.join(' ')}${nodeArgs.length ? ' ' : ''}--import tsx packages/app/src/main.ts`, connections,
      durationS: duration, warmupS: warmup, poolSize, startMs: Math.round(server.startMs), serverPeakRssMb: serverPeak, cases: results,
      valid: results.every((c) => c.valid) && (!mix || mix.valid), ...(mix ? { mix } : {}), ...(opts.env ? { env: opts.env } : {}),
    };
    if (opts.cpuProf) {
      // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the main thread is thread 0 (others: workers)
      const made = readdirSync(profDir).filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f) && !before.has(f));
      if (made.length) run.cpuProfile = join(profDir, made[made.length - 1]);
    }
    return run;
  } finally {
    await pg?.drop();
  }
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const engine = arg(argv, 'engine');
  if (engine && engine !== 'pglite' && engine !== 'postgresql') throw new Error(`--engine pglite|postgresql, not ${engine}`);
  const mix = argv.includes('--mix');
  const env = Object.fromEntries((arg(argv, 'env') ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const run = await benchHttp({
    engine: engine as EngineName | undefined, duration: Number(arg(argv, 'duration') ?? (mix ? 30 : 10)), connections: Number(arg(argv, 'connections') ?? (mix ? 200 : 64)),
    warmup: Number(arg(argv, 'warmup') ?? (mix ? 0 : 2)), mix, spread: arg(argv, 'spread') as Spread | undefined, env: Object.keys(env).length ? env : undefined, only: arg(argv, 'only')?.split(','), reuse: argv.includes('--reuse'), from: arg(argv, 'from'), noCache: argv.includes('--no-cache'),
    cpuProf: argv.includes('--cpu-prof'),
  });
  console.log('');
  if (run.mix) {
    printMix(run.mix);
    console.log(`  server CPU ${run.mix.serverCpuPercent} % of a core · peak RSS ${run.serverPeakRssMb} MB · load average before ${run.mix.loadavgBefore.join(' ')}, after ${run.mix.loadavgAfter.join(' ')}`);
  } else printTable(run);
  if (run.cpuProfile) console.log(`CPU profile of the server: ${run.cpuProfile}`);
  saveResult(`http_${run.mix ? 'mix_' : ''}${run.engine}`, run);
  if (!run.valid) process.exitCode = 1;
}
