/**
 * npm run bench: every benchmark in a row, figures to stdout and .tmp/bench-results.json. Not a test:
 * nothing fails on a slow figure. About 6–8 minutes on 2 cores; --fast skips the 100k part.
 *
 *   npm run bench [-- --fast] [-- --cold 2 --warm 3 --duration 10 --count 100000 --rounds 3]
 */
import { benchHttp, printTable } from './http.js';
import { arg, fmt, machine, saveResult } from './lib.js';
import { runSearchBench, type SearchRun } from './search.js';
import { benchStart } from './start.js';

const argv = process.argv.slice(2);
const fast = argv.includes('--fast');
const count = Number(arg(argv, 'count') ?? 100_000);
const rounds = Number(arg(argv, 'rounds') ?? 3);
const t0 = performance.now();
const m = machine();
console.log(`Tandem benchmarks — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, load ${m.loadavg.join(' ')}\n`);
if (process.env.DATABASE_URL) console.log('note: DATABASE_URL is ignored here (start and search run on PGlite); use npm run bench:search:100k for PostgreSQL\n');
delete process.env.DATABASE_URL;

console.log('1. start-up (npm start → first 200 of GET /)');
const start = await benchStart({ cold: Number(arg(argv, 'cold') ?? 2), warm: Number(arg(argv, 'warm') ?? 3) });

console.log('\n2. search on the seeded database (PGlite), in-process and over HTTP');
const seeded = await runSearchBench({ from: start.dataDir, rounds: 5, http: true });
saveResult('search_pglite_seeded', seeded);

console.log('\n3. HTTP throughput on the seeded database (PGlite): autocannon, 64 connections, against the real server process');
const http = await benchHttp({ engine: 'pglite', from: start.dataDir, duration: Number(arg(argv, 'duration') ?? 10) });
printTable(http);
saveResult('http_pglite', http);

let big: SearchRun | null = null;
if (!fast) {
  console.log(`\n4. ${count.toLocaleString('en')} synthetic projects on PGlite: generation, then search`);
  big = await runSearchBench({ from: start.dataDir, count, rounds });
  saveResult(`search_pglite_${count / 1000}k`, big);
}

const row = (name: string, value: string, target = '') => console.log(`${name.padEnd(44)} ${value.padEnd(34)} ${target}`);
console.log(`\nSummary (${fmt(performance.now() - t0)} in all; full figures in .tmp/bench-results.json)`);
row('benchmark', 'figure', 'target');
row('cold start (fresh DATA_DIR, migrate + seed)', `${fmt(start.cold.p50)} (${start.cold.n} run${start.cold.n > 1 ? 's' : ''}, max ${fmt(start.cold.max)})`);
row('warm start (same DATA_DIR)', `${fmt(start.warm.p50)} p50 (${start.warm.n} run${start.warm.n > 1 ? 's' : ''}, max ${fmt(start.warm.max)})`);
const s = (r: SearchRun) => `p50 ${r.search.all.p50} · p95 ${r.search.all.p95} · p99 ${r.search.all.p99} ms`;
row('search, seeded db, in-process', s(seeded));
if (seeded.search.http) row('search, seeded db, HTTP', `p50 ${seeded.search.http.p50} · p95 ${seeded.search.http.p95} · p99 ${seeded.search.http.p99} ms`);
for (const c of http.cases) {
  row(`HTTP ${c.path}, PGlite`, c.valid ? `${c.rps.toLocaleString('en')} req/s · p99 ${c.latency.p99} ms` : 'not valid (errors or non-2xx)',
    c.target ? `≥ ${c.target.rps.toLocaleString('en')} req/s${c.target.p99Ms ? `, p99 ≤ ${c.target.p99Ms} ms` : ''}` : '');
}
if (big?.generate) {
  const g = big.generate;
  row(`generator, ${count.toLocaleString('en')} projects (PGlite)`, `${fmt(g.totalMs)}: ${g.rowsPerSecond.toLocaleString('en')} rows/s insert`);
  row(`search, ${count / 1000}k synthetic projects (PGlite)`, s(big), 'p95 ≤ 100 ms');
}
