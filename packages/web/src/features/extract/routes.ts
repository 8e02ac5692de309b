/** Page routes of knowledge capture (issue 16); paths are GET unless written 'POST /path' (routes.tsx). provenanceBlock: the sheets' « Provenance ». */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { extractFormPage, extractionApplyPage, extractionReviewPage } from './pages.js';

export { provenanceBlock } from './provenance.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const extractPageRoutes: Array<[string, Handler]> = [
  ['/espace/extract', extractFormPage],
  ['POST /espace/extract', extractFormPage],
  ['/espace/extractions/:id', extractionReviewPage],
  ['POST /espace/extractions/:id/apply', extractionApplyPage],
];
