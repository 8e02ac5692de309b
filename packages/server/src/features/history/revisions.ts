/**
 * Every change kept as a revision: who, for which organisation, when, the record before and after (presented
 * snapshots). Visitors see the organisation only; the person's name and account id are shown to members of
 * that organisation, to the author and to platform administrators.
 */
import { diffRecords } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { actorId, actorLabel, isPlatformAdmin, memberOf, type Actor, type WriteContext } from '../../lib/actor.js';
import { involvedOrganisations, type WritableKind } from '../permissions/permissions.js';

export type RevisionAction = 'create' | 'update' | 'delete' | 'restore';

/**
 * The organisation the author acted for: their membership in an organisation taking part in the record (after
 * the change, else before it) — the one that allowed the write; for someone adding an organisation they do not
 * belong to, their first membership; null for the system and for platform administrators acting from outside.
 */
export async function actingOrganisation(db: Db, ctx: WriteContext, kind: string, before: unknown, after: unknown): Promise<string | null> {
  const mine = memberOf(ctx.actor);
  if (!mine.size) return null;
  const k = kind as WritableKind;
  const involved = [...await involvedOrganisations(db, k, after), ...await involvedOrganisations(db, k, before)];
  return involved.find((o) => mine.has(o)) ?? (isPlatformAdmin(ctx.actor) ? null : [...mine].sort()[0]);
}

export async function recordRevision(db: Db, ctx: WriteContext, kind: string, id: string, action: RevisionAction, before: any, after: any): Promise<void> {
  await db.query(
    `insert into revision (record_kind, record_id, version, action, actor_account_id, actor_label, actor_organisation_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [kind, id, after?.version ?? before?.version ?? null, action, actorId(ctx.actor), actorLabel(ctx.actor), await actingOrganisation(db, ctx, kind, before, after),
      before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]);
}

/** Who made a revision, as the viewer may see it: the organisation always, the person only when allowed. */
export interface RevisionActor {
  /** system: the seed or an import; organisation: a member acting for it; platform: a platform administrator */
  kind: 'system' | 'organisation' | 'platform';
  organisation: { id: string; name: string } | null;
  accountId?: string;
  label?: string;
}

function seesPerson(viewer: Actor | null | undefined, accountId: string, organisationId: string | null): boolean {
  if (!viewer) return false;
  return isPlatformAdmin(viewer) || viewer.accountId === accountId || (!!organisationId && memberOf(viewer).has(organisationId));
}

/** The revisions of a record, newest first, as `viewer` (null: an anonymous visitor) may see them. */
export async function listRevisions(db: Db, kind: string, id: string, viewer: Actor | null = null) {
  const rows = await db.query(
    `select r.id, r.version, r.action, r.actor_account_id, r.actor_label, r.actor_organisation_id, o.name as organisation_name, r.at, r.before, r.after,
        -- a record created from a document (knowledge capture): the document its provenance names, applied with this revision
        case when r.action = 'create' then (select coalesce(x.title, x.source_name) from provenance p join extraction x on x.id = p.extraction_id
          where p.record_kind = r.record_kind and p.record_id = r.record_id and x.applied_at between r.at - interval '5 seconds' and r.at + interval '5 seconds'
          order by x.applied_at limit 1) end as source_title
       from revision r left join organisation o on o.id = r.actor_organisation_id
      where r.record_kind = $1 and r.record_id = $2 order by r.id desc`, [kind, id]);
  return rows.map((r) => ({ id: Number(r.id), version: r.version, action: r.action as RevisionAction, actor: revisionActor(r, viewer), at: r.at, changes: diffRecords(r.before, r.after),
    ...(r.source_title ? { source: r.source_title as string } : {}) }));
}

/** A revision row's author (actor_account_id, actor_label, actor_organisation_id, organisation_name) as `viewer` may see it. */
export function revisionActor(r: Record<string, any>, viewer: Actor | null): RevisionActor {
  const org = r.actor_organisation_id as string | null;
  const actor: RevisionActor = {
    kind: r.actor_account_id == null ? 'system' : org ? 'organisation' : 'platform',
    organisation: org ? { id: org, name: r.organisation_name ?? org } : null,
  };
  if (r.actor_account_id != null && seesPerson(viewer, r.actor_account_id, org)) Object.assign(actor, { accountId: r.actor_account_id, label: r.actor_label });
  return actor;
}

export async function getRevision(db: Db, kind: string, id: string, revisionId: number) {
  const [r] = await db.query('select id, version, action, before, after from revision where record_kind = $1 and record_id = $2 and id = $3', [kind, id, revisionId]);
  return r ?? null;
}
