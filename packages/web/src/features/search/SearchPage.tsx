/** The search page: a plain GET form (works without JavaScript), facets as links, the whole state in the URL. */
import { foldedWords, highlight } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { SearchBox } from './SearchBox.js';
import { SearchDownloads } from '../../components/Downloads.js';

export const FACET_ORDER = ['kind', 'country', 'territory', 'theme', 'orgKind', 'funder', 'year', 'status'] as const;
type FacetName = (typeof FACET_ORDER)[number];
type Facets = Record<FacetName, Array<{ value: string; label: string; count: number }>>;
export interface SearchState { q: string; page: number; filters: Partial<Record<FacetName, string>> }

const LABEL_GROUP: Partial<Record<FacetName, string>> = { kind: 'kind', orgKind: 'orgKind', status: 'status' };
const SHEET: Record<string, string> = { territory: 'territories', organisation: 'organisations', partnership: 'partnerships', project: 'projects', mission: 'missions' };

export function searchUrl(i: I18n, s: SearchState, change: Partial<Record<FacetName, string | undefined>> & { page?: number } = {}): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  const filters = { ...s.filters, ...change };
  for (const k of FACET_ORDER) { const v = filters[k]; if (v) p.set(k, v); }
  const page = change.page ?? (Object.keys(change).length ? 1 : s.page);
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return i.path('/search') + (qs ? `?${qs}` : '');
}

function Marked(props: { text: string; words: string[] }) {
  return <>{highlight(props.text, props.words).map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</>;
}

/** An estimate shown with two significant digits: 581,374 → 580,000. */
export function roughly(n: number): number {
  if (n < 100) return n;
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

export function SearchResults(props: { i: I18n; state: SearchState; data: { total: number; approximate?: boolean; perPage: number; results: any[]; facets: Facets } }) {
  const { i, state, data } = props;
  const words = foldedWords(state.q);
  const pages = Math.max(1, Math.ceil(data.total / data.perPage));
  const label = (f: FacetName, v: { value: string; label: string }) => (LABEL_GROUP[f] ? i.l(LABEL_GROUP[f]!, v.value) : v.label);
  const active = FACET_ORDER.filter((f) => state.filters[f]);
  return (
    <div class="search-layout" id="search-results" aria-live="polite">
      <aside class="facets" aria-labelledby="facets-h">
        <h2 id="facets-h">{i.t('search.filters')}</h2>
        {active.length > 0 && <p><a href={searchUrl(i, { ...state, filters: {} }, { page: 1 })}>{i.t('search.clear')}</a></p>}
        {FACET_ORDER.filter((f) => data.facets[f]?.length).map((f) => (
          <section class="facet">
            <h3>{i.t(`facet.${f}` as any)}</h3>
            <ul>
              {data.facets[f].slice(0, 12).map((v) => {
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
      <section class="results" aria-labelledby="results-h">
        <h2 id="results-h">{data.approximate ? i.plural('search.resultsAbout', roughly(data.total)) : i.plural('search.results', data.total)}</h2>
        <SearchDownloads i={i} q={state.q} filters={state.filters} total={data.total} approximate={data.approximate} />
        {data.total === 0 && <p>{i.t('search.none')}</p>}
        <ol class="result-list">
          {data.results.map((r) => (
            <li class="result">
              <span class={`badge badge-${r.kind}`}>{i.l('kind', r.kind)}</span>{' '}
              <a href={i.path(`/${SHEET[r.kind]}/${encodeURIComponent(r.id)}`)} lang={textLang(i)}><Marked text={r.title} words={words} /></a>
              {r.subtitle && <span class="muted"> — <Marked text={r.kind === 'partnership' ? i.l('partnershipKind', r.subtitle) : r.subtitle} words={words} /></span>}
            </li>
          ))}
        </ol>
        {pages > 1 && (
          <nav class="pager" aria-label={i.t('search.page', { page: state.page, pages })}>
            {state.page > 1 && <a href={searchUrl(i, state, { page: state.page - 1 })} rel="prev">{i.t('search.prev')}</a>}
            <span>{i.t('search.page', { page: state.page, pages })}</span>
            {state.page < pages && <a href={searchUrl(i, state, { page: state.page + 1 })} rel="next">{i.t('search.next')}</a>}
          </nav>
        )}
      </section>
    </div>
  );
}

export function SearchPage(props: { i: I18n; state: SearchState; data: any }) {
  const { i, state } = props;
  const hidden = Object.fromEntries(FACET_ORDER.filter((f) => state.filters[f]).map((f) => [f, state.filters[f]!]));
  return (
    <Layout i={i} meta={{ title: state.q ? `${state.q} — ${i.t('search.title')}` : i.t('search.title'), path: searchUrl({ ...i, path: (p: string) => p }, state), scripts: ['search'], noindex: !!state.q }}>
      <h1>{i.t('search.title')}</h1>
      <SearchBox i={i} q={state.q} hidden={hidden} />
      <SearchResults i={i} state={state} data={props.data} />
    </Layout>
  );
}
