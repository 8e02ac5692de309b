/** The programme of an event over the API: sessions and workshops, public to read (people leads only for those who may see them), written by the event's organisers. */
import { sessionInput, sessionMoveInput, sessionUpdateInput } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext } from '../../lib/actor.js';
import { assertSeesEvent } from '../groups/meetings.js';
import { createSession, deleteSession, getSession, listSessions, moveSession, updateSession } from './programme.service.js';

const base = '/api/events/:id/sessions';
export const programmeRoutes: RouteDef[] = [
  route({ method: 'get', path: base, tag: 'events', summary: 'The programme of an event: its sessions and workshops in order, with leads (people only for members of their organisation and the organisers) and places left',
    returns: '{items}', handler: async ({ c, db, params }) => { await assertSeesEvent(db, getActor(c), params.id); return { items: await listSessions(db, getActor(c), params.id) }; } }),
  route({ method: 'get', path: `${base}/:sessionId`, tag: 'events', summary: 'One session or workshop of an event',
    handler: async ({ c, db, params }) => { await assertSeesEvent(db, getActor(c), params.id); return getSession(db, getActor(c), params.id, params.sessionId); } }),
  route({ method: 'post', path: base, tag: 'events', summary: 'Add a session or workshop to an event (its organisers); leads are organisations or people of the host organisations', body: sessionInput, write: true, status: 201,
    handler: ({ c, db, params, body }) => createSession(db, writeContext(c), params.id, body) }),
  route({ method: 'put', path: `${base}/:sessionId`, tag: 'events', summary: 'Change a session (its organisers; send the version you read)', body: sessionUpdateInput, write: true,
    handler: ({ c, db, params, body }) => updateSession(db, writeContext(c), params.id, params.sessionId, body) }),
  route({ method: 'post', path: `${base}/:sessionId/move`, tag: 'events', summary: 'Move a session one place up or down in the programme (its organisers)', body: sessionMoveInput, write: true, returns: '{items}',
    handler: async ({ c, db, params, body }) => ({ items: await moveSession(db, writeContext(c), params.id, params.sessionId, body) }) }),
  route({ method: 'delete', path: `${base}/:sessionId`, tag: 'events', summary: 'Delete a session (its organisers); 409 naming the registrations that still hold or wait for a place in it', write: true, status: 204,
    handler: ({ c, db, params }) => deleteSession(db, writeContext(c), params.id, params.sessionId) }),
];
