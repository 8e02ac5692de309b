/** Events, public reads: the list (filter by series), one event with hosts, workshops and agenda, one series with its chronology. */
import { z } from 'zod';
import { idSchema, listQuery } from '@tandem/shared';
import { route } from '../../lib/api.js';
import { getEvent, getEventSeries, listEvents } from './events.service.js';

export const eventRoutes = [
  route({ method: 'get', path: '/api/events', tag: 'events', summary: 'List events (paginated), in date order; seriesId keeps one series',
    query: listQuery.extend({ seriesId: idSchema.optional() }), returns: '{items, total, page, perPage, pages}',
    handler: ({ db, query }) => listEvents(db, query as z.infer<typeof listQuery> & { seriesId?: string }) }),
  route({ method: 'get', path: '/api/events/:id', tag: 'events', summary: 'Get one event with its series, hosts, workshops and agenda',
    handler: ({ db, params }) => getEvent(db, params.id) }),
  route({ method: 'get', path: '/api/event-series/:id', tag: 'events', summary: 'Get one series of events with its events in date order (the chronology)',
    handler: ({ db, params }) => getEventSeries(db, params.id) }),
];
