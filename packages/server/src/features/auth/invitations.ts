/**
 * Invitations and role grants. Platform administrators invite anyone with any grants and grant or revoke
 * roles; network administrators invite into their network and its member organisations; members invite
 * colleagues into their own organisation as members. Every step is audited. Invitation
 * e-mails are rate limited per address and per client (mail-limits.ts: 429 past either).
 */
import { displayInstant, grantPhrase } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type Actor, type Grant } from '../../lib/actor.js';
import { HttpError, ValidationError } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { sendInBackground, sendTemplate } from '../mail/mail.js';
import { accessTo } from '../members/members.access.js';
import { countMail } from './mail-limits.js';
import { addGrant, checkGrant, createAccount, findAccountByEmail, getAccount, mailLang, normEmail, removeGrant, type Account, type MailLang } from './accounts.js';
import { randomToken, sha256 } from './secrets.js';
import { langPath } from './urls.js';

export const INVITATION_DAYS = 7;

export interface Invitation { email: string; grants: Grant[]; lang: string; expiresAt: string; acceptedAt: string | null; invitedBy: string | null }

const toInvitation = (r: Record<string, any>): Invitation => ({
  email: r.email, grants: typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants, lang: r.lang,
  expiresAt: new Date(r.expires_at).toISOString(), acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null, invitedBy: r.invited_by,
});

/**
 * Platform administrators invite with any grants. Others need at least one grant, each within their reach:
 * "member" of an organisation they administer (network administrators: their network and its member
 * organisations) or belong to (members invite colleagues); "network_admin" of a network they administer.
 */
async function refuseInvitation(db: Db, actor: Actor, grants: Grant[]): Promise<void> {
  if (isPlatformAdmin(actor)) return;
  if (!grants.length) throw new HttpError(403, 'only platform administrators invite without a role: choose an organisation', [{ path: 'grants', message: 'choose an organisation' }]);
  for (const [n, g] of grants.entries()) {
    const access = g.organisationId ? await accessTo(db, actor, g.organisationId) : null;
    const allowed = g.role === 'member' ? access !== null : g.role === 'network_admin' && access === 'admin';
    if (!allowed) {
      const why = g.role === 'platform_admin' ? 'only platform administrators grant this role'
        : access === 'member' ? 'members invite colleagues as members only' : 'you may invite only into your organisation, or your network and its member organisations';
      const field = g.role === 'platform_admin' || (g.role === 'network_admin' && access === 'member') ? 'role' : 'organisationId';
      throw new HttpError(403, why, [{ path: `grants.${n}.${field}`, message: why }]);
    }
  }
}

/** The grants in words in the e-mail's language: « membre de Ville de Cergy ». */
async function grantsInWords(db: Db, grants: Grant[], lang: MailLang): Promise<string> {
  const ids = grants.map((g) => g.organisationId).filter((id): id is string => !!id);
  const rows = ids.length ? await db.query('select id, name, names from organisation where id = any($1)', [ids]) : [];
  const names = new Map(rows.map((r) => [r.id as string, (r.names?.[lang] as string | undefined) || (r.name as string)]));
  return grants.map((g) => grantPhrase(lang, g.role, g.organisationId ? names.get(g.organisationId) ?? g.organisationId : null)).join(', ');
}

export async function createInvitation(db: Db, actor: Actor, input: { email: string; grants: Grant[]; lang?: string }, origin: string, ip: string | null) {
  for (const [n, g] of input.grants.entries()) await checkGrant(db, g, `grants.${n}`);
  await refuseInvitation(db, actor, input.grants);
  const email = normEmail(input.email);
  await countMail(db, 'invitation', { address: email, client: ip });
  const lang = mailLang(input.lang);
  const token = randomToken(32);
  const [r] = await db.query(
    `insert into invitation (token_hash, email, grants, lang, invited_by, expires_at) values ($1, $2, $3, $4, $5, now() + interval '${INVITATION_DAYS} days') returning *`,
    [sha256(token), email, JSON.stringify(input.grants), lang, actor.accountId]);
  await audit(db, { actor, action: 'invitation_sent', targetKind: 'invitation', targetId: email, details: { grants: input.grants }, ip });
  const expires = displayInstant(r.expires_at, lang);
  const roles = await grantsInWords(db, input.grants, lang);
  const mail = sendInBackground(() => sendTemplate(email, lang, 'invitation', {
    link: `${origin}${langPath(lang, `/invitations/${token}`)}`, inviter: actor.accountId === 'admin-token' ? 'Tandem' : actor.name || actor.email, roles, expires }));
  return { invitation: toInvitation(r), mail };
}

/** A live (not accepted, not expired) invitation, or null. */
export async function getInvitation(db: Db, token: string): Promise<Invitation | null> {
  const [r] = await db.query('select * from invitation where token_hash = $1 and accepted_at is null and expires_at > now()', [sha256(token)]);
  return r ? toInvitation(r) : null;
}

/** A live invitation for this e-mail (OpenID Connect sign-ins without an account), newest first. */
export async function invitationFor(db: Db, email: string): Promise<(Invitation & { tokenHash: string }) | null> {
  const [r] = await db.query('select * from invitation where email = $1 and accepted_at is null and expires_at > now() order by created_at desc limit 1', [normEmail(email)]);
  return r ? { ...toInvitation(r), tokenHash: r.token_hash } : null;
}

/** Marks the invitation accepted by this account and adds its grants. */
async function fulfil(db: Db, tokenHash: string, inv: Invitation, account: Account, ip: string | null): Promise<void> {
  await db.query('update invitation set accepted_at = now(), account_id = $2 where token_hash = $1', [tokenHash, account.id]);
  for (const g of inv.grants) {
    if (await addGrant(db, account.id, g, inv.invitedBy)) {
      await audit(db, { actor: inv.invitedBy, action: 'role_granted', targetKind: 'account', targetId: account.id, details: { ...g, through: 'invitation' }, ip });
    }
  }
  await audit(db, { actor: account.id, action: 'invitation_accepted', targetKind: 'account', targetId: account.id, details: { email: inv.email }, ip });
}

const BAD_INVITATION = 'this invitation link is invalid, already used or expired: ask for a new one';

/** Creates the account (or adds the grants to the existing one with this e-mail). */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string | null }, ip: string | null): Promise<Account> {
  return db.transaction(async (tx) => {
    const [r] = await tx.query('select * from invitation where token_hash = $1 and accepted_at is null and expires_at > now() for update', [sha256(token)]);
    if (!r) throw new ValidationError([{ path: 'token', message: BAD_INVITATION }]);
    const inv = toInvitation(r);
    let account = await findAccountByEmail(tx, inv.email);
    if (!account) {
      const issues = [...(input.name.trim() ? [] : [{ path: 'name', message: 'your name is required' }]),
        ...(input.password ? [] : [{ path: 'password', message: 'choose a password' }])];
      if (issues.length) throw new ValidationError(issues);
      account = await createAccount(tx, { email: inv.email, name: input.name, password: input.password, lang: inv.lang });
    }
    await fulfil(tx, r.token_hash, inv, account, ip);
    return account;
  });
}

/** OpenID Connect: the account for a person invited by e-mail who signs in through their provider. */
export async function acceptInvitationByEmail(db: Db, email: string, name: string, ip: string | null): Promise<Account | null> {
  return db.transaction(async (tx) => {
    const inv = await invitationFor(tx, email);
    if (!inv) return null;
    const account = await findAccountByEmail(tx, email) ?? await createAccount(tx, { email, name, password: null, lang: inv.lang });
    await fulfil(tx, inv.tokenHash, inv, account, ip);
    return account;
  });
}

async function targetAccount(db: Db, who: { accountId?: string; email?: string }): Promise<Account> {
  const a = who.accountId ? await getAccount(db, who.accountId) : who.email ? await findAccountByEmail(db, who.email) : null;
  if (!a) throw new HttpError(404, `account not found: ${who.accountId ?? who.email ?? '(none given)'}`);
  return a;
}

export async function grantRole(db: Db, actor: Actor, input: { accountId?: string; email?: string } & Grant, ip: string | null) {
  if (!isPlatformAdmin(actor)) throw new HttpError(403, 'only platform administrators grant roles');
  const grant: Grant = { role: input.role, organisationId: input.organisationId ?? null };
  await checkGrant(db, grant);
  const account = await targetAccount(db, input);
  const added = await addGrant(db, account.id, grant, actor.accountId);
  if (added) await audit(db, { actor, action: 'role_granted', targetKind: 'account', targetId: account.id, details: { ...grant }, ip });
  return { accountId: account.id, ...grant, added };
}

export async function revokeRole(db: Db, actor: Actor, input: { accountId?: string; email?: string } & Grant, ip: string | null) {
  if (!isPlatformAdmin(actor)) throw new HttpError(403, 'only platform administrators revoke roles');
  const grant: Grant = { role: input.role, organisationId: input.organisationId ?? null };
  const account = await targetAccount(db, input);
  if (!(await removeGrant(db, account.id, grant))) throw new HttpError(404, `${account.email} has no such grant`);
  await audit(db, { actor, action: 'role_revoked', targetKind: 'account', targetId: account.id, details: { ...grant }, ip });
  return { accountId: account.id, ...grant, removed: true };
}
