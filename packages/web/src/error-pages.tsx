/**
 * The site's answers to unknown paths and to errors, as pages in the site's layout and the visitor's language (the
 * API, under /api, keeps its JSON). The status is the one the API would give (createApp's errorResponse).
 */
import type { Context, Hono } from 'hono';
import { errorResponse } from '../../server/src/app.js';
import { i18n, splitLang, type I18n } from './i18n/index.js';
import { Layout } from './components/Layout.js';
import { getActor } from '../../server/src/lib/actor.js';
import { NotFoundPage } from './routes.js';

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');
const langOf = (c: Context) => i18n(splitLang(new URL(c.req.url).pathname)[0]);

function ErrorPage(props: { i: I18n; title: string; message: string; signIn?: boolean }) {
  const { i } = props;
  return <Layout i={i} meta={{ title: props.title, path: '/', noindex: true }}>
    <h1>{props.title}</h1>
    <p>{props.message}</p>
    <p>{props.signIn && <><a href={i.path('/login')}>{i.t('error.signin')}</a> · </>}<a href={i.path('/')}>{i.t('error.back')}</a></p>
  </Layout>;
}

/** The 404 page; a signed-out visitor may have followed a link to a members-only page (an APD draft, a contact). */
export function notFoundPage(c: Context, i: I18n): Response | Promise<Response> {
  const returnTo = c.req.method === 'GET' && !getActor(c) ? new URL(c.req.url).pathname : undefined;
  return c.html(<NotFoundPage i={i} returnTo={returnTo} />, 404);
}

/** Replaces createApp's plain-text 404 and JSON errors for pages; API paths answer as before. */
export function mountErrorPages(app: Hono): void {
  app.notFound((c) => (isApi(c) ? c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404) : c.html(<NotFoundPage i={langOf(c)} />, 404)));
  app.onError((err, c) => {
    const api = errorResponse(err, c);
    if (isApi(c)) return api;
    const i = langOf(c);
    const status = api.status;
    if (status === 404) return notFoundPage(c, i);
    if (status === 401 || status === 403) return c.html(<ErrorPage i={i} title={i.t('error.forbidden.title')} message={i.t('error.forbidden')} signIn={status === 401} />, status);
    if (status < 500) return c.html(<ErrorPage i={i} title={i.t('error.badRequest.title')} message={i.t('error.badRequest')} />, status as 400);
    return c.html(<ErrorPage i={i} title={i.t('error.server.title')} message={i.t('error.server')} />, 500);
  });
}
