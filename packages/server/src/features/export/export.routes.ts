/** Open data downloads: a kind, the whole public database, a search's records, one record. Streamed, with a file name. */
import { z } from 'zod';
import { searchQuery } from '@tandem/shared';
import { route } from '../../lib/api.js';
import { csvWriter, exportKinds } from './export.service.js';
import { dumpStream, writeJson } from './export.json.js';
import { searchDownload, SEARCH_EXPORT_MAX } from './export.search.js';
import { recordDownload, recordKinds } from './export.record.js';
import { download, textStream } from './stream.js';
import { cachedDownload } from './cache.js';

const csvQuery = {
  columns: z.string().max(2000).optional().meta({ description: 'CSV: the columns to keep, in this order, comma-separated (e.g. id,title,status,start)' }),
  labels: z.enum(['fr', 'en', 'vi']).optional().meta({ description: 'CSV: readable headers and values (statuses, kinds, themes) in this language' }),
};
const csvOptions = (q: { columns?: string; labels?: 'fr' | 'en' | 'vi' }) => ({ columns: q.columns?.split(',').map((x) => x.trim()).filter(Boolean), labels: q.labels });
const origin = (url: string) => new URL(url).origin;

export const exportRoutes = [
  route({
    method: 'get', path: '/api/export', tag: 'export', summary: 'Open data: one record kind as CSV, or records with their parts as JSON (streamed, as a file)',
    query: z.object({ format: z.enum(['csv', 'json']).default('json'), kind: z.enum(exportKinds).default('projects'), ...csvQuery }),
    produces: 'text/csv',
    returns: 'tandem-KIND.csv, or tandem-KIND.json: {KIND: [records]}',
    handler: async ({ db, query }) => {
      const name = `tandem-${query.kind}`;
      const scope = query.kind === 'territories' || query.kind === 'indicators' ? 'reference' : 'all';
      if (query.format === 'json') return download(await cachedDownload(db, name, () => textStream((w) => writeJson(db, w, [{ kind: query.kind }])), scope), 'json', name);
      const csv = csvWriter(query.kind, csvOptions(query));
      const stream = () => textStream((w) => csv(db, w));
      // the whole table as it is, or in one of the languages: kept as a file until the data changes; a choice of columns is made each time
      return download(query.columns ? stream() : await cachedDownload(db, `${name}-${query.labels ?? 'codes'}`, stream, scope), 'csv', name);
    },
  }),
  route({
    method: 'get', path: '/api/export/all', tag: 'export',
    summary: 'Open data: every public record as one gzipped JSON document (partnerships, projects with their funding, organisations, missions, events, territories, indicators, '
      + 'the themes, and the licences). People, accounts, history and declarations are never in it. Streamed',
    produces: 'application/gzip', returns: 'tandem-open-data.json.gz',
    handler: async ({ c, db }) => download(await dumpStream(db, origin(c.req.url)), 'gzip', 'tandem-open-data'),
  }),
  route({
    method: 'get', path: '/api/export/search', tag: 'export',
    summary: `Open data: the records a search matches (its words and filters, as GET /api/search reads them), at most ${SEARCH_EXPORT_MAX.toLocaleString('en')}, `
      + 'by weight then title: CSV (the results, or the kind\'s table when the search keeps one kind), JSON (records with their parts) or IATI (the projects among them). '
      + 'X-Total-Count says how many matched',
    query: searchQuery.omit({ page: true, perPage: true }).extend({ format: z.enum(['csv', 'json', 'iati']).default('csv'), ...csvQuery }),
    produces: 'text/csv', returns: 'tandem-search.csv, .json or .xml',
    handler: async ({ c, db, query }) => {
      const { format, columns: _c, labels: _l, ...search } = query;
      return searchDownload(db, search, format, origin(c.req.url), csvOptions(query));
    },
  }),
  route({
    method: 'get', path: '/api/export/:kind/:id', tag: 'export',
    summary: 'Open data: one record as a file — JSON with its parts, or CSV: a partnership\'s projects, a project\'s funding lines, an organisation\'s projects, '
      + 'a mission\'s row, a territory\'s indicators',
    params: z.object({ kind: z.enum(recordKinds) }),
    query: z.object({ format: z.enum(['json', 'csv']).default('json'), ...csvQuery }),
    produces: 'application/json', returns: 'tandem-KIND-ID.json or .csv',
    handler: async ({ db, params, query }) => recordDownload(db, params.kind as (typeof recordKinds)[number], params.id!, query.format, csvOptions(query)),
  }),
];
