/**
 * Events and series as records: list (events in date order; seriesId keeps one series), get (an event with its series,
 * hosts, workshops and agenda; a series with its chronology), create, update (409 when stale), delete, revisions, restore.
 */
import { eventInput, eventSeriesInput, eventUpdateInput, idSchema } from '@tandem/shared';
import { crudRoutes } from '../../lib/crud.js';
import { createEvent, createEventSeries, getEvent, getEventSeries, listEvents } from './events.service.js';
import { deleteEvent, deleteEventSeries, listEventSeries, updateEvent, updateEventSeries } from './events.write.js';

export const eventRoutes = [
  ...crudRoutes({ path: '/api/events', tag: 'events', noun: 'event', input: eventInput, update: eventUpdateInput, filters: { seriesId: idSchema.optional() },
    service: { list: listEvents, get: getEvent, create: createEvent, update: updateEvent, remove: deleteEvent } }),
  ...crudRoutes({ path: '/api/event-series', tag: 'events', noun: 'event series', kind: 'event_series', input: eventSeriesInput,
    service: { list: listEventSeries, get: getEventSeries, create: createEventSeries, update: updateEventSeries, remove: deleteEventSeries } }),
];
