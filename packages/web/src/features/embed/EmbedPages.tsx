/** Embeds: any map, sheet or chart inside a collectivité's own website, plus the page that gives the snippet. */
import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';

export function EmbedFrame(props: { i: I18n; title: string; titleLang?: string; path: string; children?: Child; scripts?: string[] }) {
  return <Layout i={props.i} meta={{ title: props.title, titleLang: props.titleLang, path: `/embed${props.path}`, embed: true, noindex: true, scripts: props.scripts }}>
    <h1 class="embed-title" lang={props.titleLang}>{props.title}</h1>{props.children}
  </Layout>;
}

export function EmbedCodePage(props: { i: I18n; origin: string; path: string; title: string }) {
  const { i } = props;
  const src = `${props.origin}${i.path(`/embed${props.path}`)}`;
  const snippet = `<iframe src="${src}" title="${props.title.replace(/"/g, '&quot;')}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  return (
    <Layout i={i} meta={{ title: `${i.t('embed.title')} — ${props.title}`, path: `/embed-code${props.path}`, scripts: ['embed'], noindex: true }}>
      <h1>{i.t('embed.title')} — {props.title}</h1>
      <p>{i.t('sheet.embed.help')}</p>
      <label for="snippet">{i.t('embed.snippet')}</label>
      <textarea id="snippet" readonly rows={4} class="snippet">{snippet}</textarea>
      <p><button type="button" data-copy="#snippet" data-copied={i.t('embed.copied')} hidden>{i.t('embed.copy')}</button></p>
      <iframe src={i.path(`/embed${props.path}`)} title={props.title} class="embed-preview" loading="lazy"></iframe>
    </Layout>
  );
}
