/** News over the API: articles linked to records, and the RSS 2.0 / Atom feeds (issue 15). */
import type { RouteDef } from '../../lib/api.js';

export const newsRoutes: RouteDef[] = [];
