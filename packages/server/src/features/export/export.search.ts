/**
 * A search's records as a download: the search service selects them (its words and filters, up to SEARCH_EXPORT_MAX),
 * then CSV (the list of results, or the kind's table when the search keeps one kind), JSON (records with their parts)
 * or IATI (the projects among them).
 */
import { csvLine, type SearchQuery } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { searchSelection } from '../search/search.service.js';
import { exportIati } from '../iati/export.service.js';
import { csvPlan, type CsvOptions } from './columns.js';
import { csvWriter, type ExportKind } from './export.service.js';
import { writeJson } from './export.json.js';
import { download, textStream } from './stream.js';

/** At most this many records in a search's download (the first by weight, then title); the answer says how many matched. */
export const SEARCH_EXPORT_MAX = 10_000;

const KINDS: Record<string, ExportKind> = { partnership: 'partnerships', project: 'projects', organisation: 'organisations', mission: 'missions', event: 'events', territory: 'territories' };
const ORDER: ExportKind[] = ['partnerships', 'projects', 'organisations', 'missions', 'events', 'territories'];
export const RESULT_COLUMNS = ['kind', 'id', 'title', 'subtitle', 'url'];

export type SearchExportFormat = 'csv' | 'json' | 'iati';
type Query = Omit<SearchQuery, 'page' | 'perPage'>;

/** The query as the download states it: the words and the filters given. */
const stated = (q: Query) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ''));

export async function searchDownload(db: Db, query: Query, format: SearchExportFormat, origin: string, opts: CsvOptions = {}): Promise<Response> {
  // a CSV's columns are checked before anything is read: a bad one is a 400, not a cut download
  const kindTable = query.kind ? KINDS[query.kind] : undefined;
  const csv = format !== 'csv' ? null : kindTable ? csvWriter(kindTable, opts) : csvPlan('results', RESULT_COLUMNS, opts);
  const { total, records } = await searchSelection(db, query, SEARCH_EXPORT_MAX);
  const ids: Partial<Record<ExportKind, string[]>> = {};
  for (const r of records) (ids[KINDS[r.kind]!] ??= []).push(r.id);
  for (const list of Object.values(ids)) list.sort();
  const headers = { 'x-total-count': String(total), 'x-export-limit': String(SEARCH_EXPORT_MAX) };
  const name = 'tandem-search';
  if (format === 'iati') return download(textStream((w) => exportIati(db, { projects: ids.projects ?? [] }, w)), 'iati', name, headers);
  if (format === 'json') {
    const head = { query: stated(query), total, limit: SEARCH_EXPORT_MAX, truncated: total > records.length };
    return download(textStream((w) => writeJson(db, w, ORDER.filter((k) => ids[k]).map((kind) => ({ kind, ids: ids[kind] })), head)), 'json', name, headers);
  }
  if (typeof csv === 'function') return download(textStream((w) => csv(db, w, ids[kindTable!] ?? [])), 'csv', name, headers);
  const plan = csv!;
  const prefix = opts.labels && opts.labels !== 'fr' ? `/${opts.labels}` : '';
  return download(textStream(async (w) => {
    await w('\ufeff' + csvLine(plan.header));
    for (const r of records) await w(csvLine(plan.row([r.kind, r.id, r.title, r.subtitle, `${origin}${prefix}/${KINDS[r.kind]}/${encodeURIComponent(r.id)}`])));
  }), 'csv', name, headers);
}
