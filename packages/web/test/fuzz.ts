/**
 * The site's fuzz: API operations from its OpenAPI description (GET /api/openapi.json), GET pages from its route
 * table (every GET route outside /api, with the /en and /vi copies) and its POST forms (urlencoded, hostile strings in
 * fields named like the API's), each route as likely as any other.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { apiRequests, fieldNames, formRequests, pageRequests, type FuzzRequest } from '../../server/test/fuzz/requests.js';
import type { Known } from '../../server/test/fuzz/schema-arb.js';

/** The requests, and every route they are drawn from (`${METHOD} ${pattern}`), which a long run must all visit. */
export async function siteRequests(app: Hono, known: Known): Promise<fc.Arbitrary<FuzzRequest> & { routes: string[] }> {
  const doc = await (await app.request('/api/openapi.json')).json();
  const outside = (method: string) => [...new Set(app.routes.filter((r) => r.method === method && !r.path.startsWith('/api/') && !r.path.startsWith('/assets/') && r.path !== '/*')
    .map((r) => r.path))];
  const all = [...apiRequests(doc, known), ...pageRequests(outside('GET'), known), ...formRequests(outside('POST'), known, fieldNames(doc))];
  const routes = [...Object.entries<Record<string, unknown>>(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`)),
    ...outside('GET').map((p) => `GET ${p}`), 'GET (random path)', ...outside('POST').map((p) => `POST ${p}`)];
  return Object.assign(fc.oneof(...all), { routes });
}
