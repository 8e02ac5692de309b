/** createApp(db): the whole HTTP application, without listening (tests import it). */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.js';
import { mount, openApi, type RouteDef } from './lib/api.js';
import { HttpError } from './lib/errors.js';
import { recordRoutes } from './features/records.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { themeRoutes } from './features/themes/themes.routes.js';
import { exportRoutes } from './features/export/export.routes.js';
import { apdRoutes } from './features/apd/apd.routes.js';
import { validationRoutes } from './features/validation/validation.routes.js';
import { peopleRoutes } from './features/people/people.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { authMiddleware } from './features/auth/middleware.js';
import { autocompleteRoutes } from './features/search/autocomplete.routes.js';
import { mountOidc } from './features/auth/oidc.js';
import { iatiRoutes } from './features/iati/iati.routes.js';
import { backupRoutes, localSecret } from './features/backup/backup.routes.js';
import type { ResponseCache } from './lib/response-cache.js';

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
  /** The secret of DATA_DIR/tandem-server.json, with which the local `tandem backup` asks this server for a backup (features/backup/local.ts). */
  localSecret?: string;
}

/** One record as JSON: GET /api/projects/innotech-master … */
export const API_CACHE_PATHS = [/^\/api\/(partnerships|projects|organisations|missions|territories)\/[^/]+$/];

/**
 * Bodies of page (non-API) writes: forms, the IATI upload form. The site (packages/web) gives a path its own
 * limit (undefined: maxBodyBytes) and renders the 413 page in the visitor's language; without it, plain text.
 */
export interface PageBodyOptions {
  maxBytes?: (c: Context) => number | undefined;
  tooLarge?: (c: Context, maxBytes: number) => Response | Promise<Response>;
}

export const apiRoutes: RouteDef[] = [...healthRoutes, ...searchRoutes, ...recordRoutes, ...validationRoutes, ...peopleRoutes, ...themeRoutes, ...exportRoutes, ...apdRoutes, ...authRoutes, ...autocompleteRoutes, ...iatiRoutes, ...backupRoutes];

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const secure = secureHeaders();
  app.use('*', async (c, next) => {
    await secure(c, next);
    if (opts.framable?.test(c.req.path)) {
      c.res.headers.delete('X-Frame-Options');
      c.res.headers.set('Content-Security-Policy', 'frame-ancestors *');
    }
  });
  const maxBody = opts.maxBodyBytes ?? 1024 * 1024;
  const apiLimit = bodyLimit({ maxSize: maxBody, onError: (c) => c.json({ error: `the body is larger than ${maxBody} bytes` }, 413) });
  // every body is limited before the auth middleware, which reads a posted form for its CSRF field
  app.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next(); // no body to limit (and reading it costs)
    // IATI uploads are streamed and have their own limit (TANDEM_IATI_MAX_BYTES)
    if (c.req.path.startsWith('/api/')) return c.req.path === '/api/import/iati' ? next() : apiLimit(c, next);
    const max = opts.pageBodies?.maxBytes?.(c) ?? maxBody;
    const tooLarge = (c: Context) => opts.pageBodies?.tooLarge?.(c, max) ?? c.text(`413 — the form is larger than the limit of ${max} bytes; nothing was saved.`, 413);
    return bodyLimit({ maxSize: max, onError: tooLarge })(c, next);
  });
  app.use('*', authMiddleware({ db: opts.db, adminToken: opts.adminToken }));
  if (opts.cache) app.use('*', opts.cache.middleware([...API_CACHE_PATHS, ...(opts.cachePaths ?? [])]));
  if (opts.localSecret) app.use('/api/admin/backup', localSecret(opts.localSecret));
  mountOidc(app, opts.db);
  app.get('/api/openapi.json', (c) => c.json(openApi(apiRoutes, { title: 'Tandem API', version: '0.1.0' })));
  mount(app, { db: opts.db, readDb: opts.readDb, adminToken: opts.adminToken }, apiRoutes);
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404) : c.text('Not found', 404)));
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message, ...(err.issues ? { issues: err.issues } : {}), ...(err.extra ?? {}) }, err.status as 400);
    const code = (err as { code?: string }).code;
    if (code === '23503') return c.json({ error: 'this record is still referenced by other records; remove those references first' }, 409);
    if (code === '23505') return c.json({ error: 'a record with this identity already exists' }, 409);
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
