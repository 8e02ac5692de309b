/**
 * Streaming IATI import: one database transaction per file (it lands whole or not at all), activities written in
 * batches while the file is read, search documents rebuilt for what was imported, one audit row.
 * With skipInvalid, invalid activities (a critical problem) are left out and reported; without it, one invalid
 * activity fails the file — reading goes on to report every problem, then everything is rolled back.
 */
import type { Db } from '../../../db/client.js';
import { audit, type AuditActor } from '../../audit/audit.js';
import { maxNodeFrom, readIati, ImportError, type XNode } from './parse.js';
import { mapActivity, type MapContext } from './map.js';
import { OrgResolver } from './orgs.js';
import { BatchWriter } from './write.js';
import { invalid, type ActivityIn, type Problem } from './types.js';

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const BATCH = 250;
/** batches handed to the writer and not yet written, at most (reading waits beyond): memory stays flat on large files */
const AHEAD = 2;
const MAX_LISTED = 1000;
/** activities imported from which PGlite's statistics are refreshed at once (below, the next large change does it) */
const ANALYZE_AFTER = 500;
const ANALYZED = ['project', 'funding_line', 'project_participant', 'project_place', 'result', 'link', 'organisation', 'search_doc', 'search_word'];

export interface Progress { bytes: number; total?: number; activities: number }
export interface ImportOptions {
  skipInvalid?: boolean; maxBytes?: number; /** longest node in characters (default TANDEM_IATI_MAX_NODE_CHARS or 1 Mi) */ maxNode?: number; total?: number; actor?: AuditActor; file?: string; onProgress?: (p: Progress) => void }
export interface ImportReport {
  file?: string; version: string | null; bytes: number; ms: number;
  activities: number; imported: number; created: number; updated: number; skipped: number;
  budgets: number; plannedDisbursements: number; transactions: number; results: number; organisationsCreated: number;
  problemCounts: { critical: number; error: number; warning: number }; problems: Problem[];
}

/** The import failed and nothing landed; the report says why. */
export class ImportFailed extends ImportError {
  constructor(message: string, readonly report: ImportReport, line?: number, status = 422) { super(message, line, status); }
}

const SUPPORTED = ['2.01', '2.02', '2.03'];
function checkVersion(root: XNode, report: ImportReport): void {
  const v = root.attrs.version?.trim();
  if (!v) { report.problems.push({ level: 'warning', line: root.line, message: 'iati-activities has no version attribute: read as 2.03' }); report.problemCounts.warning++; return; }
  if (/^1\./.test(v)) throw new ImportError(`IATI version ${v} is not supported: Tandem reads versions 2.01 to 2.03; upgrade the file to 2.0x first`, root.line);
  if (!SUPPORTED.includes(v)) throw new ImportError(`IATI version "${v}" is not supported: Tandem reads versions 2.01 to 2.03`, root.line);
  report.version = v;
}

function emptyReport(file?: string): ImportReport {
  return { file, version: null, bytes: 0, ms: 0, activities: 0, imported: 0, created: 0, updated: 0, skipped: 0, budgets: 0, plannedDisbursements: 0,
    transactions: 0, results: 0, organisationsCreated: 0, problemCounts: { critical: 0, error: 0, warning: 0 }, problems: [] };
}

function count(report: ImportReport, a: ActivityIn): void {
  for (const p of a.problems) {
    report.problemCounts[p.level]++;
    if (report.problems.length < MAX_LISTED) report.problems.push(p);
  }
  report.imported++;
  report.budgets += a.funding.filter((f) => f.element === 'budget').length;
  report.plannedDisbursements += a.funding.filter((f) => f.element === 'planned-disbursement').length;
  report.transactions += a.funding.filter((f) => f.element === 'transaction').length;
  report.results += a.results.length;
}

async function mapContext(db: Db): Promise<MapContext> {
  return { countries: new Set((await db.query<{ id: string }>(`select id from territory where kind = 'country'`)).map((r) => r.id)) };
}

/** Sorts mapped activities: valid ones wait in `pending` for the next batch, invalid ones are counted (and fail the file unless skipped). */
function collector(report: ImportReport, ctx: MapContext, skipInvalid: boolean) {
  const state = { pending: [] as ActivityIn[], failed: false };
  const onActivity = (node: XNode) => {
    report.activities++;
    const a = mapActivity(node, ctx);
    if (!invalid(a)) { count(report, a); state.pending.push(a); return; }
    for (const p of a.problems) { report.problemCounts[p.level]++; if (report.problems.length < MAX_LISTED) report.problems.push(p); }
    report.skipped++;
    if (!skipInvalid) { state.failed = true; state.pending = []; }
  };
  return { state, onActivity };
}

function failure(report: ImportReport, t0: number): ImportFailed {
  Object.assign(report, { imported: 0, budgets: 0, plannedDisbursements: 0, transactions: 0, results: 0, ms: Math.round(performance.now() - t0) });
  return new ImportFailed(`${report.skipped} of ${report.activities} activities are invalid (critical problems): nothing was imported. `
    + 'Fix them, or import with skip-invalid to leave them out.', report);
}

export async function importIati(db: Db, source: AsyncIterable<Uint8Array | string>, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const report = emptyReport(opts.file);
  const out = await db.transaction(async (tx) => {
    const orgs = await OrgResolver.load(tx);
    const writer = new BatchWriter(tx, orgs);
    const { state, onActivity } = collector(report, await mapContext(tx), !!opts.skipInvalid);
    // batches are written one after the other while the file goes on being read, up to AHEAD batches behind the reading:
    // on PostgreSQL the parse overlaps the server's work, and memory stays bounded
    let inflight: Promise<void> = Promise.resolve();
    const queued: Promise<void>[] = [];
    const flush = async () => {
      const batch = state.pending; state.pending = [];
      inflight = inflight.then(() => writer.write(batch));
      inflight.catch(() => {}); // a failed write is thrown where it is awaited (below), never left unhandled meanwhile
      queued.push(inflight);
      if (queued.length >= AHEAD) await queued.shift();
    };
    try {
      report.bytes = await readIati(source, {
        maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, maxNode: opts.maxNode ?? maxNodeFrom(process.env), onRoot: (root) => checkVersion(root, report), onActivity,
        onChunk: async (bytes) => {
          if (state.pending.length >= BATCH && !state.failed) await flush();
          opts.onProgress?.({ bytes, total: opts.total, activities: report.activities });
        },
      });
    } catch (e) { await inflight.catch(() => {}); throw e; }
    await inflight;
    if (state.failed) throw failure(report, t0);
    await writer.write(state.pending);
    await writer.reindex();
    Object.assign(report, { created: writer.created, updated: writer.updated, organisationsCreated: orgs.created.length });
    await audit(tx, { actor: opts.actor ?? null, action: 'iati_imported', targetKind: 'project', details: summary(report) });
    return report;
  });
  // PGlite has no autovacuum: statistics taken now after a large import, or searches and sheets would be planned as if
  // the tables were still small (PostgreSQL's autovacuum analyzes them shortly after the commit)
  if (db.engine === 'pglite' && out.imported >= ANALYZE_AFTER) await db.exec(`analyze ${ANALYZED.join(', ')}`);
  out.ms = Math.round(performance.now() - t0);
  return out;
}

/** The report without its list of problems (for logs and the audit row). */
export function summary(r: ImportReport) {
  const { problems: _problems, ...rest } = r;
  return rest;
}
