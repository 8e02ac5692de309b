/**
 * People (contacts): personal data, readable by members of the person's organisation and platform
 * administrators only (a person without an organisation: administrators only); never in search, sheets or
 * exports of records. Others get 404 for one person (its existence does not leak) and lists without them.
 * On request a person's data is exported (JSON) or erased: the person is anonymised, the records stay.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../lib/errors.js';
import { isPlatformAdmin, memberOf, type Actor, type WriteContext } from '../../lib/actor.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, bumpVersion, deleteRow, freeId } from '../../lib/records.js';
import { writeRecord } from '../history/write.js';
import { ForbiddenError } from '../permissions/permissions.js';
import { audit } from '../audit/audit.js';
import { eraseRegistrationsOf, registrationsOf } from '../registration/registration.privacy.js';
import { alertsOf, eraseAlertsOf } from '../funding/alerts.privacy.js';

export const personInput = z.object({
  id: z.string().min(1).max(120).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).optional(),
  name: z.string().trim().min(1).max(200),
  email: z.string().email().max(300).nullable().optional(),
  phone: z.string().max(50).nullable().optional(),
  organisationId: z.string().max(120).nullable().optional(),
  roleTitle: z.string().max(200).nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
});
export type PersonInput = z.infer<typeof personInput>;
export const ERASED_NAME = 'Personne anonymisée';

/** Reading people needs an actor: a signed-in account, one of its API tokens (same grants), or the admin token. */
export function requireMember(actor: Actor | null): Actor {
  if (!actor) throw new HttpError(401, 'people are visible to members of their organisation only: sign in');
  return actor;
}

/** Members of the person's organisation and platform administrators. */
export function mayRead(actor: Actor, person: { organisationId: string | null }): boolean {
  return isPlatformAdmin(actor) || (!!person.organisationId && memberOf(actor).has(person.organisationId));
}

function present(r: any) {
  return { id: r.id, name: r.name, email: r.email, phone: r.phone, organisationId: r.organisation_id, organisationName: r.organisation_name ?? null,
    roleTitle: r.role_title, notes: r.notes, erased: !!r.erased_at, erasedAt: r.erased_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** The people the actor may read (see mayRead), optionally of one organisation. */
export async function listPeople(db: Db, actor: Actor, opts: { page: number; perPage: number; organisationId?: string }) {
  const params: unknown[] = []; const where: string[] = [];
  if (opts.organisationId) { params.push(opts.organisationId); where.push(`p.organisation_id = $${params.length}`); }
  if (!isPlatformAdmin(actor)) { params.push([...memberOf(actor)]); where.push(`p.organisation_id = any($${params.length}::text[])`); }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from person p ${w}`, params);
  const rows = await db.query(`select p.*, o.name as organisation_name from person p left join organisation o on o.id = p.organisation_id ${w}
    order by p.name, p.id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  return pageOf(rows.map(present), n, opts.page, opts.perPage);
}

export async function getPerson(db: Db, id: string) {
  const [row] = await db.query('select p.*, o.name as organisation_name from person p left join organisation o on o.id = p.organisation_id where p.id = $1', [id]);
  if (!row) throw new NotFoundError('person', id);
  return present(row);
}

/** One person as the actor may see it: 404 when they may not, as when there is no such person. */
export async function readPerson(db: Db, actor: Actor, id: string) {
  const person = await getPerson(db, id);
  if (!mayRead(actor, person)) throw new NotFoundError('person', id);
  return person;
}

const values = (i: PersonInput) => [i.name, i.email ?? null, i.phone ?? null, i.organisationId ?? null, i.roleTitle ?? null, i.notes ?? null];

export async function createPerson(db: Db, input: PersonInput, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'person', action: 'create', input, get: getPerson }, async (tx) => {
    const id = await freeId(tx, 'person', input.id, input.name);
    await assertIdFree(tx, 'person', id);
    await assertExist(tx, 'organisation', [{ path: 'organisationId', id: input.organisationId }]);
    await tx.query('insert into person (id, name, email, phone, organisation_id, role_title, notes) values ($1, $2, $3, $4, $5, $6, $7)', [id, ...values(input)]);
    return id;
  });
  return getPerson(db, id);
}

/** A write to a person one may not read is 404, as when there is no such person: its existence does not leak. */
async function assertWriterReads(db: Db, ctx: WriteContext, id: string) {
  if (!('system' in ctx.actor)) await readPerson(db, ctx.actor, id);
}

export async function updatePerson(db: Db, id: string, input: PersonInput & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await assertWriterReads(db, ctx, id);
  await writeRecord(db, ctx, { kind: 'person', action, id, input, get: getPerson }, async (tx) => {
    await bumpVersion(tx, 'person', 'person', id, input.version);
    await assertExist(tx, 'organisation', [{ path: 'organisationId', id: input.organisationId }]);
    await tx.query('update person set name = $2, email = $3, phone = $4, organisation_id = $5, role_title = $6, notes = $7 where id = $1', [id, ...values(input)]);
    return id;
  });
  return getPerson(db, id);
}

export async function deletePerson(db: Db, id: string, ctx: WriteContext) {
  await assertWriterReads(db, ctx, id);
  await writeRecord(db, ctx, { kind: 'person', action: 'delete', id, get: getPerson }, async (tx) => { await deleteRow(tx, 'person', 'person', id); return id; });
}

/** Those who may read the person, and the person themself (same e-mail as the account). */
function mayHandleRequest(actor: Actor, person: { organisationId: string | null; email: string | null }): boolean {
  return mayRead(actor, person) || (!!person.email && !!actor.email && person.email.toLowerCase() === actor.email.toLowerCase());
}

/** Everything Tandem holds about a person (RGPD right of access), audited; 404 for those who may not see it. */
export async function exportPerson(db: Db, actor: Actor, id: string) {
  const person = await getPerson(db, id);
  if (!mayHandleRequest(actor, person)) throw new NotFoundError('person', id);
  const revisions = await db.query(`select id, action, actor_label, at, before, after from revision where record_kind = 'person' and record_id = $1 order by id`, [id]);
  await audit(db, { actor, action: 'person_exported', targetKind: 'person', targetId: id });
  const log = await db.query(`select at, action, actor_account_id from audit_log where target_kind = 'person' and target_id = $1 order by id`, [id]);
  const contactOf = await db.query(`select record_kind as "recordKind", record_id as "recordId", role from record_contact where person_id = $1 order by record_kind, record_id`, [id]);
  const registrations = await registrationsOf(db, { email: person.email }, actor);
  const fundingAlerts = await alertsOf(db, person.email, actor);
  return { exportedAt: new Date().toISOString(), person, contactOf, registrations, fundingAlerts, revisions: revisions.map((r) => ({ ...r, id: Number(r.id) })), auditLog: log };
}

/** Erasure on request (RGPD): the person becomes anonymous, their past snapshots are scrubbed; records that mention them stay. */
export async function erasePerson(db: Db, actor: Actor, id: string) {
  if (!isPlatformAdmin(actor)) throw new ForbiddenError('only a platform administrator erases personal data, on the person’s request');
  await db.transaction(async (tx) => {
    const [row] = await tx.query('select erased_at, email from person where id = $1', [id]);
    if (!row) throw new NotFoundError('person', id);
    if (row.email) await eraseRegistrationsOf(tx, row.email); // their registrations to events go with them
    if (row.email) await eraseAlertsOf(tx, row.email); // and their saved searches of funding calls
    await tx.query(`update person set name = $2, email = null, phone = null, role_title = null, notes = null, erased_at = coalesce(erased_at, now()),
      version = version + 1, updated_at = now() where id = $1`, [id, ERASED_NAME]);
    await tx.query(`update revision set before = null, after = null where record_kind = 'person' and record_id = $1`, [id]);
    await audit(tx, { actor, action: 'person_erased', targetKind: 'person', targetId: id });
  });
  return getPerson(db, id);
}
