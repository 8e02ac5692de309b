/**
 * The news feeds: RSS 2.0 (/news/feed.rss) and Atom 1.0 (/news/feed.atom), global, per network (?network=ID) or
 * per country (?country=XX). Links are absolute (the public origin); the bodies are the sanitised HTML of the pages,
 * escaped by the `feed` package. An unknown network or country is a 404.
 */
import type { Context } from 'hono';
import { Feed } from 'feed';
import type { Db } from '../../../../server/src/db/client.js';
import { NotFoundError } from '../../../../server/src/lib/errors.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import { filterName, listNews } from '../../../../server/src/features/news/news.service.js';
import type { I18n } from '../../i18n/index.js';
import { renderMarkdown } from '../../components/markdown.js';

export type FeedFormat = 'rss' | 'atom';

/** A plain-text summary as HTML text: feed readers read descriptions as HTML. */
const htmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The filter of a list or feed from its query: one network or one country (checked), or none. */
export async function feedFilter(c: Context, db: Db, i: I18n): Promise<{ network?: string; country?: string; name: string | null; query: string }> {
  const network = c.req.query('network') || undefined;
  const country = network ? undefined : c.req.query('country') || undefined;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new NotFoundError('country', country);
  const name = await filterName(db, { network, country }, i.lang);
  if ((network || country) && !name) throw new NotFoundError(network ? 'network' : 'country', (network ?? country)!);
  const query = network ? `?network=${encodeURIComponent(network)}` : country ? `?country=${country}` : '';
  return { network, country, name, query };
}

export async function newsFeed(c: Context, i: I18n, db: Db, format: FeedFormat): Promise<Response> {
  const f = await feedFilter(c, db, i);
  const origin = publicOrigin(c);
  const page = await listNews(db, { network: f.network, country: f.country, page: 1, perPage: 50 });
  const title = f.name ? i.t(f.country ? 'news.feed.country' : 'news.feed.network', { name: f.name }) : i.t('news.feed.title');
  const list = `${origin}${i.path('/news')}${f.query}`;
  const updated = page.items.reduce((max, n) => (n.updatedAt > max ? n.updatedAt : max), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: list, link: list, title, description: i.t('news.feed.description'), language: i.lang, generator: false,
    updated: new Date(page.items.length ? updated : Date.now()), copyright: 'Tandem',
    feedLinks: { rss: `${origin}${i.path('/news/feed.rss')}${f.query}`, atom: `${origin}${i.path('/news/feed.atom')}${f.query}` },
  });
  for (const n of page.items) {
    const link = `${origin}${i.path(`/news/${encodeURIComponent(n.id)}`)}`;
    const day = new Date(`${n.publishedOn}T00:00:00Z`);
    feed.addItem({
      id: link, guid: link, link, title: n.title, date: new Date(n.updatedAt), published: day,
      description: n.summary ? htmlText(n.summary) : undefined, content: renderMarkdown(n.body, origin),
      // RSS 2.0's <author> must be an e-mail address: the author goes in Atom only
      author: format === 'rss' ? undefined : [{ name: n.author?.name ?? i.t('news.tandem'), link: n.author ? `${origin}${i.path(`/organisations/${encodeURIComponent(n.author.id)}`)}` : origin }],
    });
  }
  const body = format === 'rss' ? feed.rss2() : feed.atom1();
  return c.body(body, 200, { 'content-type': `${format === 'rss' ? 'application/rss+xml' : 'application/atom+xml'}; charset=utf-8` });
}
