/**
 * Search over every record kind: folded (case- and accent-free) prefix matching on words, ranked by
 * relevance × kind weight, with facet counts over the matching set.
 *
 * Every condition is one tsquery on the one GIN-indexed tsvector: the words typed, and the facet filters as
 * lexemes (`~th:env`, `~c:VN`… see migration 0007). Up to EXACT matches, everything is exact. Above, the cost
 * would follow the number of matches (a broad word matches half of a million projects), so: the total and the
 * facet counts come from a sample of the records by a stable hash, scaled up and marked `approximate`. A first probe
 * reads 1/512 of them (one lexeme, which GIN intersects with the words); when it holds too few matches, the number it
 * (or a second probe of 1/64) found sets the size of the sample read next, so that it holds about TARGET matches —
 * the time a search takes follows the rows it reads. Ranking runs over a bounded set of candidates (exact and prefix
 * title matches, title-word matches — themselves from a sample when the set is very large —, the sampled matches).
 * Latency then follows the page size, not the size of the result set.
 */
import { foldedWords, recordKinds, type SearchQuery } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { emptyFacets, FACET_PREFIX, facetCounts, KEEP_ORDER, labelFacets, type FacetName, type FacetSample, type Facets } from './search.facets.js';
import { withCards, type Card } from './search.cards.js';

/** up to this many (estimated) matches, totals, facets and ranking are exact */
const EXACT = 2000;
/** a sample is used when it holds at least this many matches */
const MIN_SAMPLE = 250;
/** the matches a sample sized from a probe aims at */
const TARGET = 400;
/** ranking candidates of larger sets, per source */
const CANDIDATES = 240;
// (with words, the sampled matches bring a third of it: the titles holding the words bring the rest)

/** A lexeme quoted for tsquery input. */
const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export interface SearchResult extends Card { kind: string; id: string; title: string; subtitle: string | null; score: number; url: string }
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
  // the facet keys asked for ("c:SN"), and the same as filter lexemes ("~c:SN")
  const filterKeys = (Object.entries(FACET_PREFIX) as Array<[FacetName, string]>)
    .filter(([name]) => query[name] !== undefined && query[name] !== '')
    .map(([name, prefix]) => `${prefix}:${query[name]}`);
  const filters = filterKeys.map((k) => lexeme(`~${k}`));
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
  return { params, words, textIdx, filterIdx, filterKeys, match, title, nothing: expanded.some((x) => x !== null && x.length === 0), phrase: typed.join(' ') };
}

type Plan = Awaited<ReturnType<typeof plan>>;

/**
 * A sample: the first k of the 512 (`~u:`), 64 (`~s:`) or 8 (`~g:`) hash buckets of migration 0007, as one tsquery
 * (an OR of k lexemes: short lists, which GIN unions before intersecting them with the words).
 */
interface Sample { tsquery: string; scale: number }
const buckets = (prefix: 'u' | 's' | 'g', count: number, k: number): Sample =>
  ({ tsquery: Array.from({ length: k }, (_, i) => lexeme(`~${prefix}:${i}`)).join(' | '), scale: count / k });
const PROBE = buckets('u', 512, 1), SECOND_PROBE = buckets('s', 64, 1);
/**
 * Title-word candidates of a very large set come from a sample: 1/256 of the records above 128,000 (estimated) matches,
 * 1/64 above 16,000. GIN's time for an AND follows its shortest list, and there every list is long (a common word, a
 * country, a year): the sample's is the short one. Each still brings about a hundred titles or more.
 */
const TITLE_SAMPLES = [{ above: 128000, sample: buckets('u', 512, 2) }, { above: 16000, sample: buckets('s', 64, 1) }];

/** The ids of a set of documents, as two array parameters from $at on. */
const idList = (at: number) => `select * from unnest($${at}::text[], $${at + 1}::text[]) as s(kind, id)`;

/** The smallest sample expected to hold TARGET matches out of `estimate` (null: read them all). */
function sized(estimate: number): Sample | null {
  const fraction = TARGET / estimate;
  for (const [prefix, count] of [['u', 512], ['s', 64], ['g', 8]] as const) {
    const k = Math.ceil(fraction * count);
    if (k <= 8 && k < count) return buckets(prefix, count, k);
  }
  return null;
}

/** `cards`: each result's places, period, amounts and snippet (search.cards.ts); suggestions do without. */
export async function search(db: Db, query: SearchQuery, lang = 'fr', cards = true): Promise<SearchAnswer> {
  const p = await plan(db, query);
  if (p.nothing) return { ...answer(query, 0, false, [], emptyFacets()), results: [] };
  const n = p.params.length;
  const keep = Math.max(p.textIdx ? CANDIDATES / 3 : CANDIDATES, query.page * query.perPage);
  const at = (sample: Sample) => facetCounts(db, p.match(`$${n + 1}`), [...p.params, sample.tsquery], sample.scale, keep, query.sort);
  // the probe first: for a broad query it is the whole work (and GIN reads the long lists once)
  let sample = await at(PROBE);
  if (sample.matched < MIN_SAMPLE) {
    // fewer than 8 matches in 1/512 says little: a second probe of 1/64 tells whether the set is small enough to read whole
    if (sample.matched < 8) sample = await at(SECOND_PROBE);
    const next = sample.matched >= MIN_SAMPLE ? undefined : sample.matched * sample.scale <= EXACT ? null : sized(sample.matched * sample.scale);
    if (next === null) return exact(db, p, query, lang, cards);
    if (next) sample = await at(next);
  }
  const total = Math.round(sample.matched * sample.scale) + await fewKinds(db, p, query, sample, keep);
  const ids = [sample.ids.map((x) => x.kind), sample.ids.map((x) => x.id)];
  // a very large set: title-word candidates from a sample too (among a million projects, the 82,000 titles holding
  // "eau" took 18 ms to collect)
  // (only for the first pages, whose candidates it can fill: deeper pages need every title holding the words)
  const titleSample = query.page * query.perPage <= CANDIDATES / 2 ? TITLE_SAMPLES.find((x) => total > x.above) : undefined;
  const titles = titleSample ? `${p.title} & (${titleSample.sample.tsquery})` : p.title;
  const rows = p.textIdx
    ? await ranked(db, p, query, candidates(`${idList(n + 1)} union ${titleCandidates(p, query, n + 2)}`),
      [...p.params, ...ids, `${p.phrase.replace(/[\\%_]/g, '\\$&')}%`, titles, ...(p.filterKeys.length ? [p.filterKeys] : [])])
    : await ranked(db, p, query, candidates(idList(1)), ids);
  return withCards(db, answer(query, total, true, rows, await labelFacets(db, sample.facets, lang)), p.words, lang, cards);
}

/** Above this many matches in one kind, a kind the sample missed is left out of the kind facet (and its count). */
const FEW = 1000;

/**
 * A kind the sample holds none of (the 300 partnerships among 38,000 territories; the delegations among a million
 * projects) is a small part of the set: its matches are read whole, up to FEW, for the kind facet — every kind shows
 * with its count — and among the ranking candidates (browsing without words lists the partnerships first). GIN
 * intersects the words with the kinds' short lists. Returns the matches added to the sample's total.
 */
async function fewKinds(db: Db, p: Plan, query: SearchQuery, sample: FacetSample, keep: number): Promise<number> {
  if (query.kind) return 0;
  const seen = new Set(sample.facets.kind.map((k) => k.value));
  const missing = recordKinds.filter((k) => !seen.has(k));
  if (!missing.length) return 0;
  const rows = await db.query<{ kind: string; n: number; ids: string[] }>(
    `with s as materialized (select kind, id, weight, title, years, amount from search_doc ${p.match(`$${p.params.length + 1}`)} limit ${FEW})
     select kind, count(*)::int as n, (array_agg(id order by ${KEEP_ORDER[query.sort]}))[1:${keep}] as ids from s group by kind`,
    [...p.params, missing.map((k) => lexeme(`~k:${k}`)).join(' | ')]);
  for (const r of rows) {
    sample.facets.kind.push({ value: r.kind, label: r.kind, count: r.n });
    sample.ids.push(...r.ids.map((id) => ({ kind: r.kind, id })));
  }
  sample.facets.kind.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return rows.reduce((sum, r) => sum + r.n, 0);
}

/**
 * Every match read: exact total and facets, and the ranking over all of them — through their ids, collected in the same
 * pass (scanning the index again let the planner trust its estimate for an OR of many words, and plan for a large set).
 */
async function exact(db: Db, p: Plan, query: SearchQuery, lang: string, cards: boolean): Promise<SearchAnswer> {
  // (a set larger than the probes said is ranked over its first ids by weight)
  const { facets, matched, ids } = await facetCounts(db, p.match(), p.params, 1, EXACT * 5, query.sort);
  const words = p.textIdx ? [p.params[0]] : []; // the ranking's $1
  const rows = await ranked(db, p, query, candidates(idList(words.length + 1)), [...words, ids.map((x) => x.kind), ids.map((x) => x.id)]);
  return withCards(db, answer(query, matched, false, rows, await labelFacets(db, facets, lang)), p.words, lang, cards);
}

/**
 * Ranking candidates from the titles: titles that are the query or start with it (btree, the filters checked on the
 * row's facet keys: a bitmap of a country's documents would cost more), titles holding every word (the `~a:` lexemes);
 * neither reads the (large) list of every document holding the words.
 */
function titleCandidates(p: Plan, query: SearchQuery, at: number): string {
  const limit = Math.max(CANDIDATES / 2, query.page * query.perPage);
  const filters = p.filterKeys.length ? ` and facet_keys @> $${at + 3}::text[]` : '';
  return `(select kind, id from search_doc where title_folded like $${at + 1}${filters} limit 50)
    union (select kind, id from search_doc where tsv @@ ($${at + 2}::tsquery${p.filterIdx ? ` && $${p.filterIdx}::tsquery` : ''}) limit ${limit})`;
}

const candidates = (set: string) => `(${set}) c join search_doc d using (kind, id)`;

/** The page's order per sort (`score` and `latest` computed by `ranked`): equal scores list the most recent records first (their latest year), then by title. */
const ORDER: Record<SearchQuery['sort'], string> = {
  relevance: 'score desc, latest desc nulls last, d.title, d.id',
  date: 'latest desc nulls last, score desc, d.title, d.id',
  amount: 'd.amount desc nulls last, score desc, latest desc nulls last, d.title, d.id',
};

/** Scores documents (`from` names them `d`) and returns the page asked for, in the sort's order. */
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
    `select d.kind, d.id, d.title, d.subtitle, (${rank})::float8 as score, (select max(y) from unnest(d.years) y) as latest
       from ${from} order by ${ORDER[query.sort]}
       limit ${query.perPage} offset ${offset}`,
    p.textIdx ? [...params, p.phrase] : params);
}

type Row = { kind: string; id: string; title: string; subtitle: string | null; score: number };
type Uncarded = Omit<SearchAnswer, 'results'> & { results: Array<Omit<SearchResult, keyof Card>> };
function answer(query: SearchQuery, total: number, approximate: boolean, rows: Row[], facets: Facets): Uncarded {
  return {
    total, approximate, page: query.page, perPage: query.perPage, facets,
    results: rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, subtitle: r.subtitle, score: Number(Number(r.score).toFixed(5)), url: `/api/${plural(r.kind)}/${encodeURIComponent(r.id)}` })),
  };
}

export function plural(kind: string): string {
  return kind === 'territory' ? 'territories' : `${kind}s`;
}


/**
 * Every record a search matches — its words and filters read as `search` reads them — up to `limit`, by weight then title:
 * the selection of a search's download (features/export/export.search.ts). total: the matches, all of them.
 */
export async function searchSelection(db: Db, query: Omit<SearchQuery, 'page' | 'perPage'>, limit: number) {
  const p = await plan(db, { ...query, page: 1, perPage: 1 });
  if (p.nothing) return { total: 0, records: [] };
  const rows = await db.query<{ kind: string; id: string; title: string; subtitle: string | null; total: number }>(
    `select kind, id, title, subtitle, count(*) over ()::int as total from search_doc ${p.match()} order by weight desc, title, kind, id limit ${limit}`, p.params);
  return { total: rows[0]?.total ?? 0, records: rows.map(({ total: _, ...r }) => r) };
}
