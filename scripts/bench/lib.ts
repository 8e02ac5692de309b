/** Shared helpers of the benchmarks: machine description, percentiles, results file, data directories. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WORK = join(ROOT, '.tmp/bench');
export const RESULTS = join(ROOT, '.tmp/bench-results.json');

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version, platform: `${process.platform}-${process.arch}`,
    /** 1/5/15-minute load averages when the result was saved: other work on the machine skews the figures. */
    loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export interface Summary { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number }

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const r1 = (x: number) => Math.round(x * 10) / 10;
export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length, min: r1(s[0]), p50: r1(percentile(s, 50)), p95: r1(percentile(s, 95)), p99: r1(percentile(s, 99)),
    max: r1(s[s.length - 1]), mean: r1(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

/** Merges one named result into .tmp/bench-results.json (other results are kept). */
export function saveResult(key: string, value: unknown): void {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  let all: { machine?: unknown; results: Record<string, unknown> } = { results: {} };
  if (existsSync(RESULTS)) { try { all = JSON.parse(readFileSync(RESULTS, 'utf8')); } catch { /* start over */ } }
  all.machine = machine();
  all.results = { ...(all.results ?? {}), [key]: { at: new Date().toISOString(), loadavg: machine().loadavg, ...(value as object) } };
  writeFileSync(RESULTS, JSON.stringify(all, null, 2) + '\n');
}

export function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const srv = createServer();
    srv.once('error', ko);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address() as { port: number }; srv.close(() => ok(port)); });
  });
}

export const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** A fresh directory under .tmp/bench (emptied first). */
export function freshDir(name: string): string {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies a PGlite data directory (without its lock file) to .tmp/bench/<name>. */
export function copyDataDir(from: string, name: string): string {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true, filter: (src) => basename(src) !== 'tandem.lock' });
  return dir;
}

/** A seeded data directory to copy: the first starts' template (db/seed/template.ts), else .tmp/bench/seeded, created by migrate + seed unless it exists and reuse is asked. */
export async function seededTemplate(reuse: boolean, log = console.log): Promise<string> {
  const dir = join(WORK, 'seeded');
  if (reuse && existsSync(join(dir, 'PG_VERSION'))) return dir;
  // the seeded template of first starts (db/seed/template.ts), built once per version of the sources: every caller copies it
  const { ensureSeedTemplate } = await import('../../packages/server/src/db/seed/template.js');
  const template = await ensureSeedTemplate(log);
  if (template) return template;
  freshDir('seeded');
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const { prepareDb } = await import('../../packages/server/src/server.js');
  const t0 = performance.now();
  const db = await openDb({ dataDir: dir });
  await prepareDb(db, log);
  await db.close();
  log(`seeded template ready in ${fmt(performance.now() - t0)} (${dir})`);
  return dir;
}

export const isMain = (url: string) => !!process.argv[1] && url === pathToFileURL(process.argv[1]).href;

const TICK = 100; // clock ticks per second (getconf CLK_TCK on Linux)

export interface Proc { pid: number; cmd: string; rssKb: number; cpuMs: number }

/** The processes of group pgid (Linux /proc): command line, resident memory, CPU time (user + system). */
export function groupProcs(pgid: number): Proc[] {
  const out: Proc[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${e}/status`, 'utf8'));
      out.push({ pid: Number(e), cmd: readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' '), rssKb: rss ? Number(rss[1]) : 0,
        cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / TICK });
    } catch { /* exited meanwhile */ }
  }
  return out;
}

