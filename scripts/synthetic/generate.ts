/**
 * Synthetic projects for benchmarks: realistic, deterministic for a seed, inserted set-based.
 *
 *   npx tsx scripts/synthetic/generate.ts --count 100000 [--seed 42] [--batch 10000] [--no-index]
 *
 * Uses the database of the environment (DATABASE_URL, else DATA_DIR, default ./data), migrated and
 * seeded first when needed. Every synthetic id starts with 'syn-'; a run first removes the synthetic
 * records of any earlier run, so the database then holds exactly `count` synthetic projects.
 */
import { pathToFileURL } from 'node:url';
import type { Db } from '../../packages/server/src/db/client.js';
import { reindex, type IndexedKind } from '../../packages/server/src/features/search/search.index.js';
import { Rng } from './prng.js';
import { loadPools, type Org } from './pools.js';
import { emptyBuffers, partnershipRows, projectRows, type Buffers, type Row } from './rows.js';

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Projects per insert statement (one JSON parameter each). */
  batchSize?: number;
  /** Rebuild the search documents of the new records (default true). */
  index?: boolean;
  log?: (msg: string) => void;
}

export interface GenerateStats {
  projects: number; partnerships: number; agreements: number; organisations: number;
  places: number; participants: number; fundingLines: number; results: number;
  /** Rows written to the record tables (not counting search documents). */
  rows: number; searchDocs: number;
  clearMs: number; insertMs: number; indexMs: number; totalMs: number;
}

type Columns = Record<string, string>;
const TABLES: Record<keyof Buffers | 'organisation', Columns> = {
  organisation: { id: 'text', kind: 'text', name: 'text', acronyms: 'text[]', aliases: 'text[]', territory_id: 'text', country: 'text', description: 'text' },
  partnership: { id: 'text', title: 'text', kind: 'text', status: 'text', summary: 'text', started_on: 'date', started_precision: 'text', ended_on: 'date', ended_precision: 'text', themes: 'text[]' },
  partnership_party: { partnership_id: 'text', organisation_id: 'text', side: 'text', position: 'integer' },
  agreement: { id: 'text', partnership_id: 'text', kind: 'text', title: 'text', signed_on: 'date', signed_precision: 'text', place: 'text', duration_months: 'integer', renews_agreement_id: 'text', axes: 'text[]', summary: 'text', position: 'integer' },
  project: { id: 'text', partnership_id: 'text', title: 'text', description: 'text', status: 'text', start_on: 'date', start_precision: 'text', end_on: 'date', end_precision: 'text', themes: 'text[]', budget_amount: 'numeric', budget_currency: 'text' },
  project_place: { project_id: 'text', territory_id: 'text' },
  project_participant: { project_id: 'text', organisation_id: 'text', role: 'text', position: 'integer' },
  funding_line: { project_id: 'text', funder_id: 'text', amount: 'numeric', currency: 'text', year: 'integer', kind: 'text', note: 'text', position: 'integer' },
  result: { project_id: 'text', label: 'text', value: 'numeric', unit: 'text', year: 'integer', kind: 'text', position: 'integer' },
};
/** Parents before children (foreign keys). */
const ORDER: Array<keyof Buffers> = ['partnership', 'partnership_party', 'agreement', 'project', 'project_place', 'project_participant', 'funding_line', 'result'];

/** One set-based statement per chunk: insert … select … from json_to_recordset($1::json). */
export async function insertRows(db: Db, table: keyof typeof TABLES, rows: Row[], chunk = 10_000): Promise<void> {
  const cols = TABLES[table];
  const names = Object.keys(cols).join(', ');
  const sql = `insert into ${table} (${names}) select ${names} from json_to_recordset($1::json) as r(${Object.entries(cols).map(([c, t]) => `${c} ${t}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += chunk) await db.query(sql, [JSON.stringify(rows.slice(i, i + chunk))]);
}

/** Removes every synthetic record (and its search documents). */
export async function clearSynthetic(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`delete from search_doc where id like 'syn-%'`);
    await tx.query(`delete from project where id like 'syn-%'`);
    await tx.query(`delete from partnership where id like 'syn-%'`);
    await tx.query(`delete from organisation where id like 'syn-%'`);
  });
}

async function flush(db: Db, buf: Buffers, batchSize: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of ORDER) await insertRows(tx, table, buf[table], batchSize * 3);
  });
}

/** Rebuilds the search documents of some records with the application's own builders, in chunks. */
export async function indexRecords(db: Db, kind: IndexedKind, ids: string[], chunk = 10_000): Promise<void> {
  for (let i = 0; i < ids.length; i += chunk) await db.transaction((tx) => reindex(tx, kind, ids.slice(i, i + chunk)));
}

export async function generateProjects(db: Db, opts: GenerateOptions): Promise<GenerateStats> {
  const { count, seed = 42, batchSize = 10_000, index = true, log = () => {} } = opts;
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer (got ${count})`);
  const t0 = performance.now();
  await clearSynthetic(db);
  const t1 = performance.now();

  const rng = new Rng(seed);
  const pools = await loadPools(db, rng, count);
  await insertRows(db, 'organisation', pools.created as unknown as Row[]);
  const stats = { projects: 0, partnerships: 0, agreements: 0, organisations: pools.created.length, places: 0, participants: 0, fundingLines: 0, results: 0 };
  const partnershipIds: string[] = [];
  let buf = emptyBuffers();
  const drain = async () => {
    stats.partnerships += buf.partnership.length; stats.agreements += buf.agreement.length; stats.projects += buf.project.length;
    stats.places += buf.project_place.length; stats.participants += buf.project_participant.length + buf.partnership_party.length;
    stats.fundingLines += buf.funding_line.length; stats.results += buf.result.length;
    await flush(db, buf, batchSize);
    buf = emptyBuffers();
    log(`  inserted ${stats.projects.toLocaleString('en')} / ${count.toLocaleString('en')} projects`);
  };
  let made = 0;
  for (let n = 1; made < count; n++) {
    const plan = partnershipRows(rng, pools, n, buf);
    partnershipIds.push(plan.id);
    const size = Math.min(count - made, rng.int(1, 9));
    for (let j = 0; j < size; j++) projectRows(rng, pools, plan, ++made, buf);
    if (buf.project.length >= batchSize) await drain();
  }
  if (buf.project.length) await drain();
  const t2 = performance.now();

  let searchDocs = 0;
  if (index) {
    const projectIds = Array.from({ length: count }, (_, i) => `syn-prj-${String(i + 1).padStart(7, '0')}`);
    for (const [kind, ids] of [['organisation', pools.created.map((o: Org) => o.id)], ['partnership', partnershipIds], ['project', projectIds]] as Array<[IndexedKind, string[]]>) {
      const s = performance.now();
      await indexRecords(db, kind, ids, batchSize);
      searchDocs += ids.length;
      log(`  indexed ${ids.length.toLocaleString('en')} ${kind} documents in ${((performance.now() - s) / 1000).toFixed(1)} s`);
    }
  }
  const t3 = performance.now();
  const rows = stats.organisations + stats.partnerships + stats.agreements + stats.projects + stats.places + stats.participants + stats.fundingLines + stats.results;
  return { ...stats, rows, searchDocs, clearMs: t1 - t0, insertMs: t2 - t1, indexMs: t3 - t2, totalMs: t3 - t0 };
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(argv: string[]): Promise<void> {
  const count = Number(arg(argv, 'count') ?? 1000);
  const seed = Number(arg(argv, 'seed') ?? 42);
  const batchSize = Number(arg(argv, 'batch') ?? 10_000);
  const { openFromEnv } = await import('../../packages/server/src/db/client.js');
  const { prepareDb } = await import('../../packages/server/src/server.js');
  const db = await openFromEnv();
  try {
    await prepareDb(db);
    console.log(`generating ${count.toLocaleString('en')} synthetic projects (seed ${seed}) on ${db.engine}…`);
    const s = await generateProjects(db, { count, seed, batchSize, index: !argv.includes('--no-index'), log: console.log });
    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
    console.log(`${s.projects} projects, ${s.partnerships} partnerships, ${s.agreements} agreements, ${s.organisations} organisations, `
      + `${s.places} places, ${s.participants} participants, ${s.fundingLines} funding lines, ${s.results} results (${s.rows} rows)`);
    console.log(`clear ${(s.clearMs / 1000).toFixed(1)} s · insert ${(s.insertMs / 1000).toFixed(1)} s (${rate(s.projects, s.insertMs)} projects/s, ${rate(s.rows, s.insertMs)} rows/s)`
      + ` · index ${(s.indexMs / 1000).toFixed(1)} s (${rate(s.searchDocs, s.indexMs)} docs/s) · total ${(s.totalMs / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err) => { console.error(err); process.exit(1); });
}
