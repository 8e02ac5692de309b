/**
 * The site's fuzz: API operations from its OpenAPI description (GET /api/openapi.json) and GET pages from its route
 * table (every GET route outside /api, with the /en and /vi copies), four API requests for one page.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { apiRequests, pageRequests, type FuzzRequest } from '../../server/test/fuzz/requests.js';
import type { Known } from '../../server/test/fuzz/schema-arb.js';

export async function siteRequests(app: Hono, known: Known): Promise<fc.Arbitrary<FuzzRequest>> {
  const doc = await (await app.request('/api/openapi.json')).json();
  const pages = [...new Set(app.routes.filter((r) => r.method === 'GET' && !r.path.startsWith('/api/') && !r.path.startsWith('/assets/') && r.path !== '/*')
    .map((r) => r.path))];
  return fc.oneof({ weight: 4, arbitrary: apiRequests(doc, known) }, { weight: 1, arbitrary: pageRequests(pages, known) });
}
