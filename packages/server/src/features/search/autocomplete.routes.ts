/**
 * GET /api/autocomplete/{organisations|territories}?q= — suggestions for the forms' reference fields,
 * through the search index (accent-insensitive, through territory history: "Hai Duong" finds Hải Phòng).
 * Public like the search; no JSX here, so the API can import it.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { route, type RouteDef } from '../../lib/api.js';
import { search } from './search.service.js';

export interface Suggestion { id: string; label: string; detail: string | null }

const query = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(20).default(8),
  lang: z.enum(['fr', 'en', 'vi']).default('fr'),
});

export async function suggest(db: Db, kind: 'organisation' | 'territory', q: string, limit = 8, lang = 'fr'): Promise<{ items: Suggestion[] }> {
  const text = q.trim();
  if (!text) return { items: [] };
  const found = await search(db, { q: text, kind, sort: 'relevance', page: 1, perPage: limit }, lang, false);
  const items: Suggestion[] = found.results.map((r) => ({ id: r.id, label: r.title, detail: r.subtitle }));
  // an identifier typed as such comes first
  if (!items.some((x) => x.id === text)) {
    const table = kind === 'organisation' ? 'organisation' : 'territory';
    const [exact] = await db.query<{ id: string; name: string }>(`select id, name from ${table} where id = $1`, [text]);
    if (exact) items.unshift({ id: exact.id, label: exact.name, detail: null });
  }
  return { items: items.slice(0, limit) };
}

const returns = '{items:[{id, label, detail}]}';
export const autocompleteRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/autocomplete/organisations', tag: 'autocomplete', query, returns,
    summary: 'Suggestions for an organisation field: name, acronym or territory, accent-insensitive, through territory history',
    handler: ({ db, query: x }) => suggest(db, 'organisation', x.q, x.limit, x.lang) }),
  route({ method: 'get', path: '/api/autocomplete/territories', tag: 'autocomplete', query, returns,
    summary: 'Suggestions for a territory field: current and former names, accent-insensitive ("Hai Duong" also finds Hải Phòng)',
    handler: ({ db, query: x }) => suggest(db, 'territory', x.q, x.limit, x.lang) }),
];
