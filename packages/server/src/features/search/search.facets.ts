/** Facet counts of a set of search documents (one pass, one hash aggregate), scaled when the set is a sample, then labelled. */
import { flattenThemes, localName, type SearchSort } from '@tandem/shared';
import type { Db } from '../../db/client.js';

export const FACET_NAMES = ['kind', 'country', 'territory', 'theme', 'orgKind', 'funder', 'year', 'status'] as const;
export type FacetName = typeof FACET_NAMES[number];
export type Facets = Record<FacetName, Array<{ value: string; label: string; count: number }>>;
const FACET_LIMIT = 30;
const themeLabel = new Map(flattenThemes().map((t) => [t.id, t.labels]));

/** The prefixes of search_doc.facet_keys and of the `~` lexemes (migration 0007). */
export const FACET_PREFIX: Record<FacetName, string> = { kind: 'k', country: 'c', territory: 't', theme: 'th', orgKind: 'ok', funder: 'f', year: 'y', status: 'st' };
const BY_PREFIX = new Map(Object.entries(FACET_PREFIX).map(([name, prefix]) => [prefix, name as FacetName]));

export const emptyFacets = () => Object.fromEntries(FACET_NAMES.map((k) => [k, []])) as unknown as Facets;

export interface FacetSample { facets: Facets; matched: number; scale: number; ids: Array<{ kind: string; id: string }> }

/** The order candidates are kept in, per sort: over search_doc's columns (`weight`, `years`, `amount`, `title`, `id`). */
export const KEEP_ORDER: Record<SearchSort, string> = {
  relevance: 'weight desc, title, id',
  date: '(select max(y) from unnest(years) y) desc nulls last, weight desc, title, id',
  amount: 'amount desc nulls last, weight desc, title, id',
};

/**
 * Facet counts of the documents `where` selects (or of a sample of them: every count is multiplied by `scale`), the number
 * of documents seen, and the first `keep` of them in the sort's order (ranking candidates, without reading them again).
 */
export async function facetCounts(db: Db, where: string, params: unknown[], scale: number, keep = 0, sort: SearchSort = 'relevance'): Promise<FacetSample> {
  const rows = await db.query<{ key: string | null; n: number; ids: string[] | null }>(
    `with s as materialized (select kind, id, weight, title, years, amount, facet_keys from search_doc ${where})
     select key, count(*)::int as n, null::text[] as ids from s, unnest(facet_keys) key group by key
     union all select null, count(*)::int, ${keep ? `(array_agg(kind || '/' || id order by ${KEEP_ORDER[sort]}))[1:${keep}]` : 'null::text[]'} from s`, params);
  const out = Object.fromEntries(FACET_NAMES.map((k) => [k, [] as Facets[FacetName]])) as Facets;
  let matched = 0, ids: FacetSample['ids'] = [];
  for (const r of rows) {
    if (r.key === null) { matched = r.n; ids = (r.ids ?? []).map((x) => { const i = x.indexOf('/'); return { kind: x.slice(0, i), id: x.slice(i + 1) }; }); continue; }
    // one document of a sample says nothing of how many there are ("Royaume-Uni ≈ 85" for the one British commune seen)
    if (scale > 1 && r.n < 2) continue;
    const at = r.key.indexOf(':'), facet = BY_PREFIX.get(r.key.slice(0, at));
    if (facet) out[facet].push({ value: r.key.slice(at + 1), label: r.key.slice(at + 1), count: Math.round(r.n * scale) });
  }
  for (const k of FACET_NAMES) {
    out[k].sort((a, b) => (k === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    out[k] = out[k].slice(0, k === 'year' ? 100 : FACET_LIMIT);
  }
  return { facets: out, matched, scale, ids };
}

/**
 * Territory, organisation and theme names for the facet values, in the language asked for. A place appears once, under
 * its name in that language: former units (the provinces before Vietnam's 2025 reform) are left out of the territory
 * facet, since every record placed at one is also counted under the unit that succeeded it (TerritoryContext.facetIds),
 * and so are countries, which have their own.
 */
export async function labelFacets(db: Db, out: Facets, lang: string): Promise<Facets> {
  const terrIds = [...out.country, ...out.territory].map((x) => x.value);
  // places and funders named in one statement, and only when the facets hold some
  const funderIds = out.funder.map((x) => x.value);
  const rows = terrIds.length || funderIds.length ? await db.query<{ k: string; id: string; kind: string | null; name: string; names: Record<string, string> | null; valid_to: string | null; acronyms: string[] | null }>(
    `select 't' as k, id, kind, name, names, valid_to::text, null::text[] as acronyms from territory where id = any($1::text[])
     union all select 'o', id, null, name, null, null, acronyms from organisation where id = any($2::text[])`, [terrIds, funderIds]) : [];
  const terr = new Map(rows.filter((r) => r.k === 't').map((t) => [t.id, t]));
  const orgs = new Map(rows.filter((r) => r.k === 'o').map((o) => [o.id, o.acronyms?.[0] ? `${o.name} (${o.acronyms[0]})` : o.name]));
  for (const x of [...out.country, ...out.territory]) { const t = terr.get(x.value); x.label = t ? localName(t, lang) : x.value; }
  // (countries have their own facet)
  out.territory = out.territory.filter((x) => { const t = terr.get(x.value); return !t?.valid_to && t?.kind !== 'country'; });
  for (const x of out.funder) x.label = orgs.get(x.value) ?? x.value;
  for (const x of out.theme) { const l = themeLabel.get(x.value) as Record<string, string> | undefined; x.label = l?.[lang] ?? l?.fr ?? x.value; }
  return out;
}
