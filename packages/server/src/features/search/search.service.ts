/**
 * Search over every record kind: folded (case- and accent-free) prefix matching on words, ranked by
 * relevance × kind weight, with facet counts over the matching set.
 */
import { flattenThemes, foldedWords, type SearchQuery } from '@tandem/shared';
import type { Db } from '../../db/client.js';

const FACETS = { kind: 'kind', country: 'countries', territory: 'territories', theme: 'themes', orgKind: 'org_kinds', funder: 'funders', year: 'years', status: 'status' } as const;
type FacetName = keyof typeof FACETS;
const ARRAY_FACETS = new Set(['countries', 'territories', 'themes', 'org_kinds', 'funders', 'years']);
const themeLabel = new Map(flattenThemes().map((t) => [t.id, t.labels]));
const FACET_LIMIT = 30;

/** "Thừa Thiên Huế" → "thua:* & thien:* & hue:*"; empty when nothing searchable. */
export function toTsQuery(q: string): string {
  return foldedWords(q).slice(0, 12).map((w) => `${w}:*`).join(' & ');
}

export interface SearchResult { kind: string; id: string; title: string; subtitle: string | null; score: number; url: string }

export async function search(db: Db, query: SearchQuery, lang = 'fr') {
  const params: unknown[] = [];
  const where: string[] = [];
  const tsq = toTsQuery(query.q);
  const phrase = foldedWords(query.q).join(' ');
  if (tsq) { params.push(tsq); where.push(`tsv @@ to_tsquery('simple', $1)`); }
  for (const [name, col] of Object.entries(FACETS) as Array<[FacetName, string]>) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    params.push(value);
    const type = col === 'years' ? 'integer[]' : 'text[]';
    where.push(ARRAY_FACETS.has(col) ? `${col} @> array[$${params.length}]::${type}` : `${col} = $${params.length}`);
  }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  // relevance, plus a bonus when the title is the query or starts with it, times the kind's weight
  const rank = tsq
    ? `(ts_rank(tsv, to_tsquery('simple', $1)) + case when title_folded = $${params.length + 1} then 1 when title_folded like $${params.length + 1} || '%' then 0.3 else 0 end) * weight`
    : 'weight';
  const offset = (query.page - 1) * query.perPage;
  const rows = await db.query(
    `select kind, id, title, subtitle, (${rank})::float8 as score
       from search_doc ${w} order by score desc, title, id limit ${query.perPage} offset ${offset}`, tsq ? [...params, phrase] : params);
  const facets = await facetCounts(db, w, params, lang);
  // every document has exactly one kind: the kind facet's counts add up to the total (all kinds are kept, unlike other facets)
  const total = facets.kind.reduce((n, f) => n + f.count, 0);
  return {
    total,
    page: query.page,
    perPage: query.perPage,
    results: rows.map((r): SearchResult => ({ kind: r.kind, id: r.id, title: r.title, subtitle: r.subtitle, score: Number(Number(r.score).toFixed(5)), url: `/api/${plural(r.kind)}/${encodeURIComponent(r.id)}` })),
    facets,
  };
}

export function plural(kind: string): string {
  return kind === 'territory' ? 'territories' : `${kind}s`;
}

async function facetCounts(db: Db, w: string, params: unknown[], lang: string) {
  const parts = (Object.entries(FACETS) as Array<[FacetName, string]>).map(([name, col]) =>
    ARRAY_FACETS.has(col)
      ? `select '${name}' as facet, v::text as value, count(*)::int as n from m, unnest(${col}) v group by v`
      : `select '${name}' as facet, ${col}::text as value, count(*)::int as n from m where ${col} is not null group by ${col}`);
  const rows = await db.query<{ facet: FacetName; value: string; n: number }>(
    `with m as (select ${Object.values(FACETS).join(', ')} from search_doc ${w}) ${parts.join(' union all ')}`, params);
  const out = Object.fromEntries(Object.keys(FACETS).map((k) => [k, [] as Array<{ value: string; label: string; count: number }>])) as Record<FacetName, Array<{ value: string; label: string; count: number }>>;
  for (const r of rows) out[r.facet].push({ value: r.value, label: r.value, count: r.n });
  for (const k of Object.keys(out) as FacetName[]) {
    out[k].sort((a, b) => (k === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    out[k] = out[k].slice(0, k === 'year' ? 100 : FACET_LIMIT);
  }
  await labelFacets(db, out, lang);
  return out;
}

async function labelFacets(db: Db, out: Record<FacetName, Array<{ value: string; label: string }>>, lang: string) {
  const terrIds = [...out.country, ...out.territory].map((x) => x.value);
  const names = new Map((await db.query<{ id: string; name: string; names: Record<string, string> }>('select id, name, names from territory where id = any($1::text[])', [terrIds]))
    .map((t) => [t.id, t.names?.[lang] || t.name]));
  const orgs = new Map((await db.query<{ id: string; name: string; acronyms: string[] }>('select id, name, acronyms from organisation where id = any($1::text[])', [out.funder.map((x) => x.value)]))
    .map((o) => [o.id, o.acronyms?.[0] ? `${o.name} (${o.acronyms[0]})` : o.name]));
  for (const x of [...out.country, ...out.territory]) x.label = names.get(x.value) ?? x.value;
  for (const x of out.funder) x.label = orgs.get(x.value) ?? x.value;
  for (const x of out.theme) { const l = themeLabel.get(x.value) as Record<string, string> | undefined; x.label = l?.[lang] ?? l?.fr ?? x.value; }
}
