/** Page routes of surveys (features/surveys); paths are GET unless written 'POST /path' (routes.tsx). */
import { answerRoutes } from './answer.routes.js';
import { resultsRoutes } from './results.routes.js';

export const surveyPageRoutes = [...answerRoutes, ...resultsRoutes];
