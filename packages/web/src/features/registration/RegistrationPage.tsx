/**
 * /registrations/:token: a registration as its registrant sees it through the private link — the status in words
 * (waiting with the rank, an offered place with its deadline and the button that takes it), the workshops' own
 * statuses and offers, the answers, the form to change them, and cancelling after a confirmation step. No JavaScript.
 */
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from '../auth/form.js';
import { eventWhen } from '../events/EventSheet.js';
import { Question, type Countries } from './fields.js';
import type { RegisterValues } from './RegisterPage.js';
import { label, type Answer, type FormField, type FormView, type RegistrationView } from './types.js';

export const SAVED = ['registered', 'changed', 'cancelled', 'accepted'] as const;

/** The status in words: « Vous êtes sur la liste d'attente, en position 2 », « Une place vous est proposée jusqu'au … ». */
export function statusText(i: I18n, r: Pick<RegistrationView, 'status' | 'queuePosition' | 'offerExpiresAt'>): string {
  if (r.status === 'waiting') return r.queuePosition ? i.t('reg.status.waiting.rank', { rank: i.num(r.queuePosition) }) : i.t('reg.status.waiting');
  if (r.status === 'offered') return i.t('reg.status.offered', { deadline: r.offerExpiresAt ? i.when(r.offerExpiresAt, true) : '—' });
  return i.t(`reg.status.${r.status}` as MessageKey);
}

export function answerText(i: I18n, f: FormField, v: Answer | undefined, countries: Countries): string {
  if (v == null || v === '' || (Array.isArray(v) && !v.length)) return '—';
  if (f.type === 'yesno' || f.type === 'consent') return i.t(v === true || v === 'yes' ? 'reg.yes' : 'reg.no');
  if (f.type === 'country') return countries.find((c) => c.id === v)?.name ?? String(v);
  if (f.type === 'date' && typeof v === 'string') return i.date(v);
  if (f.type === 'number') return i.num(Number(v));
  const list = Array.isArray(v) ? v.map(String) : [String(v)];
  if (f.options) return list.map((x) => { const o = f.options!.find((y) => y.value === x); return o ? label(o.labels, i.lang) : x; }).join(', ');
  return list.join(', ');
}

function PostButton(props: { i: I18n; path: string; action: string; text: string; fields?: Record<string, string>; kind?: 'danger' | 'secondary' }) {
  return (
    <form method="post" action={props.i.path(props.path)} class="inline-form">
      <CsrfField />
      <input type="hidden" name="action" value={props.action} />
      {Object.entries(props.fields ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      <button type="submit" class={props.kind}>{props.text}</button>
    </form>
  );
}

export interface TokenPageProps {
  i: I18n; r: RegistrationView; f: FormView | null; path: string; countries: Countries; organisations?: string[];
  saved?: string | null; confirmCancel?: boolean; errors?: Errors; values?: RegisterValues; problem?: string | null;
}

function ChangeForm(props: TokenPageProps) {
  const { i, r, f, path } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? { name: r.name, answers: r.answers, sessions: r.sessions.filter((s) => s.status !== 'cancelled').map((s) => s.id), publicConsent: r.publicConsent };
  const lang = textLang(i);
  return (
    <section aria-labelledby="change-h">
      <h2 id="change-h">{i.t('reg.change')}</h2>
      <ErrorSummary i={i} errors={errors} />
      <form method="post" action={i.path(path)} class="stack-form reg-form" novalidate>
        <CsrfField />
        <input type="hidden" name="action" value="change" />
        <input type="hidden" name="version" value={String(r.version)} />
        <Field name="name" label={`${i.t('reg.name')} *`} value={values.name} error={errors.name} autocomplete="name" required />
        {f?.fields.map((q) => <Question i={i} f={q} value={values.answers?.[q.key]} error={errors[`answers-${q.key}`]} countries={props.countries} organisations={props.organisations} />)}
        {f && f.sessions.length > 0 && <fieldset class={errors.sessions ? 'field field-invalid' : 'field'} id="f-sessions">
          <legend>{i.t('reg.workshops')}</legend>
          {errors.sessions && <p class="field-error">{errors.sessions}</p>}
          {f.sessions.map((s, n) => <div class="check">
            <input type="checkbox" id={`f-sessions-${n}`} name="sessions" value={s.id} checked={(values.sessions ?? []).includes(s.id)} />
            <label for={`f-sessions-${n}`} lang={lang}>{s.title}</label>
          </div>)}
        </fieldset>}
        <div class="field"><div class="check">
          <input type="checkbox" id="f-publicConsent" name="publicConsent" value="yes" checked={values.publicConsent} />
          <label for="f-publicConsent">{i.t('reg.consent')}</label>
        </div></div>
        <p><button type="submit">{i.t('reg.change.submit')}</button></p>
      </form>
    </section>
  );
}

export function RegistrationPage(props: TokenPageProps) {
  const { i, r, f, path } = props;
  const lang = textLang(i);
  const live = r.status !== 'cancelled' && r.status !== 'declined';
  return (
    <Layout i={i} meta={{ title: i.t('reg.mine.title', { event: r.event.title }), path, noindex: true }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('reg.mine.kicker')}</p>
        <h1><span lang={lang}>{r.event.title}</span></h1>
        <p class="lead">{eventWhen(i, r.event)}{r.event.placeName || r.event.placeText ? <> · <span lang={lang}>{r.event.placeName ?? r.event.placeText}</span></> : r.event.online ? ` · ${i.t('event.online')}` : ''}
          {' · '}<a href={i.path(`/events/${r.event.id}`)}>{i.t('reg.sheet')}</a></p>
      </header>
      {props.saved && <Notice kind="success"><p>{i.t(`reg.saved.${props.saved}` as MessageKey)}</p></Notice>}
      {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
      <p class="notice reg-status" role="note"><strong>{statusText(i, r)}</strong></p>
      {r.status === 'offered' && <p><PostButton i={i} path={path} action="accept" text={i.t('reg.take')} /></p>}
      <p class="muted">{i.t('reg.mine.private')}</p>
      {r.sessions.length > 0 && <section aria-labelledby="ws-h">
        <h2 id="ws-h">{i.t('reg.workshops')}</h2>
        <ul class="link-list">{r.sessions.map((s) => <li>
          <span lang={lang}>{s.title}</span> — {i.t(`reg.session.${s.status}` as MessageKey, { deadline: s.offerExpiresAt ? i.when(s.offerExpiresAt, true) : '—' })}
          {s.status === 'offered' && <> <PostButton i={i} path={path} action="accept" fields={{ sessionId: s.id }} text={i.t('reg.take.workshop')} kind="secondary" /></>}
        </li>)}</ul>
      </section>}
      <section aria-labelledby="answers-h">
        <h2 id="answers-h">{i.t('reg.answers')}</h2>
        <dl class="facts">
          <dt>{i.t('reg.name')}</dt><dd>{r.name}</dd>
          <dt>{i.t('reg.email')}</dt><dd>{r.email}</dd>
          {r.organisation && <><dt>{i.t('reg.organisation')}</dt><dd lang={lang}>{r.organisation.name}</dd></>}
          {f?.fields.map((q) => <><dt>{label(q.labels, i.lang)}</dt><dd>{answerText(i, q, r.answers[q.key], props.countries)}</dd></>)}
          <dt>{i.t('reg.public')}</dt><dd>{i.t(r.publicConsent ? 'reg.yes' : 'reg.no')}</dd>
        </dl>
      </section>
      {live && <ChangeForm {...props} />}
      {live && <section aria-labelledby="cancel-h">
        <h2 id="cancel-h">{i.t('reg.cancel')}</h2>
        {props.confirmCancel ? <Notice kind="error" title={i.t('reg.cancel.confirm.title')}>
          <p>{i.t('reg.cancel.confirm')}</p>
          <p><PostButton i={i} path={path} action="cancel" text={i.t('reg.cancel.yes')} kind="danger" />{' '}<a href={i.path(path)}>{i.t('reg.cancel.no')}</a></p>
        </Notice> : <p><a href={`${i.path(path)}?confirm=cancel#cancel-h`}>{i.t('reg.cancel.ask')}</a></p>}
      </section>}
    </Layout>
  );
}
