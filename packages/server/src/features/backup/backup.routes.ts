/** GET /api/admin/backup: the whole database as a backup file, for platform administrators and the local `tandem backup`. */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { route } from '../../lib/api.js';
import { getActor, isPlatformAdmin } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { safeEqual } from '../auth/secrets.js';
import { audit, clientIp } from '../audit/audit.js';
import { writeBackup } from './backup.service.js';
import { LOCAL_HEADER } from './local.js';

/** Mounted by createApp when the server has a local secret (features/backup/local.ts). */
export function localSecret(secret: string): MiddlewareHandler {
  return async (c, next) => { c.set('localSecret' as never, secret as never); await next(); };
}

/** 'local': the secret of DATA_DIR/tandem-server.json; else the platform administrator asking. */
function allowed(c: Context): 'local' | 'admin' {
  const secret = c.get('localSecret' as never) as string | undefined;
  const sent = c.req.header(LOCAL_HEADER);
  if (sent !== undefined) {
    if (secret && safeEqual(sent, secret)) return 'local';
    throw new HttpError(401, `the ${LOCAL_HEADER} header does not match this server's secret`);
  }
  const actor = getActor(c);
  if (!actor) throw new HttpError(401, 'a backup is for platform administrators: sign in, or send an API token');
  if (!isPlatformAdmin(actor)) throw new HttpError(403, 'a backup is for platform administrators');
  if (actor.via === 'token' && !(actor.scopes ?? []).includes('write')) throw new HttpError(403, 'a backup holds every account: an API token needs the "write" scope');
  return 'admin';
}

export const backupRoutes = [
  route({
    method: 'get', path: '/api/admin/backup', tag: 'admin', admin: true, primary: true, produces: 'application/gzip',
    summary: 'The whole database as a Tandem backup file (gzip; one consistent snapshot; restored by `tandem restore FILE`): platform administrators '
      + '(a session, or an API token with the "write" scope), or the local `tandem backup` command (X-Tandem-Local-Secret). 401 without them, 403 for other roles.',
    returns: 'the backup file',
    handler: async ({ c, db }) => {
      const via = allowed(c);
      // written to a private temporary file first, then sent: the snapshot's transaction (which on the embedded
      // engine holds its one connection) lasts as long as the database takes to read, not as long as the download
      const dir = mkdtempSync(join(tmpdir(), 'tandem-backup-'));
      const file = join(dir, 'backup.gz');
      try {
        const summary = await writeBackup(db, createWriteStream(file, { mode: 0o600 }));
        await audit(db, { actor: via === 'admin' ? getActor(c) : null, action: 'backup_made', details: { via, tables: summary.tables, rows: summary.rows }, ip: clientIp(c) });
        const stream = createReadStream(file);
        stream.once('close', () => rmSync(dir, { recursive: true, force: true }));
        const name = `tandem-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.backup.gz`;
        return new Response(Readable.toWeb(stream) as ReadableStream, {
          headers: {
            'content-type': 'application/gzip', 'content-length': String(statSync(file).size), 'cache-control': 'no-store',
            'content-disposition': `attachment; filename="${name}"`, 'x-tandem-backup': `${summary.tables} tables, ${summary.rows} rows, schema ${summary.migrations.at(-1)}`,
          },
        });
      } catch (err) {
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    },
  }),
];
