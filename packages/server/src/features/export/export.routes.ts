import { z } from 'zod';
import { route } from '../../lib/api.js';
import { exportCsv, exportJson, exportKinds } from './export.service.js';

export const exportRoutes = [
  route({
    method: 'get', path: '/api/export', tag: 'export', summary: 'Open data: one record kind as CSV, or records with their parts as JSON',
    query: z.object({
      format: z.enum(['csv', 'json']).default('json'), kind: z.enum(exportKinds).default('projects'),
      columns: z.string().max(2000).optional().meta({ description: 'CSV: the columns to keep, in this order, comma-separated (e.g. id,title,status,start)' }),
      labels: z.enum(['fr', 'en', 'vi']).optional().meta({ description: 'CSV: readable headers and values (statuses, kinds, themes) in this language' }),
    }),
    produces: 'text/csv',
    handler: async ({ c, db, query }) => {
      if (query.format === 'json') return exportJson(db, [query.kind]);
      let body = '';
      const columns = query.columns?.split(',').map((x) => x.trim()).filter(Boolean);
      await exportCsv(db, query.kind, (s) => { body += s; }, { columns, labels: query.labels });
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="tandem-${query.kind}.csv"` });
    },
  }),
];
