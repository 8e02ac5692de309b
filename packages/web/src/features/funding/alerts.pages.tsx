/**
 * Handlers of the saved-search pages (routes in alerts.routes.ts). Token pages (confirm, unsubscribe) are never indexed,
 * never cached and never leak through a Referer; GET only shows, POST acts (also the one-click unsubscribe of mail
 * programs: RFC 8058 POSTs `List-Unsubscribe=One-Click` to the link).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { clientIp } from '../../../../server/src/features/audit/audit.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import {
  alertInput, alertsOf, alertTokenSchema, alertToConfirm, alertToUnsubscribe, confirmAlert, deleteMine, subscribe, unsubscribe, type AlertView,
} from '../../../../server/src/features/funding/alerts.service.js';
import type { I18n } from '../../i18n/index.js';
import { privateHeaders } from '../registration/registration.page.js';
import { MyAlertsPage, NewAlertPage, SentPage, TokenPage } from './AlertPages.js';
import { queryOf } from './alerts.feeds.js';

const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function newAlertPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const q = queryOf(c);
  const me = getActor(c);
  if (c.req.method !== 'POST') return c.html(<NewAlertPage i={i} q={q} values={{ email: me?.email || '' }} />);
  const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const values = { email: one(body.email), frequency: one(body.frequency) || 'weekly', lang: one(body.lang) || i.lang };
  const parsed = alertInput.safeParse({ ...values, query: q });
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((x) => [String(x.path[0]), x.path[0] === 'email' ? i.t('fa.error.email') : i.t('fa.error.query')]));
    return c.html(<NewAlertPage i={i} q={q} values={values} errors={errors} />, 400);
  }
  try {
    const accountId = me && me.email?.toLowerCase() === parsed.data.email ? me.accountId : null;
    await subscribe(db, parsed.data, { accountId, client: clientIp(c), origin: publicOrigin(c) });
  } catch (err) {
    if (err instanceof HttpError && err.status === 429) return c.html(<NewAlertPage i={i} q={q} values={values} problem={i.t('fa.error.tooMany')} />, 429);
    throw err;
  }
  return c.html(<SentPage i={i} email={parsed.data.email} />);
}

/** GET/POST of a token page: an unknown or spent token shows why (404), never an error page leaking nothing more. */
function tokenPage(kind: 'confirm' | 'unsub') {
  return async (c: Context, i: I18n, db: Db): Promise<Response> => {
    privateHeaders(c);
    const token = c.req.param('token') as string;
    const path = `/funding-calls/alerts/${kind === 'confirm' ? 'confirm' : 'unsubscribe'}/${encodeURIComponent(token)}`;
    const page = (a: AlertView | null, done = false, status = 200) => c.html(<TokenPage i={i} kind={kind} path={path} a={a} done={done} />, status as 200);
    try {
      if (!alertTokenSchema.safeParse(token).success) throw new HttpError(404, 'no such link');
      if (c.req.method !== 'POST') return page(kind === 'confirm' ? await alertToConfirm(db, token) : await alertToUnsubscribe(db, token));
      if (kind === 'confirm') return page(await confirmAlert(db, token), true);
      await unsubscribe(db, token);
      return page(null, true);
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) return page(null, false, 404);
      throw err;
    }
  };
}
export const confirmPage = tokenPage('confirm');
export const unsubscribePage = tokenPage('unsub');

export async function myAlertsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const me = getActor(c);
  const path = '/espace/funding-alerts';
  if (!me || !me.email) return c.redirect(i.path(`/login?returnTo=${encodeURIComponent(i.path(path))}`), 303);
  c.header('Cache-Control', 'no-store, private');
  const who = { accountId: me.accountId, email: me.email };
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    await deleteMine(db, who, one(body.id));
    return c.redirect(`${i.path(path)}?done=deleted`, 303);
  }
  return c.html(<MyAlertsPage i={i} alerts={await alertsOf(db, who)} done={c.req.query('done') === 'deleted'} />);
}
