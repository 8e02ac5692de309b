/** Saved searches of funding calls: subscribe, confirm, unsubscribe, the digest, RSS and iCalendar feeds (issue 15). */
import { z } from 'zod';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, isPlatformAdmin, writeContext } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { clientIp } from '../audit/audit.js';
import { publicOrigin } from '../auth/urls.js';
import { sendDigests } from './alerts.digest.js';
import { alertInput, alertsOf, alertTokenSchema, confirmAlert, deleteMine, subscribe, unsubscribe } from './alerts.service.js';

const tag = 'funding-alerts';
const tokenParams = z.object({ token: alertTokenSchema });

function signedIn(c: any) {
  const me = getActor(c);
  if (!me || !me.email || me.accountId === 'admin-token') throw new HttpError(401, 'sign in to see your saved searches');
  return { accountId: me.accountId, email: me.email };
}

export const alertRoutes: RouteDef[] = [
  route({ method: 'post', path: '/api/funding-alerts', tag, status: 202, primary: true, returns: '{id}',
    summary: 'Save a search of funding calls: a confirmation e-mail is sent to the address, nothing else until its link is confirmed (3 per address and 20 per client an hour)',
    body: alertInput, handler: async ({ c, db, body }) => {
      const me = getActor(c);
      const accountId = me && me.accountId !== 'admin-token' && me.email?.toLowerCase() === body.email ? me.accountId : null;
      const { id } = await subscribe(db, body, { accountId, client: clientIp(c), origin: publicOrigin(c) });
      return { id };
    } }),
  route({ method: 'post', path: '/api/funding-alerts/confirm/:token', tag, params: tokenParams, primary: true, returns: 'the saved search, with its feed key',
    summary: 'Confirm a saved search through the link of its confirmation e-mail (the link works once)',
    handler: ({ db, params }) => confirmAlert(db, params.token) }),
  route({ method: 'post', path: '/api/funding-alerts/unsubscribe/:token', tag, params: tokenParams, primary: true, returns: '{unsubscribed, id}',
    summary: 'Delete a saved search through the unsubscribe link of its latest e-mail',
    handler: ({ db, params }) => unsubscribe(db, params.token) }),
  route({ method: 'get', path: '/api/me/funding-alerts', tag, primary: true, returns: '{items}',
    summary: 'My saved searches (signed in: made with my account, or confirmed for my e-mail), with their feed keys',
    handler: async ({ c, db }) => ({ items: await alertsOf(db, signedIn(c)) }) }),
  route({ method: 'delete', path: '/api/me/funding-alerts/:id', tag, status: 204, write: true,
    summary: 'Delete one of my saved searches', handler: async ({ c, db, params }) => { await deleteMine(db, signedIn(c), params.id); return null; } }),
  route({ method: 'post', path: '/api/admin/funding-alerts/send', tag, admin: true, write: true, primary: true, returns: '{sent, empty, failed, forgotten}',
    summary: 'Send the digests due now (platform administrators; the server does it every hour); ?now= an instant for tests',
    query: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
    handler: async ({ c, db, query }) => {
      const me = writeContext(c).actor;
      if (!isPlatformAdmin(me)) throw new HttpError(403, 'platform administrators only');
      return sendDigests(db, undefined, query.now ? new Date(query.now) : new Date());
    } }),
];
