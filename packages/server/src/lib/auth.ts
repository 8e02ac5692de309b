/** The write check of the route table (lib/api.ts): who may write at all; the role checks are per record. */
import type { Context } from 'hono';
import { HttpError } from './errors.js';
import { getActor, type Actor } from './actor.js';

/**
 * A write needs an actor (a session, an API token, or TANDEM_ADMIN_TOKEN, resolved by the auth middleware);
 * a token needs the 'write' scope. The role checks on each record are the services' (features/permissions).
 */
export function requireWriter(c: Context, adminToken: string | undefined): Actor {
  const actor = getActor(c);
  if (!actor) {
    const problem = c.get('authProblem' as never) as string | undefined;
    if (!adminToken) throw new HttpError(403, `this write needs a signed-in account or an API token${problem ? ` (${problem})` : ''}; the server has no TANDEM_ADMIN_TOKEN for scripts`);
    throw new HttpError(401, problem ?? 'this write needs a signed-in session or an "Authorization: Bearer <token>" header');
  }
  if (actor.via === 'token' && !(actor.scopes ?? []).includes('write')) throw new HttpError(403, 'this API token lacks the "write" scope');
  return actor;
}
