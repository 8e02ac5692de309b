/** Who else works here, on this: actors of a territory and/or a theme ranked by closeness (issue 15). */
import { z } from 'zod';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor } from '../../lib/actor.js';
import { clientIp } from '../audit/audit.js';
import { whoElse } from './who.service.js';
import { contactInput, contactOrganisation } from './who.contact.js';

const tag = 'who-else';
const id = z.string().trim().min(1).max(200);
export const whoQuery = z.object({
  territory: id.optional(), theme: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  lang: z.enum(['fr', 'en', 'vi']).optional(),
}).refine((q) => q.territory || q.theme, { path: ['territory'], message: 'give a territory, a theme or both' });

export const whoRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/who-else', tag, summary: 'Who else works here, on this: organisations taking part in the partnerships and projects at a territory (or near it: across a reform, in it, above it, same country) and/or on a theme (or a sub-theme or parent theme), closest first, with the reasons',
    query: whoQuery, handler: ({ c, db, query }) => whoElse(db, query, getActor(c)) }),
  route({ method: 'post', path: '/api/who-else/contact', tag, summary: 'Write to the members of an organisation through Tandem (signed-in members only; their addresses are never shown; your name, organisation and address as Reply-To; rate-limited, audited)',
    body: contactInput, primary: true, status: 202, returns: '{sent: true}',
    handler: ({ c, db, body }) => contactOrganisation(db, getActor(c), body, clientIp(c)) }),
];
