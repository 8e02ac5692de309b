/** GET /api/export/iati (IATI 2.03 XML, streamed) and POST /api/import/iati (platform administrators; SSE progress on request). */
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { idSchema } from '@tandem/shared';
import { route } from '../../lib/api.js';
import { getActor, isPlatformAdmin } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import type { Db } from '../../db/client.js';
import { iatiStream } from './export.service.js';
import { download } from '../export/stream.js';
import { maxBytesFrom } from './cli.js';
import { ImportError, tooLarge } from './import/parse.js';
import { ImportFailed, importIati, type ImportOptions } from './import/service.js';

const exportQuery = z.object({
  organisation: idSchema.optional().meta({ description: 'only the projects this organisation takes part in, funds or reported' }),
  partnership: idSchema.optional().meta({ description: 'only the projects of this partnership' }),
  project: idSchema.optional().meta({ description: 'only this project' }),
}).refine((q) => [q.organisation, q.partnership, q.project].filter(Boolean).length <= 1, { message: 'give one of organisation, partnership or project, not several', path: ['partnership'] });

const importQuery = z.object({
  skipInvalid: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1')
    .meta({ description: 'import the valid activities and report the invalid ones, instead of refusing the whole file' }),
});

function asHttpError(e: unknown): unknown {
  if (e instanceof ImportFailed) return new HttpError(e.status, e.message, undefined, { report: e.report });
  if (e instanceof ImportError) return new HttpError(e.status, e.message, undefined, e.line ? { line: e.line } : undefined);
  return e;
}

/**
 * Applied by createApp before the auth middleware: an upload whose Content-Length is over TANDEM_IATI_MAX_BYTES is
 * refused (413) before a byte of it is read; a body without one (chunked) is counted while it is read (import/parse.ts).
 */
export const iatiUploadLimit: MiddlewareHandler = (c, next) => {
  const max = maxBytesFrom(process.env);
  if (Number(c.req.header('content-length')) > max) throw asHttpError(tooLarge(max));
  return next();
};

function body(c: Context): AsyncIterable<Uint8Array> {
  const b = c.req.raw.body;
  if (!b) throw new HttpError(400, 'the body must be an IATI activity file (application/xml)');
  return Readable.fromWeb(b as any);
}

async function runImport(c: Context, db: Db, skipInvalid: boolean) {
  const actor = getActor(c);
  if (!actor || !isPlatformAdmin(actor)) throw new HttpError(403, 'importing IATI files is for platform administrators');
  const total = Number(c.req.header('content-length')) || undefined;
  const opts: ImportOptions = { skipInvalid, total, actor, file: 'upload', maxBytes: maxBytesFrom(process.env) };
  if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
    try { return await importIati(db, body(c), opts); } catch (e) { throw asHttpError(e); }
  }
  const source = body(c);
  return streamSSE(c, async (sse) => {
    let last = 0;
    opts.onProgress = (p) => {
      if (Date.now() - last < 100) return; // at most ten progress events a second
      last = Date.now();
      void sse.writeSSE({ event: 'progress', data: JSON.stringify(p) });
    };
    try {
      const report = await importIati(db, source, opts);
      await sse.writeSSE({ event: 'report', data: JSON.stringify(report) });
    } catch (e) {
      const err = asHttpError(e);
      await sse.writeSSE({ event: 'failed', data: JSON.stringify(err instanceof HttpError ? { status: err.status, error: err.message, ...(err.extra ?? {}) } : { status: 500, error: 'internal error' }) });
    }
  });
}

export const iatiRoutes = [
  route({
    method: 'get', path: '/api/export/iati', tag: 'export', query: exportQuery, produces: 'application/xml',
    summary: 'Projects as an IATI 2.03 activity file (all, one organisation\'s, one partnership\'s, or one project), streamed; it validates against iati-activities-2.03.xsd',
    returns: 'the iati-activities document',
    handler: async ({ db, query }) => {
      const one = query.organisation ?? query.partnership ?? query.project;
      return download(await iatiStream(db, query), 'iati', `tandem-iati${one ? `-${one}` : ''}`);
    },
  }),
  route({
    method: 'post', path: '/api/import/iati', tag: 'import', query: importQuery, write: true,
    summary: 'Import an IATI activity file (2.01–2.03), sent as the raw request body (application/xml); platform administrators. The file lands whole or not at all '
      + '(422 with the report when activities are invalid, 400 with the line for broken XML or a DOCTYPE with entities, 413 over TANDEM_IATI_MAX_BYTES). '
      + 'With "Accept: text/event-stream" the answer is a stream of progress events, then a report (or failed) event.',
    returns: 'the import report: counts, and the problems with their line and level (critical, error, warning)',
    handler: ({ c, db, query }) => runImport(c, db, query.skipInvalid),
  }),
];
