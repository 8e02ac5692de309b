import { listQuery, withVersion } from '@tandem/shared';
import { z } from 'zod';
import { route } from '../../lib/api.js';
import { getActor, writeContext, type Actor } from '../../lib/actor.js';
import { createPerson, deletePerson, erasePerson, exportPerson, listPeople, personInput, readPerson, requireMember, updatePerson } from './people.service.js';

/**
 * Personal data: reads need an actor (session, API token, or the admin token as a platform administrator) and
 * show only the people of the actor's organisations (all to platform administrators); others' are 404.
 */
const reader = (c: any): Actor => requireMember(getActor(c));

export const peopleRoutes = [
  route({ method: 'get', path: '/api/people', tag: 'people', summary: 'People (contacts) of my organisations (all of them for platform administrators)', query: listQuery.extend({ organisationId: z.string().max(120).optional() }),
    handler: ({ c, db, query }) => listPeople(db, reader(c), query) }),
  route({ method: 'get', path: '/api/people/:id', tag: 'people', summary: 'One person — members of their organisation and platform administrators (404 for others)',
    handler: ({ c, db, params }) => readPerson(db, reader(c), params.id) }),
  route({ method: 'post', path: '/api/people', tag: 'people', summary: 'Add a person', body: personInput, write: true, status: 201,
    handler: ({ c, db, body }) => createPerson(db, body, writeContext(c)) }),
  route({ method: 'put', path: '/api/people/:id', tag: 'people', summary: 'Update a person (send the version you read)', body: withVersion(personInput).omit({ id: true }), write: true,
    handler: ({ c, db, params, body }) => updatePerson(db, params.id, body as Parameters<typeof updatePerson>[2], writeContext(c)) }),
  route({ method: 'delete', path: '/api/people/:id', tag: 'people', summary: 'Delete a person', write: true, status: 204,
    handler: ({ c, db, params }) => deletePerson(db, params.id, writeContext(c)) }),
  route({ method: 'get', path: '/api/people/:id/export', tag: 'people', summary: 'Everything held about a person, as JSON (right of access): the person, members of their organisation, platform administrators (404 for others); audited',
    handler: ({ c, db, params }) => exportPerson(db, reader(c), params.id) }),
  route({ method: 'post', path: '/api/people/:id/erase', tag: 'people', summary: 'Erase a person on request: anonymised, records kept; audited', write: true,
    handler: ({ c, db, params }) => erasePerson(db, writeContext(c).actor as Actor, params.id) }),
];
