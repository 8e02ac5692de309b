/** Funding calls over the API: the catalogue, calls for an organisation ranked by fit, with the reasons (issue 15). */
import type { RouteDef } from '../../lib/api.js';

export const fundingRoutes: RouteDef[] = [];
