/** Pieces shared by the record sheets: header, facts list, timeline, embed snippet, print button. */
import type { Child } from 'hono/jsx';
import { safeHref } from '@tandem/shared';
import { textLang, type I18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/fr.js';
import { useContext } from 'hono/jsx';
import { EditLink } from '../features/edit/edit-link.js';
import { CreateActions, SavedNotice } from '../features/workspace/sheet-extras.js';

/** titleLang: the title's language (record text, French, unless the sheet shows a translated name). */
export function SheetHeader(props: { i: I18n; kind: string; title: string; titleLang?: string; subtitle?: Child; embedPath: string }) {
  const { i } = props;
  const edit = useContext(EditLink);
  return (
    <header class="sheet-header">
      <SavedNotice />
      <p class="kicker">{i.l('kind', props.kind)}</p>
      <h1 lang={textLang(i, props.titleLang)}>{props.title}</h1>
      {props.subtitle && <p class="lead">{props.subtitle}</p>}
      <p class="sheet-actions no-print">
        <button type="button" class="print-button" data-print="true" hidden>{i.t('sheet.print')}</button>
        <a href={i.path(`/embed-code${props.embedPath}`)}>{i.t('sheet.embed')}</a>
        {edit && <a href={edit} class="edit-link">{i.t('edit.link')}</a>}
        <CreateActions />
      </p>
    </header>
  );
}

export function Facts(props: { items: Array<[string, Child | null | undefined | false]> }) {
  const items = props.items.filter(([, v]) => v !== null && v !== undefined && v !== false && v !== '');
  if (!items.length) return null;
  return <dl class="facts">{items.map(([k, v]) => <div><dt>{k}</dt><dd>{v}</dd></div>)}</dl>;
}

export interface TimelineItem { date: string; label: Child }

/**
 * An interface sentence holding record text: "Projet : {title}" with the title marked in its own language
 * (French record text on an English page gets lang="fr", the sentence around it keeps the page's).
 */
export function Phrase(props: { i: I18n; k: MessageKey; title: string; lang?: string }) {
  const [before, after = ''] = props.i.t(props.k, { title: '\u0000' }).split('\u0000');
  return <>{before}<span lang={textLang(props.i, props.lang)}>{props.title}</span>{after}</>;
}

export function Timeline(props: { i: I18n; items: TimelineItem[] }) {
  const { i } = props;
  const items = [...props.items].filter((x) => x.date).sort((a, b) => a.date.localeCompare(b.date));
  if (!items.length) return null;
  return (
    <section aria-labelledby="timeline-h" class="timeline-section">
      <h2 id="timeline-h">{i.t('sheet.timeline')}</h2>
      <ol class="timeline">
        {items.map((x) => <li><time datetime={x.date}>{i.date(x.date)}</time> <span>{x.label}</span></li>)}
      </ol>
    </section>
  );
}

export function Section(props: { id: string; title: string; children?: Child; when?: boolean; class?: string }) {
  if (props.when === false) return null;
  return <section aria-labelledby={`${props.id}-h`} class={props.class}><h2 id={`${props.id}-h`}>{props.title}</h2>{props.children}</section>;
}

/** Links to records; textLang: the lang attribute of their text (record text: textLang(i)). */
export function LinkList(props: { items: Array<{ href: string; text: Child; extra?: Child }>; textLang?: string }) {
  return <ul class="link-list">{props.items.map((x) => <li><a href={x.href} lang={props.textLang}>{x.text}</a>{x.extra && <span class="muted"> — {x.extra}</span>}</li>)}</ul>;
}

/** An address from the data: a link when `safeHref` allows it, plain text otherwise (a script URL stored before the rule). */
export function ExternalLink(props: { url: string; text?: Child }) {
  const href = safeHref(props.url);
  return href ? <a href={href} rel="noopener">{props.text ?? props.url}</a> : <span class="unlinked">{props.text ?? props.url}</span>;
}

/** A record's links and documents (features/links), each through ExternalLink. */
export function ExternalLinks(props: { links: Array<{ url: string; title?: string | null }> }) {
  return <ul class="link-list">{props.links.map((l) => <li><ExternalLink url={l.url} text={l.title || l.url} /></li>)}</ul>;
}

export function Tags(props: { items: string[] }) {
  return <ul class="tags">{props.items.map((x) => <li>{x}</li>)}</ul>;
}
