/**
 * Events and series as records: list (events in date order; seriesId keeps one series), get (an event with its series,
 * hosts, workshops and agenda; a series with its chronology), create, update (409 when stale), delete, revisions, restore.
 */
import { eventSeriesInput, idSchema } from '@tandem/shared';
import { crudRoutes } from '../../lib/crud.js';
import { createEvent, createEventSeries, getEvent, getEventSeries, listEvents } from './events.service.js';
import { assertSeesEvent, eventWithGroupInput, eventWithGroupUpdate } from '../groups/meetings.js';
import { deleteEvent, deleteEventSeries, listEventSeries, updateEvent, updateEventSeries } from './events.write.js';

export const eventRoutes = [
  ...crudRoutes({ path: '/api/events', tag: 'events', noun: 'event', input: eventWithGroupInput, update: eventWithGroupUpdate, filters: { seriesId: idSchema.optional() }, guard: assertSeesEvent,
    service: { list: listEvents, get: getEvent, create: createEvent, update: updateEvent, remove: deleteEvent } }),
  ...crudRoutes({ path: '/api/event-series', tag: 'events', noun: 'event series', kind: 'event_series', input: eventSeriesInput,
    service: { list: listEventSeries, get: getEventSeries, create: createEventSeries, update: updateEventSeries, remove: deleteEventSeries } }),
];
