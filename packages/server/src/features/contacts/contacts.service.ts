/**
 * Contacts of a partnership or a project: people attached to the record with their role on it. Personal data:
 * a contact is read only by members of the person's organisation and platform administrators (people.service
 * mayRead); others see nothing, not even a count. Adding, changing or removing one needs the right to write
 * the record (features/permissions) and to see the person; a contact one may not see is 404, as if absent.
 * Never in revisions (visitors read the history), search, exports or feeds: each change goes to the audit log.
 */
import type { ContactInput, ContactRecordKind, ContactUpdateInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../lib/errors.js';
import { isPlatformAdmin, memberOf, type Actor, type WriteContext } from '../../lib/actor.js';
import { authorize, ForbiddenError, involvedOrganisations } from '../permissions/permissions.js';
import { getPartnership } from '../partnerships/partnerships.service.js';
import { getProject } from '../projects/projects.service.js';
import { createPerson, mayRead } from '../people/people.service.js';
import { audit } from '../audit/audit.js';

export const RECORD_GET: Record<ContactRecordKind, (db: Db, id: string) => Promise<any>> = { partnership: getPartnership, project: getProject };

export interface Contact {
  personId: string; name: string; email: string | null; phone: string | null; roleTitle: string | null;
  organisationId: string | null; organisationName: string | null; erased: boolean; role: string | null; position: number; version: number;
}

const present = (r: any): Contact => ({
  personId: r.person_id, name: r.name, email: r.email, phone: r.phone, roleTitle: r.role_title, organisationId: r.organisation_id,
  organisationName: r.organisation_name ?? null, erased: !!r.erased_at, role: r.role, position: r.position, version: r.version,
});

async function assertRecord(db: Db, kind: ContactRecordKind, id: string) {
  const [row] = await db.query(`select 1 from ${kind} where id = $1`, [id]);
  if (!row) throw new NotFoundError(kind, id);
}

/** The contacts of a record the actor may read (none for visitors), in their order. */
export async function listContacts(db: Db, actor: Actor | null, kind: ContactRecordKind, id: string): Promise<Contact[]> {
  await assertRecord(db, kind, id);
  if (!actor) return [];
  const admin = isPlatformAdmin(actor);
  const rows = await db.query(`select rc.*, p.name, p.email, p.phone, p.role_title, p.organisation_id, p.erased_at, o.name as organisation_name
      from record_contact rc join person p on p.id = rc.person_id left join organisation o on o.id = p.organisation_id
     where rc.record_kind = $1 and rc.record_id = $2 ${admin ? '' : 'and p.organisation_id = any($3::text[])'}
     order by rc.position, p.name, p.id`, admin ? [kind, id] : [kind, id, [...memberOf(actor)]]);
  return rows.map(present);
}

/** Whether the actor may add contacts to the record (the record's own write rule). */
export async function mayEditContacts(db: Db, actor: Actor | null, kind: ContactRecordKind, record: unknown): Promise<boolean> {
  if (!actor) return false;
  try { await authorize(db, { actor }, kind, 'update', record, record); return true; } catch (err) {
    if (err instanceof ForbiddenError) return false;
    throw err;
  }
}

const actorOf = (ctx: WriteContext): Actor => ctx.actor as Actor;

/** The record as stored, after the role check: 404 without it, 403 for those who may not write it. */
async function writable(tx: Db, ctx: WriteContext, kind: ContactRecordKind, id: string) {
  const record = await RECORD_GET[kind](tx, id);
  await authorize(tx, ctx, kind, 'update', record, record);
}

/** One contact as the actor may see it: 404 when it is absent or its person is not theirs to see. */
async function visibleContact(tx: Db, ctx: WriteContext, kind: ContactRecordKind, id: string, personId: string) {
  const [row] = await tx.query(`select rc.*, p.organisation_id from record_contact rc join person p on p.id = rc.person_id
     where rc.record_kind = $1 and rc.record_id = $2 and rc.person_id = $3`, [kind, id, personId]);
  if (!row || !mayRead(actorOf(ctx), { organisationId: row.organisation_id })) throw new NotFoundError('contact', personId);
  return row;
}

async function readContact(db: Db, kind: ContactRecordKind, id: string, personId: string): Promise<Contact> {
  const [row] = await db.query(`select rc.*, p.name, p.email, p.phone, p.role_title, p.organisation_id, p.erased_at, o.name as organisation_name
      from record_contact rc join person p on p.id = rc.person_id left join organisation o on o.id = p.organisation_id
     where rc.record_kind = $1 and rc.record_id = $2 and rc.person_id = $3`, [kind, id, personId]);
  return present(row);
}

/** Adds an existing person of mine, or a new one created in one of my organisations, as a contact of the record. */
export async function addContact(db: Db, ctx: WriteContext, kind: ContactRecordKind, id: string, input: ContactInput): Promise<Contact> {
  const personId = await db.transaction(async (tx) => {
    if (input.personId) {
      const [p] = await tx.query('select organisation_id from person where id = $1', [input.personId]);
      if (!p || !mayRead(actorOf(ctx), { organisationId: p.organisation_id })) throw new NotFoundError('person', input.personId);
    }
    await writable(tx, ctx, kind, id);
    const personId = input.personId ?? (await createPerson(tx, { ...input.person!, notes: null }, ctx)).id;
    const [taken] = await tx.query('select 1 from record_contact where record_kind = $1 and record_id = $2 and person_id = $3', [kind, id, personId]);
    if (taken) throw new HttpError(409, 'personId: this person is already a contact of this record', [{ path: 'personId', message: 'already a contact of this record' }]);
    await tx.query(`insert into record_contact (record_kind, record_id, person_id, role, position)
      values ($1, $2, $3, $4, (select coalesce(max(position), -1) + 1 from record_contact where record_kind = $1 and record_id = $2))`, [kind, id, personId, input.role ?? null]);
    await audit(tx, { actor: ctx.actor, action: 'contact_added', targetKind: kind, targetId: id, details: { personId, role: input.role ?? null } });
    return personId;
  });
  return readContact(db, kind, id, personId);
}

/** Changes the role of a contact (send the version read: a stale one gets 409). */
export async function updateContact(db: Db, ctx: WriteContext, kind: ContactRecordKind, id: string, personId: string, input: ContactUpdateInput): Promise<Contact> {
  await db.transaction(async (tx) => {
    const row = await visibleContact(tx, ctx, kind, id, personId);
    await writable(tx, ctx, kind, id);
    const done = await tx.query(`update record_contact set role = $4, version = version + 1, updated_at = now()
      where record_kind = $1 and record_id = $2 and person_id = $3 and version = $5 returning version`, [kind, id, personId, input.role ?? null, input.version]);
    if (!done.length) {
      throw new HttpError(409, `the contact ${personId} was changed by someone else: you sent version ${input.version}, the current version is ${row.version}. Reload it and apply your change again.`, undefined, { currentVersion: row.version });
    }
    await audit(tx, { actor: ctx.actor, action: 'contact_updated', targetKind: kind, targetId: id, details: { personId, role: input.role ?? null } });
  });
  return readContact(db, kind, id, personId);
}

/** Removes a contact from the record (the person stays). */
export async function removeContact(db: Db, ctx: WriteContext, kind: ContactRecordKind, id: string, personId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await visibleContact(tx, ctx, kind, id, personId);
    await writable(tx, ctx, kind, id);
    await tx.query('delete from record_contact where record_kind = $1 and record_id = $2 and person_id = $3', [kind, id, personId]);
    await audit(tx, { actor: ctx.actor, action: 'contact_removed', targetKind: kind, targetId: id, details: { personId } });
  });
}


/** The organisations whose people the actor attaches: theirs; for platform administrators, those taking part in the record. */
export async function contactOrganisations(db: Db, actor: Actor, kind: ContactRecordKind, record: unknown): Promise<Array<{ id: string; name: string }>> {
  const ids = isPlatformAdmin(actor) ? await involvedOrganisations(db, kind, record) : [...memberOf(actor)];
  return db.query('select id, name from organisation where id = any($1::text[]) order by name, id', [ids]);
}

/** People of those organisations who are not yet contacts of the record (erased people left out). */
export async function peopleToAdd(db: Db, organisationIds: string[], kind: ContactRecordKind, id: string) {
  return db.query<{ id: string; name: string; role_title: string | null; organisation_name: string | null }>(
    `select p.id, p.name, p.role_title, o.name as organisation_name from person p left join organisation o on o.id = p.organisation_id
      where p.organisation_id = any($1::text[]) and p.erased_at is null
        and not exists (select 1 from record_contact rc where rc.record_kind = $2 and rc.record_id = $3 and rc.person_id = p.id)
      order by p.name, p.id limit 500`, [organisationIds, kind, id]);
}
