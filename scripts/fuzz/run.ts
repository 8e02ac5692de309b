/**
 * Property-based fuzzing of the whole site in process: requests generated from the OpenAPI description (every
 * operation: path and query parameters and JSON bodies from its schemas, mixed with hostile values) and GET pages
 * of the route table, as anonymous, a member signed in by session (cookie + CSRF token) and by a bearer token,
 * and the page forms (POST, urlencoded, hostile strings), each route as likely as any other. Prints the requests and
 * statuses per route. Fails (exit 1) on any 5xx, any API 400 naming no field, a request hanging 15 s, a polluted
 * Object.prototype, or a route (operation, page or form) that the run never reached.
 *
 *   npm run fuzz [-- --runs 10000] [-- --seed 42] [-- --engine pglite|postgresql] [-- --timeout 15]
 *   npm run fuzz -- --replay '{"as":"session","method":"GET","path":"/api/search?country=%00"}'
 * --engine  default pglite (in memory, migrated and seeded); postgresql: a throwaway database on TANDEM_TEST_PG
 *           (else postgres://postgres@127.0.0.1:5432/postgres), migrated, seeded, dropped afterwards
 */
import { openDb, type Db } from '../../packages/server/src/db/client.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { seedAll } from '../../packages/server/src/db/seed/index.js';
import { withDatabase } from '../../packages/server/test/pg-admin.js';
import { fuzz, fuzzContext, perRoute, send, summary, unvisited } from '../../packages/server/test/fuzz/run.js';
import type { FuzzRequest } from '../../packages/server/test/fuzz/requests.js';
import { createSite } from '../../packages/web/src/site.js';
import { siteRequests } from '../../packages/web/test/fuzz.js';
import { arg } from '../bench/lib.js';

const argv = process.argv.slice(2);
const runs = Number(arg(argv, 'runs') ?? 10_000);
const seed = Number(arg(argv, 'seed') ?? Math.floor(Math.random() * 2 ** 31));
const engine = arg(argv, 'engine') ?? 'pglite';
const replay = arg(argv, 'replay');
/** seconds a request may take before it counts as hanging (raise it on a loaded machine: the big exports stream for seconds) */
const timeoutMs = Number(arg(argv, 'timeout') ?? 15) * 1000;
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) throw new Error('--runs and --seed are whole numbers');

async function open(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDb({ memory: true });
    return { db, drop: () => db.close() };
  }
  if (engine !== 'postgresql') throw new Error(`--engine pglite or postgresql, not ${engine}`);
  const server = process.env.TANDEM_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tandem_fuzz_${process.pid}`;
  await withDatabase(server, (admin) => admin.exec(`create database ${name}`));
  const u = new URL(server); u.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: u.toString() });
  return { db, drop: async () => { await db.close(); await withDatabase(server, (admin) => admin.exec(`drop database if exists ${name} with (force)`)); } };
}

const { db, drop } = await open();
let failed = false;
try {
  const t0 = performance.now();
  await migrate(db);
  await seedAll(db);
  console.log(`${engine}: migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = createSite({ db });
  const ctx = await fuzzContext(db);
  if (replay) {
    const reply = await send(app, ctx, JSON.parse(replay) as FuzzRequest);
    console.log(reply.status, reply.contentType, '\n' + reply.text.slice(0, 4000));
  } else {
    console.log(`fuzzing: ${runs} requests, seed ${seed} (again: npm run fuzz -- --runs ${runs} --seed ${seed}${engine === 'pglite' ? '' : ` --engine ${engine}`})`);
    // the whole database's first download builds the reference data's file once (seconds, cold): made before the
    // run so that the timeout judges answers, not that one build (as fuzz.test.ts does)
    const warm = await app.request('/api/export/all');
    await warm.arrayBuffer();
    const requests = await siteRequests(app, ctx.known);
    const report = await fuzz(app, ctx, requests, { runs, seed, timeoutMs, progress: (n) => process.stdout.write(`  ${n}\n`) });
    console.log(`requests per route:\n${perRoute(report)}`);
    console.log(summary(report, engine));
    const missed = unvisited(report, requests.routes);
    if (missed.length) console.log(`ROUTES NEVER REACHED (${missed.length} of ${requests.routes.length}): ${missed.join(', ')}`);
    else console.log(`every route reached: ${requests.routes.length}`);
    failed = report.failures.length > 0 || missed.length > 0;
  }
} finally {
  await drop();
}
process.exit(failed ? 1 : 0);
