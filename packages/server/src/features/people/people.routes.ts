import { listQuery, withVersion } from '@tandem/shared';
import { z } from 'zod';
import { route } from '../../lib/api.js';
import { getActor, writeContext, type Actor } from '../../lib/actor.js';
import { createPerson, deletePerson, erasePerson, exportPerson, getPerson, listPeople, personInput, requireMember, updatePerson } from './people.service.js';

/** Personal data: reads need a signed-in account or a script token's actor; the admin token acts as a platform administrator. */
const reader = (c: any): Actor => requireMember(getActor(c));

export const peopleRoutes = [
  route({ method: 'get', path: '/api/people', tag: 'people', summary: 'People (contacts) — signed-in members only', query: listQuery.extend({ organisationId: z.string().max(120).optional() }),
    handler: ({ c, db, query }) => { reader(c); return listPeople(db, query); } }),
  route({ method: 'get', path: '/api/people/:id', tag: 'people', summary: 'One person — signed-in members only',
    handler: ({ c, db, params }) => { reader(c); return getPerson(db, params.id); } }),
  route({ method: 'post', path: '/api/people', tag: 'people', summary: 'Add a person', body: personInput, write: true, status: 201,
    handler: ({ c, db, body }) => createPerson(db, body, writeContext(c)) }),
  route({ method: 'put', path: '/api/people/:id', tag: 'people', summary: 'Update a person (send the version you read)', body: withVersion(personInput).omit({ id: true }), write: true,
    handler: ({ c, db, params, body }) => updatePerson(db, params.id, body as Parameters<typeof updatePerson>[2], writeContext(c)) }),
  route({ method: 'delete', path: '/api/people/:id', tag: 'people', summary: 'Delete a person', write: true, status: 204,
    handler: ({ c, db, params }) => deletePerson(db, params.id, writeContext(c)) }),
  route({ method: 'get', path: '/api/people/:id/export', tag: 'people', summary: 'Everything held about a person, as JSON (right of access); audited',
    handler: ({ c, db, params }) => exportPerson(db, reader(c), params.id) }),
  route({ method: 'post', path: '/api/people/:id/erase', tag: 'people', summary: 'Erase a person on request: anonymised, records kept; audited', write: true,
    handler: ({ c, db, params }) => erasePerson(db, writeContext(c).actor as Actor, params.id) }),
];
