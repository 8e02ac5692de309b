/** The page frame: skip link, header with navigation and language switch, main, footer. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { langNames, langs, type I18n } from '../i18n/index.js';
import { AccountArea } from '../features/auth/AccountArea.js';
import { tryGetContext } from 'hono/context-storage';
import { headFeeds, type FeedLink } from '../features/news/head.js';

/** titleLang: the lang attribute of a title that is record text (a French name on an English page). */
export interface PageMeta { title: string; titleLang?: string; description?: string; path: string; jsonLd?: object; scripts?: string[]; embed?: boolean; noindex?: boolean; calendar?: { href: string; title: string }; feeds?: FeedLink[] }

/** JSON-LD inside <script>: "<" escaped so no content can close the tag. */
function jsonLd(data: object) {
  return raw(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

export function Layout(props: { i: I18n; meta: PageMeta; children?: Child }) {
  const { i, meta } = props;
  const title = meta.title === i.t('site.name') ? meta.title : `${meta.title} · ${i.t('site.name')}`;
  return (
    <>{raw('<!doctype html>')}<html lang={i.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title lang={meta.titleLang}>{title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {langs.map((l) => <link rel="alternate" hreflang={l} href={l === 'fr' ? meta.path : `/${l}${meta.path === '/' ? '' : meta.path}`} />)}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/site.css" />
        {headFeeds(i, meta.feeds).map((f) => <link rel="alternate" type={f.type} href={f.href} title={f.title} />)}
        {meta.calendar && <link rel="alternate" type="text/calendar" href={meta.calendar.href} title={meta.calendar.title} />}
        {meta.jsonLd && jsonLd(meta.jsonLd)}
        {(meta.scripts ?? []).map((s) => <script type="module" src={`/assets/${s}.js`} defer></script>)}
      </head>
      <body class={meta.embed ? 'embed' : undefined}>
        {meta.embed ? <main id="content">{props.children}<p class="embed-source"><a href={i.path(meta.path.replace(/^\/embed/, ''))} target="_blank" rel="noopener">{i.t('embed.source')}</a></p></main> : <>
          <a class="skip" href="#content">{i.t('nav.skip')}</a>
          <header class="site-header">
            <div class="wrap header-row">
              <a class="brand" href={i.path('/')}><span class="brand-name">{i.t('site.name')}</span> <span class="brand-tag">{i.t('site.tagline')}</span></a>
              <nav aria-label={i.t('nav.main')}>
                <ul class="nav">
                  <li><a href={i.path('/')}>{i.t('nav.home')}</a></li>
                  <li><a href={i.path('/search')}>{i.t('nav.search')}</a></li>
                  <li><a href={i.path('/statistics')}>{i.t('nav.stats')}</a></li>
                  <li><a href={i.path('/groups')}>{i.t('nav.groups')}</a></li>
                  <li><a href={i.path('/news')}>{i.t('nav.news')}</a></li>
                  <li><a href={i.path('/funding-calls')}>{i.t('nav.funding')}</a></li>
                  <li><a href={i.path('/open-data')}>{i.t('nav.api')}</a></li>
                </ul>
              </nav>
              <nav aria-label={i.t('nav.language')} class="langs">
                <ul>
                  {langs.map((l) => (
                    <li><a href={l === 'fr' ? meta.path : `/${l}${meta.path === '/' ? '' : meta.path}`} lang={l} hreflang={l} aria-current={l === i.lang ? 'true' : undefined}>{langNames[l]}</a></li>
                  ))}
                </ul>
              </nav>
              <AccountArea i={i} />
            </div>
          </header>
          <main id="content" class="wrap" tabindex={-1}>{props.children}</main>
          <PrintSource i={i} path={meta.path} />
          <footer class="site-footer"><div class="wrap"><p>{i.t('footer.about')}</p><p>{i.t('footer.data')}</p></div></footer>
        </>}
      </body>
    </html></>
  );
}

/** Shown on paper only: the page's address, the day it was made and the site's name. */
function PrintSource(props: { i: I18n; path: string }) {
  const { i } = props;
  const url = tryGetContext()?.req.url ?? i.path(props.path);
  return <p class="print-source">{i.t('print.source', { site: i.t('site.name'), url, date: i.when(new Date()) })}</p>;
}
