/** The start of every organisers' page: signed out → the sign-in page (back here after); others → 403/404 as the server says. */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, type Actor } from '../../../../server/src/lib/actor.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import { assertOrganiser } from '../../../../server/src/features/events/organisers.js';
import type { I18n } from '../../i18n/index.js';

export interface Organising { actor: Actor; id: string; e: any; csrf: string | null; body: () => Promise<Record<string, string | File | Array<string | File>>> }

export async function organising(c: Context, i: I18n, db: Db, path: (eventId: string) => string): Promise<Organising | Response> {
  const id = c.req.param('id') as string;
  const actor = getActor(c);
  if (!actor) return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(path(id)))}`, 303);
  await assertOrganiser(db, actor, id);
  return { actor, id, e: await getEvent(db, id), csrf: csrfToken(c), body: () => c.req.parseBody({ all: true }).catch(() => ({})) };
}
