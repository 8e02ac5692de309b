/**
 * Who may see and manage the people of an organisation. Platform administrators: every organisation. Network
 * administrators: their network and the organisations that belong to it (group_membership). Members: their own
 * organisation, to see its people and invite colleagues as members. Everyone else: nothing.
 */
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type Actor } from '../../lib/actor.js';

export type Access = 'admin' | 'member' | null;

/** The networks (groups) this organisation belongs to. */
export async function groupsOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.query('select group_id from group_membership where organisation_id = $1 order by group_id', [organisationId]);
  return rows.map((r) => r.group_id as string);
}

/** What the actor may do with the people of this organisation. */
export async function accessTo(db: Db, actor: Actor | null, organisationId: string): Promise<Access> {
  if (!actor) return null;
  if (isPlatformAdmin(actor)) return 'admin';
  const administered = new Set(actor.grants.filter((g) => g.role === 'network_admin' && g.organisationId).map((g) => g.organisationId!));
  if (administered.has(organisationId)) return 'admin';
  if (administered.size && (await groupsOf(db, organisationId)).some((n) => administered.has(n))) return 'admin';
  return actor.grants.some((g) => g.role === 'member' && g.organisationId === organisationId) ? 'member' : null;
}
