/**
 * /admin/comptes — GET lists the accounts (?q= searches e-mail and name); POST (action = disable | enable |
 * grant | revoke, CSRF checked by the auth middleware) runs the same services as the API and redirects back
 * with a confirmation, or re-renders with the error. Signed out: the sign-in page; not a platform
 * administrator: 403.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, isPlatformAdmin, type Role } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { clientIp } from '../../../../server/src/features/audit/audit.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { grantRole, revokeRole } from '../../../../server/src/features/auth/invitations.js';
import { ACCOUNTS_PAGE, searchAccounts, setDisabled } from '../../../../server/src/features/members/admin-accounts.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { ACCOUNTS_PATH, AccountsPage, type AccountsView } from './AccountsPage.js';
import { MembersForbiddenPage } from './MembersPage.js';

const DONE = new Set(['disabled', 'enabled', 'granted', 'revoked']);
const ROLES = new Set(['member', 'network_admin', 'platform_admin']);
const str = (v: unknown, max = 300) => (typeof v === 'string' ? v.slice(0, max) : '');

/** An organisation by id, or by its name or an acronym (case and accents aside): its id, or why not. */
async function organisationByName(db: Db, text: string): Promise<{ id: string } | { error: MessageKey }> {
  const t = text.trim();
  const [byId] = await db.query('select id from organisation where id = $1', [t]);
  if (byId) return { id: byId.id };
  const rows = await db.query('select id from organisation where lower(name) = lower($1) or lower($1) = any(select lower(a) from unnest(acronyms) a) limit 2', [t]);
  return rows.length === 1 ? { id: rows[0].id } : { error: rows.length ? 'admin.accounts.error.orgMany' : 'admin.accounts.error.org' };
}

export async function accountsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(ACCOUNTS_PATH))}`, 303);
  if (!isPlatformAdmin(actor)) return c.html(<MembersForbiddenPage i={i} path={ACCOUNTS_PATH} text="admin.accounts.forbidden.text" />, 403);
  const form = c.req.method === 'POST' ? await c.req.parseBody().catch(() => ({} as Record<string, unknown>)) : {};
  const q = (c.req.method === 'POST' ? str(form.q, 200) : c.req.query('q') ?? '').slice(0, 200);
  const render = async (status: number, extra: Partial<AccountsView> = {}) => {
    const found = await searchAccounts(db, { q, limit: ACCOUNTS_PAGE });
    const organisations = await db.query('select id, name from organisation order by name limit 5000');
    const v: AccountsView = { q, ...found, limit: ACCOUNTS_PAGE, me: actor.accountId, csrf: csrfToken(c), organisations: organisations.map((o) => ({ id: o.id, name: o.name })), ...extra };
    return c.html(<AccountsPage i={i} v={v} />, status as 200);
  };
  if (c.req.method !== 'POST') {
    const done = c.req.query('done');
    return render(200, { done: done && DONE.has(done) ? done : null });
  }
  const back = (done: string) => c.redirect(`${i.path(ACCOUNTS_PATH)}?${new URLSearchParams(q ? { q, done } : { done })}`, 303);
  const action = str(form.action);
  const accountId = str(form.accountId, 120);
  const role = str(form.role);
  const ip = clientIp(c);
  try {
    if (action === 'disable' || action === 'enable') {
      await setDisabled(db, actor, accountId, action === 'disable', ip);
      return back(action === 'disable' ? 'disabled' : 'enabled');
    }
    if ((action === 'grant' || action === 'revoke') && ROLES.has(role)) {
      let organisationId: string | null = null;
      if (action === 'revoke') organisationId = str(form.organisationId, 120) || null;
      else if (role !== 'platform_admin') {
        const organisation = str(form.organisation);
        const found = await organisationByName(db, organisation);
        if ('error' in found) return render(400, { grantError: { accountId, role, organisation, message: i.t(found.error) } });
        organisationId = found.id;
      }
      const grant = { accountId, role: role as Role, organisationId };
      if (action === 'grant') await grantRole(db, actor, grant, ip); else await revokeRole(db, actor, grant, ip);
      return back(action === 'grant' ? 'granted' : 'revoked');
    }
    return render(400, { problem: 'members.error.role' });
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (action === 'grant' && err.status === 400) return render(400, { grantError: { accountId, role, organisation: str(form.organisation), message: i.t(/not a network/.test(err.message) ? 'admin.accounts.error.network' : 'admin.accounts.error.org') } });
    return render(err.status, { problem: err.status === 409 ? 'admin.accounts.error.self' : err.status === 404 ? 'members.error.gone' : 'members.error.forbidden' });
  }
}

export { ACCOUNTS_PATH };
