/** Funding calls over the API: the catalogue, calls for an organisation ranked by fit, with the reasons (issue 15). */
import { callQuery } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { writeContext } from '../../lib/actor.js';
import { searchCalls } from './funding.query.js';
import { createCall, deleteCall, getCall, updateCall, withOrgs } from './funding.service.js';
import { callsFor } from './funding.fit.js';
import { callInput, fitQuery } from './funding.input.js';

const tag = 'funding calls';

export const fundingRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/funding-calls', tag, summary: 'Funding calls a search selects (words, beneficiary, aid type, theme and its sub-themes, partner country; open ones by default), soonest deadline first',
    query: callQuery, handler: async ({ db, query }) => ({ items: await withOrgs(db, await searchCalls(db, query)) }) }),
  route({ method: 'get', path: '/api/funding-calls/:id', tag, summary: 'A funding call with its funders, instructors and area',
    handler: ({ db, params }) => getCall(db, params.id) }),
  route({ method: 'post', path: '/api/funding-calls', tag, summary: 'Add a funding call (platform administrators and network administrators)',
    body: callInput, write: true, status: 201, handler: ({ c, db, body }) => createCall(db, writeContext(c), body) }),
  route({ method: 'put', path: '/api/funding-calls/:id', tag, summary: 'Change a funding call (platform administrators and network administrators; send the version you read)',
    body: callInput, write: true, handler: ({ c, db, params, body }) => updateCall(db, writeContext(c), params.id, body) }),
  route({ method: 'delete', path: '/api/funding-calls/:id', tag, summary: 'Delete a funding call (platform administrators and network administrators)',
    write: true, status: 204, handler: ({ c, db, params }) => deleteCall(db, writeContext(c), params.id) }),
  route({ method: 'get', path: '/api/organisations/:id/funding-calls', tag, summary: 'The open calls for an organisation ranked by fit (eligibility, partner countries, themes, deadline), each with its reasons {code, ok, params}',
    query: fitQuery, handler: ({ db, params, query }) => callsFor(db, params.id, { today: query.today }) }),
];
