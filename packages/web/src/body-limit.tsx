/**
 * Limits on the bodies of page forms, which createApp applies before the auth middleware reads a posted form
 * for its CSRF field: the API's limit for ordinary forms (sign-in, edit, collaboration, APD), the IATI limit for
 * the upload form POST /admin/import (TANDEM_IATI_MAX_BYTES, read per request like the import itself), the knowledge
 * capture form POST /espace/extract (a report as PDF or .docx: the readers' own limit, 10 MB), and the
 * 413 page in the visitor's language. (The API keeps its JSON errors.)
 */
import type { Context } from 'hono';
import type { PageBodyOptions } from '../../server/src/app.js';
import { maxBytesFrom } from '../../server/src/features/iati/cli.js';
import { i18n, splitLang } from './i18n/index.js';
import { Layout } from './components/Layout.js';
import { IMPORT_PATH, maxSize } from './features/admin/ImportPage.js';
import { MAX_DOCUMENT_BYTES } from '../../server/src/features/extract/readers.js';

const isUpload = (c: Context) => c.req.method === 'POST' && splitLang(c.req.path)[1] === IMPORT_PATH;
const isExtract = (c: Context) => c.req.method === 'POST' && splitLang(c.req.path)[1] === '/espace/extract';
/** Room for the multipart envelope around the file (boundaries, part headers, _csrf, skipInvalid): near the
 * limit the import page's own check on the file's size decides, with its report page. */
const ENVELOPE = 64 * 1024;

export const pageBodies: PageBodyOptions = {
  maxBytes: (c) => (isUpload(c) ? maxBytesFrom(process.env) + ENVELOPE : isExtract(c) ? MAX_DOCUMENT_BYTES + ENVELOPE : undefined),
  tooLarge: (c, limit) => {
    const i = i18n(splitLang(c.req.path)[0]);
    const upload = isUpload(c);
    const max = upload ? maxBytesFrom(process.env) : limit;
    const title = i.t(upload ? 'admin.import.error.title' : 'error.tooLarge.title');
    // the visitor is not resolved yet (the limit runs before the auth middleware): the page is the signed-out one
    return c.html(<Layout i={i} meta={{ title, path: upload ? IMPORT_PATH : '/', noindex: true }}>
      <h1>{title}</h1>
      {upload
        ? <p>{i.t('admin.import.error.tooLarge', { max: maxSize(i, max) })} {i.t('admin.import.error.nothing')}</p>
        : <p>{i.t('error.tooLarge', { max: maxSize(i, max) })}</p>}
      <p><a href={i.path(upload ? IMPORT_PATH : '/')}>{upload ? i.t('admin.import.title') : i.t('error.back')}</a></p>
    </Layout>, 413);
  },
};
