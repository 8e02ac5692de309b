/** Survey results over the API: counts and charts' data, breakdowns, the summary CSV and the report as PDF (h-sres fills this). */
import type { RouteDef } from '../../lib/api.js';

export const surveyResultsRoutes: RouteDef[] = [];
