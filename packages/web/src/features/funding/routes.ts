/**
 * Page routes of funding (issue 15); paths are GET unless written 'POST /path' (routes.tsx). The saved-search
 * pages (`/funding-calls/alerts/...`, h-alerts) go before '/funding-calls/:id' (its id never takes 'alerts').
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { fundingListPage, fundingCallPage, myFundingCallsPage } from './pages.js';
import { alertPageRoutes } from './alerts.routes.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const fundingPageRoutes: Array<[string, Handler]> = [
  ...alertPageRoutes, // saved searches: subscription pages, their feeds, public feeds (first: before /funding-calls/:id)
  ['/funding-calls', fundingListPage],
  ['/espace/funding-calls', myFundingCallsPage],
  ['/funding-calls/:id{(?!alerts$)[^/]+}', fundingCallPage],
];
