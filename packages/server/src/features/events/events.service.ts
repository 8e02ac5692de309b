/**
 * Events as records: series, their numbered editions and stand-alone events, with hosts, workshops and agenda.
 * Writes go through the write pipeline (role check, revision, search document, one transaction); updates and
 * deletions are in events.write.ts.
 */
import { formatPartialDate, parsePartialDate, seriesPeriodIssue, type EventInput, type EventSeriesInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor, WriteContext } from '../../lib/actor.js';
import { writeMeetingFields, type MeetingFields } from '../groups/meetings.js';
import { visibleEventSql, visibleGroups } from '../groups/groups.access.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, freeId } from '../../lib/records.js';
import { writeRecord } from '../history/write.js';
import { reindex } from '../search/search.index.js';
import { checkDecisions, decisionsOf, writeMinutes } from './events.minutes.js';
import { checkEventLinks, eventLinksOf, writeEventLinks } from './events.links.js';

const d = (v: string | null | undefined) => (v ? parsePartialDate(v) : null);
const hhmm = (t: string | null) => (t ? String(t).slice(0, 5) : null);

function presentSeries(r: any) {
  return { id: r.id, name: r.name, description: r.description, periodFrom: r.period_from, periodTo: r.period_to, openingAgreementId: r.opening_agreement_id, version: r.version };
}

function presentEventRow(r: any) {
  return {
    id: r.id, seriesId: r.series_id, edition: r.edition, title: r.title, kind: r.kind,
    start: formatPartialDate(r.start_on, r.start_precision), end: formatPartialDate(r.end_on, r.end_precision),
    startTime: hhmm(r.start_time), endTime: hhmm(r.end_time), timeZone: r.time_zone,
    place: r.place_territory_id ? { id: r.place_territory_id, name: r.place_name, names: r.place_names ?? {}, country: r.place_country } : null,
    placeText: r.place_text, online: r.online, onlineUrl: r.online_url, side: r.side, theme: r.theme, workshopsCount: r.workshops_count,
    groupId: r.group_id ?? null, visibility: r.visibility ?? 'public',
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

const EVENT_SELECT = `select e.*, t.name as place_name, t.names as place_names, t.country as place_country
  from event e left join territory t on t.id = e.place_territory_id`;

async function hostsOf(db: Db, ids: string[]) {
  const rows = await db.query(`select h.event_id, o.id, o.name, o.kind, o.acronyms, o.country from event_host h join organisation o on o.id = h.organisation_id
    where h.event_id = any($1::text[]) order by h.position`, [ids]);
  const out = new Map<string, any[]>();
  for (const r of rows) out.set(r.event_id, [...(out.get(r.event_id) ?? []), { id: r.id, name: r.name, kind: r.kind, acronyms: r.acronyms, country: r.country }]);
  return out;
}

/** Events in date order; members-only meetings only for the reader's groups (none without a reader: chronologies, feeds). */
export async function listEvents(db: Db, opts: { page: number; perPage: number; seriesId?: string }, reader?: Actor | null) {
  const visible = reader ? await visibleGroups(db, reader) : [];
  const params: unknown[] = []; let w = '';
  if (visible) { params.push(visible); w = `where ${visibleEventSql('e', 1)}`; }
  if (opts.seriesId) { params.push(opts.seriesId); w += `${w ? ' and' : 'where'} e.series_id = $${params.length}`; }
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from event e ${w}`, params);
  const rows = await db.query(`${EVENT_SELECT} ${w} order by e.start_on nulls last, e.edition nulls last, e.id
    limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  const hosts = await hostsOf(db, rows.map((r) => r.id));
  return pageOf(rows.map((r) => ({ ...presentEventRow(r), hosts: hosts.get(r.id) ?? [] })), n, opts.page, opts.perPage);
}

export async function getEvent(db: Db, id: string) {
  const [row] = await db.query(`${EVENT_SELECT} where e.id = $1`, [id]);
  if (!row) throw new NotFoundError('event', id);
  const [series] = row.series_id ? await db.query('select * from event_series where id = $1', [row.series_id]) : [];
  const workshops = await db.query(`select w.id, w.title, o.id as lead_id, o.name as lead_name from event_session w
    left join event_session_lead l on l.session_id = w.id and l.position = 0
    left join organisation o on o.id = l.organisation_id where w.event_id = $1 and w.kind = 'workshop' order by w.position`, [id]);
  const agenda = await db.query('select title from event_agenda_item where event_id = $1 order by position', [id]);
  // the programme's public part (organisations leading, never people), so that the event's history shows its changes
  const sessions = await db.query(`select s.id, s.kind, s.title, s.day::text as day, s.start_time, s.end_time, s.room, s.capacity,
      coalesce((select array_agg(o.name order by l.position) from event_session_lead l join organisation o on o.id = l.organisation_id
        where l.session_id = s.id), '{}') as leads
    from event_session s where s.event_id = $1 order by s.position`, [id]);
  return {
    ...presentEventRow(row), series: series ? presentSeries(series) : null, hosts: (await hostsOf(db, [id])).get(id) ?? [],
    workshops: workshops.map((w) => ({ id: w.id, title: w.title, lead: w.lead_id ? { id: w.lead_id, name: w.lead_name } : null })),
    agenda: agenda.map((a) => a.title),
    sessions: sessions.map((x) => ({ id: x.id, kind: x.kind, title: x.title, day: x.day, startTime: hhmm(x.start_time), endTime: hhmm(x.end_time),
      room: x.room, capacity: x.capacity, leads: x.leads })),
    minutes: row.minutes ?? null, decisions: await decisionsOf(db, id),
    ...await eventLinksOf(db, row as { id: string; visibility: string; group_id: string | null }),
  };
}

/** An event as open data shows it: members-only meetings do not exist there (exports, record downloads, feeds). */
export async function getPublicEvent(db: Db, id: string) {
  const [row] = await db.query<{ visibility: string }>('select visibility from event where id = $1', [id]);
  if (!row || row.visibility !== 'public') throw new NotFoundError('event', id);
  return getEvent(db, id);
}

/** A series with its events in order (the chronology). */
export async function getEventSeries(db: Db, id: string) {
  const [row] = await db.query('select * from event_series where id = $1', [id]);
  if (!row) throw new NotFoundError('event-series', id);
  const events = await listEvents(db, { page: 1, perPage: 200, seriesId: id });
  const [opening] = row.opening_agreement_id ? await db.query(`select a.id, a.title, a.signed_on, a.signed_precision, p.id as partnership_id, p.title as partnership_title
    from agreement a join partnership p on p.id = a.partnership_id where a.id = $1`, [row.opening_agreement_id]) : [];
  return {
    ...presentSeries(row), events: events.items,
    opening: opening ? { id: opening.id, title: opening.title, signed: formatPartialDate(opening.signed_on, opening.signed_precision),
      partnership: { id: opening.partnership_id, title: opening.partnership_title } } : null,
  };
}

/** A series as its revisions keep it (without its events). */
export async function getSeriesRecord(db: Db, id: string) {
  const [row] = await db.query('select * from event_series where id = $1', [id]);
  if (!row) throw new NotFoundError('event-series', id);
  return presentSeries(row);
}

export async function createEventSeries(db: Db, input: EventSeriesInput, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'event_series', action: 'create', input, get: getSeriesRecord }, async (tx) => {
    await assertIdFree(tx, 'event_series', input.id);
    await checkSeries(tx, input);
    await tx.query('insert into event_series (id, name, description, period_from, period_to, opening_agreement_id) values ($1, $2, $3, $4, $5, $6)',
      [input.id, input.name, input.description ?? null, input.periodFrom ?? null, input.periodTo ?? null, input.openingAgreementId ?? null]);
    return input.id;
  });
  return getEventSeries(db, input.id);
}

/** A series' period in order and its opening agreement known (400 naming the field). */
export async function checkSeries(db: Db, input: Omit<EventSeriesInput, 'id'>) {
  const issue = seriesPeriodIssue(input);
  if (issue) throw new ValidationError([issue]);
  await assertExist(db, 'agreement', [{ path: 'openingAgreementId', id: input.openingAgreementId }]);
}

/** The event's columns after its id, in the order of the table (series_id … workshops_count). */
export function eventValues(input: Omit<EventInput, 'workshops'>): unknown[] {
  const s = d(input.start), e = d(input.end);
  return [input.seriesId ?? null, input.edition ?? null, input.title, input.kind, s?.date ?? null, s?.precision ?? null, e?.date ?? null, e?.precision ?? null,
    input.startTime ?? null, input.endTime ?? null, input.timeZone ?? null, input.placeId ?? null, input.placeText ?? null, input.online,
    input.onlineUrl ?? null, input.side ?? null, input.theme ?? null, input.workshopsCount ?? null];
}

/** An event's references known and its number free in its series (400 naming the field). */
export async function checkEvent(db: Db, input: Omit<EventInput, 'workshops'> & { workshops?: EventInput['workshops'] } & MeetingFields, id: string) {
  await assertExist(db, 'event_series', [{ path: 'seriesId', id: input.seriesId }]);
  await assertExist(db, 'territory', [{ path: 'placeId', id: input.placeId }]);
  await assertExist(db, 'organisation', [...input.hosts.map((o, i) => ({ path: `hosts.${i}`, id: o })),
    ...(input.workshops ?? []).map((w, i) => ({ path: `workshops.${i}.leadId`, id: w.leadId }))]);
  if (input.seriesId && input.edition != null) {
    const [taken] = await db.query<{ id: string }>('select id from event where series_id = $1 and edition = $2 and id <> $3', [input.seriesId, input.edition, id]);
    if (taken) throw new ValidationError([{ path: 'edition', message: `edition ${input.edition} of this series is already ${taken.id}` }]);
  }
  await checkDecisions(db, input.decisions);
  await checkEventLinks(db, input, id);
}

export async function createEvent(db: Db, input: EventInput & MeetingFields, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'event', action: 'create', input, get: getEvent }, async (tx) => {
    const id = await freeId(tx, 'event', input.id, input.title);
    await assertIdFree(tx, 'event', id);
    await checkEvent(tx, input, id);
    await tx.query(`insert into event (id, series_id, edition, title, kind, start_on, start_precision, end_on, end_precision, start_time, end_time, time_zone,
        place_territory_id, place_text, online, online_url, side, theme, workshops_count)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`, [id, ...eventValues(input)]);
    for (const [i, o] of [...new Set(input.hosts)].entries()) {
      await tx.query('insert into event_host (event_id, organisation_id, position) values ($1, $2, $3)', [id, o, i]);
    }
    for (const [i, w] of input.workshops.entries()) {
      const sid = `${id}-atelier-${i + 1}`;
      await tx.query(`insert into event_session (id, event_id, kind, position, title) values ($1, $2, 'workshop', $3, $4)`, [sid, id, i, w.title]);
      if (w.leadId) await tx.query('insert into event_session_lead (session_id, position, organisation_id) values ($1, 0, $2)', [sid, w.leadId]);
    }
    for (const [i, a] of input.agenda.entries()) {
      await tx.query('insert into event_agenda_item (event_id, position, title) values ($1, $2, $3)', [id, i, a]);
    }
    await writeMinutes(tx, id, input);
    await writeEventLinks(tx, id, input);
    await writeMeetingFields(tx, id, input, ctx);
    await reindex(tx, 'event', [id]);
    return id;
  });
  return getEvent(db, id);
}

/** The series whose chronology opens with an agreement of this partnership (the Assises open with Île-de-France – Hanoï). */
export async function seriesOpenedBy(db: Db, partnershipId: string): Promise<Array<{ id: string; name: string }>> {
  return db.query(`select s.id, s.name from event_series s join agreement a on a.id = s.opening_agreement_id
    where a.partnership_id = $1 order by s.period_from nulls last, s.id`, [partnershipId]);
}
