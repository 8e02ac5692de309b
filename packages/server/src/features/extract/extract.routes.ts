/** The knowledge-capture API (issue 16): filled by the review helper. */
import type { RouteDef } from '../../lib/api.js';

export const extractRoutes: RouteDef[] = [];
