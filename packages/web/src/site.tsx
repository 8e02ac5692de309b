/**
 * The whole site: the JSON API (createApp) plus the public pages, server-rendered in French (no prefix),
 * English (/en) and Vietnamese (/vi). Pages work without JavaScript; scripts only enhance.
 */
import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { contextStorage } from 'hono/context-storage';
import { createApp, type AppOptions } from '../../server/src/app.js';
import { HttpError } from '../../server/src/lib/errors.js';
import { requestDb } from '../../server/src/lib/read-db.js';
import { i18n, splitLang, type I18n } from './i18n/index.js';
import { favicon, scripts, stylesheet } from './assets.js';
import { pageRoutes } from './routes.js';
import { mountAuthPages } from './features/auth/auth.pages.js';
import { pageBodies } from './body-limit.js';
import { badPage } from './bad-request.js';
import { busyPage } from './busy.js';
import { mountErrorPages, notFoundPage } from './error-pages.js';

export function createSite(opts: AppOptions): Hono {
  // page forms get their body limits (and the 413 page) from body-limit.tsx, before the auth middleware reads them
  // embeds may be framed by any site (createApp sets the headers after its security headers)
  // busyPage: the 503 of pages when the server turns a request away under load (lib/admission.ts)
  const app = createApp({ pageBodies, badPage, busyPage, cachePaths: PAGE_CACHE_PATHS, framable: /^\/(en\/|vi\/)?embed\//, ...opts });
  mountErrorPages(app); // 404, 403, 500… as pages in the visitor's language (JSON under /api)
  app.use('*', compress());
  app.use('*', contextStorage()); // lets the Layout header read the signed-in person (features/auth/viewer.ts)
  app.get('/assets/site.css', (c) => c.body(stylesheet(), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, (c) => c.body(favicon(), 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }));
  }
  app.get('/assets/:name{[a-z]+\\.js}', async (c) => {
    const js = (await scripts()).get(c.req.param('name').replace(/\.js$/, ''));
    return js ? c.body(js, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }) : c.notFound();
  });
  mountAuthPages(app, opts.db);
  for (const prefix of ['', '/en', '/vi']) {
    for (const [spec, handler] of pageRoutes) {
      const [method, path] = spec.startsWith('POST ') ? ['post', spec.slice(5)] : ['get', spec];
      const handle = async (c: Context) => {
        const [lang] = splitLang(new URL(c.req.url).pathname);
        const i = i18n(lang);
        try {
          // a visitor's page may come from the read replica; a signed-in person's and every POST from the primary
          return await handler(c, i, requestDb(c, opts));
        } catch (err) {
          if (err instanceof HttpError && err.status === 404) return notFoundPage(c, i);
          throw err;
        }
      };
      if (method === 'post') app.post(`${prefix}${path}`, handle);
      else if (path === '/' && prefix) { app.get(prefix, handle); app.get(`${prefix}/`, handle); } else app.get(`${prefix}${path}`, handle);
    }
  }
  return app;
}

/** The pages a visitor's answer may be kept for (lib/response-cache.ts): home, statistics, sheets, embeds, searches. */
export const PAGE_CACHE_PATHS = [
  /^(\/(en|vi))?(\/|\/search|\/statistics(\/[a-z-]+\.csv)?|\/(partnerships|projects|organisations|missions|territories|events|series)\/[^/]+|\/embed\/.+)?$/,
];

export type PageHandler = (c: Context, i: I18n, db: AppOptions['db']) => Promise<Response>;
