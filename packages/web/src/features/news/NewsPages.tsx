/**
 * News pages: /news (newest first, filtered by network or country through links, paged) and /news/:id (the
 * article: its network, its date, its sanitised Markdown body, « Cette actualité concerne » with a link to each
 * record). The list component serves the sheets' « Actualités » blocks, the group page and the home page.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { NewsView } from '../../../../server/src/features/news/news.service.js';
import { Layout } from '../../components/Layout.js';
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { feedLinks } from './head.js';
import { renderMarkdown } from '../../components/markdown.js';

const RECORD_PATH: Record<string, string> = {
  partnership: '/partnerships', project: '/projects', organisation: '/organisations', territory: '/territories',
  mission: '/missions', event: '/events', funding_call: '/funding-calls',
};
export const newsPath = (i: I18n, id: string) => i.path(`/news/${encodeURIComponent(id)}`);
const orgPath = (i: I18n, id: string) => i.path(`/organisations/${encodeURIComponent(id)}`);

/** One line of a list: title linked to the article, date, network, summary. */
export function NewsList(props: { i: I18n; items: NewsView[]; headingLevel?: 'h2' | 'h3' }) {
  const { i } = props;
  const H = props.headingLevel ?? 'h3';
  return <ul class="news-list">{props.items.map((n) => <li class="news-item" lang={n.lang}>
    <H class="news-item-title"><a href={newsPath(i, n.id)}>{n.title}</a></H>
    <p class="news-meta muted" lang={i.lang}><time datetime={n.publishedOn}>{i.date(n.publishedOn)}</time> · {n.author ? n.author.name : i.t('news.tandem')}</p>
    {n.summary && <p class="news-summary">{n.summary}</p>}
  </li>)}</ul>;
}

/** A block of news with its heading and a link to all of them (nothing when there is none). */
export function NewsBlock(props: { i: I18n; items: NewsView[]; title?: MessageKey; more?: string; id?: string }) {
  const { i } = props;
  if (!props.items.length) return null;
  const hid = props.id ?? 'news-h';
  return <section class="sheet-section news-block" aria-labelledby={hid}>
    <h2 id={hid}>{i.t(props.title ?? 'news.block')}</h2>
    <NewsList i={i} items={props.items} />
    <p><a href={props.more ?? i.path('/news')}>{i.t('news.more')}</a></p>
  </section>;
}

interface Filters { networks: Array<{ id: string; name: string; n: number }>; countries: Array<{ id: string; name: string; n: number }> }

export function NewsListPage(props: { i: I18n; items: NewsView[]; total: number; page: number; pages: number; filters: Filters;
  filter: { network?: string; country?: string; name: string | null; query: string } }) {
  const { i, filter } = props;
  const title = filter.name ? i.t(filter.country ? 'news.filtered.country' : 'news.filtered.network', { name: filter.name }) : i.t('news.title');
  const feeds = feedLinks(i, filter.query, filter.name, !!filter.country);
  const pageHref = (p: number) => i.path(`/news${filter.query ? `${filter.query}&` : '?'}page=${p}`).replace(/[?&]page=1$/, '');
  const here = (key: 'network' | 'country', id: string) => (filter[key] === id ? 'page' : undefined);
  return (
    <Layout i={i} meta={{ title, description: i.t('news.lead'), path: `/news${filter.query}`, feeds, noindex: props.page > 1 }}>
      <header>
        <h1>{title}</h1>
        <p class="lead">{i.t('news.lead')}</p>
        <p class="news-feeds">{i.t('news.feeds')} {feeds.map((f, n) => <>{n > 0 && ' · '}<a href={f.href} type={f.type}>{i.t(n === 0 ? 'news.feed.rss' : 'news.feed.atom')}</a></>)}</p>
      </header>
      <div class="news-layout">
        <section aria-labelledby="news-list-h">
          <h2 id="news-list-h" class="visually-hidden">{i.plural('news.count', props.total)}</h2>
          <p class="muted">{i.plural('news.count', props.total)}</p>
          {props.items.length ? <NewsList i={i} items={props.items} headingLevel="h3" /> : <p>{i.t('news.none')}</p>}
          {props.pages > 1 && <nav class="pager" aria-label={i.t('news.page', { page: props.page, pages: props.pages })}>
            {props.page > 1 && <a href={pageHref(props.page - 1)} rel="prev">{i.t('news.prev')}</a>}
            <span>{i.t('news.page', { page: props.page, pages: props.pages })}</span>
            {props.page < props.pages && <a href={pageHref(props.page + 1)} rel="next">{i.t('news.next')}</a>}
          </nav>}
        </section>
        <nav class="news-filters" aria-labelledby="news-filters-h">
          <h2 id="news-filters-h">{i.t('news.filters')}</h2>
          {(filter.network || filter.country) && <p><a href={i.path('/news')}>{i.t('news.all')}</a></p>}
          {props.filters.networks.length > 0 && <><h3>{i.t('news.byNetwork')}</h3><ul class="link-list">{props.filters.networks.map((o) =>
            <li><a href={i.path(`/news?network=${encodeURIComponent(o.id)}`)} aria-current={here('network', o.id)}>{o.name}</a> <span class="muted">({i.num(o.n)})</span></li>)}</ul></>}
          {props.filters.countries.length > 0 && <><h3>{i.t('news.byCountry')}</h3><ul class="link-list">{props.filters.countries.map((o) =>
            <li><a href={i.path(`/news?country=${o.id}`)} aria-current={here('country', o.id)}>{o.name}</a> <span class="muted">({i.num(o.n)})</span></li>)}</ul></>}
        </nav>
      </div>
    </Layout>
  );
}

export function NewsArticlePage(props: { i: I18n; n: NewsView; extra?: Child }) {
  const { i, n } = props;
  const feeds = n.author ? feedLinks(i, `?network=${encodeURIComponent(n.author.id)}`, n.author.name) : undefined;
  return (
    <Layout i={i} meta={{ title: n.title, titleLang: n.lang, description: n.summary ?? undefined, path: `/news/${encodeURIComponent(n.id)}`, feeds }}>
      <article class="sheet news-article">
        <header class="sheet-header">
          <p class="kicker">{i.t('news.kicker')}</p>
          <h1 lang={n.lang}>{n.title}</h1>
          <p class="news-meta muted">{i.t('news.published', { date: i.date(n.publishedOn) })} {i.t('news.by')}{' '}
            {n.author ? <a href={orgPath(i, n.author.id)}>{n.author.name}</a> : i.t('news.tandem')}</p>
        </header>
        {n.summary && <p class="lead" lang={n.lang}>{n.summary}</p>}
        <div class="news-body" lang={n.lang}>{raw(renderMarkdown(n.body))}</div>
        {n.sourceUrl && <p class="news-source">{i.t('news.source')} <a href={n.sourceUrl} rel="nofollow noopener">{i.t('news.sourceLink')}</a></p>}
        {n.links.length > 0 && <section class="sheet-section" aria-labelledby="news-about-h">
          <h2 id="news-about-h">{i.t('news.about')}</h2>
          <ul class="link-list news-about">{n.links.map((l) => <li>
            <a href={i.path(`${RECORD_PATH[l.kind]}/${encodeURIComponent(l.id)}`)} lang="fr">{l.title}</a>
            <span class="muted"> ({i.t(`news.kind.${l.kind}` as MessageKey)})</span>
          </li>)}</ul>
        </section>}
        {props.extra}
      </article>
    </Layout>
  );
}
