/** Groups over the API: networks, country and thematic groups, memberships, offices, funders, meetings (issue 15). */
import type { RouteDef } from '../../lib/api.js';

export const groupRoutes: RouteDef[] = [];
