/** Survey pages: the public page and its answer button, the private answer sheet, the organisers' builder and follow-up (see routes.ts). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { surveyPage, startPage } from './survey.page.js';
import { answerPage } from './answer.page.js';
import { builderPage, newSurveyPage } from './builder.page.js';
import { respondentsPage } from './respondents.page.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const answerRoutes: Array<[string, Handler]> = [
  ['/surveys/:id', surveyPage],
  ['POST /surveys/:id/start', startPage],
  ['/survey-responses/:token', answerPage], // the respondent's private link: noindex, no-referrer, no-store
  ['POST /survey-responses/:token', answerPage],
  ['/espace/surveys/new', newSurveyPage], // organisers
  ['POST /espace/surveys/new', newSurveyPage],
  ['/espace/surveys/:id', builderPage],
  ['POST /espace/surveys/:id', builderPage],
  ['/espace/surveys/:id/respondents', respondentsPage],
  ['POST /espace/surveys/:id/respondents', respondentsPage],
];
