/**
 * GET /surveys/:id — the survey's public page (a draft: 404 unless one manages it). POST /surveys/:id/start — an
 * anonymous survey taking answers opens a new answer sheet and redirects to its private link (303); otherwise the
 * page again with why (409).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import type { SurveyView } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import { SurveyPage } from './SurveyPage.js';
import { clientIp, countStart, getSurvey, startResponse } from './server.js';

export async function surveyPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const actor = getActor(c);
  const s = (await getSurvey(db, actor, id)) as SurveyView;
  return c.html(<SurveyPage i={i} s={s} csrf={actor ? csrfToken(c) : null} />);
}

export async function startPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const actor = getActor(c);
  const s = (await getSurvey(db, actor, id)) as SurveyView;
  try {
    await countStart(db, clientIp(c));
    const { token } = await startResponse(db, s.id);
    return c.redirect(i.path(`/survey-responses/${encodeURIComponent(token)}`), 303);
  } catch (err) {
    if (!(err instanceof HttpError) || (err.status !== 409 && err.status !== 429)) throw err;
    const problem = i.t(err.status === 429 ? 'sv.error.busy' : 'sv.error.closed');
    if (err.status === 429) c.header('Retry-After', String(err.extra?.retryAfter ?? 60));
    return c.html(<SurveyPage i={i} s={s} csrf={actor ? csrfToken(c) : null} problem={problem} />, err.status);
  }
}
