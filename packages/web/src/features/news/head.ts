/** The feeds a page advertises in its head: the global news feeds always, then the page's own (a network's, a country's). */
import type { I18n } from '../../i18n/index.js';

export interface FeedLink { type: string; href: string; title: string }

/** The RSS and Atom feeds of a list of news (query: '' or '?network=ID' / '?country=XX'). */
export function feedLinks(i: I18n, query = '', name: string | null = null, country = false): FeedLink[] {
  const title = name ? i.t(country ? 'news.feed.country' : 'news.feed.network', { name }) : i.t('news.feed.title');
  return [{ type: 'application/rss+xml', href: i.path(`/news/feed.rss${query}`), title: `${title} (RSS)` },
    { type: 'application/atom+xml', href: i.path(`/news/feed.atom${query}`), title: `${title} (Atom)` }];
}

export function headFeeds(i: I18n, own: FeedLink[] = []): FeedLink[] {
  const global = feedLinks(i);
  return [...global, ...own.filter((f) => !global.some((g) => g.href === f.href))];
}
