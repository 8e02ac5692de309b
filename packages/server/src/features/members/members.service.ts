/**
 * The people of an organisation: its members (accounts with a grant on it), the invitations waiting for an
 * answer, role changes and removals. Access (members.access.ts): administrators change roles, remove people
 * and cancel any invitation; members see the list, invite colleagues and leave. Every change is audited.
 */
import type { Db } from '../../db/client.js';
import type { Actor, Role } from '../../lib/actor.js';
import { HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { accessTo, groupsOf, type Access } from './members.access.js';

export interface Member { accountId: string; email: string; name: string; role: Role; since: string; disabled: boolean }
export interface PendingInvitation { id: string; email: string; role: Role; lang: string; sentAt: string; expiresAt: string; invitedBy: string | null; invitedByName: string | null }
export interface MembersView {
  organisation: { id: string; name: string; kind: string };
  access: Exclude<Access, null>;
  groups: Array<{ id: string; name: string }>;
  members: Member[];
  invitations: PendingInvitation[];
}

const RANK: Record<string, number> = { member: 1, network_admin: 2 };
const iso = (d: unknown) => new Date(d as string).toISOString();

async function organisation(db: Db, id: string) {
  const [o] = await db.query('select id, name, kind from organisation where id = $1', [id]);
  if (!o) throw new NotFoundError('organisation', id);
  return o as { id: string; name: string; kind: string };
}

/** The organisation and what the actor may do there; 401 signed out, 403 without access. */
export async function requireAccess(db: Db, actor: Actor | null, id: string, need: Exclude<Access, null> = 'member') {
  if (!actor) throw new HttpError(401, 'sign in first');
  const org = await organisation(db, id);
  const access = await accessTo(db, actor, id);
  if (!access) throw new HttpError(403, 'only the members of this organisation, the administrators of its networks and platform administrators see its people');
  if (need === 'admin' && access !== 'admin') throw new HttpError(403, 'only the administrators of its networks and platform administrators change roles or remove people');
  return { org, access };
}

export async function listMembers(db: Db, organisationId: string): Promise<Member[]> {
  const rows = await db.query(
    `select a.id, a.email, a.name, a.disabled_at, g.role, g.created_at from role_grant g join account a on a.id = g.account_id
      where g.organisation_id = $1 order by a.name, a.email, g.role`, [organisationId]);
  const byAccount = new Map<string, Member>();
  for (const r of rows) {
    const m = byAccount.get(r.id);
    if (!m) byAccount.set(r.id, { accountId: r.id, email: r.email, name: r.name, role: r.role, since: iso(r.created_at), disabled: !!r.disabled_at });
    else {
      if (RANK[r.role] > RANK[m.role]) m.role = r.role;
      if (iso(r.created_at) < m.since) m.since = iso(r.created_at);
    }
  }
  return [...byAccount.values()];
}

export async function listInvitations(db: Db, organisationId: string): Promise<PendingInvitation[]> {
  const rows = await db.query(
    `select i.token_hash, i.email, i.grants, i.lang, i.invited_by, i.created_at, i.expires_at, a.name as inviter_name
       from invitation i left join account a on a.id = i.invited_by
      where i.accepted_at is null and i.expires_at > now() and i.grants @> $1::jsonb order by i.created_at desc`,
    [JSON.stringify([{ organisationId }])]);
  return rows.map((r) => {
    const grants = (typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants) as Array<{ role: Role; organisationId: string | null }>;
    const role = grants.filter((g) => g.organisationId === organisationId).sort((a, b) => RANK[b.role] - RANK[a.role])[0].role;
    return { id: r.token_hash, email: r.email, role, lang: r.lang, sentAt: iso(r.created_at), expiresAt: iso(r.expires_at), invitedBy: r.invited_by, invitedByName: r.inviter_name ?? null };
  });
}

export async function membersView(db: Db, actor: Actor | null, organisationId: string): Promise<MembersView> {
  const { org, access } = await requireAccess(db, actor, organisationId);
  const groupIds = await groupsOf(db, organisationId);
  const groups = groupIds.length ? await db.query('select id, name from organisation where id = any($1) order by name', [groupIds]) : [];
  return {
    organisation: org, access, groups: groups.map((g) => ({ id: g.id, name: g.name })),
    members: await listMembers(db, organisationId), invitations: await listInvitations(db, organisationId),
  };
}

/**
 * Gives a member of the organisation another role there ('member', or 'network_admin' when it is a network).
 * `was`: the role the form showed; another one now means someone changed it meanwhile (409).
 */
export async function changeRole(db: Db, actor: Actor, organisationId: string, accountId: string, input: { role: Role; was?: Role }, ip: string | null): Promise<Member> {
  const { org } = await requireAccess(db, actor, organisationId, 'admin');
  if (input.role === 'platform_admin') throw new ValidationError([{ path: 'role', message: 'the platform administrator role is granted from the accounts page, not within an organisation' }]);
  if (input.role === 'network_admin' && org.kind !== 'network') throw new ValidationError([{ path: 'role', message: `"${organisationId}" is not a network: its people are members` }]);
  return db.transaction(async (tx) => {
    const current = (await listMembers(tx, organisationId)).find((m) => m.accountId === accountId);
    if (!current) throw new HttpError(404, `no member ${accountId} in ${organisationId}`);
    if (input.was && input.was !== current.role) {
      throw new HttpError(409, `this person's role was changed by someone else meanwhile: it is now "${current.role}". Reload the page.`, undefined, { currentRole: current.role });
    }
    if (current.role !== input.role) {
      await tx.query('delete from role_grant where account_id = $1 and organisation_id = $2', [accountId, organisationId]);
      await tx.query('insert into role_grant (account_id, role, organisation_id, granted_by) values ($1, $2, $3, $4)', [accountId, input.role, organisationId, actor.accountId]);
      await audit(tx, { actor, action: 'role_changed', targetKind: 'account', targetId: accountId, details: { organisationId, from: current.role, to: input.role }, ip });
    }
    return { ...current, role: input.role };
  });
}

/** Removes every grant of the account on the organisation: administrators remove anyone, a member leaves. */
export async function removeMember(db: Db, actor: Actor, organisationId: string, accountId: string, ip: string | null): Promise<void> {
  await requireAccess(db, actor, organisationId, accountId === actor.accountId ? 'member' : 'admin');
  const rows = await db.query('delete from role_grant where account_id = $1 and organisation_id = $2 returning role', [accountId, organisationId]);
  if (!rows.length) throw new HttpError(404, `no member ${accountId} in ${organisationId}`);
  await audit(db, { actor, action: accountId === actor.accountId ? 'member_left' : 'member_removed', targetKind: 'account', targetId: accountId, details: { organisationId, roles: rows.map((r) => r.role) }, ip });
}

/** Cancels a pending invitation into this organisation: administrators, or whoever sent it. */
export async function cancelInvitation(db: Db, actor: Actor, organisationId: string, id: string, ip: string | null): Promise<void> {
  const { access } = await requireAccess(db, actor, organisationId);
  const found = (await listInvitations(db, organisationId)).find((i) => i.id === id);
  if (!found) throw new HttpError(404, `no pending invitation ${id} into ${organisationId}`);
  if (access !== 'admin' && found.invitedBy !== actor.accountId) throw new HttpError(403, 'members cancel only the invitations they sent');
  await db.query('delete from invitation where token_hash = $1 and accepted_at is null', [id]);
  await audit(db, { actor, action: 'invitation_cancelled', targetKind: 'invitation', targetId: found.email, details: { organisationId }, ip });
}
