/** News over the API: articles linked to records (the RSS 2.0 / Atom feeds are pages: web features/news). */
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext, type Actor } from '../../lib/actor.js';
import { newsInput, newsListQuery } from './news.schema.js';
import { createNews, deleteNews, getNews, listNews, updateNews } from './news.service.js';

const tag = 'news';
/** The writer: a signed-in account (the admin token acts as a platform administrator). */
const writer = (c: Parameters<typeof getActor>[0]): Actor => writeContext(c).actor as Actor;

export const newsRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/news', tag, summary: 'News, newest first: by a network (network=ID), about a country (country=XX) or about a record (record=kind:id); paged',
    query: newsListQuery, returns: 'a page of news', handler: ({ db, query }) => listNews(db, query) }),
  route({ method: 'post', path: '/api/news', tag, summary: 'Publish a news item (a network\'s administrators for the network; platform administrators for Tandem): Markdown body, links to records',
    body: newsInput, write: true, status: 201, handler: ({ c, db, body }) => createNews(db, writer(c), body) }),
  route({ method: 'get', path: '/api/news/:id', tag, summary: 'A news item with the records it is about', handler: ({ db, params }) => getNews(db, params.id) }),
  route({ method: 'put', path: '/api/news/:id', tag, summary: 'Change a news item (its publishers; send the version you read: 409 when stale)',
    body: newsInput, write: true, handler: ({ c, db, params, body }) => updateNews(db, writer(c), params.id, body) }),
  route({ method: 'delete', path: '/api/news/:id', tag, summary: 'Delete a news item (its publishers)', write: true, status: 204,
    handler: ({ c, db, params }) => deleteNews(db, writer(c), params.id) }),
];
