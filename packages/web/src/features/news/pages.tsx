/** GET /news and GET /news/:id (404 for an unknown news item, network or country). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getNews, listNews, newsFilters } from '../../../../server/src/features/news/news.service.js';
import type { I18n } from '../../i18n/index.js';
import { feedFilter } from './feeds.js';
import { NewsArticlePage, NewsListPage } from './NewsPages.js';

export async function newsListPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const filter = await feedFilter(c, db, i);
  const wanted = Number(c.req.query('page') ?? '1');
  const page = Number.isInteger(wanted) && wanted >= 1 && wanted <= 100_000 ? wanted : 1;
  const [list, filters] = await Promise.all([listNews(db, { network: filter.network, country: filter.country, page, perPage: 20 }), newsFilters(db, i.lang)]);
  return c.html(<NewsListPage i={i} items={list.items} total={list.total} page={list.page} pages={list.pages} filters={filters} filter={filter} />);
}

export async function newsArticlePage(c: Context, i: I18n, db: Db): Promise<Response> {
  const n = await getNews(db, c.req.param('id') as string);
  return c.html(<NewsArticlePage i={i} n={n} />);
}
