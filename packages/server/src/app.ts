/** createApp(db): the whole HTTP application, without listening (tests import it). */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.js';
import { mount, openApi, type RouteDef } from './lib/api.js';
import { HttpError } from './lib/errors.js';
import { recordRoutes } from './features/records.routes.js';
import { eventRoutes } from './features/events/events.routes.js';
import { programmeRoutes } from './features/events/programme.routes.js';
import { registrationRoutes } from './features/registration/registration.routes.js';
import { surveyRoutes } from './features/surveys/surveys.routes.js';
import { surveyResultsRoutes } from './features/surveys/surveys.results.routes.js';
import { groupRoutes } from './features/groups/groups.routes.js';
import { newsRoutes } from './features/news/news.routes.js';
import { fundingRoutes } from './features/funding/funding.routes.js';
import { alertRoutes } from './features/funding/alerts.routes.js';
import { whoRoutes } from './features/who/who.routes.js';
import { extractRoutes } from './features/extract/extract.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { themeRoutes } from './features/themes/themes.routes.js';
import { exportRoutes } from './features/export/export.routes.js';
import { apdRoutes } from './features/apd/apd.routes.js';
import { validationRoutes } from './features/validation/validation.routes.js';
import { workspaceRoutes } from './features/workspace/workspace.routes.js';
import { peopleRoutes } from './features/people/people.routes.js';
import { contactRoutes } from './features/contacts/contacts.routes.js';
import { documentRoutes } from './features/links/documents.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { memberRoutes } from './features/members/members.routes.js';
import { authMiddleware } from './features/auth/middleware.js';
import { autocompleteRoutes } from './features/search/autocomplete.routes.js';
import { mountOidc } from './features/auth/oidc.js';
import { iatiRoutes, iatiUploadLimit } from './features/iati/iati.routes.js';
import { closeUnread } from './lib/body-close.js';
import { backupRoutes, localSecret } from './features/backup/backup.routes.js';
import type { ResponseCache } from './lib/response-cache.js';
import { inputGuard, type BadPage } from './lib/input-guard.js';
import { inputErrorOf } from './lib/db-input-errors.js';
import { ADMISSION_EXEMPT, type Admission, type BusyPage } from './lib/admission.js';
import { strictTransport } from './features/hardening/transport.js';

/**
 * db: the primary; readDb: an optional read replica for anonymous reads (DATABASE_READ_URL, see lib/read-db.ts);
 * cache: visitors' answers kept until the records change (lib/response-cache.ts), for the API's record paths and
 * cachePaths (the site adds its pages).
 */
export interface AppOptions {
  db: Db; readDb?: Db; adminToken?: string; maxBodyBytes?: number; pageBodies?: PageBodyOptions;
  cache?: ResponseCache; cachePaths?: RegExp[];
  /** Paths other sites may show in a frame (the site's embeds): no X-Frame-Options, `frame-ancestors *`. */
  framable?: RegExp;
  /** A page's answer to a URL or form that is not valid input (bad percent-encoding, NUL): the site's 400 page. */
  badPage?: BadPage;
  /** At most so many requests at the database at once, the others queued or turned away with a 503 (lib/admission.ts);
   * busyPage: the 503 of pages (the site's, in the visitor's language; the API answers JSON). */
  admission?: Admission; busyPage?: BusyPage;
  /** The secret of DATA_DIR/tandem-server.json, with which the local `tandem backup` asks this server for a backup (features/backup/local.ts). */
  localSecret?: string;
}

/** One record as JSON (GET /api/projects/innotech-master …) and searches: a crowd asks the same few, and on PGlite a
 * search holds the one database thread for milliseconds (bench:http --mix). */
export const API_CACHE_PATHS = [/^\/api\/(partnerships|projects|organisations|missions|territories|events|event-series)\/[^/]+$/, /^\/api\/search$/];

/**
 * Bodies of page (non-API) writes: forms, the IATI upload form. The site (packages/web) gives a path its own
 * limit (undefined: maxBodyBytes) and renders the 413 page in the visitor's language; without it, plain text.
 */
export interface PageBodyOptions {
  maxBytes?: (c: Context) => number | undefined;
  tooLarge?: (c: Context, maxBytes: number) => Response | Promise<Response>;
}

export const apiRoutes: RouteDef[] = [...healthRoutes, ...searchRoutes, ...recordRoutes, ...eventRoutes, ...programmeRoutes, ...registrationRoutes, ...surveyRoutes, ...surveyResultsRoutes, ...groupRoutes, ...newsRoutes, ...fundingRoutes, ...alertRoutes, ...whoRoutes, ...extractRoutes, ...validationRoutes, ...peopleRoutes, ...contactRoutes, ...documentRoutes, ...themeRoutes, ...exportRoutes, ...apdRoutes, ...authRoutes, ...memberRoutes, ...workspaceRoutes, ...autocompleteRoutes, ...iatiRoutes, ...backupRoutes];

/**
 * One policy for every response: scripts, styles and everything else from this origin only — no inline script
 * (JSON-LD blocks are data, not scripts, so they need no nonce), no inline style, no plugins, no <base>, forms post
 * here only. A static policy (no nonce) keeps cached pages (lib/response-cache.ts) byte-identical. Embeds may be
 * framed by any site; every other page only by this one.
 */
export function contentSecurityPolicy(framable: boolean): string {
  return ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'", `frame-ancestors ${framable ? '*' : "'self'"}`].join('; ');
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use('*', closeUnread);
  const secure = secureHeaders({ strictTransportSecurity: false }); // HSTS over HTTPS only (features/hardening/transport.ts)
  app.use('*', async (c, next) => {
    await secure(c, next);
    const framable = opts.framable?.test(c.req.path) ?? false;
    if (framable) c.res.headers.delete('X-Frame-Options');
    c.res.headers.set('Content-Security-Policy', contentSecurityPolicy(framable));
    strictTransport(c);
  });
  const maxBody = opts.maxBodyBytes ?? 1024 * 1024;
  const apiLimit = bodyLimit({ maxSize: maxBody, onError: (c) => c.json({ error: `the body is larger than ${maxBody} bytes` }, 413) });
  // every body is limited before the auth middleware, which reads a posted form for its CSRF field
  app.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next(); // no body to limit (and reading it costs)
    // IATI uploads are streamed and have their own limit (TANDEM_IATI_MAX_BYTES)
    if (c.req.path.startsWith('/api/')) return c.req.path === '/api/import/iati' ? iatiUploadLimit(c, next) : apiLimit(c, next);
    const max = opts.pageBodies?.maxBytes?.(c) ?? maxBody;
    const tooLarge = (c: Context) => opts.pageBodies?.tooLarge?.(c, max) ?? c.text(`413 — the form is larger than the limit of ${max} bytes; nothing was saved.`, 413);
    return bodyLimit({ maxSize: max, onError: tooLarge })(c, next);
  });
  app.use('*', inputGuard(opts.badPage));
  // the visitors' cache answers before the queue (its hits cost no query; it serves anonymous requests only, which
  // the auth middleware has nothing to resolve for), then admission bounds what reaches the database, the auth lookups included
  const admission = opts.admission;
  if (opts.cache) app.use('*', opts.cache.middleware([...API_CACHE_PATHS, ...(opts.cachePaths ?? [])], {
    busy: admission && (() => admission.queued > 0), refresh: (req) => Promise.resolve(app.fetch(req)),
  }));
  if (opts.admission) app.use('*', opts.admission.middleware({ exempt: ADMISSION_EXEMPT, busyPage: opts.busyPage }));
  app.use('*', authMiddleware({ db: opts.db, adminToken: opts.adminToken }));
  if (opts.localSecret) app.use('/api/admin/backup', localSecret(opts.localSecret));
  mountOidc(app, opts.db);
  app.get('/api/openapi.json', (c) => c.json(openApi(apiRoutes, { title: 'Tandem API', version: '0.1.0' })));
  mount(app, { db: opts.db, readDb: opts.readDb, adminToken: opts.adminToken }, apiRoutes);
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404) : c.text('Not found', 404)));
  app.onError(errorResponse);
  return app;
}

/** An error as the API answers it (JSON, the status it deserves); the site renders the same status as a page. */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof HttpError) return c.json({ error: err.message, ...(err.issues ? { issues: err.issues } : {}), ...(err.extra ?? {}) }, err.status as 400,
    typeof err.extra?.retryAfter === 'number' ? { 'Retry-After': String(err.extra.retryAfter) } : undefined); // rate limits: 429 + Retry-After
  const code = (err as { code?: string }).code;
  if (code === '23503') return c.json({ error: 'this record is still referenced by other records; remove those references first' }, 409);
  if (code === '23505') return c.json({ error: 'a record with this identity already exists' }, 409);
  const input = inputErrorOf(err);
  if (input) {
    // a safety net: input the validation should have refused reached the database — a bug to fix (name the field)
    console.error(`input reached the database unvalidated: ${c.req.method} ${c.req.path}:`, err);
    return c.json({ error: input }, 400);
  }
  console.error(err);
  return c.json({ error: 'internal error' }, 500);
}
