/**
 * Page routes of saved searches of funding calls (issue 15). They come before the funding calls' own routes
 * (routes.ts spreads them first), so that `/funding-calls/feed.rss` and `/funding-calls/alerts/…` are not read as a
 * call's id.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { alertIcs, alertRss, publicIcs, publicRss } from './alerts.feeds.js';
import { confirmPage, myAlertsPage, newAlertPage, unsubscribePage } from './alerts.pages.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const alertPageRoutes: Array<[string, Handler]> = [
  ['/funding-calls/feed.rss', publicRss], // any public search's calls (?q=&beneficiary=&aidType=&theme=&country=&open=)
  ['/funding-calls/deadlines.ics', publicIcs],
  ['/funding-calls/alerts/new', newAlertPage], // ?<the search>: the form; POST sends the confirmation mail
  ['POST /funding-calls/alerts/new', newAlertPage],
  ['/funding-calls/alerts/confirm/:token', confirmPage], // private links: GET shows, POST acts
  ['POST /funding-calls/alerts/confirm/:token', confirmPage],
  ['/funding-calls/alerts/unsubscribe/:token', unsubscribePage],
  ['POST /funding-calls/alerts/unsubscribe/:token', unsubscribePage],
  ['/funding-calls/alerts/:feedKey/feed.rss', alertRss], // a confirmed saved search's feeds (the key is their secret)
  ['/funding-calls/alerts/:feedKey/deadlines.ics', alertIcs],
  ['/espace/funding-alerts', myAlertsPage], // a signed-in member's saved searches, with their feeds
  ['POST /espace/funding-alerts', myAlertsPage],
];
