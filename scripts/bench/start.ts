/**
 * Start-up time: the real server process (`npx tsx packages/app/src/main.ts`) from spawn to the first
 * 200 of GET /api/health. Cold = a fresh empty DATA_DIR (PGlite creation + migrate + seed); warm = the
 * same data directory started again. Each run ends with SIGTERM and waits for the exit (lock released).
 *
 *   npx tsx scripts/bench/start.ts [--cold 1] [--warm 3]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, arg, fmt, freePort, freshDir, isMain, saveResult, summarize } from './lib.js';

/** Sends a signal to the process group we spawned; false once the group is gone. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try { process.kill(-pgid, signal); return true; } catch { return false; }
}

/** The node process running main.ts under tsx's loader, in the process group pgid (Linux /proc). */
function serverPid(pgid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('tsx/dist/loader')) return Number(entry);
    } catch { /* exited meanwhile */ }
  }
  return null;
}

export interface StartRun { ms: number; stopMs: number; lockReleased: boolean; reportedReadyMs: number | null; seedMs: number | null }

/** One start: spawn, poll /api/health until 200, SIGTERM, wait for exit. */
export async function timeStart(dataDir: string, timeoutMs = 180_000): Promise<StartRun> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', TANDEM_ADMIN_TOKEN: '' };
  const t0 = performance.now();
  // detached: the server tree gets its own process group, so a hung run can be ended without touching anything else
  const child = spawn('npx', ['tsx', 'packages/app/src/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  let done = false;
  exited.then(() => { done = true; });
  let ms = NaN;
  let stopMs = 0;
  try {
    while (!done) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`no 200 from /api/health after ${fmt(timeoutMs)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) { ms = performance.now() - t0; await res.text(); break; }
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 25));
    }
    if (Number.isNaN(ms)) throw new Error(`the server exited before answering:\n${out}`);
  } finally {
    // SIGTERM goes to the server itself (npx → tsx → node): npx does not forward it, and tsx, when it relays
    // one, SIGKILLs a child that has not acknowledged within ~60 ms. Then wait until the whole group is gone.
    const s = performance.now();
    const server = serverPid(child.pid!);
    if (server) process.kill(server, 'SIGTERM'); else signalGroup(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 20_000);
    await exited;
    while (signalGroup(child.pid!, 0)) await new Promise((r) => setTimeout(r, 20));
    clearTimeout(timer);
    stopMs = performance.now() - s;
  }
  const lock = join(dataDir, 'tandem.lock');
  const ready = out.match(/ready in (\d+) ms/);
  const seed = out.match(/loaded in ([\d.]+) s/);
  return { ms, stopMs, lockReleased: !existsSync(lock), reportedReadyMs: ready ? Number(ready[1]) : null, seedMs: seed ? Number(seed[1]) * 1000 : null };
}

export async function benchStart(opts: { cold?: number; warm?: number; log?: (m: string) => void } = {}) {
  const { cold = 1, warm = 3, log = console.log } = opts;
  const coldRuns: StartRun[] = [];
  let dir = '';
  for (let i = 1; i <= cold; i++) {
    dir = freshDir(`start-${i}`);
    const r = await timeStart(dir);
    coldRuns.push(r);
    log(`cold start ${i}: ${fmt(r.ms)} to first 200 (server-reported: seed ${r.seedMs == null ? '–' : fmt(r.seedMs)}, ready ${r.reportedReadyMs ?? '–'} ms; stop ${fmt(r.stopMs)}, lock released: ${r.lockReleased})`);
  }
  const warmRuns: StartRun[] = [];
  for (let i = 1; i <= warm; i++) {
    const r = await timeStart(dir);
    warmRuns.push(r);
    log(`warm start ${i}: ${fmt(r.ms)} to first 200 (server-reported ready ${r.reportedReadyMs ?? '–'} ms; stop ${fmt(r.stopMs)}, lock released: ${r.lockReleased})`);
  }
  const result = {
    engine: 'pglite', command: 'npx tsx packages/app/src/main.ts (PORT, DATA_DIR set)',
    cold: { runs: coldRuns, ...summarize(coldRuns.map((r) => r.ms)) }, warm: { runs: warmRuns, ...summarize(warmRuns.map((r) => r.ms)) },
  };
  saveResult('start', result);
  return { ...result, dataDir: dir };
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  benchStart({ cold: Number(arg(argv, 'cold') ?? 1), warm: Number(arg(argv, 'warm') ?? 3) })
    .then((r) => console.log(`start: cold p50 ${fmt(r.cold.p50)} · warm p50 ${fmt(r.warm.p50)} (min ${fmt(r.warm.min)}, max ${fmt(r.warm.max)})`))
    .catch((err) => { console.error(err); process.exit(1); });
}
