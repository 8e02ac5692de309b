/** Survey pages: results, the printable report and its PDF (see routes.ts). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { reportPage, reportPdfPage, resultsPage } from './results.page.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const resultsRoutes: Array<[string, Handler]> = [
  ['/surveys/:id/results', resultsPage],
  ['/surveys/:id/report', reportPage], // printable on A4 (site.css)
  ['/surveys/:id/report.pdf', reportPdfPage], // the same report from the server (surveys.pdf.ts)
];
