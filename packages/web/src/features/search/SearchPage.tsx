/** The search page: a plain GET form (works without JavaScript), results as cards, facets as links, the whole state in the URL. */
import { searchSorts, statusesByKind, type SearchSort } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { SearchBox } from './SearchBox.js';
import { SearchDownloads } from '../../components/Downloads.js';
import { ResultCard } from './ResultCard.js';

export const FACET_ORDER = ['kind', 'country', 'territory', 'theme', 'orgKind', 'funder', 'year', 'status'] as const;
type FacetName = (typeof FACET_ORDER)[number];
type FacetValue = { value: string; label: string; count: number };
type Facets = Record<FacetName, FacetValue[]>;
export interface SearchState { q: string; page: number; sort: SearchSort; filters: Partial<Record<FacetName, string>> }

const LABEL_GROUP: Partial<Record<FacetName, string>> = { kind: 'kind', orgKind: 'orgKind', status: 'status' };

export function searchUrl(i: I18n, s: SearchState, change: Partial<Record<FacetName, string | undefined>> & { page?: number } = {}): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  const filters = { ...s.filters, ...change };
  for (const k of FACET_ORDER) { const v = filters[k]; if (v) p.set(k, v); }
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  const page = change.page ?? (Object.keys(change).length ? 1 : s.page);
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return i.path('/search') + (qs ? `?${qs}` : '');
}

/** An estimate shown with two significant digits: 581,374 → 580,000. */
export function roughly(n: number): number {
  if (n < 100) return n;
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

/**
 * The facets' sections: statuses apart for each kind (a project's "closed" and a partnership's "ended" are not one list),
 * and only the chosen kind's when a kind is chosen.
 */
function sections(facets: Facets, kind: string | undefined): Array<{ facet: FacetName; title: string; values: FacetValue[] }> {
  const out: Array<{ facet: FacetName; title: string; values: FacetValue[] }> = [];
  for (const f of FACET_ORDER) {
    if (f !== 'status') { out.push({ facet: f, title: `facet.${f}`, values: facets[f] ?? [] }); continue; }
    for (const [k, statuses] of Object.entries(statusesByKind)) {
      if (kind && kind !== k) continue;
      out.push({ facet: f, title: `facet.status.${k}`, values: (facets.status ?? []).filter((v) => (statuses as readonly string[]).includes(v.value)) });
    }
  }
  return out.filter((s) => s.values.length > 0);
}

function FacetList(props: { i: I18n; state: SearchState; data: { approximate?: boolean; facets: Facets } }) {
  const { i, state, data } = props;
  const label = (f: FacetName, v: FacetValue) => (LABEL_GROUP[f] ? i.l(LABEL_GROUP[f]!, v.value) : v.label);
  const active = FACET_ORDER.filter((f) => state.filters[f]);
  return (
    <aside class="facets" aria-labelledby="facets-h">
      <h2 id="facets-h">{i.t('search.filters')}</h2>
      {active.length > 0 && <p><a href={searchUrl(i, { ...state, filters: {} }, { page: 1 })}>{i.t('search.clear')}</a></p>}
      {sections(data.facets, state.filters.kind).map(({ facet: f, title, values }) => (
        <section class="facet">
          <h3>{i.t(title as any)}</h3>
          <ul>
            {values.slice(0, 12).map((v) => {
              const on = state.filters[f] === v.value;
              return (
                <li><a href={searchUrl(i, state, { [f]: on ? undefined : v.value })} aria-current={on ? 'true' : undefined} class={on ? 'on' : undefined}>
                  {label(f, v)} <span class="count">{data.approximate ? '≈ ' : ''}{i.num(data.approximate ? roughly(v.count) : v.count)}</span>{on && <span class="visually-hidden"> ({i.t('search.remove')})</span>}
                </a></li>
              );
            })}
          </ul>
        </section>
      ))}
    </aside>
  );
}

export function SearchResults(props: { i: I18n; state: SearchState; data: { total: number; approximate?: boolean; perPage: number; results: any[]; facets: Facets } }) {
  const { i, state, data } = props;
  const pages = Math.max(1, Math.ceil(data.total / data.perPage));
  // the results first (on a phone they come before the facets; on a wide screen the facets sit in the left column)
  return (
    <div class="search-layout" id="search-results" aria-live="polite">
      <section class="results" aria-labelledby="results-h">
        <h2 id="results-h">{data.approximate ? i.plural('search.resultsAbout', roughly(data.total)) : i.plural('search.results', data.total)}</h2>
        <SearchDownloads i={i} q={state.q} filters={state.filters} total={data.total} approximate={data.approximate} />
        {data.total === 0 && <p>{i.t('search.none')}</p>}
        {data.total > 0 && <p class="to-facets"><a href="#facets-h">{i.t('search.toFacets')}</a></p>}
        <ol class="result-list">
          {data.results.map((r) => <ResultCard i={i} r={r} q={state.q} />)}
        </ol>
        {pages > 1 && (
          <nav class="pager" aria-label={i.t('search.page', { page: state.page, pages })}>
            {state.page > 1 && <a href={searchUrl(i, state, { page: state.page - 1 })} rel="prev">{i.t('search.prev')}</a>}
            <span>{i.t('search.page', { page: state.page, pages })}</span>
            {state.page < pages && <a href={searchUrl(i, state, { page: state.page + 1 })} rel="next">{i.t('search.next')}</a>}
          </nav>
        )}
      </section>
      <FacetList i={i} state={state} data={data} />
    </div>
  );
}

/** The sort, in the GET form: choosing one and submitting (or, with JavaScript, choosing one) orders the results. */
function SortField(props: { i: I18n; sort: SearchSort }) {
  const { i } = props;
  return (
    <div class="search-sort">
      <label for="sort">{i.t('search.sort')}</label>
      <select id="sort" name="sort">
        {searchSorts.map((s) => <option value={s} selected={s === props.sort}>{i.t(`search.sort.${s}`)}</option>)}
      </select>
    </div>
  );
}

export function SearchPage(props: { i: I18n; state: SearchState; data: any }) {
  const { i, state } = props;
  const hidden = Object.fromEntries(FACET_ORDER.filter((f) => state.filters[f]).map((f) => [f, state.filters[f]!]));
  return (
    <Layout i={i} meta={{ title: state.q ? `${state.q} — ${i.t('search.title')}` : i.t('search.title'), path: searchUrl({ ...i, path: (p: string) => p }, state), scripts: ['search'], noindex: !!state.q }}>
      <h1>{i.t('search.title')}</h1>
      <SearchBox i={i} q={state.q} hidden={hidden}><SortField i={i} sort={state.sort} /></SearchBox>
      <SearchResults i={i} state={state} data={props.data} />
    </Layout>
  );
}
