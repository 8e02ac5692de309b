/**
 * Search latency: a fixed set of realistic queries, with and without facet filters, timed in-process by
 * calling search(db, …) (and, with --http, through GET /api/search on a local server).
 *
 *   npx tsx scripts/bench/search.ts                      seeded PGlite database (fresh copy)
 *   npx tsx scripts/bench/search.ts --count 100000       + 100,000 synthetic projects (generation timed)
 *   DATABASE_URL=postgres://… npx tsx scripts/bench/search.ts --count 1000000
 * Options: --rounds 5 (timed passes over the set) --seed 42 --http --reuse (reuse .tmp/bench/seeded) --from <data dir>
 */
import { searchQuery, type SearchQuery } from '@tandem/shared';
import type { Db } from '../../packages/server/src/db/client.js';
import { search } from '../../packages/server/src/features/search/search.service.js';
import { generateProjects, type GenerateStats } from '../synthetic/generate.js';
import { arg, copyDataDir, fmt, freePort, isMain, saveResult, seededTemplate, summarize, type Summary } from './lib.js';

type Q = Partial<SearchQuery>;
/** ~30 queries people type into the atlas; the second half narrows with facets. */
export const QUERIES: Q[] = [
  { q: 'Hue' }, { q: 'Hai Duong' }, { q: 'eau' }, { q: 'assainissement' }, { q: 'Sénégal' }, { q: 'formation' },
  { q: 'Thua Thien Hue' }, { q: 'déchets' }, { q: 'eau potable' }, { q: 'Ziguinchor' }, { q: 'Maroc' }, { q: 'Ouagadougou' },
  { q: 'gestion des déchets' }, { q: 'coopération décentralisée' }, { q: 'Montreuil' }, { q: 'Île-de-France' }, { q: 'Hanoi' },
  { q: 'santé maternelle' }, { q: 'AFD' }, { q: 'patrimoine Tunisie' },
  { q: 'eau', kind: 'project' }, { q: 'Hue', kind: 'project', country: 'VN' }, { q: 'formation', theme: 'edu' },
  { q: 'assainissement', country: 'SN' }, { q: 'déchets', status: 'closed' }, { q: 'eau', year: 2020 },
  { q: '', kind: 'project', country: 'VN' }, { q: '', theme: 'env' }, { q: '', kind: 'partnership' }, { q: 'Madagascar', kind: 'project', theme: 'sante' },
];

export const label = (q: Q) => [q.q ? `"${q.q}"` : '(no text)', ...Object.entries(q).filter(([k]) => k !== 'q').map(([k, v]) => `${k}=${v}`)].join(' ');
const faceted = (q: Q) => Object.keys(q).some((k) => k !== 'q');

export interface SearchBench {
  all: Summary; plain: Summary; faceted: Summary; queries: number; rounds: number;
  perQuery: Array<{ query: string; p50: number; max: number; total: number }>;
  http?: Summary;
}

/** Times every query `rounds` times after one warm-up pass; figures in ms. */
export async function benchSearch(db: Db, opts: { rounds?: number; http?: boolean; log?: (m: string) => void } = {}): Promise<SearchBench> {
  const { rounds = 5, log = console.log } = opts;
  const parsed = QUERIES.map((q) => searchQuery.parse(q));
  const totals: number[] = [];
  for (const q of parsed) totals.push((await search(db, q)).total); // warm-up (plans, caches)
  const times: number[][] = parsed.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < parsed.length; i++) {
      const t = performance.now();
      await search(db, parsed[i]);
      times[i].push(performance.now() - t);
    }
  }
  const pick = (f: (q: Q) => boolean) => times.filter((_, i) => f(QUERIES[i])).flat();
  const perQuery = QUERIES.map((q, i) => ({ query: label(q), ...summarize(times[i]), total: totals[i] }))
    .map(({ query, p50, max, total }) => ({ query, p50, max, total }));
  const out: SearchBench = { all: summarize(times.flat()), plain: summarize(pick((q) => !faceted(q))), faceted: summarize(pick(faceted)), queries: QUERIES.length, rounds, perQuery };
  if (opts.http) out.http = await benchHttp(db, rounds);
  log(`search over ${QUERIES.length} queries × ${rounds}: p50 ${out.all.p50} ms · p95 ${out.all.p95} ms · p99 ${out.all.p99} ms (plain p95 ${out.plain.p95}, faceted p95 ${out.faceted.p95})`
    + (out.http ? ` · HTTP p50 ${out.http.p50} ms p95 ${out.http.p95} ms` : ''));
  for (const p of [...perQuery].sort((a, b) => b.p50 - a.p50).slice(0, 5)) log(`  slowest: ${p.query} → p50 ${p.p50} ms (${p.total} hits)`);
  return out;
}

/** The same queries through the HTTP API of an in-process server (routing, validation, JSON). */
async function benchHttp(db: Db, rounds: number): Promise<Summary> {
  const { serve } = await import('@hono/node-server');
  const { createApp } = await import('../../packages/server/src/app.js');
  const port = await freePort();
  const server = serve({ fetch: createApp({ db }).fetch, port, hostname: '127.0.0.1' });
  const urls = QUERIES.map((q) => `http://127.0.0.1:${port}/api/search?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`);
  try {
    for (const u of urls) { const res = await fetch(u); if (res.status !== 200) throw new Error(`${u} → ${res.status}: ${await res.text()}`); await res.json(); }
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const u of urls) { const t = performance.now(); await (await fetch(u)).json(); times.push(performance.now() - t); }
    }
    return summarize(times);
  } finally {
    await new Promise((ok) => server.close(ok));
  }
}

export interface SearchRun { engine: string; synthetic: number; searchDocs: Record<string, number>; generate?: GenerateStats & { projectsPerSecond: number; rowsPerSecond: number }; search: SearchBench }

/** Opens the database to measure (a fresh copy of the seeded template, or PostgreSQL), adds synthetic projects, runs the queries. */
export async function runSearchBench(opts: { count?: number; seed?: number; rounds?: number; http?: boolean; reuse?: boolean; from?: string; log?: (m: string) => void }): Promise<SearchRun> {
  const { count = 0, seed = 42, log = console.log } = opts;
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const { prepareDb } = await import('../../packages/server/src/server.js');
  const url = process.env.DATABASE_URL;
  const db = url ? await openDb({ databaseUrl: url })
    : await openDb({ dataDir: copyDataDir(opts.from ?? await seededTemplate(!!opts.reuse, log), `search-${count}`) });
  try {
    await prepareDb(db, log);
    let generate: SearchRun['generate'];
    if (count > 0) {
      log(`generating ${count.toLocaleString('en')} synthetic projects on ${db.engine}…`);
      const s = await generateProjects(db, { count, seed, log });
      generate = { ...s, projectsPerSecond: Math.round(s.projects / (s.totalMs / 1000)), rowsPerSecond: Math.round(s.rows / (s.insertMs / 1000)) };
      log(`generated in ${fmt(s.totalMs)}: insert ${fmt(s.insertMs)} (${generate.rowsPerSecond.toLocaleString('en')} rows/s), search documents ${fmt(s.indexMs)}`);
      if (db.engine === 'postgresql') await db.exec('vacuum analyze');
    }
    const docs = await db.query<{ kind: string; n: number }>('select kind, count(*)::int as n from search_doc group by kind order by kind');
    const searchDocs = Object.fromEntries(docs.map((d) => [d.kind, d.n]));
    log(`search documents: ${docs.map((d) => `${d.kind} ${d.n.toLocaleString('en')}`).join(', ')}`);
    const bench = await benchSearch(db, { rounds: opts.rounds, http: opts.http, log });
    return { engine: db.engine, synthetic: count, searchDocs, generate, search: bench };
  } finally {
    await db.close();
  }
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const count = Number(arg(argv, 'count') ?? 0);
  runSearchBench({
    count, seed: Number(arg(argv, 'seed') ?? 42), rounds: Number(arg(argv, 'rounds') ?? 5),
    http: argv.includes('--http'), reuse: argv.includes('--reuse'), from: arg(argv, 'from'),
  }).then((r) => {
    const key = `search_${r.engine}_${count ? `${count / 1000}k` : process.env.DATABASE_URL ? 'existing' : 'seeded'}`;
    saveResult(key, r);
    console.log(`saved as ${key} in .tmp/bench-results.json`);
  }).catch((err) => { console.error(err); process.exit(1); });
}
