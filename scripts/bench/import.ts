/**
 * IATI import of the 2,000-activity d-portal file (23 MB): PGlite and PostgreSQL (a throwaway database), each case in
 * its own process for a clean peak RSS; beside it the floors: parsing + mapping alone, and a server-side bulk copy of
 * the rows the import wrote (insert … select into empty tables with the same indexes).
 *
 *   npm run bench:import [-- --times 10] [-- --skip pglite,postgresql] [-- --reuse]
 *   npm run bench:import -- --cli [--times 6.5]   the `npx tandem import iati` command itself (scripts/bench/import-cli.ts)
 * --times N   import a file made of N copies of the activities (identifiers suffixed): memory must stay flat
 * --reuse     reuse .tmp/bench/seeded (the PGlite template) when it exists
 * --live-heap the database cases also force a full garbage collection every second and report the live V8 heap
 *             (what the import really holds; the peak RSS also counts garbage V8 has not collected yet); ≈ 3 % slower
 * PostgreSQL server: TANDEM_BENCH_PG, else TANDEM_TEST_PG, else postgres://postgres@127.0.0.1:5432/postgres
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { benchImportCli } from './import-cli.js';
import { arg, copyDataDir, fmt, isMain, ROOT, saveResult, seededTemplate, WORK } from './lib.js';

const SAMPLE = join(ROOT, 'packages/server/data/reference/iati/samples/dportal-2021-06-15-2000acts.xml.br');
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The sample decompressed (once), or N copies of its activities with suffixed identifiers. */
export async function benchFile(times: number): Promise<string> {
  mkdirSync(join(WORK, 'iati'), { recursive: true });
  const one = join(WORK, 'iati/dportal-2000.xml');
  if (!existsSync(one)) writeFileSync(one, brotliDecompressSync(readFileSync(SAMPLE)));
  if (times <= 1) return one;
  const many = join(WORK, `iati/dportal-2000-x${times}.xml`);
  if (existsSync(many)) return many;
  const lines = readFileSync(one, 'utf8').split('\n');
  const open = lines.findIndex((l) => l.includes('<iati-activity ')), close = lines.lastIndexOf('</iati-activities>');
  const out = createWriteStream(many);
  const write = (s: string) => new Promise<void>((res) => (out.write(s) ? res() : out.once('drain', () => res())));
  await write(lines.slice(0, open).join('\n') + '\n');
  const activities = lines.slice(open, close).join('\n').split(/(?=<iati-activity )/);
  // a fractional N (6.5: 13,000 activities) ends with the first part of the activities
  for (let i = 0; i < times; i++) {
    const part = times - i >= 1 ? activities : activities.slice(0, Math.round(activities.length * (times - i)));
    const body = part.join('').replace(/<iati-identifier>([^<]*)<\/iati-identifier>/g, (_, id) => `<iati-identifier>${id.trim()}-x${i}</iati-identifier>`);
    await write(body + '\n');
  }
  await write('</iati-activities>\n');
  await new Promise((res) => out.end(res));
  return many;
}

interface CaseResult { case: string; ms: number; reimportMs?: number; /** this process's CPU time (main thread, GC, driver) during the import */ cpuMs?: number; copyMs?: number; activities: number; imported?: number; rows?: number; maxRssMb: number; rssBeforeMb: number; /** sampled every 20 ms: the import's and the re-import's own peaks, and the V8 heap's */ peaks?: { importMb: number; reimportMb: number; heapMb: number; liveMb?: number[] } }

/** Runs one case in a fresh process (tsx) and returns what it printed as JSON on its last line. */
function runCase(args: string[], liveHeap = false): CaseResult {
  const env = liveHeap ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim() } : process.env;
  const r = spawnSync('npx', ['tsx', join(ROOT, 'scripts/bench/import.ts'), '--case', ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env });
  if (r.status !== 0) throw new Error(`case ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** In the child: parse + map every activity, no database. */
async function parseFloor(file: string): Promise<CaseResult> {
  const { readIati } = await import('../../packages/server/src/features/iati/import/parse.js');
  const { mapActivity } = await import('../../packages/server/src/features/iati/import/map.js');
  const countries = (await import('i18n-iso-countries')).default;
  const ctx = { countries: new Set(Object.keys(countries.getAlpha2Codes())) };
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let activities = 0;
  await readIati(createReadStream(file, { highWaterMark: 256 * 1024 }), { maxBytes: 2 ** 40, onRoot: () => {}, onActivity: (n) => { mapActivity(n, ctx); activities++; } });
  return { case: 'floor', ms: Math.round(performance.now() - t0), activities, maxRssMb: mb(process.resourceUsage().maxRSS * 1024), rssBeforeMb: mb(rssBefore) };
}

/** In the child: import (fresh), re-import (updates), then the bulk-copy floor, on the database given. */
async function importCase(name: string, open: { dataDir?: string; databaseUrl?: string }, file: string): Promise<CaseResult> {
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const { importIati } = await import('../../packages/server/src/features/iati/import/service.js');
  const { migrate } = await import('../../packages/server/src/db/migrate.js');
  const db = await openDb(open);
  await migrate(db); // a reused template may predate the IATI migration
  const rssBefore = process.memoryUsage().rss;
  let heapMb = 0;
  const gc = (globalThis as { gc?: () => void }).gc, live: number[] = [];
  const run = async () => {
    const t = performance.now(), cpu = process.cpuUsage();
    let peak = 0;
    const sample = setInterval(() => { const m = process.memoryUsage(); peak = Math.max(peak, m.rss); heapMb = Math.max(heapMb, mb(m.heapUsed)); }, 20);
    const collect = gc && setInterval(() => { gc(); live.push(mb(process.memoryUsage().heapUsed)); }, 1000);
    const r = await importIati(db, createReadStream(file, { highWaterMark: 256 * 1024 }), { skipInvalid: true, file });
    clearInterval(sample);
    if (collect) clearInterval(collect);
    const used = process.cpuUsage(cpu);
    return { ms: Math.round(performance.now() - t), cpuMs: Math.round((used.user + used.system) / 1000), r, peakMb: mb(peak) };
  };
  const first = await run();
  const again = await run();
  const copy = await copyFloor(db);
  await db.close();
  return { case: name, ms: first.ms, cpuMs: first.cpuMs, reimportMs: again.ms, copyMs: copy.ms, rows: copy.rows, activities: first.r.activities, imported: first.r.imported,
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024), rssBeforeMb: mb(rssBefore), peaks: { importMb: first.peakMb, reimportMb: again.peakMb, heapMb, ...(gc ? { liveMb: live } : {}) } };
}

/** The same rows, copied server-side into empty tables with the same indexes: what writing them costs at best. */
async function copyFloor(db: import('../../packages/server/src/db/client.js').Db): Promise<{ ms: number; rows: number }> {
  const parts = ['project', 'funding_line', 'project_participant', 'project_place', 'result', 'search_doc'];
  const where: Record<string, string> = {
    project: 'where iati_identifier is not null', search_doc: `where kind = 'project' and id in (select id from project where iati_identifier is not null)`,
  };
  for (const t of parts) await db.exec(`drop table if exists bench_${t}; create table bench_${t} (like ${t} including defaults including indexes)`);
  const t0 = performance.now();
  let rows = 0;
  await db.transaction(async (tx) => {
    for (const t of parts) {
      const w = where[t] ?? 'where project_id in (select id from project where iati_identifier is not null)';
      const [{ n }] = await tx.query<{ n: number }>(`with x as (insert into bench_${t} select * from ${t} ${w} returning 1) select count(*)::int as n from x`);
      rows += n;
    }
  });
  const ms = Math.round(performance.now() - t0);
  for (const t of parts) await db.exec(`drop table bench_${t}`);
  return { ms, rows };
}

async function childMain(argv: string[]): Promise<void> {
  const which = argv[argv.indexOf('--case') + 1];
  const file = arg(argv, 'file')!;
  const r = which === 'floor' ? await parseFloor(file)
    : await importCase(which, which === 'pglite' ? { dataDir: arg(argv, 'dir') } : { databaseUrl: arg(argv, 'url') }, file);
  console.log(JSON.stringify(r));
}

async function pgDatabase(log: (m: string) => void): Promise<{ url: string; drop: () => Promise<void> }> {
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const { prepareDb } = await import('../../packages/server/src/server.js');
  const server = process.env.TANDEM_BENCH_PG || process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tandem_bench_import_${process.pid}`;
  const admin = await openDb({ databaseUrl: server });
  await admin.exec(`create database ${name}`);
  const u = new URL(server); u.pathname = `/${name}`;
  const t0 = performance.now();
  const db = await openDb({ databaseUrl: u.toString() });
  await prepareDb(db, () => {});
  await db.close();
  log(`PostgreSQL: throwaway database ${name} migrated and seeded in ${fmt(performance.now() - t0)}`);
  return { url: u.toString(), drop: async () => { await admin.exec(`drop database if exists ${name} with (force)`); await admin.close(); } };
}

export async function benchImport(opts: { times?: number; skip?: string[]; reuse?: boolean; liveHeap?: boolean; log?: (m: string) => void } = {}) {
  const { times = 1, skip = [], log = console.log } = opts;
  const file = await benchFile(times);
  log(`file: ${file} (${mb(statSync(file).size)} MB)`);
  const results: CaseResult[] = [runCase(['floor', '--file', file])];
  if (!skip.includes('pglite')) {
    const dir = copyDataDir(await seededTemplate(!!opts.reuse, log), 'import-pglite');
    results.push(runCase(['pglite', '--dir', dir, '--file', file], opts.liveHeap));
  }
  if (!skip.includes('postgresql')) {
    const pg = await pgDatabase(log);
    try { results.push(runCase(['postgresql', '--url', pg.url, '--file', file], opts.liveHeap)); } finally { await pg.drop(); }
  }
  for (const r of results) {
    log(`${r.case.padEnd(11)} ${fmt(r.ms).padStart(8)}${r.cpuMs ? ` (process CPU ${fmt(r.cpuMs)})` : ''}${r.reimportMs ? ` · re-import ${fmt(r.reimportMs)}` : ''}${r.copyMs != null ? ` · bulk copy of the ${r.rows?.toLocaleString('en')} rows ${fmt(r.copyMs)}` : ''}`
      + ` · ${r.imported ?? r.activities} activities · peak RSS ${r.maxRssMb} MB (${r.rssBeforeMb} MB before)`
      + (r.peaks ? ` — sampled: import ${r.peaks.importMb} MB, re-import ${r.peaks.reimportMb} MB, V8 heap used ≤ ${r.peaks.heapMb} MB` : '')
      + (r.peaks?.liveMb?.length ? ` · live heap after each forced GC ${Math.min(...r.peaks.liveMb)}–${Math.max(...r.peaks.liveMb)} MB (${r.peaks.liveMb.length} samples)` : ''));
  }
  log(`load average (1, 5, 15 min): ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  return { file, bytes: statSync(file).size, times, results };
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv.includes('--case')) await childMain(argv);
  else if (argv.includes('--cli')) {
    // the command itself, as a person runs it (scripts/bench/import-cli.ts): 13,000 activities unless --times says
    const times = Number(arg(argv, 'times') ?? 6.5);
    const file = await benchFile(times);
    const results = await benchImportCli(file, { skip: (arg(argv, 'skip') ?? '').split(','), seeded: () => seededTemplate(argv.includes('--reuse')), pgDatabase: () => pgDatabase(console.log), log: console.log });
    console.log(`load average (1, 5, 15 min): ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
    saveResult(`import_iati_cli_x${times}`, { file, times, results });
  } else {
    const times = Number(arg(argv, 'times') ?? 1);
    const r = await benchImport({ times, skip: (arg(argv, 'skip') ?? '').split(','), reuse: argv.includes('--reuse'), liveHeap: argv.includes('--live-heap') });
    saveResult(`import_iati_dportal_x${times}`, r);
  }
}
