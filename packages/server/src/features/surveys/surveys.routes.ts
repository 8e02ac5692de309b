/** Surveys over the API: building, opening and closing, answering through the private link, invitations, reminders, identified answers (h-sapi fills this). */
import type { RouteDef } from '../../lib/api.js';

export const surveyRoutes: RouteDef[] = [];
