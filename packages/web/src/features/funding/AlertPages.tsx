/**
 * Pages of saved searches of funding calls: the subscription form (the search in words, e-mail, frequency, language),
 * "check your mail", the confirmation and unsubscribe pages (a button that POSTs: opening the link changes nothing),
 * and a member's alerts with their feeds. Plain forms; no script.
 */
import type { CallQuery } from '@tandem/shared';
import { langNames, langs, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from '../auth/form.js';
import type { AlertView } from '../../../../server/src/features/funding/alerts.service.js';
import { countryName, themeName, word } from './text.js';

/** A search in words, in the reader's language. */
export function describeSearch(i: I18n, q: CallQuery): string {
  const parts = [
    q.q ? i.t('fa.q.words', { v: q.q }) : null, q.beneficiary ? i.t('fa.q.beneficiary', { v: word(i, 'ben', q.beneficiary) }) : null,
    q.aidType ? i.t('fa.q.aidType', { v: word(i, 'aid', q.aidType) }) : null, q.theme ? i.t('fa.q.theme', { v: themeName(i, q.theme) }) : null,
    q.country ? i.t('fa.q.country', { v: countryName(i, q.country) }) : null, q.open === '0' ? i.t('fa.q.closed') : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : i.t('fa.q.all');
}

/** The search as a query string ('' when it is the default one). */
export function searchParams(q: CallQuery): string {
  const p = new URLSearchParams(Object.entries(q).filter(([k, v]) => v !== undefined && v !== '' && !(k === 'open' && v === '1')) as [string, string][]);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function Feeds(props: { i: I18n; feedKey: string }) {
  const { i } = props;
  const base = i.path(`/funding-calls/alerts/${props.feedKey}`);
  return (
    <ul class="fa-feeds">
      <li><a href={`${base}/feed.rss`} type="application/rss+xml">{i.t('fa.rss')}</a></li>
      <li><a href={`${base}/deadlines.ics`} type="text/calendar">{i.t('fa.ics')}</a></li>
    </ul>
  );
}

function Head(props: { i: I18n; title: string; lead?: string }) {
  return (
    <header class="sheet-header">
      <p class="kicker">{props.i.t('fa.kicker')}</p>
      <h1>{props.title}</h1>
      {props.lead && <p class="lead">{props.lead}</p>}
    </header>
  );
}

export interface NewValues { email?: string; frequency?: string; lang?: string }

export function NewAlertPage(props: { i: I18n; q: CallQuery; values: NewValues; errors?: Errors; problem?: string | null }) {
  const { i, q, values } = props;
  const errors = props.errors ?? {};
  const qs = searchParams(q);
  const path = '/funding-calls/alerts/new';
  return (
    <Layout i={i} meta={{ title: i.t('fa.new.title'), path: `${path}${qs}`, noindex: true }}>
      <Head i={i} title={i.t('fa.new.title')} lead={i.t('fa.new.lead')} />
      <section class="fa-search" aria-labelledby="fa-search-h">
        <h2 id="fa-search-h">{i.t('fa.search')}</h2>
        <p>{describeSearch(i, q)}</p>
        <p><a href={`${i.path('/funding-calls')}${qs}`}>{i.t('fa.change')}</a></p>
      </section>
      {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
      <ErrorSummary i={i} errors={errors} />
      <form method="post" action={`${i.path(path)}${qs}`} class="stack-form fa-form" novalidate>
        <CsrfField />
        <Field name="email" type="email" label={i.t('fa.email')} value={values.email} error={errors.email} autocomplete="email" hint={i.t('fa.email.hint')} required />
        <fieldset class="field">
          <legend>{i.t('fa.frequency')}</legend>
          {(['weekly', 'daily'] as const).map((f) => (
            <div class="check">
              <input type="radio" id={`f-frequency-${f}`} name="frequency" value={f} checked={(values.frequency ?? 'weekly') === f} />
              <label for={`f-frequency-${f}`}>{i.t(`fa.${f}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-lang">{i.t('fa.lang')}</label>
          <select id="f-lang" name="lang">
            {langs.map((l) => <option value={l} lang={l} selected={(values.lang ?? i.lang) === l}>{langNames[l]}</option>)}
          </select>
        </div>
        <p><button type="submit">{i.t('fa.submit')}</button></p>
      </form>
    </Layout>
  );
}

export function SentPage(props: { i: I18n; email: string }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('fa.sent.title'), path: '/funding-calls/alerts/new', noindex: true }}>
      <Head i={i} title={i.t('fa.sent.title')} />
      <Notice kind="success"><p>{i.t('fa.sent.body', { email: props.email })}</p></Notice>
    </Layout>
  );
}

/** The confirmation or unsubscribe page of a token: the alert and a button; after the POST, what was done. */
export function TokenPage(props: { i: I18n; kind: 'confirm' | 'unsub'; path: string; a?: AlertView | null; done?: boolean }) {
  const { i, kind, a } = props;
  const title = i.t(kind === 'confirm' ? (props.done ? 'fa.confirmed.title' : 'fa.confirm.title') : 'fa.unsub.title');
  const freq = a ? i.t(`fa.freq.${a.frequency}`) : '';
  return (
    <Layout i={i} meta={{ title, path: props.path, noindex: true }}>
      <Head i={i} title={title} />
      {!a && !props.done && <Notice kind="error"><p>{i.t('fa.invalid')}</p></Notice>}
      {a && <section class="fa-search" aria-labelledby="fa-search-h">
        <h2 id="fa-search-h">{i.t('fa.search')}</h2>
        <p>{describeSearch(i, a.query)}</p>
      </section>}
      {a && !props.done && <form method="post" action={i.path(props.path)} class="stack-form">
        <CsrfField />
        <p>{i.t(kind === 'confirm' ? 'fa.confirm.lead' : 'fa.unsub.lead', { freq, email: a.email })}</p>
        <p><button type="submit">{i.t(kind === 'confirm' ? 'fa.confirm.button' : 'fa.unsub.button')}</button></p>
      </form>}
      {props.done && kind === 'confirm' && a && <Notice kind="success">
        <p>{i.t('fa.confirmed.body', { freq })}</p>
        <Feeds i={i} feedKey={a.feedKey} />
        <p class="muted">{i.t('fa.feeds.private')}</p>
      </Notice>}
      {props.done && kind === 'unsub' && <Notice kind="success"><p>{i.t('fa.unsub.done')}</p></Notice>}
    </Layout>
  );
}

export function MyAlertsPage(props: { i: I18n; alerts: AlertView[]; done?: boolean }) {
  const { i } = props;
  const path = '/espace/funding-alerts';
  return (
    <Layout i={i} meta={{ title: i.t('fa.mine.title'), path, noindex: true }}>
      <Head i={i} title={i.t('fa.mine.title')} />
      {props.done && <Notice kind="success"><p>{i.t('fa.mine.deleted')}</p></Notice>}
      {!props.alerts.length && <p>{i.t('fa.mine.empty')}</p>}
      <ul class="fa-list">
        {props.alerts.map((a) => (
          <li class="fa-item">
            <p class="fa-what">{describeSearch(i, a.query)}</p>
            <p class="muted">{i.t(`fa.freq.${a.frequency}`)} · {a.email} · {langNames[a.lang]} · {!a.confirmed ? i.t('fa.mine.pending')
              : a.lastSentAt ? i.t('fa.mine.lastSent', { date: i.when(a.lastSentAt) }) : i.t('fa.mine.never')}</p>
            {a.confirmed && <Feeds i={i} feedKey={a.feedKey} />}
            <form method="post" action={i.path(path)}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" class="secondary" aria-label={`${i.t('fa.mine.delete')} — ${describeSearch(i, a.query)}`}>{i.t('fa.mine.delete')}</button>
            </form>
          </li>
        ))}
      </ul>
      <p><a href={i.path('/funding-calls')}>{i.t('fa.mine.new')}</a></p>
    </Layout>
  );
}

/** For the list of calls (features/funding/pages): "get these calls by e-mail", and the search's public feeds. */
export function AlertLinks(props: { i: I18n; q: CallQuery }) {
  const { i } = props;
  const qs = searchParams(props.q);
  return (
    <ul class="fa-feeds">
      <li><a href={`${i.path('/funding-calls/alerts/new')}${qs}`}>{i.t('fa.new.title')}</a></li>
      <li><a href={`${i.path('/funding-calls/feed.rss')}${qs}`} type="application/rss+xml">{i.t('fa.rss')}</a></li>
      <li><a href={`${i.path('/funding-calls/deadlines.ics')}${qs}`} type="text/calendar">{i.t('fa.ics')}</a></li>
    </ul>
  );
}
