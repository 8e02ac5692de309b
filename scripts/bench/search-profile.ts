/**
 * Where a search's time goes: every statement search() sends, timed, for each benchmark query (best of --rounds runs,
 * after a warm-up), with --explain the plan of the slowest statement.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/bench/search-profile.ts [--rounds 3] [--only assainissement] [--explain]
 */
import { searchQuery } from '@tandem/shared';
import { openDb, type Db } from '../../packages/server/src/db/client.js';
import { search } from '../../packages/server/src/features/search/search.service.js';
import { arg } from './lib.js';
import { label, QUERIES } from './search.js';

interface Step { ms: number; sql: string; params: unknown[] }

/** The database with every query timed into `steps` (the same object otherwise). */
function timed(db: Db, steps: Step[]): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver);
      return async (sql: string, params: unknown[] = [], o?: unknown) => {
        const t = performance.now();
        const out = await target.query(sql, params, o as never);
        steps.push({ ms: performance.now() - t, sql, params });
        return out;
      };
    },
  });
}

const first = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);

async function main() {
  const argv = process.argv.slice(2);
  const rounds = Number(arg(argv, "rounds") ?? 3), only = arg(argv, "only"), explain = argv.includes('--explain');
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL });
  for (const q of QUERIES.filter((x) => !only || label(x).includes(only))) {
    const parsed = searchQuery.parse(q);
    let best: Step[] | null = null, bestMs = Infinity, total = 0;
    for (let r = 0; r <= rounds; r++) {
      const steps: Step[] = [];
      const t = performance.now();
      total = (await search(timed(db, steps), parsed)).total;
      const ms = performance.now() - t;
      if (r > 0 && ms < bestMs) { bestMs = ms; best = steps; }
    }
    console.log(`\n${label(q)} — ${bestMs.toFixed(1)} ms, total ${total}`);
    for (const s of best!) console.log(`  ${s.ms.toFixed(1).padStart(6)} ms  ${first(s.sql)}  ${String(s.params.at(-1)).slice(0, 60)}`);
    if (explain) {
      const slow = best!.reduce((a, b) => (b.ms > a.ms ? b : a));
      console.log(`      ${slow.sql.replace(/\s+/g, ' ')}`);
      const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${slow.sql}`, slow.params);
      console.log(plan.map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
    }
  }
  await db.close();
}

await main();
