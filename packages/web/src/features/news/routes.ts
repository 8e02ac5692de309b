/** Page routes of news (issue 15); paths are GET unless written 'POST /path' (routes.tsx). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { newsFeed } from './feeds.js';
import { newsArticlePage, newsListPage } from './pages.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const newsPageRoutes: Array<[string, Handler]> = [
  ['/news', newsListPage],
  ['/news/feed.rss', (c, i, db) => newsFeed(c, i, db, 'rss')],
  ['/news/feed.atom', (c, i, db) => newsFeed(c, i, db, 'atom')],
  ['/news/:id', newsArticlePage],
];
