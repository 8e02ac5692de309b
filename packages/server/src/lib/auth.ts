/** Until accounts exist, every write needs the bearer token set in TANDEM_ADMIN_TOKEN. */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { HttpError } from './errors.js';

export function requireWriteToken(c: Context, adminToken: string | undefined): void {
  if (!adminToken) throw new HttpError(403, 'writes are disabled: the server has no TANDEM_ADMIN_TOKEN');
  const header = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) throw new HttpError(401, 'this write needs an "Authorization: Bearer <token>" header');
  const a = Buffer.from(m[1].trim()), b = Buffer.from(adminToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new HttpError(401, 'the bearer token is not valid');
}
