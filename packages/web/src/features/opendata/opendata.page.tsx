/** GET /open-data (what is published, its downloads and licences) and /open-data/api (the API reference, from the OpenAPI document). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { apiRoutes } from '../../../../server/src/app.js';
import { openApi } from '../../../../server/src/lib/api.js';
import { exportCounts } from '../../../../server/src/features/export/export.service.js';
import type { I18n } from '../../i18n/index.js';
import { OpenDataPage } from './OpenDataPage.js';
import { ApiReferencePage } from './ApiReference.js';
import { operations } from './api-doc.js';

export async function openDataPage(c: Context, i: I18n, db: Db): Promise<Response> {
  return c.html(<OpenDataPage i={i} counts={await exportCounts(db)} />);
}

/** The same document as GET /api/openapi.json (createApp), read for people. */
export async function apiReferencePage(c: Context, i: I18n): Promise<Response> {
  const doc = openApi(apiRoutes, { title: 'Tandem API', version: '0.1.0' });
  return c.html(<ApiReferencePage i={i} tags={operations(doc, new URL(c.req.url).origin)} />);
}
