/**
 * The page a visitor gets when the server turns a request away under load (lib/admission.ts: 503 with Retry-After),
 * in the visitor's language, with a link to try the same address again. The API answers JSON itself.
 */
import type { BusyPage } from '../../server/src/lib/admission.js';
import { i18n, splitLang } from './i18n/index.js';
import { Layout } from './components/Layout.js';

export const busyPage: BusyPage = (c) => {
  const [lang, path] = splitLang(c.req.path);
  const i = i18n(lang);
  const title = i.t('error.busy.title');
  const again = new URL(c.req.url);
  // the visitor is not resolved yet (admission runs before the auth middleware): the page is the signed-out one
  return c.html(<Layout i={i} meta={{ title, path, noindex: true }}>
    <h1>{title}</h1>
    <p>{i.t('error.busy')}</p>
    <p><a href={again.pathname + again.search}>{i.t('error.retry')}</a></p>
  </Layout>, 503);
};
