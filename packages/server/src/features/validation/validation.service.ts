/**
 * Partner validation: on a record shared by several parties (a partnership with its agreements, a shared
 * project), each party says "validated" or "changes requested"; any later change resets the others to "awaiting".
 */
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { actorId, isPlatformAdmin, memberOf, type Actor, type WriteContext } from '../../lib/actor.js';
import { ForbiddenError } from '../permissions/permissions.js';
import { audit } from '../audit/audit.js';

export type ValidatedKind = 'partnership' | 'project';
export const validationStates = ['validated', 'awaiting', 'changes_requested'] as const;

/** The parties who validate a record: a partnership's parties; a project's partnership parties, else its lead and operational partners. */
export async function validatingParties(db: Db, kind: ValidatedKind, id: string): Promise<string[]> {
  if (kind === 'partnership') {
    return (await db.query<{ organisation_id: string }>('select organisation_id from partnership_party where partnership_id = $1 order by position', [id])).map((r) => r.organisation_id);
  }
  const viaPartnership = await db.query<{ organisation_id: string }>(
    'select pp.organisation_id from project p join partnership_party pp on pp.partnership_id = p.partnership_id where p.id = $1 order by pp.position', [id]);
  if (viaPartnership.length) return viaPartnership.map((r) => r.organisation_id);
  const rows = await db.query<{ organisation_id: string }>(
    `select distinct organisation_id from project_participant where project_id = $1 and role in ('lead', 'operational') order by organisation_id`, [id]);
  return rows.map((r) => r.organisation_id);
}

/** After a change: the author's side stays validated, every other party goes back to "awaiting". */
export async function resetValidations(db: Db, ctx: WriteContext, kind: ValidatedKind, id: string, version: number): Promise<void> {
  const parties = await validatingParties(db, kind, id);
  await db.query('delete from validation where record_kind = $1 and record_id = $2 and not (organisation_id = any($3::text[]))', [kind, id, parties]);
  if (parties.length < 2) return;
  const mine = memberOf(ctx.actor);
  for (const org of parties) {
    const state = mine.has(org) ? 'validated' : 'awaiting';
    await db.query(
      `insert into validation (record_kind, record_id, organisation_id, state, comment, actor_account_id, record_version) values ($1, $2, $3, $4, null, $5, $6)
       on conflict (record_kind, record_id, organisation_id) do update set state = excluded.state, comment = null, actor_account_id = excluded.actor_account_id,
         record_version = excluded.record_version, at = now()`,
      [kind, id, org, state, state === 'validated' ? actorId(ctx.actor) : null, version]);
  }
}

/** One party's validation as a reader may see it: the person who acted only for members of that party, the person and platform administrators. */
export interface PartyValidation {
  organisationId: string; name: string; state: typeof validationStates[number]; comment: string | null; at: string | null; version: number | null;
  /** the account that acted (set when the reader may see it: see `seesPerson`) */
  by: { accountId: string; name: string } | null;
}

/** The history's privacy rule (features/history): a person's name for members of the organisation they acted for, themselves and platform administrators. */
function seesPerson(viewer: Actor | null | undefined, accountId: string, organisationId: string): boolean {
  if (!viewer) return false;
  return isPlatformAdmin(viewer) || viewer.accountId === accountId || memberOf(viewer).has(organisationId);
}

/** Each party's validation, in party order; `viewer` (null: an anonymous visitor) decides whether names are shown. */
export async function listValidations(db: Db, kind: ValidatedKind, id: string, viewer: Actor | null = null): Promise<PartyValidation[]> {
  const parties = await validatingParties(db, kind, id);
  if (parties.length < 2) return [];
  const rows = await db.query(
    `select o.id, o.name, v.state, v.comment, v.at, v.record_version, v.actor_account_id, a.name as actor_name, a.email as actor_email from organisation o
       left join validation v on v.organisation_id = o.id and v.record_kind = $1 and v.record_id = $2
       left join account a on a.id = v.actor_account_id
      where o.id = any($3::text[])`, [kind, id, parties]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return parties.map((org) => {
    const r = byId.get(org)!;
    const account = r.actor_account_id as string | null;
    const by = account && r.state !== 'awaiting' && seesPerson(viewer, account, org) ? { accountId: account, name: (r.actor_name || r.actor_email || account) as string } : null;
    return { organisationId: org, name: r.name, state: r.state ?? 'awaiting', comment: r.comment ?? null, at: r.at ? new Date(r.at).toISOString() : null, version: r.record_version ?? null, by };
  });
}

/** The record exists, has several parties, `organisationId` is one of them and the actor is its member: the record's version. */
async function checkParty(db: Db, ctx: WriteContext, kind: ValidatedKind, id: string, organisationId: string): Promise<{ version: number }> {
  const table = kind === 'partnership' ? 'partnership' : 'project';
  const [rec] = await db.query<{ version: number }>(`select version from ${table} where id = $1`, [id]);
  if (!rec) throw new NotFoundError(kind, id);
  const parties = await validatingParties(db, kind, id);
  if (parties.length < 2) throw new HttpError(409, `this ${kind} has a single party: there is nothing to validate`);
  if (!parties.includes(organisationId)) throw new ValidationError([{ path: 'organisationId', message: `"${organisationId}" is not a party of this ${kind}` }]);
  if (!('system' in ctx.actor) && !memberOf(ctx.actor).has(organisationId)) {
    throw new ForbiddenError(`only members of ${organisationId} validate on its behalf${isPlatformAdmin(ctx.actor) ? ' (administrators included)' : ''}`);
  }
  return rec;
}

/** A member of a party validates the current version or requests changes (with a comment). */
export async function setValidation(db: Db, ctx: WriteContext, kind: ValidatedKind, id: string, body: { organisationId: string; state: 'validated' | 'changes_requested'; comment?: string | null }) {
  const rec = await checkParty(db, ctx, kind, id, body.organisationId);
  if (body.state === 'changes_requested' && !body.comment?.trim()) throw new ValidationError([{ path: 'comment', message: 'say which changes you request' }]);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into validation (record_kind, record_id, organisation_id, state, comment, actor_account_id, record_version) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (record_kind, record_id, organisation_id) do update set state = excluded.state, comment = excluded.comment,
         actor_account_id = excluded.actor_account_id, record_version = excluded.record_version, at = now()`,
      [kind, id, body.organisationId, body.state, body.comment ?? null, actorId(ctx.actor), rec.version]);
    await audit(tx, { actor: ctx.actor, action: body.state === 'validated' ? 'validation_given' : 'validation_changes_requested', targetKind: kind, targetId: id,
      details: { organisationId: body.organisationId, version: rec.version } });
  });
  return listValidations(db, kind, id, viewerOf(ctx));
}

const viewerOf = (ctx: WriteContext): Actor | null => ('system' in ctx.actor ? null : ctx.actor);

/**
 * A member of a party withdraws its validation: the party goes back to "awaiting" (who and when kept in the
 * audit log). 409 when the party has not validated.
 */
export async function withdrawValidation(db: Db, ctx: WriteContext, kind: ValidatedKind, id: string, organisationId: string) {
  await checkParty(db, ctx, kind, id, organisationId);
  await db.transaction(async (tx) => {
    const [cur] = await tx.query<{ state: string; record_version: number | null }>(
      'select state, record_version from validation where record_kind = $1 and record_id = $2 and organisation_id = $3 for update', [kind, id, organisationId]);
    if (cur?.state !== 'validated') throw new HttpError(409, `${organisationId} has not validated this ${kind}: there is nothing to withdraw`);
    await tx.query(`update validation set state = 'awaiting', comment = null, actor_account_id = $4, at = now() where record_kind = $1 and record_id = $2 and organisation_id = $3`,
      [kind, id, organisationId, actorId(ctx.actor)]);
    await audit(tx, { actor: ctx.actor, action: 'validation_withdrawn', targetKind: kind, targetId: id, details: { organisationId, version: cur.record_version } });
  });
  return listValidations(db, kind, id, viewerOf(ctx));
}
