/**
 * Answering a survey through a private link: a random token (32 bytes, base64url) of which only the SHA-256 is
 * stored. Anonymous surveys: anyone starts an answer sheet while the survey accepts answers; the row holds no
 * account, registration, address or start time, and its submission time is kept to the day. Registration surveys:
 * the sheets are made by the invitations (surveys.invite.ts), one per registration, editable until the survey
 * closes. A save checks the answers (`checkAnswers`: 400 naming `answers.<key>`); `submit: false` keeps a partial
 * answer to resume later. Nothing here is audited: an answer is the respondent's, not an account's action.
 */
import { randomUUID } from 'node:crypto';
import { checkAnswers, type ResponseInput, type ResponseView, type SurveyAnswers, type SurveyView } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { isAccepting, loadSurveyView, questionsOf, toJsonb } from './surveys.view.js';

interface ResponseRow { id: string; survey_id: string; answers: SurveyAnswers | string; submitted_at: Date | string | null; version: number; registration_id: string | null }
interface SurveyState { mode: string; status: string; source: string; opens_at: unknown; closes_at: unknown }

const answersOf = (r: ResponseRow): SurveyAnswers => (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) ?? {};

/** May this sheet still be changed: the survey takes answers, and it is not submitted (registration surveys: until closing). */
const editable = (s: SurveyState, r: ResponseRow, now: Date) => isAccepting(s, now) && (r.submitted_at == null || s.mode === 'registration');

function viewOf(r: ResponseRow, s: SurveyState, now = new Date()): ResponseView {
  return {
    id: r.id, surveyId: r.survey_id, answers: answersOf(r), submittedAt: r.submitted_at == null ? null : new Date(r.submitted_at).toISOString(),
    editable: editable(s, r, now), version: r.version,
  };
}

async function surveyState(db: Db, id: string, lock = false): Promise<SurveyState | null> {
  const [s] = await db.query<SurveyState>(`select mode, status, source, opens_at, closes_at from survey where id = $1${lock ? ' for share' : ''}`, [id]);
  return s ?? null;
}

async function rowByToken(db: Db, token: string, lock = false): Promise<ResponseRow> {
  const [r] = await db.query<ResponseRow>(`select id, survey_id, answers, submitted_at, version, registration_id from survey_response where token_hash = $1${lock ? ' for update' : ''}`, [sha256(token)]);
  if (!r) throw new NotFoundError('survey answer', 'this link');
  return r;
}

/** Starts an anonymous answer sheet: the token is returned once (the private link); the database keeps its hash only. */
export async function startResponse(db: Db, surveyId: string, now = new Date()): Promise<{ token: string; response: ResponseView }> {
  const s = await surveyState(db, surveyId);
  if (!s || s.status === 'draft') throw new NotFoundError('survey', surveyId);
  if (s.mode !== 'anonymous') throw new HttpError(409, 'this survey is answered through the personal link sent to each registrant by e-mail');
  if (!isAccepting(s, now)) throw new HttpError(409, 'this survey does not take answers now (closed, not open yet, or its results were recorded elsewhere)');
  const token = randomToken();
  const id = `srr-${randomUUID()}`;
  const [row] = await db.query<ResponseRow>(`insert into survey_response (id, survey_id, token_hash) values ($1, $2, $3)
    returning id, survey_id, answers, submitted_at, version, registration_id`, [id, surveyId, sha256(token)]);
  return { token, response: viewOf(row, s, now) };
}

/** The survey and the answer sheet of a private link (404 for an unknown link). */
export async function responseByToken(db: Db, token: string, now = new Date()): Promise<{ survey: SurveyView; response: ResponseView }> {
  const r = await rowByToken(db, token);
  const survey = await loadSurveyView(db, r.survey_id, null);
  return { survey, response: viewOf(r, { mode: survey.mode, status: survey.status, source: survey.source, opens_at: survey.opensAt, closes_at: survey.closesAt }, now) };
}

/**
 * Saves the answers sent (the whole sheet: what is not sent is cleared). `submit` checks the required questions
 * shown; a submitted registration answer stays submitted (each later save checks it again). 409 on a stale
 * version, when the survey no longer takes answers, or when an anonymous answer was already submitted.
 */
export async function saveResponse(db: Db, token: string, input: ResponseInput, now = new Date()): Promise<ResponseView> {
  return db.transaction(async (tx) => {
    const first = await rowByToken(tx, token);
    const s = (await surveyState(tx, first.survey_id, true))!;
    const r = await rowByToken(tx, token, true);
    if (input.version !== undefined && input.version !== r.version) throw new ConflictError('survey answer', 'of this link', r.version, input.version);
    if (!isAccepting(s, now)) throw new HttpError(409, 'this survey no longer takes answers (it is closed or past its closing date): nothing was saved', [{ path: 'closed', message: 'not accepting answers' }]);
    if (r.submitted_at != null && s.mode !== 'registration') throw new HttpError(409, 'this answer was already submitted: it can no longer be changed', [{ path: 'submit', message: 'already submitted' }]);
    const submit = input.submit || r.submitted_at != null;
    const checked = checkAnswers(await questionsOf(tx, r.survey_id), input.answers ?? {}, submit);
    if (checked.errors.length) throw new ValidationError(checked.errors);
    const submittedAt = r.submitted_at != null ? 'submitted_at' : !submit ? 'null' : s.mode === 'anonymous' ? `date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'` : 'now()';
    const [row] = await tx.query<ResponseRow>(`update survey_response set answers = $2::jsonb, submitted_at = ${submittedAt}, version = version + 1 where id = $1
      returning id, survey_id, answers, submitted_at, version, registration_id`, [r.id, toJsonb(checked.answers)]);
    return viewOf(row, s, now);
  });
}
