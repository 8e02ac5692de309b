/**
 * A member's workspace: the organisations they belong to (from their role grants) with the partnerships,
 * projects and delegations each takes part in; the shared records still awaiting their side's validation;
 * the APD years to declare; and the latest changes by other accounts on what their organisations take part in.
 * Only the viewer's own organisations are read: nothing private of another organisation is returned.
 */
import { formatPartialDate } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, memberOf, type Actor, type Role } from '../../lib/actor.js';
import { revisionActor, type RevisionActor } from '../history/revisions.js';

/** How many records of each kind a block lists (the total is given beside it). */
export const BLOCK_LIMIT = 20;
const CHANGES_LIMIT = 10;

export interface WorkItem { id: string; title: string; status: string; date: string | null }
export interface WorkList { items: WorkItem[]; total: number }
export interface WorkOrganisation {
  id: string; name: string; roles: Role[];
  partnerships: WorkList; projects: WorkList; missions: WorkList;
}
export interface AwaitingValidation { kind: 'partnership' | 'project'; id: string; title: string; organisationId: string; organisationName: string }
export interface ApdToFile { organisationId: string; organisationName: string; year: number; draft: boolean }
export interface WorkChange { kind: string; id: string; title: string; action: string; at: string; actor: RevisionActor }
export interface Workspace {
  platformAdmin: boolean;
  organisations: WorkOrganisation[];
  awaiting: AwaitingValidation[];
  apd: ApdToFile[];
  changes: WorkChange[];
}

type Row = Record<string, any>;

/** Rows (org, id, title, status, date, total, n) → per organisation lists. */
function lists(rows: Row[]): Map<string, WorkList> {
  const out = new Map<string, WorkList>();
  for (const r of rows) {
    const l = out.get(r.org) ?? { items: [], total: Number(r.total) };
    l.items.push({ id: r.id, title: r.title, status: r.status, date: r.date ?? null });
    out.set(r.org, l);
  }
  return out;
}

/** The related ids of each organisation, newest change first, at most BLOCK_LIMIT each with the total. */
const ranked = (rel: string, table: string, cols: string) => `
  select * from (
    select rel.org, t.id, ${cols}, count(*) over (partition by rel.org) as total,
           row_number() over (partition by rel.org order by t.updated_at desc, t.id) as n
      from (${rel}) rel join ${table} t on t.id = rel.id) x
   where n <= ${BLOCK_LIMIT} order by org, n`;

const PARTNERSHIPS = `select distinct organisation_id as org, partnership_id as id from partnership_party where organisation_id = any($1::text[])`;
const PROJECTS = `
  select organisation_id as org, project_id as id from project_participant where organisation_id = any($1::text[])
  union select funder_id, project_id from funding_line where funder_id = any($1::text[])
  union select pp.organisation_id, p.id from project p join partnership_party pp on pp.partnership_id = p.partnership_id where pp.organisation_id = any($1::text[])`;
const MISSIONS = `
  select organisation_id as org, mission_id as id from mission_participant where organisation_id = any($1::text[])
  union select pp.organisation_id, m.id from mission m join partnership_party pp on pp.partnership_id = m.partnership_id where pp.organisation_id = any($1::text[])`;

/** Parties who validate a project: its partnership's parties, else its lead and operational partners (as features/validation). */
const PROJECT_PARTIES = `
  select p.id as record_id, pp.organisation_id from project p join partnership_party pp on pp.partnership_id = p.partnership_id
  union select pr.project_id, pr.organisation_id from project_participant pr
   where pr.role in ('lead', 'operational')
     and not exists (select 1 from project p2 join partnership_party q on q.partnership_id = p2.partnership_id where p2.id = pr.project_id)`;

async function awaiting(db: Db, mine: string[]): Promise<AwaitingValidation[]> {
  const rows = await db.query(`
    with parties as (
      select 'partnership' as kind, partnership_id as record_id, organisation_id from partnership_party
       where partnership_id in (select partnership_id from partnership_party where organisation_id = any($1::text[]))
      union all
      select 'project', record_id, organisation_id from (${PROJECT_PARTIES}) pp
       where record_id in (select record_id from (${PROJECT_PARTIES}) q where organisation_id = any($1::text[]))
    ), shared as (
      select kind, record_id from parties group by kind, record_id having count(distinct organisation_id) >= 2
    )
    select s.kind, s.record_id as id, coalesce(p.title, pr.title) as title, o.id as org, o.name as org_name,
           coalesce(p.updated_at, pr.updated_at) as updated
      from shared s join parties x on x.kind = s.kind and x.record_id = s.record_id and x.organisation_id = any($1::text[])
      join organisation o on o.id = x.organisation_id
      left join partnership p on s.kind = 'partnership' and p.id = s.record_id
      left join project pr on s.kind = 'project' and pr.id = s.record_id
      left join validation v on v.record_kind = s.kind and v.record_id = s.record_id and v.organisation_id = x.organisation_id
     where v.state is null or v.state = 'awaiting'
     order by updated desc, s.kind, s.record_id, o.id
     limit ${BLOCK_LIMIT * 5}`, [mine]);
  return rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, organisationId: r.org, organisationName: r.org_name }));
}

/** Years with co-financing lines funded by the organisation and no submitted declaration (members only: as features/apd). */
async function apdToFile(db: Db, declaring: string[]): Promise<ApdToFile[]> {
  if (!declaring.length) return [];
  const rows = await db.query(`
    select f.funder_id as org, o.name, f.year, bool_or(d.status = 'draft') as draft
      from funding_line f join organisation o on o.id = f.funder_id
      left join apd_declaration d on d.organisation_id = f.funder_id and d.year = f.year
     where f.funder_id = any($1::text[]) and f.year is not null and f.year between 1900 and 2200
       and not exists (select 1 from apd_declaration s where s.organisation_id = f.funder_id and s.year = f.year and s.status = 'submitted')
     group by f.funder_id, o.name, f.year order by f.year desc, o.name`, [declaring]);
  return rows.map((r) => ({ organisationId: r.org, organisationName: r.name, year: Number(r.year), draft: !!r.draft }));
}

/** The latest revisions by other accounts on the records the organisations take part in (or on the organisations). */
async function changes(db: Db, viewer: Actor, mine: string[]): Promise<WorkChange[]> {
  const rows = await db.query(`
    with mine as (
      select 'partnership' as kind, id from (${PARTNERSHIPS}) a
      union select 'project', id from (${PROJECTS}) b
      union select 'mission', id from (${MISSIONS}) c
      union select 'organisation', unnest($1::text[])
    )
    select r.record_kind, r.record_id, r.action, r.at, r.actor_account_id, r.actor_label, r.actor_organisation_id, o.name as organisation_name,
           coalesce(p.title, pr.title, m.title, og.name, r.record_id) as title
      from revision r join mine on mine.kind = r.record_kind and mine.id = r.record_id
      left join organisation o on o.id = r.actor_organisation_id
      left join partnership p on r.record_kind = 'partnership' and p.id = r.record_id
      left join project pr on r.record_kind = 'project' and pr.id = r.record_id
      left join mission m on r.record_kind = 'mission' and m.id = r.record_id
      left join organisation og on r.record_kind = 'organisation' and og.id = r.record_id
     where r.actor_account_id is not null and r.actor_account_id <> $2
     order by r.id desc limit ${CHANGES_LIMIT}`, [mine, viewer.accountId]);
  return rows.map((r) => ({
    kind: r.record_kind, id: r.record_id, title: r.title, action: r.action, at: new Date(r.at).toISOString(), actor: revisionActor(r, viewer),
  }));
}

export async function workspace(db: Db, actor: Actor): Promise<Workspace> {
  const roles = new Map<string, Role[]>();
  for (const g of actor.grants) if (g.organisationId) roles.set(g.organisationId, [...(roles.get(g.organisationId) ?? []), g.role]);
  const ids = [...roles.keys()];
  const mine = [...memberOf(actor)];
  const declaring = actor.grants.filter((g) => g.role === 'member' && g.organisationId).map((g) => g.organisationId!);
  const [orgs, partnerships, projects, missions, waiting, apd, latest] = await Promise.all([
    db.query<{ id: string; name: string }>('select id, name from organisation where id = any($1::text[]) order by name, id', [ids]),
    db.query(ranked(PARTNERSHIPS, 'partnership', 't.title, t.status, null as date'), [ids]),
    db.query(ranked(PROJECTS, 'project', 't.title, t.status, null as date'), [ids]),
    db.query(ranked(MISSIONS, 'mission', 't.title, t.direction as status, t.from_on, t.from_precision'), [ids]),
    awaiting(db, mine),
    apdToFile(db, declaring),
    changes(db, actor, ids),
  ]);
  for (const m of missions) m.date = formatPartialDate(m.from_on, m.from_precision);
  const [p, pr, m] = [lists(partnerships), lists(projects), lists(missions)];
  const none = (): WorkList => ({ items: [], total: 0 });
  return {
    platformAdmin: isPlatformAdmin(actor),
    organisations: orgs.map((o) => ({
      id: o.id, name: o.name, roles: roles.get(o.id) ?? [], partnerships: p.get(o.id) ?? none(), projects: pr.get(o.id) ?? none(), missions: m.get(o.id) ?? none(),
    })),
    awaiting: waiting,
    apd,
    changes: latest,
  };
}
