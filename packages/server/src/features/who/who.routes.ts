/** Who else works here, on this: actors of a territory and/or a theme ranked by closeness (issue 15). */
import type { RouteDef } from '../../lib/api.js';

export const whoRoutes: RouteDef[] = [];
