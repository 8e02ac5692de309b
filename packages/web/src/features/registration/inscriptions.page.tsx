/**
 * GET/POST /espace/events/:id/inscriptions — organisers only (the server's `assertOrganiser`: 403 for other members,
 * 404 for visitors; signed out: the sign-in page). POST action = accept | decline (the ticked `ids`), up:<id> |
 * down:<id> (the waiting list's new order), wup:<workshop>:<id> | wdown:… (a workshop's), message (status, subject, body); then back with `?done=` (303).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import type { I18n } from '../../i18n/index.js';
import type { Errors } from '../auth/form.js';
import { readList } from './fields.js';
import { InscriptionsPage, inscriptionsPath, moved, type InscriptionsProps } from './InscriptionsPage.js';
import { workshopQueues } from './WorkshopQueues.js';
import { messageInput } from '@tandem/shared';
import { checked, listRegistrations, messageRegistrants, moderate, reorderWaiting } from './server.js';
import { organising } from './organiser.js';
import { STATUSES, type RegistrationView, type Status } from './types.js';

const DONE = new Set(['accept', 'decline', 'order', 'message']);
const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function inscriptionsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const o = await organising(c, i, db, inscriptionsPath);
  if (o instanceof Response) return o;
  const { id, actor, e } = o;
  const path = inscriptionsPath(id);
  const load = async () => (await listRegistrations(db, actor, id)) as { counts: Record<Status, number>; items: RegistrationView[] };
  const props = async (): Promise<InscriptionsProps> => ({ i, e, ...(await load()), csrf: o.csrf });
  if (c.req.method !== 'POST') {
    const done = c.req.query('done');
    return c.html(<InscriptionsPage {...await props()} done={done && DONE.has(done) ? done : null} sent={Number(c.req.query('sent')) || 0} />);
  }
  const body = await o.body();
  const action = one(body.action);
  const back = (done: string, extra = '') => c.redirect(`${i.path(path)}?done=${done}${extra}`, 303);
  const again = async (status: number, extra: Partial<InscriptionsProps>) => c.html(<InscriptionsPage {...await props()} {...extra} />, status as 400);
  try {
    if (action === 'accept' || action === 'decline') {
      const ids = readList(body.ids);
      if (!ids.length) return again(400, { problem: i.t('reg.org.error.none') });
      await moderate(db, actor, id, ids, action, publicOrigin(c));
      return back(action);
    }
    const move = /^(up|down):(.+)$/.exec(action);
    if (move) {
      const waiting = (await load()).items.filter((r) => r.status === 'waiting').map((r) => r.id);
      await reorderWaiting(db, actor, id, moved(waiting, move[2], move[1] as 'up' | 'down'));
      return back('order');
    }
    const wmove = /^w(up|down):([^:]+):(.+)$/.exec(action);
    if (wmove) {
      const queue = workshopQueues((await load()).items).find((q) => q.id === wmove[2])?.rows.map((r) => r.id) ?? [];
      await reorderWaiting(db, actor, id, moved(queue, wmove[3], wmove[1] as 'up' | 'down'), wmove[2]);
      return back('order');
    }
    if (action === 'message') {
      const values = { status: one(body.status), subject: one(body.subject), body: one(body.body) };
      const errors: Errors = {};
      if (!values.subject) errors.subject = i.t('reg.org.error.subject');
      if (!values.body) errors.body = i.t('reg.org.error.body');
      if (!(STATUSES as readonly string[]).includes(values.status)) errors.status = i.t('reg.org.error.status');
      if (Object.keys(errors).length) return again(400, { errors, values });
      const { sent } = await messageRegistrants(db, actor, id, checked(messageInput, values));
      return back('message', `&sent=${sent}`);
    }
    return again(400, { problem: i.t('reg.error.other') });
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500 || err.status === 403 || err.status === 404) throw err;
    return again(err.status, { problem: i.t(err.status === 409 ? 'reg.org.error.conflict' : 'reg.error.other') });
  }
}
