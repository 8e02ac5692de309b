/** Accounts and their role grants. E-mails are stored lower-cased. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Actor, Grant, Role } from '../../lib/actor.js';
import { ValidationError } from '../../lib/errors.js';
import { hashPassword } from './passwords.js';

export interface Account {
  id: string; email: string; name: string; lang: string;
  passwordHash: string | null; createdAt: string; disabledAt: string | null;
}

export const roles: Role[] = ['member', 'network_admin', 'platform_admin'];
export const langs = ['fr', 'en', 'vi'] as const;
export type MailLang = (typeof langs)[number];
export const mailLang = (l: string | null | undefined): MailLang => ((langs as readonly string[]).includes(l ?? '') ? l as MailLang : 'fr');

export const normEmail = (email: string) => email.trim().toLowerCase();

const COLUMNS = 'id, email, name, lang, password_hash, created_at, disabled_at';
function toAccount(r: Record<string, any>): Account {
  return {
    id: r.id, email: r.email, name: r.name, lang: r.lang, passwordHash: r.password_hash,
    createdAt: new Date(r.created_at).toISOString(), disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
  };
}

export async function findAccountByEmail(db: Db, email: string): Promise<Account | null> {
  const [r] = await db.query(`select ${COLUMNS} from account where email = $1`, [normEmail(email)]);
  return r ? toAccount(r) : null;
}

export async function getAccount(db: Db, id: string): Promise<Account | null> {
  const [r] = await db.query(`select ${COLUMNS} from account where id = $1`, [id]);
  return r ? toAccount(r) : null;
}

export async function createAccount(db: Db, input: { email: string; name: string; password?: string | null; lang?: string }): Promise<Account> {
  const hash = input.password ? await hashPassword(input.password) : null;
  const [r] = await db.query(
    `insert into account (id, email, name, password_hash, lang) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
    [`acc-${randomUUID()}`, normEmail(input.email), input.name.trim(), hash, mailLang(input.lang)],
  );
  return toAccount(r);
}

export async function setPassword(db: Db, accountId: string, password: string): Promise<void> {
  await db.query('update account set password_hash = $2 where id = $1', [accountId, await hashPassword(password)]);
}

export async function loadGrants(db: Db, accountId: string): Promise<Grant[]> {
  const rows = await db.query('select role, organisation_id from role_grant where account_id = $1 order by role, organisation_id', [accountId]);
  return rows.map((r) => ({ role: r.role as Role, organisationId: r.organisation_id }));
}

/** Checks a grant's shape and that its organisation exists; path prefixes the issues (e.g. 'grants.0'). */
export async function checkGrant(db: Db, g: Grant, path = ''): Promise<void> {
  const at = (f: string) => (path ? `${path}.${f}` : f);
  if (g.role === 'platform_admin' && g.organisationId) throw new ValidationError([{ path: at('organisationId'), message: 'a platform administrator grant has no organisation (send null)' }]);
  if (g.role !== 'platform_admin') {
    if (!g.organisationId) throw new ValidationError([{ path: at('organisationId'), message: `a ${g.role} grant needs an organisation` }]);
    const [o] = await db.query('select kind from organisation where id = $1', [g.organisationId]);
    if (!o) throw new ValidationError([{ path: at('organisationId'), message: `no organisation with id "${g.organisationId}"` }]);
    if (g.role === 'network_admin' && o.kind !== 'network') throw new ValidationError([{ path: at('organisationId'), message: `"${g.organisationId}" is not a network (kind "${o.kind}")` }]);
  }
}

/** true when the grant was added, false when the account already had it. */
export async function addGrant(db: Db, accountId: string, g: Grant, grantedBy: string | null): Promise<boolean> {
  const rows = await db.query(
    'insert into role_grant (account_id, role, organisation_id, granted_by) values ($1, $2, $3, $4) on conflict do nothing returning role',
    [accountId, g.role, g.organisationId ?? null, grantedBy]);
  return rows.length > 0;
}

export async function removeGrant(db: Db, accountId: string, g: Grant): Promise<boolean> {
  const rows = await db.query(
    'delete from role_grant where account_id = $1 and role = $2 and organisation_id is not distinct from $3 returning role',
    [accountId, g.role, g.organisationId ?? null]);
  return rows.length > 0;
}

export async function actorFor(db: Db, a: Account, via: Actor['via'], scopes?: string[]): Promise<Actor> {
  return { accountId: a.id, email: a.email, name: a.name, grants: await loadGrants(db, a.id), via, ...(scopes ? { scopes } : {}) };
}

export async function listAccounts(db: Db): Promise<Array<Omit<Account, 'passwordHash'> & { grants: Grant[]; hasPassword: boolean }>> {
  const rows = await db.query(`select ${COLUMNS},
      coalesce((select json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id) order by g.role, g.organisation_id)
                from role_grant g where g.account_id = account.id), '[]') as grants
    from account order by email`);
  return rows.map((r) => {
    const { passwordHash, ...a } = toAccount(r);
    return { ...a, hasPassword: !!passwordHash, grants: typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants };
  });
}
