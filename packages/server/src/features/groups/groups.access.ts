/**
 * Who manages a group and who belongs to it. Managers: platform administrators and the network administrators of
 * the group or of its parent network (a role_grant network_admin). Members: the people of an organisation in the
 * group (group_membership) or of the group itself; managers count as members. Members see its members-only meetings.
 */
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, memberOf, type Actor } from '../../lib/actor.js';

export async function parentOf(db: Db, groupId: string): Promise<string | null> {
  const [row] = await db.query<{ parent_id: string | null }>('select parent_id from group_profile where organisation_id = $1', [groupId]);
  return row?.parent_id ?? null;
}

export async function canManageGroup(db: Db, actor: Actor | null, groupId: string): Promise<boolean> {
  if (!actor) return false;
  if (isPlatformAdmin(actor)) return true;
  const administered = new Set(actor.grants.filter((g) => g.role === 'network_admin' && g.organisationId).map((g) => g.organisationId!));
  if (!administered.size) return false;
  if (administered.has(groupId)) return true;
  const parent = await parentOf(db, groupId);
  return !!parent && administered.has(parent);
}

/** Is the actor one of the group's members (or a manager of it)? */
export async function isGroupMember(db: Db, actor: Actor | null, groupId: string): Promise<boolean> {
  if (!actor) return false;
  if (await canManageGroup(db, actor, groupId)) return true;
  const mine = [...memberOf(actor)];
  if (!mine.length) return false;
  if (mine.includes(groupId)) return true;
  const rows = await db.query('select 1 as ok from group_membership where group_id = $1 and organisation_id = any($2::text[]) limit 1', [groupId, mine]);
  return rows.length > 0;
}

/**
 * The groups whose members-only meetings this actor sees (null: every group, for platform administrators). A SQL
 * condition on an event alias reads `visibleEventSql(alias, n)` with this list as parameter $n.
 */
export async function visibleGroups(db: Db, actor: Actor | null): Promise<string[] | null> {
  if (!actor) return [];
  if (isPlatformAdmin(actor)) return null;
  const mine = [...memberOf(actor)];
  const admin = actor.grants.filter((g) => g.role === 'network_admin' && g.organisationId).map((g) => g.organisationId!);
  if (!mine.length && !admin.length) return [];
  const rows = await db.query<{ id: string }>(
    `select group_id as id from group_membership where organisation_id = any($1::text[])
     union select organisation_id as id from group_profile where parent_id = any($2::text[])`, [mine, admin]);
  return [...new Set([...mine, ...admin, ...rows.map((r) => r.id)])];
}

/** SQL: the event (alias a) is public, or of a group in $n (a text[] parameter). */
export const visibleEventSql = (a: string, n: number) => `(${a}.visibility = 'public' or ${a}.group_id = any($${n}::text[]))`;

/** May this actor see this event (members-only meetings: its group's members and managers)? */
export async function canSeeEvent(db: Db, actor: Actor | null, ev: { visibility?: string | null; group_id?: string | null }): Promise<boolean> {
  if (!ev.visibility || ev.visibility === 'public') return true;
  if (!ev.group_id) return !!actor && isPlatformAdmin(actor);
  return isGroupMember(db, actor, ev.group_id);
}
