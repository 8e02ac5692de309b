/**
 * The programme of an event: its sessions and workshops, in order, each with its leads and places left.
 * Reading is public, but a person who leads a session is personal data: shown only to members of the person's
 * organisation, the event's organisers and platform administrators (others see the organisations only, not even a
 * count of people). Writing is for the event's organisers (features/events/organisers.ts): create, update (send the
 * version read: a stale one is 409), move up or down, delete. A session that people still hold a place in or wait
 * for is not deleted: 409 naming them (the organisers may read registrations), so that nobody loses a place silently.
 * Every change goes to the audit log (not to revisions, which visitors read and which would carry the people).
 */
import type { SessionInput, SessionMoveInput, SessionUpdateInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, memberOf, type Actor, type SYSTEM, type WriteContext } from '../../lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { audit } from '../audit/audit.js';
import { assertOrganiser, isOrganiser } from './organisers.js';
import { placesLeft } from './places.js';
import { getEvent } from './events.service.js';
import { recordRevision } from '../history/revisions.js';

type Reader = Actor | typeof SYSTEM | null;

export type SessionLead =
  | { kind: 'organisation'; id: string; name: string }
  | { kind: 'person'; id: string; name: string; roleTitle: string | null; organisationId: string | null; organisationName: string | null };

export interface Session {
  id: string; eventId: string; kind: 'session' | 'workshop'; position: number; title: string; description: string | null;
  day: string | null; startTime: string | null; endTime: string | null; room: string | null; onlineUrl: string | null;
  capacity: number | null; placesLeft: number | null; leads: SessionLead[]; version: number;
}

const hhmm = (t: unknown) => (t ? String(t).slice(0, 5) : null);
const isoDay = (d: unknown) => (d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** Who may see the people leading this event's sessions: a function of the person's organisation. */
async function personFilter(db: Db, actor: Reader, eventId: string): Promise<(organisationId: string | null) => boolean> {
  if (!actor) return () => false;
  if (isPlatformAdmin(actor) || await isOrganiser(db, actor, eventId)) return () => true;
  const mine = memberOf(actor);
  return (org) => !!org && mine.has(org);
}

async function leadsOf(db: Db, sessionIds: string[], maySee: (org: string | null) => boolean): Promise<Map<string, SessionLead[]>> {
  const rows = await db.query(`select l.session_id, l.organisation_id, o.name as organisation_name, l.person_id, p.name as person_name,
      p.role_title, p.organisation_id as person_org, po.name as person_org_name
    from event_session_lead l left join organisation o on o.id = l.organisation_id
      left join person p on p.id = l.person_id left join organisation po on po.id = p.organisation_id
    where l.session_id = any($1::text[]) order by l.session_id, l.position`, [sessionIds]);
  const out = new Map<string, SessionLead[]>();
  for (const r of rows) {
    const lead: SessionLead | null = r.organisation_id ? { kind: 'organisation', id: r.organisation_id, name: r.organisation_name }
      : maySee(r.person_org) ? { kind: 'person', id: r.person_id, name: r.person_name, roleTitle: r.role_title, organisationId: r.person_org, organisationName: r.person_org_name }
        : null;
    if (lead) out.set(r.session_id, [...(out.get(r.session_id) ?? []), lead]);
  }
  return out;
}

const SESSION_SELECT = 'select * from event_session where event_id = $1';
const ORDER = 'order by position';

async function present(db: Db, actor: Reader, eventId: string, rows: any[]): Promise<Session[]> {
  const leads = await leadsOf(db, rows.map((r) => r.id), await personFilter(db, actor, eventId));
  const places = (await placesLeft(db, eventId)).sessions;
  return rows.map((r) => ({
    id: r.id, eventId: r.event_id, kind: r.kind, position: r.position, title: r.title, description: r.description,
    day: isoDay(r.day), startTime: hhmm(r.start_time), endTime: hhmm(r.end_time), room: r.room, onlineUrl: r.online_url,
    capacity: r.capacity, placesLeft: places.get(r.id)?.left ?? null, leads: leads.get(r.id) ?? [], version: r.version,
  }));
}

async function assertEvent(db: Db, eventId: string) {
  const [ev] = await db.query('select id from event where id = $1', [eventId]);
  if (!ev) throw new NotFoundError('event', eventId);
}

/** The sessions of an event in their order, as the reader may see them (404 when there is no such event). */
export async function listSessions(db: Db, actor: Reader, eventId: string): Promise<Session[]> {
  await assertEvent(db, eventId);
  return present(db, actor, eventId, await db.query(`${SESSION_SELECT} ${ORDER}`, [eventId]));
}

/** One session of an event (404 when the session is not this event's). */
export async function getSession(db: Db, actor: Reader, eventId: string, sessionId: string): Promise<Session> {
  const rows = await db.query(`${SESSION_SELECT} and id = $2`, [eventId, sessionId]);
  if (!rows.length) throw new NotFoundError('session', sessionId);
  return (await present(db, actor, eventId, rows))[0];
}

/** The people an organiser may name as leads: those of the event's host organisations (erased people left out). */
export async function leadCandidates(db: Db, eventId: string) {
  return db.query<{ id: string; name: string; role_title: string | null; organisation_name: string }>(`select p.id, p.name, p.role_title, o.name as organisation_name
    from person p join event_host h on h.organisation_id = p.organisation_id join organisation o on o.id = p.organisation_id
    where h.event_id = $1 and p.erased_at is null order by o.name, p.name, p.id limit 500`, [eventId]);
}

/** Leads must exist; people must belong to one of the event's host organisations. */
async function checkLeads(tx: Db, eventId: string, leads: SessionInput['leads']) {
  await assertExist(tx, 'organisation', leads.map((l, n) => ({ path: `leads.${n}.organisationId`, id: l.organisationId })));
  const people = leads.map((l, n) => ({ n, id: l.personId })).filter((x): x is { n: number; id: string } => !!x.id);
  if (!people.length) return;
  const allowed = new Set((await tx.query<{ id: string }>(`select p.id from person p join event_host h on h.organisation_id = p.organisation_id
    where h.event_id = $1 and p.id = any($2::text[]) and p.erased_at is null`, [eventId, people.map((p) => p.id)])).map((r) => r.id));
  const bad = people.find((p) => !allowed.has(p.id));
  if (bad) throw new ValidationError([{ path: `leads.${bad.n}.personId`, message: `no person "${bad.id}" among the people of the event's host organisations` }]);
}

async function writeLeads(tx: Db, sessionId: string, leads: SessionInput['leads']) {
  await tx.query('delete from event_session_lead where session_id = $1', [sessionId]);
  for (const [n, l] of leads.entries()) {
    await tx.query('insert into event_session_lead (session_id, position, organisation_id, person_id) values ($1, $2, $3, $4)', [sessionId, n, l.organisationId ?? null, l.personId ?? null]);
  }
}

const values = (i: SessionInput) => [i.kind, i.title, i.description, i.day, i.startTime, i.endTime, i.room, i.onlineUrl, i.capacity];
/** What the audit log keeps of a change: the public fields and the number of leads (not who). */
const auditDetails = (sessionId: string, i: Partial<SessionInput>) => ({ sessionId, title: i.title, day: i.day, leads: i.leads?.length });

/** A free id: '<event>-atelier-<n>' for workshops (the seed's), '<event>-session-<n>' for the others. */
async function freeSessionId(tx: Db, eventId: string, kind: string): Promise<string> {
  const base = `${eventId}-${kind === 'workshop' ? 'atelier' : 'session'}-`;
  const taken = new Set((await tx.query<{ id: string }>('select id from event_session where id like $1', [`${base}%`])).map((r) => r.id));
  let n = 1;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** Runs a programme write and keeps it in the event's history (a revision of the event, its sessions changed). */
async function inEventHistory<T>(tx: Db, ctx: WriteContext, eventId: string, write: () => Promise<T>): Promise<T> {
  const before = await getEvent(tx, eventId);
  const out = await write();
  const after = await getEvent(tx, eventId);
  if (JSON.stringify(before.sessions) !== JSON.stringify(after.sessions)) await recordRevision(tx, ctx, 'event', eventId, 'update', before, after);
  return out;
}

export async function createSession(db: Db, ctx: WriteContext, eventId: string, input: SessionInput): Promise<Session> {
  const id = await db.transaction(async (tx) => {
    await assertOrganiser(tx, ctx.actor, eventId);
    return inEventHistory(tx, ctx, eventId, async () => {
      await checkLeads(tx, eventId, input.leads);
      const id = await freeSessionId(tx, eventId, input.kind);
      await tx.query(`insert into event_session (id, event_id, position, kind, title, description, day, start_time, end_time, room, online_url, capacity)
        values ($1, $2, (select coalesce(max(position), -1) + 1 from event_session where event_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [id, eventId, ...values(input)]);
      await writeLeads(tx, id, input.leads);
      await audit(tx, { actor: ctx.actor, action: 'event_session_created', targetKind: 'event', targetId: eventId, details: auditDetails(id, input) });
      return id;
    });
  });
  return getSession(db, ctx.actor, eventId, id);
}

/** The session row, locked, after the organiser check (404 when the session is not this event's). */
async function sessionForWrite(tx: Db, ctx: WriteContext, eventId: string, sessionId: string, version?: number) {
  await assertOrganiser(tx, ctx.actor, eventId);
  const [row] = await tx.query('select * from event_session where id = $1 and event_id = $2 for update', [sessionId, eventId]);
  if (!row) throw new NotFoundError('session', sessionId);
  if (version !== undefined && row.version !== version) throw new ConflictError('session', sessionId, row.version, version);
  return row;
}

export async function updateSession(db: Db, ctx: WriteContext, eventId: string, sessionId: string, input: SessionUpdateInput): Promise<Session> {
  await db.transaction(async (tx) => {
    await sessionForWrite(tx, ctx, eventId, sessionId, input.version);
    await inEventHistory(tx, ctx, eventId, async () => {
      await checkLeads(tx, eventId, input.leads);
      await tx.query(`update event_session set kind = $2, title = $3, description = $4, day = $5, start_time = $6, end_time = $7, room = $8,
        online_url = $9, capacity = $10, version = version + 1, updated_at = now() where id = $1`, [sessionId, ...values(input)]);
      await writeLeads(tx, sessionId, input.leads);
      await audit(tx, { actor: ctx.actor, action: 'event_session_updated', targetKind: 'event', targetId: eventId, details: auditDetails(sessionId, input) });
    });
  });
  return getSession(db, ctx.actor, eventId, sessionId);
}

/** Swaps the session with the one before or after it (nothing to do at either end). */
export async function moveSession(db: Db, ctx: WriteContext, eventId: string, sessionId: string, input: SessionMoveInput): Promise<Session[]> {
  await db.transaction(async (tx) => {
    const row = await sessionForWrite(tx, ctx, eventId, sessionId, input.version);
    await inEventHistory(tx, ctx, eventId, async () => {
      const [other] = await tx.query(`select id, position from event_session where event_id = $1 and position ${input.direction === 'up' ? '<' : '>'} $2
        order by position ${input.direction === 'up' ? 'desc' : 'asc'} limit 1 for update`, [eventId, row.position]);
      if (!other) return;
      await tx.query('update event_session set position = -1 - position where id = $1', [sessionId]);
      await tx.query('update event_session set position = $2 where id = $1', [other.id, row.position]);
      await tx.query('update event_session set position = $2, version = version + 1, updated_at = now() where id = $1', [sessionId, other.position]);
      await audit(tx, { actor: ctx.actor, action: 'event_session_moved', targetKind: 'event', targetId: eventId, details: { sessionId, direction: input.direction } });
    });
  });
  return listSessions(db, ctx.actor, eventId);
}

/** Deletes a session nobody holds a place in or waits for; otherwise 409 naming those registrations. */
export async function deleteSession(db: Db, ctx: WriteContext, eventId: string, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await sessionForWrite(tx, ctx, eventId, sessionId);
    const held = await tx.query<{ id: string; name: string; status: string }>(`select r.id, r.name, rs.status from registration_session rs
      join registration r on r.id = rs.registration_id
      where rs.session_id = $1 and rs.status <> 'cancelled' and r.status not in ('cancelled', 'declined') order by r.name, r.id`, [sessionId]);
    if (held.length) {
      const names = held.slice(0, 20).map((h) => `${h.name} (${h.status})`).join(', ');
      throw new HttpError(409, `the session « ${row.title} » has ${held.length} registration(s) that hold or wait for a place: ${names}${held.length > 20 ? ', …' : ''}. Cancel them or move them to another session first.`,
        [{ path: 'sessionId', message: `${held.length} registration(s) hold or wait for a place` }], { registrations: held.map((h) => ({ id: h.id, name: h.name, status: h.status })) });
    }
    await inEventHistory(tx, ctx, eventId, () => tx.query('delete from event_session where id = $1', [sessionId]));
    await audit(tx, { actor: ctx.actor, action: 'event_session_deleted', targetKind: 'event', targetId: eventId, details: { sessionId, title: row.title } });
  });
}
