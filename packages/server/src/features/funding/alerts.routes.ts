/** Saved searches of funding calls: subscribe, confirm, unsubscribe, the digest, RSS and iCalendar feeds (issue 15). */
import type { RouteDef } from '../../lib/api.js';

export const alertRoutes: RouteDef[] = [];
