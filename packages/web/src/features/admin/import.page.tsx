/**
 * /admin/import — GET shows the upload form; POST (multipart: file, skipInvalid, _csrf) runs the same import
 * service as POST /api/import/iati in-process, under the signed-in administrator, and renders the report or
 * why nothing landed. Signed out: the sign-in page; signed in without the platform administrator role: 403.
 * (The CSRF field is checked by the auth middleware before this handler runs.)
 */
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, isPlatformAdmin } from '../../../../server/src/lib/actor.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { maxBytesFrom } from '../../../../server/src/features/iati/cli.js';
import { ImportError } from '../../../../server/src/features/iati/import/parse.js';
import { ImportFailed, importIati } from '../../../../server/src/features/iati/import/service.js';
import type { I18n } from '../../i18n/index.js';
import { IMPORT_PATH, ImportForbiddenPage, ImportPage, type ImportView } from './ImportPage.js';

/** An uploaded file as hono's parseBody gives it (a File), whatever File class the runtime uses. */
const isFile = (v: unknown): v is File => typeof v === 'object' && v !== null && typeof (v as File).stream === 'function' && typeof (v as File).size === 'number';

export async function importPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) {
    const to = encodeURIComponent(i.path(IMPORT_PATH));
    return c.redirect(`${i.path('/login')}?returnTo=${to}`, 303);
  }
  if (!isPlatformAdmin(actor)) return c.html(<ImportForbiddenPage i={i} />, 403);

  const v: ImportView = { maxBytes: maxBytesFrom(process.env), skipInvalid: false, csrf: csrfToken(c) };
  const page = (status: number) => c.html(<ImportPage i={i} v={v} />, status as 200);
  if (c.req.method !== 'POST') return page(200);

  const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  v.skipInvalid = form.skipInvalid === 'true';
  const file = form.file;
  if (!isFile(file) || file.size === 0) {
    v.fileError = i.t('admin.import.error.nofile');
    return page(400);
  }
  if (file.size > v.maxBytes) {
    v.failure = { status: 413, message: 'the file is larger than the limit' };
    return page(413);
  }
  try {
    v.report = await importIati(db, Readable.fromWeb(file.stream() as any), {
      skipInvalid: v.skipInvalid, total: file.size, actor, file: file.name || 'upload', maxBytes: v.maxBytes,
    });
    return page(200);
  } catch (e) {
    if (e instanceof ImportFailed) { v.report = e.report; v.refused = true; return page(e.status); }
    if (e instanceof ImportError) { v.failure = { status: e.status, message: e.message, line: e.line }; return page(e.status); }
    throw e;
  }
}

export { IMPORT_PATH };
