/**
 * /espace/organisations/:id/membres — GET shows the members page; POST (action = invite | role | remove |
 * cancel, with the CSRF field the auth middleware checks) runs the same services as the API, then redirects
 * back with a confirmation (303) or re-renders with the error next to its field. Signed out: the sign-in page;
 * without access: 403.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, type Role } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { clientIp } from '../../../../server/src/features/audit/audit.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { createInvitation } from '../../../../server/src/features/auth/invitations.js';
import { MailRateLimitedError } from '../../../../server/src/features/auth/mail-limits.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import { cancelInvitation, changeRole, membersView, removeMember } from '../../../../server/src/features/members/members.service.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import type { Errors } from '../auth/form.js';
import { MembersForbiddenPage, MembersPage, membersPath, rolesFor, type MembersPageProps } from './MembersPage.js';

const DONE = new Set(['invited', 'role', 'removed', 'cancelled']);
const email = z.string().trim().toLowerCase().pipe(z.email().max(320));
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function membersPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const path = membersPath(id);
  const actor = getActor(c);
  if (!actor) return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(path))}`, 303);
  const view = async () => membersView(db, actor, id);
  let v;
  try { v = await view(); } catch (err) {
    if (err instanceof HttpError && err.status === 403) return c.html(<MembersForbiddenPage i={i} path={path} />, 403);
    throw err;
  }
  const props: MembersPageProps = { i, v, me: actor.accountId, csrf: csrfToken(c) };
  const doneQuery = c.req.query('done');
  if (c.req.method !== 'POST') return c.html(<MembersPage {...props} done={doneQuery && DONE.has(doneQuery) ? doneQuery : null} />);

  const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const action = str(form.action);
  const back = (done: string) => c.redirect(`${i.path(path)}?done=${done}`, 303);
  const again = async (status: number, extra: Partial<MembersPageProps>) => c.html(<MembersPage {...props} v={await view().catch(() => v)} {...extra} />, status as 200);
  const ip = clientIp(c);
  try {
    if (action === 'invite') {
      const values = { email: str(form.email), role: str(form.role) || 'member', lang: str(form.lang) };
      const errors: Errors = {};
      const address = email.safeParse(values.email);
      if (!address.success) errors.email = i.t('members.error.email');
      if (!(rolesFor(v) as string[]).includes(values.role)) errors.role = i.t('members.error.role');
      if (Object.keys(errors).length) return again(400, { errors, values });
      const lang = ['fr', 'en', 'vi'].includes(values.lang) ? values.lang : i.lang;
      await createInvitation(db, actor, { email: address.data!, grants: [{ role: values.role as Role, organisationId: id }], lang }, publicOrigin(c), ip);
      return back('invited');
    }
    if (action === 'role') {
      const role = str(form.role);
      if (!(rolesFor(v) as string[]).includes(role)) return again(400, { problem: 'members.error.role' });
      const was = str(form.was);
      await changeRole(db, actor, id, str(form.accountId), { role: role as Role, was: was === 'member' || was === 'network_admin' ? was : undefined }, ip);
      return back('role');
    }
    if (action === 'remove') {
      const accountId = str(form.accountId);
      await removeMember(db, actor, id, accountId, ip);
      if (accountId === actor.accountId) return c.html(<MembersForbiddenPage i={i} path={path} done="left" />);
      return back('removed');
    }
    if (action === 'cancel') {
      await cancelInvitation(db, actor, id, str(form.invitationId), ip);
      return back('cancelled');
    }
    return again(400, { problem: 'members.error.role' });
  } catch (err) {
    if (err instanceof MailRateLimitedError) return again(429, { problem: 'members.error.tooMany', values: { email: str(form.email) } });
    if (!(err instanceof HttpError)) throw err;
    const problem: MessageKey = err.status === 409 ? 'members.error.conflict' : err.status === 404 ? 'members.error.gone'
      : err.status === 400 && err.issues?.some((x) => x.path.endsWith('role')) ? 'members.error.role' : 'members.error.forbidden';
    return again(err.status, { problem, values: action === 'invite' ? { email: str(form.email), role: str(form.role), lang: str(form.lang) } : undefined });
  }
}
