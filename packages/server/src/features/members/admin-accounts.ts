/**
 * Platform administrators' view of the accounts: search by e-mail or name, each with its roles (organisation
 * names included) and whether it is disabled; disabling ends its sessions at once, and a disabled account
 * can neither sign in nor use its API tokens (sessions.ts, api-tokens.ts and auth.service.ts check disabled_at).
 */
import { fold } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor, Role } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { deleteSessionsOf } from '../auth/sessions.js';

export interface AccountRow {
  id: string; email: string; name: string; lang: string; createdAt: string; disabledAt: string | null; hasPassword: boolean;
  grants: Array<{ role: Role; organisationId: string | null; organisationName: string | null }>;
}

export const ACCOUNTS_PAGE = 100;

/** Accounts whose e-mail or name contains the words (accents and case ignored), by e-mail; at most `limit`. */
export async function searchAccounts(db: Db, input: { q?: string; limit?: number; offset?: number }): Promise<{ items: AccountRow[]; total: number }> {
  const words = fold(input.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  const where = words.map((_, n) => `(a.email like $${n + 1} or lower(a.name) like $${n + 1} or translate(lower(a.name), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿđăơư', 'aaaaaaceeeeiiiinooooouuuuyydaou') like $${n + 1})`).join(' and ') || 'true';
  const params: unknown[] = words.map((w) => `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const [{ n }] = await db.query(`select count(*)::int as n from account a where ${where}`, params);
  const rows = await db.query(`select a.id, a.email, a.name, a.lang, a.created_at, a.disabled_at, a.password_hash is not null as has_password,
      coalesce((select json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id, 'organisationName', o.name) order by g.role, o.name)
                from role_grant g left join organisation o on o.id = g.organisation_id where g.account_id = a.id), '[]') as grants
    from account a where ${where} order by a.email limit ${Math.min(input.limit ?? ACCOUNTS_PAGE, 500)} offset ${Math.max(input.offset ?? 0, 0)}`, params);
  return {
    total: n,
    items: rows.map((r) => ({
      id: r.id, email: r.email, name: r.name, lang: r.lang, createdAt: new Date(r.created_at).toISOString(),
      disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null, hasPassword: !!r.has_password,
      grants: typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants,
    })),
  };
}

/** Disables (ending its sessions) or enables an account; audited. Administrators cannot disable themselves. */
export async function setDisabled(db: Db, actor: Actor, accountId: string, disabled: boolean, ip: string | null): Promise<{ id: string; disabledAt: string | null }> {
  if (disabled && accountId === actor.accountId) throw new HttpError(409, 'you cannot disable your own account: ask another platform administrator');
  return db.transaction(async (tx) => {
    const [r] = await tx.query(`update account set disabled_at = ${disabled ? 'coalesce(disabled_at, now())' : 'null'} where id = $1 returning id, disabled_at`, [accountId]);
    if (!r) throw new HttpError(404, `account not found: ${accountId}`);
    if (disabled) await deleteSessionsOf(tx, accountId);
    await audit(tx, { actor, action: disabled ? 'account_disabled' : 'account_enabled', targetKind: 'account', targetId: accountId, ip });
    return { id: r.id, disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null };
  });
}
