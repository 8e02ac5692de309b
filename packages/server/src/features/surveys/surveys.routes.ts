/**
 * Surveys over the API: building, opening and closing (the survey's organisers: surveys.access.ts), answering
 * through the private link (anyone holding it), invitations and reminders to an event's registrants, the
 * respondents and the identified answers' CSV (organisers only; audited).
 */
import { z } from 'zod';
import { responseInput, surveyInput, surveyListQuery, surveyStatusInput, surveyTokenSchema } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext, type Actor } from '../../lib/actor.js';
import { publicOrigin } from '../auth/urls.js';
import { createSurvey, deleteSurvey, getSurvey, listSurveys, setSurveyStatus, updateSurvey } from './surveys.service.js';
import { countStart, responseByToken, saveResponse, startResponse } from './surveys.responses.js';
import { clientIp } from '../audit/audit.js';
import { answersCsv, inviteRegistrants, remindPending, respondents } from './surveys.invite.js';

const tag = 'surveys';
const tokenParams = z.object({ token: surveyTokenSchema });
const langQuery = z.object({ lang: z.enum(['fr', 'en', 'vi']).default('fr') });
/** The writer: a signed-in account (a system token acts as a platform administrator). */
const writer = (c: Parameters<typeof getActor>[0]): Actor => writeContext(c).actor as Actor;

export const surveyRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/surveys', tag, summary: 'Surveys of an event (or given back at a restitution meeting), of a group, of an organisation; drafts for their organisers only; newest first',
    query: surveyListQuery, handler: ({ c, db, query }) => listSurveys(db, getActor(c), query) }),
  route({ method: 'post', path: '/api/surveys', tag, summary: 'Create a survey (members of the organisation, its network\'s administrators, the event\'s organisers): settings, sections and questions',
    body: surveyInput, write: true, status: 201, handler: ({ c, db, body }) => createSurvey(db, writer(c), body) }),
  route({ method: 'get', path: '/api/surveys/:id', tag, summary: 'A survey with its sections and questions (a draft: its organisers only)', primary: true,
    handler: ({ c, db, params }) => getSurvey(db, getActor(c), params.id) }),
  route({ method: 'put', path: '/api/surveys/:id', tag, summary: 'Change a survey, its sections and questions (organisers; send the version you read); answers are kept by question key',
    body: surveyInput, write: true, handler: ({ c, db, params, body }) => updateSurvey(db, writer(c), params.id, body) }),
  route({ method: 'delete', path: '/api/surveys/:id', tag, summary: 'Delete a survey (organisers); one holding submitted answers is kept: close it', write: true, status: 204,
    handler: ({ c, db, params }) => deleteSurvey(db, writer(c), params.id) }),
  route({ method: 'post', path: '/api/surveys/:id/status', tag, summary: 'Open, close or reopen a survey, or turn it back into a draft while it holds no answer (organisers; send the version you read)',
    body: surveyStatusInput, write: true, handler: ({ c, db, params, body }) => setSurveyStatus(db, writer(c), params.id, body) }),
  route({ method: 'post', path: '/api/surveys/:id/responses', tag, summary: 'Start an anonymous answer: the private link\'s token is in this answer only (nothing ties it to you)',
    status: 201, primary: true, returns: '{token, response}',
    handler: async ({ c, db, params }) => { await countStart(db, clientIp(c)); return startResponse(db, params.id); } }),
  route({ method: 'get', path: '/api/survey-responses/:token', tag, summary: 'The survey and my answer sheet, through the private link', params: tokenParams, primary: true,
    handler: ({ db, params }) => responseByToken(db, params.token) }),
  route({ method: 'put', path: '/api/survey-responses/:token', tag, summary: 'Save my answers (submit: false keeps a partial answer to resume; send the version you read)',
    params: tokenParams, body: responseInput, primary: true, handler: ({ db, params, body }) => saveResponse(db, params.token, body) }),
  route({ method: 'post', path: '/api/surveys/:id/invitations', tag, summary: 'Invite the accepted registrants of the event not invited yet, each by mail with a private link (organisers; registration surveys)',
    write: true, handler: ({ c, db, params }) => inviteRegistrants(db, writer(c), params.id, publicOrigin(c)) }),
  route({ method: 'post', path: '/api/surveys/:id/reminders', tag, summary: 'Remind those who have not submitted their answer, each with a new private link (organisers)',
    write: true, handler: ({ c, db, params }) => remindPending(db, writer(c), params.id, publicOrigin(c)) }),
  route({ method: 'get', path: '/api/surveys/:id/respondents', tag, summary: 'Invited, started, submitted, and the registrants who have not answered (organisers)', primary: true,
    handler: ({ c, db, params }) => respondents(db, getActor(c), params.id) }),
  route({ method: 'get', path: '/api/surveys/:id/answers.csv', tag, summary: 'The submitted answers as CSV, one line each (organisers; registration surveys: name and organisation; audited)',
    query: langQuery, produces: 'text/csv', primary: true, handler: async ({ c, db, params, query }) => new Response(await answersCsv(db, getActor(c), params.id, query.lang), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="survey-answers-${params.id.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`, 'cache-control': 'no-store' } }) }),
];
