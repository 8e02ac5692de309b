/**
 * Events' and series' updates and deletions, through the write pipeline (role check, revision, search documents, one
 * transaction). An event's update rewrites its own parts (hosts, agenda) and never its programme: event_session rows
 * (workshops, sessions) and the registrations that hang on them are the programme's and registration's.
 */
import type { EventSeriesInput, EventUpdateInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { bumpVersion, deleteRow } from '../../lib/records.js';
import { writeRecord } from '../history/write.js';
import { reindex } from '../search/search.index.js';
import { writeMinutes } from './events.minutes.js';
import { deleteEventLinks, writeEventLinks } from './events.links.js';
import { writeMeetingFields, type MeetingFields } from '../groups/meetings.js';
import { checkEvent, checkSeries, eventValues, getEvent, getEventSeries, getSeriesRecord } from './events.service.js';

async function writeParts(db: Db, id: string, input: EventUpdateInput) {
  await db.query('delete from event_host where event_id = $1', [id]);
  for (const [i, o] of [...new Set(input.hosts)].entries()) {
    await db.query('insert into event_host (event_id, organisation_id, position) values ($1, $2, $3)', [id, o, i]);
  }
  await db.query('delete from event_agenda_item where event_id = $1', [id]);
  for (const [i, a] of input.agenda.entries()) await db.query('insert into event_agenda_item (event_id, position, title) values ($1, $2, $3)', [id, i, a]);
  await writeMinutes(db, id, input);
  await writeEventLinks(db, id, input);
}

export async function updateEvent(db: Db, id: string, input: EventUpdateInput & MeetingFields & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'event', action, id, input, get: getEvent }, async (tx) => {
    await bumpVersion(tx, 'event', 'event', id, input.version);
    await checkEvent(tx, input, id);
    await tx.query(`update event set series_id = $2, edition = $3, title = $4, kind = $5, start_on = $6, start_precision = $7, end_on = $8, end_precision = $9,
      start_time = $10, end_time = $11, time_zone = $12, place_territory_id = $13, place_text = $14, online = $15, online_url = $16, side = $17, theme = $18,
      workshops_count = $19 where id = $1`, [id, ...eventValues(input)]);
    await writeParts(tx, id, input);
    await writeMeetingFields(tx, id, input, ctx);
    await reindex(tx, 'event', [id]);
    return id;
  });
  return getEvent(db, id);
}

/** An event people registered for is not deleted (their registrations would go with it): 409. */
export async function deleteEvent(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'event', action: 'delete', id, get: getEvent }, async (tx) => {
    const [reg] = await tx.query('select 1 as x from registration where event_id = $1 limit 1', [id]);
    if (reg) throw new HttpError(409, 'people have registered for this event: cancel the event (or its registrations) instead of deleting it');
    await deleteEventLinks(tx, id);
    await deleteRow(tx, 'event', 'event', id);
    await tx.query(`delete from search_doc where kind = 'event' and id = $1`, [id]);
    return id;
  });
}

export async function listEventSeries(db: Db, opts: { page: number; perPage: number }) {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from event_series');
  const rows = await db.query(`select s.id, s.name, s.description, s.period_from, s.period_to, s.version, (select count(*)::int from event e where e.series_id = s.id) as events
    from event_series s order by s.period_from nulls last, s.name, s.id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`);
  return pageOf(rows.map((r) => ({ id: r.id, name: r.name, description: r.description, periodFrom: r.period_from, periodTo: r.period_to, events: r.events, version: r.version })),
    n, opts.page, opts.perPage);
}

/** The series' name is in its events' search documents: they follow. */
const reindexEvents = async (db: Db, seriesId: string) =>
  reindex(db, 'event', (await db.query<{ id: string }>('select id from event where series_id = $1', [seriesId])).map((r) => r.id));

export async function updateEventSeries(db: Db, id: string, input: Omit<EventSeriesInput, 'id'> & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'event_series', action, id, input, get: getSeriesRecord }, async (tx) => {
    await bumpVersion(tx, 'event_series', 'event-series', id, input.version);
    await checkSeries(tx, input);
    await tx.query('update event_series set name = $2, description = $3, period_from = $4, period_to = $5, opening_agreement_id = $6 where id = $1',
      [id, input.name, input.description ?? null, input.periodFrom ?? null, input.periodTo ?? null, input.openingAgreementId ?? null]);
    await reindexEvents(tx, id);
    return id;
  });
  return getEventSeries(db, id);
}

/** A series' deletion leaves its events as stand-alone events. */
export async function deleteEventSeries(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'event_series', action: 'delete', id, get: getSeriesRecord }, async (tx) => {
    const events = (await tx.query<{ id: string }>('select id from event where series_id = $1', [id])).map((r) => r.id);
    await deleteRow(tx, 'event_series', 'event-series', id);
    await reindex(tx, 'event', events);
    return id;
  });
}
