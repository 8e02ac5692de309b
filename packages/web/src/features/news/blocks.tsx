/**
 * News blocks for other pages: « Actualités » on a record's sheet (the news that point to it), a group's news
 * (NewsForGroup, for the group page) and the latest three on the home page.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { listNews } from '../../../../server/src/features/news/news.service.js';
import { newsLinkKinds } from '../../../../server/src/features/news/news.schema.js';
import type { I18n } from '../../i18n/index.js';
import { NewsBlock } from './NewsPages.js';

/** The sheet's « Actualités »: the news linked to this record (nothing when none, or for a kind news do not link). */
export async function newsAbout(_c: Context, i: I18n, db: Db, kind: string, id: string) {
  if (!(newsLinkKinds as readonly string[]).includes(kind)) return null;
  const page = await listNews(db, { record: `${kind}:${id}`, perPage: 10 });
  return <NewsBlock i={i} items={page.items} id="news-about-record-h" />;
}

/** A group's news (published by the network, or about it), for the group page. */
export async function NewsForGroup(props: { i: I18n; db: Db; groupId: string }) {
  const { i, db, groupId } = props;
  const [by, about] = await Promise.all([listNews(db, { network: groupId, perPage: 5 }), listNews(db, { record: `organisation:${groupId}`, perPage: 5 })]);
  const items = [...by.items, ...about.items.filter((a) => !by.items.some((b) => b.id === a.id))]
    .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)).slice(0, 5);
  return <NewsBlock i={i} items={items} id="news-group-h" more={i.path(`/news?network=${encodeURIComponent(groupId)}`)} />;
}

/** The home page's latest three news. */
export async function latestNews(i: I18n, db: Db) {
  const page = await listNews(db, { perPage: 3 });
  return <NewsBlock i={i} items={page.items} title="news.home" id="news-home-h" />;
}
