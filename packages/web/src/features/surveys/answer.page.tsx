/**
 * GET/POST /survey-responses/:token — the answer sheet of a private link. POST action = save (partial, to resume
 * through the same link) | submit; it redirects with `?saved=` (303) or shows the form again with the answers kept
 * and each error next to its question. Never indexed, never cached, never leaked through a Referer.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { responseInput, type ResponseView, type SurveyView } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import { privateHeaders } from '../registration/registration.page.js';
import { AnswerPage, SAVED, answerErrors } from './AnswerPage.js';
import { readAnswers } from './questions.js';
import { checked, responseByToken, saveResponse } from './server.js';

export async function answerPage(c: Context, i: I18n, db: Db): Promise<Response> {
  privateHeaders(c);
  const token = c.req.param('token') as string;
  const path = `/survey-responses/${encodeURIComponent(token)}`;
  const { survey: s, response: r } = (await responseByToken(db, token)) as { survey: SurveyView; response: ResponseView };
  if (c.req.method !== 'POST') {
    const saved = c.req.query('saved');
    return c.html(<AnswerPage i={i} s={s} r={r} path={path} saved={saved && (SAVED as readonly string[]).includes(saved) ? saved : null} />);
  }
  const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, string>));
  const submit = body.action === 'submit';
  const answers = readAnswers(s, body);
  try {
    await saveResponse(db, token, checked(responseInput, { answers, submit, version: Number(body.version) || r.version }));
    return c.redirect(`${i.path(path)}?saved=${submit ? 'submitted' : 'partial'}`, 303);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500 || err.status === 404) throw err;
    const fresh = (await responseByToken(db, token)) as { survey: SurveyView; response: ResponseView };
    if (err.status === 409) {
      const closed = !fresh.survey.accepting || !fresh.response.editable;
      return c.html(<AnswerPage i={i} s={fresh.survey} r={fresh.response} path={path} problem={i.t(closed ? 'sv.error.closed' : 'sv.error.stale')} />, 409);
    }
    return c.html(<AnswerPage i={i} s={s} r={r} path={path} values={answers} errors={answerErrors(i, s, err.issues ?? [{ path: '', message: err.message }])} />, 400);
  }
}
