/**
 * Load and soak (issue 17 item 4): real server processes under a realistic mix, figures per request kind, the servers'
 * memory each second, then the database checked for what the servers acknowledged.
 *
 *   npm run bench:load [-- --engine pglite|pg|both] [-- --seconds 60] [-- --connections 200] [-- --json]
 *   npm run bench:load -- --soak 10 [-- --engine pglite] [-- --rate 20] [-- --connections 20]
 *
 * --engine       pglite: one process on a fresh copy of the seeded template; pg: a fresh database hload_<pid> on
 *                TANDEM_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres) with two processes, the visitors'
 *                connections round-robin between them; both (default): one after the other
 * --seconds, --connections   the load: 60 s, 200 connections (closed loop: each sends its next request on the answer)
 * --soak M       M minutes at a moderate rate (--rate, default 20 requests/s in all, over --connections, default 20):
 *                RSS sampled each second; plateau = max RSS of minute 1; "steady" when max RSS after minute 1 ≤ plateau × 1.10
 * --port-base P  ports P (PGlite), P+1 and P+2 (PostgreSQL); default 4401
 * --env K=V,…    more environment for the servers (e.g. TANDEM_MAX_INFLIGHT=4)
 * --weights a=N,…  change the mix's shares (actions page, search, api, register, survey, edit; 0 leaves one out)
 * --json         the results as JSON on stdout instead of the tables (progress goes to stderr)
 * The mix (load-mix.ts): pages 35 %, searches 20 %, API reads 30 %, registrations 5 %, survey answers 5 % (start +
 * submit), edits 5 %. Errors are 5xx other than 503, timeouts (10 s) and connection errors; 409 and 429 are expected
 * answers, 503 is the admission valve (lib/admission.ts), each counted apart. Saved in .tmp/bench-results.json (load_*).
 * The load generator runs on the same machine as the servers and takes CPU from them.
 */
import { arg, isMain, machine, saveResult } from './lib.js';
import { checkConsistency, printConsistency, type Consistency } from './load-check.js';
import { parseWeights, prepare, runLoad, type Action } from './load-mix.js';
import { startServers, sampleRss, type Engine } from './load-servers.js';
import { kindsTable, rssSummary, soakVerdict, type KindStats } from './load-stats.js';

export interface LoadRun {
  engine: Engine; processes: number; mode: 'load' | 'soak'; connections: number; seconds: number; rate: number | null; weights: Record<Action, number>;
  startMs: number; requests: number; rps: number; kinds: Record<string, KindStats>; errors: number; valid: boolean;
  rss: Array<{ name: string; pid: number; maxMb: number; lastMb: number; samples: number; soak?: ReturnType<typeof soakVerdict> }>;
  consistency: Consistency; samples: string[]; loadavgBefore: number[]; loadavgAfter: number[]; at: string;
}

export async function benchLoad(engine: Engine, o: { seconds: number; connections: number; rate?: number; soak: boolean; portBase: number; env: Record<string, string>; weights: Record<Action, number> },
  log: (m: string) => void): Promise<LoadRun> {
  const servers = await startServers(engine, o.portBase, log, o.env);
  try {
    const runId = `${process.pid}-${engine}`;
    const ports = servers.procs.map((p) => p.port);
    const fixtures = await prepare(ports[0], servers.token, runId);
    log(`fixtures: event ${fixtures.eventId} (100 places), survey ${fixtures.surveyId}, ${fixtures.orgs.length} organisations to edit; `
      + `${fixtures.urls.page.length} pages, ${fixtures.urls.search.length} searches, ${fixtures.urls.api.length} API reads`);
    log(`${o.soak ? 'soak' : 'load'}: ${o.connections} connections for ${o.seconds} s${o.rate ? ` at ${o.rate} requests/s` : ''} on :${ports.join(', :')}`);
    const loadavgBefore = machine().loadavg;
    const t0 = performance.now();
    const stopSampling = sampleRss(servers.procs, t0);
    const { tally, ack, seconds } = await runLoad(fixtures, { ports, connections: o.connections, seconds: o.seconds, rate: o.rate, token: servers.token, runId, weights: o.weights });
    stopSampling();
    const loadavgAfter = machine().loadavg;
    const rss = servers.procs.map((p) => ({ name: p.name, pid: p.pid, ...rssSummary(p.rss), ...(o.soak ? { soak: soakVerdict(p.rss) } : {}) }));
    await servers.stop();
    const consistency = await checkConsistency(servers.dbSettings, fixtures, ack);
    const kinds = tally.summary();
    const all = kinds.all;
    return {
      engine, processes: servers.procs.length, mode: o.soak ? 'soak' : 'load', connections: o.connections, seconds: Math.round(seconds), rate: o.rate ?? null,
      weights: o.weights, startMs: Math.round(servers.startMs), requests: all.count, rps: Math.round(all.count / seconds), kinds, errors: all.errors,
      valid: all.errors === 0 && all.unexpected === 0 && consistency.ok, rss, consistency, samples: tally.samples, loadavgBefore, loadavgAfter,
      at: new Date().toISOString(),
    };
  } finally {
    await servers.stop();
    await servers.drop();
  }
}

export function printRun(r: LoadRun, log = console.log): void {
  log(`\n== ${r.engine === 'pg' ? 'PostgreSQL, two processes' : 'PGlite, one process'} · ${r.mode} · ${r.connections} connections · ${r.seconds} s`
    + `${r.rate ? ` · paced at ${r.rate} req/s` : ''} · ${r.requests} requests (${r.rps}/s) · load average ${r.loadavgBefore.join(' ')} → ${r.loadavgAfter.join(' ')}`);
  log(`mix (shares of actions): ${Object.entries(r.weights).map(([k, w]) => `${k} ${w}`).join(', ')}`);
  log(kindsTable(r.kinds));
  log(`errors (5xx but 503, timeouts, connection errors): ${r.errors}; unexpected statuses: ${r.kinds.all.unexpected}; `
    + `503 from the admission valve: ${r.kinds.all.s503}; 409: ${r.kinds.all.s409}; 429: ${r.kinds.all.s429}`);
  for (const s of r.samples) log(`  sample: ${s}`);
  for (const p of r.rss) {
    log(`RSS ${p.name} (pid ${p.pid}): max ${p.maxMb} MB, last ${p.lastMb} MB (${p.samples} samples, one a second)`);
    if (p.soak) log(`  soak: plateau (max of minute 1) ${p.soak.plateauMb} MB, max after ${p.soak.restMaxMb} MB (× ${p.soak.ratio}) → ${p.soak.steady ? 'steady' : 'NOT steady'} (${p.soak.rule}); `
      + `max of each minute: ${p.soak.perMinuteMaxMb.join(', ')} MB`);
  }
  printConsistency(r.consistency, log);
  log(r.valid ? 'VALID: 0 errors, consistent' : 'NOT VALID: errors, unexpected statuses or an inconsistent database');
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const log = json ? (m: string) => process.stderr.write(m + '\n') : (m: string) => console.log(m);
  const soakMin = arg(argv, 'soak') ? Number(arg(argv, 'soak')) : null;
  const engineArg = arg(argv, 'engine') ?? (soakMin ? 'pglite' : 'both');
  if (!['pglite', 'pg', 'both'].includes(engineArg)) throw new Error(`--engine pglite|pg|both, not ${engineArg}`);
  const engines: Engine[] = engineArg === 'both' ? ['pglite', 'pg'] : [engineArg as Engine];
  const num = (name: string, dflt: number) => { const v = Number(arg(argv, name) ?? dflt); if (!(v > 0)) throw new Error(`--${name} must be a positive number`); return v; };
  const env = Object.fromEntries((arg(argv, 'env') ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const o = soakMin
    ? { seconds: Math.round(soakMin * 60), connections: num('connections', 20), rate: num('rate', 20), soak: true }
    : { seconds: num('seconds', 60), connections: num('connections', 200), rate: arg(argv, 'rate') ? num('rate', 1) : undefined, soak: false };
  const runs: LoadRun[] = [];
  for (const engine of engines) {
    const run = await benchLoad(engine, { ...o, portBase: num('port-base', 4401), env, weights: parseWeights(arg(argv, 'weights')) }, log);
    runs.push(run);
    saveResult(`load_${run.mode}_${engine}`, run);
    if (!json) printRun(run);
  }
  if (json) console.log(JSON.stringify({ machine: machine(), command: `npm run bench:load -- ${argv.join(' ')}`.trim(), runs }, null, 2));
  if (runs.some((r) => !r.valid || r.rss.some((p) => p.soak && !p.soak.steady))) process.exitCode = 1;
}
