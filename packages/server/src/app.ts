/** createApp(db): the whole HTTP application, without listening (tests import it). */
import { Hono } from 'hono';
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

export interface AppOptions { db: Db; adminToken?: string; maxBodyBytes?: number }

export const apiRoutes: RouteDef[] = [...healthRoutes, ...searchRoutes, ...recordRoutes, ...validationRoutes, ...peopleRoutes, ...themeRoutes, ...exportRoutes, ...apdRoutes, ...authRoutes, ...autocompleteRoutes, ...iatiRoutes];

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use('*', secureHeaders());
  const limit = bodyLimit({
    maxSize: opts.maxBodyBytes ?? 1024 * 1024,
    onError: (c) => c.json({ error: `the body is larger than ${opts.maxBodyBytes ?? 1024 * 1024} bytes` }, 413),
  });
  // IATI uploads are streamed and have their own limit (TANDEM_IATI_MAX_BYTES)
  app.use('/api/*', (c, next) => (c.req.path === '/api/import/iati' ? next() : limit(c, next)));
  app.use('*', authMiddleware({ db: opts.db, adminToken: opts.adminToken }));
  mountOidc(app, opts.db);
  app.get('/api/openapi.json', (c) => c.json(openApi(apiRoutes, { title: 'Tandem API', version: '0.1.0' })));
  mount(app, { db: opts.db, adminToken: opts.adminToken }, apiRoutes);
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
