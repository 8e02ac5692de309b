/**
 * Search over every record kind: folded (case- and accent-free) prefix matching on words, ranked by
 * relevance × kind weight, with facet counts over the matching set.
 *
 * Every condition is one tsquery on the one GIN-indexed tsvector: the words typed, and the facet filters as
 * lexemes (`~th:env`, `~c:VN`… see migration 0007). Up to EXACT matches, everything is exact. Above, the cost
 * would follow the number of matches (a broad word matches half of a million projects), so: the total and the
 * facet counts come from a sample, scaled up and marked `approximate`: the smallest of three nested samples (1/512,
 * 1/64, 1/8 of the records by a stable hash) that holds enough matches — each a single lexeme, which GIN intersects
 * with the words; ranking runs over a bounded set of candidates (exact and prefix title matches, title-word
 * matches, the sampled matches). Latency then follows the page size, not the size of the result set.
 */
import { foldedWords, type SearchQuery } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { emptyFacets, FACET_PREFIX, facetCounts, labelFacets, type FacetName, type Facets } from './search.facets.js';

/** Nested sample levels (migration 0007): one bucket of 512, of 64, one group of 8 buckets. */
const LEVELS = [{ lexeme: '~u:0', scale: 512 }, { lexeme: '~s:0', scale: 64 }, { lexeme: '~g:0', scale: 8 }] as const;
/** up to this many (estimated) matches, totals, facets and ranking are exact */
const EXACT = 2000;
/** a sample is used when it holds at least this many matches */
const MIN_SAMPLE = 250;
/** ranking candidates of larger sets, per source */
const CANDIDATES = 240;
// (with words, the sampled matches bring a third of it: the titles holding the words bring the rest)

/** A lexeme quoted for tsquery input. */
const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export interface SearchResult { kind: string; id: string; title: string; subtitle: string | null; score: number; url: string }
export interface SearchAnswer { total: number; approximate: boolean; page: number; perPage: number; results: SearchResult[]; facets: Facets }

/** French and English words too common to narrow anything (matched only when nothing else is typed). */
const STOP_WORDS = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'un', 'une', 'sur', 'pour', 'par', 'avec', 'dans',
  'the', 'of', 'and', 'for', 'in', 'to', 'on', 'with']);

/** Past this many words for one prefix, the prefix itself is searched for the last word (slower, but rare), the word alone for others. */
const MAX_EXPANSION = 40;

/**
 * Each typed word stands for every indexed word it begins ("eau" → eau, eaux): expanded through search_word, so the
 * tsquery holds exact lexemes (fast GIN intersections) — `null` for a word, when the prefix itself is kept.
 * An empty list means that no document holds the word.
 */
async function expand(db: Db, words: string[]): Promise<Array<string[] | null>> {
  if (!words.length) return [];
  const rows = await db.query<{ p: string; ws: string[] }>(
    `select p, array(select word from search_word where word >= p and word < p || chr(1114111) order by word limit ${MAX_EXPANSION + 1}) as ws
       from unnest($1::text[]) as p`, [words]);
  const by = new Map(rows.map((r) => [r.p, r.ws]));
  // too many words for a prefix: the last word may still be being typed (prefix kept); an earlier one was typed whole
  return words.map((w, i) => { const ws = by.get(w) ?? []; return ws.length <= MAX_EXPANSION ? ws : i === words.length - 1 ? null : [w]; });
}

const anyOf = (prefix: string, w: string, ws: string[] | null) =>
  ws === null ? `${lexeme(prefix + w)}:*` : `(${ws.map((x) => lexeme(prefix + x)).join(' | ')})`;

/** The query as SQL: `match(extra)` is the condition on tsv, with an optional extra tsquery parameter ANDed in. */
async function plan(db: Db, query: SearchQuery) {
  const params: unknown[] = [];
  const typed = foldedWords(query.q).slice(0, 12);
  // "gestion des déchets": the little words hold in nearly every document; they only slow the intersection down
  const meaningful = typed.filter((w) => !STOP_WORDS.has(w));
  const words = meaningful.length ? meaningful : typed;
  const expanded = await expand(db, words);
  const filters = (Object.entries(FACET_PREFIX) as Array<[FacetName, string]>)
    .filter(([name]) => query[name] !== undefined && query[name] !== '')
    .map(([name, prefix]) => lexeme(`~${prefix}:${query[name]}`));
  const parts: string[] = [];
  if (words.length) { params.push(words.map((w, i) => anyOf('', w, expanded[i])).join(' & ')); parts.push(`$${params.length}::tsquery`); }
  if (filters.length) { params.push(filters.join(' & ')); parts.push(`$${params.length}::tsquery`); }
  const textIdx = words.length ? 1 : 0;
  const filterIdx = filters.length ? params.length : 0;
  const match = (extra?: string) => {
    const all = extra ? [...parts, `${extra}::tsquery`] : parts;
    return all.length ? `where tsv @@ (${all.join(' && ')})` : '';
  };
  const title = words.map((w, i) => anyOf('~a:', w, expanded[i])).join(' & ');
  return { params, words, textIdx, filterIdx, match, title, nothing: expanded.some((x) => x !== null && x.length === 0), phrase: typed.join(' ') };
}

type Plan = Awaited<ReturnType<typeof plan>>;

export async function search(db: Db, query: SearchQuery, lang = 'fr'): Promise<SearchAnswer> {
  const p = await plan(db, query);
  if (p.nothing) return answer(query, 0, false, [], emptyFacets());
  const n = p.params.length;
  const keep = Math.max(p.textIdx ? CANDIDATES / 3 : CANDIDATES, query.page * query.perPage);
  const at = (level: typeof LEVELS[number]) => facetCounts(db, p.match(`$${n + 1}`), [...p.params, lexeme(level.lexeme)], level.scale, keep);
  // the smallest sample first: for a very broad query it is the whole work (and GIN reads the long lists once)
  let sample = await at(LEVELS[0]);
  if (sample.matched < MIN_SAMPLE) {
    sample = await at(LEVELS[1]);
    if (sample.matched * LEVELS[1].scale <= EXACT) {
      const { facets, matched } = await facetCounts(db, p.match(), p.params, 1);
      // straight from the matches (joining them back to search_doc let the planner pick a scan of the whole table)
      const rows = await ranked(db, p, query, `search_doc d ${p.match()}`, p.params);
      return answer(query, matched, false, rows, await labelFacets(db, facets, lang));
    }
    if (sample.matched < MIN_SAMPLE) sample = await at(LEVELS[2]);
  }
  const total = sample.matched * sample.scale;
  const sampled = (at: number) => `select * from unnest($${at}::text[], $${at + 1}::text[]) as s(kind, id)`;
  const ids = [sample.ids.map((x) => x.kind), sample.ids.map((x) => x.id)];
  const rows = p.textIdx
    ? await ranked(db, p, query, candidates(`${sampled(n + 1)} union ${titleCandidates(p, query, n + 2)}`), [...p.params, ...ids, `${p.phrase.replace(/[\\%_]/g, '\\$&')}%`, p.title])
    : await ranked(db, p, query, candidates(sampled(1)), ids);
  return answer(query, total, true, rows, await labelFacets(db, sample.facets, lang));
}

/**
 * Ranking candidates from the titles: titles that are the query or start with it (btree), titles holding every word
 * (the `~a:` lexemes); neither reads the (large) list of every document holding the words.
 */
function titleCandidates(p: Plan, query: SearchQuery, at: number): string {
  const limit = Math.max(CANDIDATES / 2, query.page * query.perPage);
  const filters = p.filterIdx ? ` and tsv @@ $${p.filterIdx}::tsquery` : '';
  return `(select kind, id from search_doc where title_folded like $${at + 1}${filters} limit 50)
    union (select kind, id from search_doc where tsv @@ ($${at + 2}::tsquery${p.filterIdx ? ` && $${p.filterIdx}::tsquery` : ''}) limit ${limit})`;
}

const candidates = (set: string) => `(${set}) c join search_doc d using (kind, id)`;

/** Scores documents (`from` names them `d`) and returns the page asked for. */
async function ranked(db: Db, p: Plan, query: SearchQuery, from: string, params: unknown[]) {
  const at = params.length + 1;
  // relevance of the title (every candidate holds the words somewhere: reading each full tsvector back from TOAST
  // would cost more than the rest of the search), plus a bonus when the title is the query or starts with it, times the
  // kind's weight
  const rank = p.textIdx
    ? `(ts_rank(setweight(to_tsvector('simple', d.title_folded), 'A'), $1::tsquery) + 0.05 + case when d.title_folded = $${at} then 1 when d.title_folded like $${at} || '%' then 0.3 else 0 end) * d.weight`
    : 'd.weight';
  const offset = (query.page - 1) * query.perPage;
  return db.query<{ kind: string; id: string; title: string; subtitle: string | null; score: number }>(
    `select d.kind, d.id, d.title, d.subtitle, (${rank})::float8 as score
       from ${from} order by score desc, d.title, d.id limit ${query.perPage} offset ${offset}`,
    p.textIdx ? [...params, p.phrase] : params);
}

function answer(query: SearchQuery, total: number, approximate: boolean, rows: Array<{ kind: string; id: string; title: string; subtitle: string | null; score: number }>, facets: Facets): SearchAnswer {
  return {
    total, approximate, page: query.page, perPage: query.perPage, facets,
    results: rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, subtitle: r.subtitle, score: Number(Number(r.score).toFixed(5)), url: `/api/${plural(r.kind)}/${encodeURIComponent(r.id)}` })),
  };
}

export function plural(kind: string): string {
  return kind === 'territory' ? 'territories' : `${kind}s`;
}

