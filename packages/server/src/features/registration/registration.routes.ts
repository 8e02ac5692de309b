/**
 * Registration over the API. Public: an event's form, registering, the consenting participants. The registrant:
 * their registration through the private link's token (read, change, cancel, take an offered place). Organisers
 * (members of the event's host organisations, platform administrators): the form, the registrations and their CSV,
 * moderation, the waiting list's order, messages. Nobody else reads a registration (404).
 */
import { assertSeesEvent } from '../groups/meetings.js';
import { z } from 'zod';
import {
  acceptOfferInput, messageInput, moderateInput, registrationChange, registrationFormInput, registrationInput, registrationStatusQuery,
  registrationTokenSchema, reorderInput,
} from '@tandem/shared';
import { route } from '../../lib/api.js';
import { HttpError, NotFoundError } from '../../lib/errors.js';
import { registrationsOf } from './registration.privacy.js';
import { getActor, writeContext } from '../../lib/actor.js';
import { publicOrigin } from '../auth/urls.js';
import { clientIp } from '../audit/audit.js';
import { getForm, saveForm } from './registration.form.js';
import { listRegistrations, messageRegistrants, moderate, registrationsCsv, reorderWaiting } from './registration.organisers.js';
import { acceptOffer, byToken, cancelByToken, changeByToken, publicParticipants, register } from './registration.service.js';

const tag = 'registration';
const tokenParams = z.object({ token: registrationTokenSchema });
const organiser = (c: any) => getActor(c);

export const registrationRoutes = [
  route({ method: 'get', path: '/api/events/:id/registration-form', tag, summary: 'An event\'s registration form: dates, places left (event and workshops), fields; 404 when it takes no registrations',
    handler: async ({ c, db, params }) => { await assertSeesEvent(db, getActor(c), params.id); return (await getForm(db, params.id)) ?? Promise.reject(new NotFoundError('registration form', params.id)); } }),
  route({ method: 'put', path: '/api/events/:id/registration-form', tag, summary: 'Create or change the registration form (organisers; send the version you read to change it)',
    body: registrationFormInput, write: true, handler: ({ c, db, params, body }) => saveForm(db, writeContext(c).actor, params.id, body) }),
  route({ method: 'post', path: '/api/events/:id/registrations', tag, summary: 'Register to an event: pending (moderated), accepted or waiting; the private link\'s token is in this answer and the e-mail only (429 with Retry-After past 5 registrations per e-mail address or 100 per client an hour)',
    body: registrationInput, status: 201, primary: true, returns: '{registration, token}',
    handler: async ({ c, db, params, body }) => {
      await assertSeesEvent(db, getActor(c), params.id);
      return register(db, params.id, body, { actor: getActor(c), origin: publicOrigin(c), limits: { client: clientIp(c) } }); // 429 past the limits
    } }),
  route({ method: 'get', path: '/api/events/:id/participants', tag, summary: 'The participants who agreed to be listed (accepted only): name and organisation',
    handler: async ({ c, db, params }) => { await assertSeesEvent(db, getActor(c), params.id); return publicParticipants(db, params.id); } }),
  route({ method: 'get', path: '/api/registrations/:token', tag, summary: 'My registration, through the private link', params: tokenParams, primary: true,
    handler: ({ db, params }) => byToken(db, params.token) }),
  route({ method: 'patch', path: '/api/registrations/:token', tag, summary: 'Change my registration (name, language, organisation, answers, workshops, consent; send the version you read)',
    params: tokenParams, body: registrationChange, primary: true, handler: ({ db, params, body }) => changeByToken(db, params.token, body) }),
  route({ method: 'post', path: '/api/registrations/:token/cancel', tag, summary: 'Cancel my registration (its place goes to the waiting list)', params: tokenParams, primary: true,
    handler: ({ db, params }) => cancelByToken(db, params.token) }),
  route({ method: 'post', path: '/api/registrations/:token/accept', tag, summary: 'Take the place offered to me before its deadline: the event\'s ({}) or a workshop\'s ({sessionId})',
    params: tokenParams, body: acceptOfferInput, primary: true,
    handler: ({ c, db, params, body }) => acceptOffer(db, params.token, { sessionId: body.sessionId, origin: publicOrigin(c) }) }),
  route({ method: 'get', path: '/api/me/registrations', tag, summary: 'My registrations to events (signed in: those made with my account or its e-mail), newest first',
    handler: ({ c, db }) => {
      const me = getActor(c);
      if (!me || !me.email) throw new HttpError(401, 'sign in to see your registrations (or open the link of your e-mail)');
      return registrationsOf(db, { email: me.email, accountId: me.accountId });
    } }),
  route({ method: 'get', path: '/api/events/:id/registrations', tag, summary: 'The registrations of an event with counts by status, the waiting list in order (organisers)',
    query: registrationStatusQuery, primary: true, handler: ({ c, db, params, query }) => listRegistrations(db, organiser(c), params.id, query) }),
  route({ method: 'get', path: '/api/events/:id/registrations.csv', tag, summary: 'The registrations of an event as CSV, answers as columns (organisers; audited)',
    produces: 'text/csv', primary: true, handler: async ({ c, db, params }) => new Response(await registrationsCsv(db, organiser(c), params.id), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="registrations-${params.id.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"` } }) }),
  route({ method: 'post', path: '/api/events/:id/registrations/moderate', tag, summary: 'Accept (a place if one is left, else the waiting list) or decline registrations (organisers)',
    body: moderateInput, write: true, handler: ({ c, db, params, body }) => moderate(db, writeContext(c).actor, params.id, body.ids, body.decision, publicOrigin(c)) }),
  route({ method: 'post', path: '/api/events/:id/registrations/reorder', tag, summary: 'Put the waiting list (of the event, or of a workshop) in a new order: these first (organisers)',
    body: reorderInput, write: true, handler: ({ c, db, params, body }) => reorderWaiting(db, writeContext(c).actor, params.id, body.ids, body.sessionId) }),
  route({ method: 'post', path: '/api/events/:id/registrations/message', tag, summary: 'Send a message to the registrants of a status (organisers; audited)',
    body: messageInput, write: true, handler: ({ c, db, params, body }) => messageRegistrants(db, writeContext(c).actor, params.id, body) }),
];
