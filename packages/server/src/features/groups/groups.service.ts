/**
 * Groups (issue 15): organisations of kind 'network' with a profile (group_profile), offices, funders and member
 * organisations (group_membership). Everyone reads; managers (groups.access.ts) write, audited; the profile is
 * versioned (409 on a stale version). A group's meetings are its events; members-only ones only for its members.
 */
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { audit } from '../audit/audit.js';
import { canManageGroup, isGroupMember } from './groups.access.js';
import type { GroupProfileInput, MembershipChange, MembershipInput } from './groups.schema.js';

export interface GroupCard { id: string; name: string; acronyms: string[]; groupKind: string; country: string | null; themes: string[]; parentId: string | null; parentName: string | null; members: number; description: string | null }

const CARD_SQL = `select o.id, o.name, o.acronyms, o.description, gp.group_kind, gp.country, gp.themes, gp.parent_id, po.name as parent_name,
  (select count(*)::int from group_membership m where m.group_id = o.id) as members
  from group_profile gp join organisation o on o.id = gp.organisation_id left join organisation po on po.id = gp.parent_id`;

const card = (r: any): GroupCard => ({ id: r.id, name: r.name, acronyms: r.acronyms ?? [], groupKind: r.group_kind, country: r.country ?? null,
  themes: r.themes ?? [], parentId: r.parent_id ?? null, parentName: r.parent_name ?? null, members: r.members, description: r.description ?? null });

export async function listGroups(db: Db, q: { kind?: string; country?: string }): Promise<GroupCard[]> {
  const rows = await db.query(`${CARD_SQL} where ($1::text is null or gp.group_kind = $1) and ($2::text is null or gp.country = $2) order by o.name, o.id`,
    [q.kind ?? null, q.country ?? null]);
  return rows.map(card);
}

export interface GroupMember { id: string; name: string; kind: string; country: string | null; role: string; since: string | null; partnerships: Array<{ id: string; title: string; status: string }> }
export interface GroupMeeting { id: string; title: string; startOn: string | null; startPrecision: string | null; online: boolean; placeText: string | null; visibility: string }
export interface GroupView extends GroupCard {
  website: string | null; agenda: string | null; vacantRoles: string[]; version: number;
  children: Array<{ id: string; name: string; groupKind: string }>;
  members: number; memberList: GroupMember[];
  offices: Array<{ id: string; name: string; address: string | null; territoryId: string | null }>;
  funders: Array<{ id: string; name: string }>;
  meetings: GroupMeeting[];
  canManage: boolean; isMember: boolean;
}

const day = (d: unknown): string | null => d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

/** A member's partnerships that concern the group: its country (country group), its themes (thematic group), or all. */
async function partnershipsOf(db: Db, g: GroupCard, orgIds: string[]): Promise<Map<string, GroupMember['partnerships']>> {
  const out = new Map<string, GroupMember['partnerships']>();
  if (!orgIds.length) return out;
  const rows = await db.query(`select pp.organisation_id, p.id, p.title, p.status from partnership_party pp join partnership p on p.id = pp.partnership_id
    where pp.organisation_id = any($1::text[])
      and ($2::text is null or exists (select 1 from partnership_party q join organisation qo on qo.id = q.organisation_id where q.partnership_id = p.id and qo.country = $2))
      and (cardinality($3::text[]) = 0 or exists (select 1 from unnest(p.themes) t, unnest($3::text[]) w where t = w or t like w || '.%'))
    order by p.started_on desc nulls last, p.title`,
  [orgIds, g.groupKind === 'country_group' ? g.country : null, g.groupKind === 'thematic_group' ? g.themes : []]);
  for (const r of rows) {
    const list = out.get(r.organisation_id) ?? [];
    if (list.length < 20) list.push({ id: r.id, title: r.title, status: r.status });
    out.set(r.organisation_id, list);
  }
  return out;
}

export async function getGroup(db: Db, actor: Actor | null, id: string): Promise<GroupView> {
  const [row] = await db.query(`${CARD_SQL} where o.id = $1`, [id]);
  if (!row) throw new NotFoundError('group', id);
  const g = card(row);
  const [extra] = await db.query('select gp.agenda, gp.vacant_roles, gp.version, o.website from group_profile gp join organisation o on o.id = gp.organisation_id where gp.organisation_id = $1', [id]);
  const [children, members, offices, funders] = await Promise.all([
    db.query('select o.id, o.name, gp.group_kind from group_profile gp join organisation o on o.id = gp.organisation_id where gp.parent_id = $1 order by o.name', [id]),
    db.query(`select o.id, o.name, o.kind, o.country, m.role, m.since from group_membership m join organisation o on o.id = m.organisation_id
      where m.group_id = $1 order by (m.role = 'member'), o.name`, [id]),
    db.query('select id, name, address, territory_id from group_office where group_id = $1 order by position, id', [id]),
    db.query('select o.id, o.name from group_funder f join organisation o on o.id = f.organisation_id where f.group_id = $1 order by f.position, o.name', [id]),
  ]);
  const [canManage, isMember] = await Promise.all([canManageGroup(db, actor, id), isGroupMember(db, actor, id)]);
  const meetings = await db.query(`select id, title, start_on, start_precision, online, place_text, visibility from event
    where group_id = $1 and (visibility = 'public' or $2) order by start_on desc nulls last, id limit 100`, [id, isMember]);
  const ps = await partnershipsOf(db, g, members.map((m) => m.id));
  return {
    ...g, website: extra.website ?? null, agenda: extra.agenda ?? null, vacantRoles: extra.vacant_roles ?? [], version: extra.version,
    children: children.map((c) => ({ id: c.id, name: c.name, groupKind: c.group_kind })),
    memberList: members.map((m) => ({ id: m.id, name: m.name, kind: m.kind, country: m.country ?? null, role: m.role, since: day(m.since), partnerships: ps.get(m.id) ?? [] })),
    offices: offices.map((o) => ({ id: o.id, name: o.name, address: o.address ?? null, territoryId: o.territory_id ?? null })),
    funders: funders.map((f) => ({ id: f.id, name: f.name })),
    meetings: meetings.map((e) => ({ id: e.id, title: e.title, startOn: day(e.start_on), startPrecision: e.start_precision ?? null, online: !!e.online, placeText: e.place_text ?? null, visibility: e.visibility })),
    canManage, isMember,
  };
}

/** The groups an organisation belongs to (its sheet's block). */
export async function groupsOfOrganisation(db: Db, organisationId: string): Promise<Array<{ id: string; name: string; role: string }>> {
  const rows = await db.query('select o.id, o.name, m.role from group_membership m join organisation o on o.id = m.group_id where m.organisation_id = $1 order by o.name', [organisationId]);
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role }));
}

async function assertManager(db: Db, actor: Actor | null, id: string): Promise<void> {
  const [org] = await db.query<{ kind: string }>('select kind from organisation where id = $1', [id]);
  if (!org) throw new NotFoundError('group', id);
  if (!actor) throw new HttpError(401, 'sign in to manage a group');
  if (!await canManageGroup(db, actor, id)) throw new HttpError(403, 'only the network administrators of this group (or of its network) and platform administrators manage it');
  if (org.kind !== 'network') throw new NotFoundError('group', id);
}

export async function updateProfile(db: Db, actor: Actor | null, id: string, input: GroupProfileInput): Promise<GroupView> {
  await assertManager(db, actor, id);
  if (input.parentId === id) throw new ValidationError([{ path: 'parentId', message: 'a group cannot be its own parent' }]);
  await assertExist(db, 'organisation', [{ path: 'parentId', id: input.parentId }, ...input.funderIds.map((f, i) => ({ path: `funderIds.${i}`, id: f }))]);
  await assertExist(db, 'territory', input.offices.map((o, i) => ({ path: `offices.${i}.territoryId`, id: o.territoryId })));
  await assertExist(db, 'theme', input.themes.map((t, i) => ({ path: `themes.${i}`, id: t })));
  const fi = input.funderIds.indexOf(id);
  if (fi >= 0) throw new ValidationError([{ path: `funderIds.${fi}`, message: 'a group does not fund itself' }]);
  await db.transaction(async (tx) => {
    const [cur] = await tx.query<{ version: number }>('select version from group_profile where organisation_id = $1 for update', [id]);
    if (cur && cur.version !== input.version) throw new ConflictError('group', id, cur.version, input.version);
    if (!cur && input.version !== 1) throw new ConflictError('group', id, 1, input.version);
    await tx.query(`insert into group_profile (organisation_id, group_kind, country, themes, parent_id, agenda, vacant_roles, version, updated_at)
      values ($1, $2, $3, $4, $5, $6, $7, 2, now())
      on conflict (organisation_id) do update set group_kind = $2, country = $3, themes = $4, parent_id = $5, agenda = $6, vacant_roles = $7,
        version = group_profile.version + 1, updated_at = now()`,
    [id, input.groupKind, input.country ?? null, input.themes, input.parentId ?? null, input.agenda ?? null, input.vacantRoles]);
    await tx.query('delete from group_office where group_id = $1', [id]);
    for (const [i, o] of input.offices.entries()) {
      await tx.query('insert into group_office (id, group_id, position, name, address, territory_id) values ($1, $2, $3, $4, $5, $6)',
        [`${id}--office-${i + 1}`, id, i, o.name, o.address ?? null, o.territoryId ?? null]);
    }
    await tx.query('delete from group_funder where group_id = $1', [id]);
    for (const [i, f] of [...new Set(input.funderIds)].entries()) {
      await tx.query('insert into group_funder (group_id, organisation_id, position) values ($1, $2, $3)', [id, f, i]);
    }
    await audit(tx, { actor, action: 'group_profile_updated', targetKind: 'organisation', targetId: id, details: { version: input.version + 1 } });
  });
  return getGroup(db, actor, id);
}

export async function addMember(db: Db, actor: Actor | null, id: string, input: MembershipInput): Promise<GroupView> {
  await assertManager(db, actor, id);
  await assertExist(db, 'organisation', [{ path: 'organisationId', id: input.organisationId }]);
  if (input.organisationId === id) throw new ValidationError([{ path: 'organisationId', message: 'a group is not its own member' }]);
  await db.transaction(async (tx) => {
    const [had] = await tx.query('select 1 as ok from group_membership where group_id = $1 and organisation_id = $2', [id, input.organisationId]);
    if (had) throw new HttpError(409, `${input.organisationId} is already a member of ${id}`);
    await tx.query('insert into group_membership (group_id, organisation_id, role, since) values ($1, $2, $3, $4)', [id, input.organisationId, input.role, input.since ?? null]);
    await audit(tx, { actor, action: 'group_member_added', targetKind: 'organisation', targetId: id, details: { organisationId: input.organisationId, role: input.role } });
  });
  return getGroup(db, actor, id);
}

export async function changeMember(db: Db, actor: Actor | null, id: string, orgId: string, input: MembershipChange): Promise<GroupView> {
  await assertManager(db, actor, id);
  await db.transaction(async (tx) => {
    const done = await tx.query('update group_membership set role = $3, since = coalesce($4, since) where group_id = $1 and organisation_id = $2 returning 1 as ok',
      [id, orgId, input.role, input.since ?? null]);
    if (!done.length) throw new NotFoundError('group member', orgId);
    await audit(tx, { actor, action: 'group_member_changed', targetKind: 'organisation', targetId: id, details: { organisationId: orgId, role: input.role } });
  });
  return getGroup(db, actor, id);
}

export async function removeMember(db: Db, actor: Actor | null, id: string, orgId: string): Promise<void> {
  await assertManager(db, actor, id);
  await db.transaction(async (tx) => {
    const done = await tx.query('delete from group_membership where group_id = $1 and organisation_id = $2 returning 1 as ok', [id, orgId]);
    if (!done.length) throw new NotFoundError('group member', orgId);
    await audit(tx, { actor, action: 'group_member_removed', targetKind: 'organisation', targetId: id, details: { organisationId: orgId } });
  });
}
