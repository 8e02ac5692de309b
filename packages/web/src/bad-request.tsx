/**
 * The 400 page in the visitor's language: a URL or form that is not valid input (createApp's input guard: bad
 * percent-encoding, NUL characters), or a search too long. The API keeps its JSON errors.
 */
import type { Context } from 'hono';
import type { BadPage } from '../../server/src/lib/input-guard.js';
import { i18n, splitLang, type I18n } from './i18n/index.js';
import { Layout } from './components/Layout.js';

export function badRequestPage(c: Context, i: I18n, message: string, back = '/') {
  const title = i.t('error.badRequest.title');
  return c.html(<Layout i={i} meta={{ title, path: back, noindex: true }}>
    <h1>{title}</h1>
    <p role="alert">{message}</p>
    <p><a href={i.path(back)}>{i.t('error.back')}</a></p>
  </Layout>, 400);
}

export const badPage: BadPage = (c, bad) => {
  // the path may be the bad part: its language prefix is read from the raw path
  const i = i18n(splitLang(new URL(c.req.url).pathname)[0]);
  // 'path' is the address itself: said in words; otherwise the parameter or form field is named
  if (bad.path === 'path') return badRequestPage(c, i, i.t(bad.reason === 'nul' ? 'error.badRequest.nulPath' : 'error.badRequest.encodingPath'));
  return badRequestPage(c, i, i.t(bad.reason === 'nul' ? 'error.badRequest.nul' : 'error.badRequest.encoding', { field: bad.path }));
};
