/**
 * /events/:id/register: the registration form of an event, its questions in the reader's language, places left for
 * the event and each workshop, the workshops' min/max, consent to the public list; notices when it is closed or not
 * yet open. A plain POST form (no JavaScript needed); on a 400 it comes back with the values kept and the errors inline.
 */
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from '../auth/form.js';
import { eventWhen } from '../events/EventSheet.js';
import { Question, type Countries } from './fields.js';
import type { Answer, FormView } from './types.js';

export interface RegisterValues { name?: string; email?: string; answers?: Record<string, Answer>; sessions?: string[]; publicConsent?: boolean }

/** « 12 places restantes », « complet — liste d'attente », or nothing when places are not counted. */
export function placesText(i: I18n, left: number | null): string | null {
  if (left == null) return null;
  return left > 0 ? i.plural('reg.places', left) : i.t('reg.full');
}

/** Why the form is not open: not yet (with the opening date) or closed. */
export function closedText(i: I18n, f: FormView, now = new Date()): string | null {
  if (f.open) return null;
  if (f.opensAt && new Date(f.opensAt) > now) return i.t('reg.notYet', { date: i.when(f.opensAt, true) });
  return f.closesAt ? i.t('reg.closedSince', { date: i.when(f.closesAt, true) }) : i.t('reg.closed');
}

export function workshopsRule(i: I18n, f: FormView): string | null {
  const min = f.workshopsMin, max = f.workshopsMax;
  if (max != null && min === max && min > 0) return i.plural('reg.workshops.exactly', min);
  if (min > 0 && max != null) return i.t('reg.workshops.between', { min: i.num(min), max: i.num(max) });
  if (min > 0) return i.plural('reg.workshops.atLeast', min);
  if (max != null) return i.plural('reg.workshops.atMost', max);
  return null;
}

function Workshops(props: { i: I18n; f: FormView; chosen: string[]; error?: string }) {
  const { i, f, error } = props;
  if (!f.sessions.length) return null;
  const rule = workshopsRule(i, f);
  const lang = textLang(i);
  return (
    <fieldset class={error ? 'field field-invalid' : 'field'} id="f-sessions" aria-describedby={[rule ? 'f-sessions-rule' : '', error ? 'f-sessions-error' : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{i.t('reg.workshops')}{f.workshopsMin > 0 && <> <abbr class="required" title={i.t('reg.required')}>*</abbr></>}</legend>
      {rule && <p class="field-hint" id="f-sessions-rule">{rule}</p>}
      {error && <p class="field-error" id="f-sessions-error">{error}</p>}
      {f.sessions.map((s, n) => {
        const places = placesText(i, s.placesLeft);
        return <div class="check">
          <input type="checkbox" id={`f-sessions-${n}`} name="sessions" value={s.id} checked={props.chosen.includes(s.id)} />
          <label for={`f-sessions-${n}`}><span lang={lang}>{s.title}</span>{places && <span class="muted"> — {places}</span>}</label>
        </div>;
      })}
    </fieldset>
  );
}

export function RegisterPage(props: { i: I18n; e: any; f: FormView; csrf?: string | null; values?: RegisterValues; errors?: Errors; problem?: string | null; countries: Countries; organisations?: string[] }) {
  const { i, e, f } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const path = `/events/${e.id}/register`;
  const lang = textLang(i);
  const closed = closedText(i, f);
  const places = placesText(i, f.placesLeft);
  return (
    <Layout i={i} meta={{ title: i.t('reg.title', { event: e.title }), path, noindex: true }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('reg.kicker')}</p>
        <h1><span lang={lang}>{e.title}</span></h1>
        <p class="lead">{eventWhen(i, e)} · <a href={i.path(`/events/${e.id}`)}>{i.t('reg.sheet')}</a></p>
      </header>
      {closed ? <Notice kind="info"><p>{closed}</p></Notice> : <>
        {places && <p class={f.placesLeft === 0 ? 'notice' : 'places'}>{places}</p>}
        {f.moderated && <p class="muted">{i.t('reg.moderated')}</p>}
        {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
        <ErrorSummary i={i} errors={errors} />
        <form method="post" action={i.path(path)} class="stack-form reg-form" novalidate>
          <CsrfField token={props.csrf} />
          <p class="muted">{i.t('reg.requiredNote')}</p>
          <Field name="name" label={`${i.t('reg.name')} *`} value={values.name} error={errors.name} autocomplete="name" required />
          <Field name="email" type="email" label={`${i.t('reg.email')} *`} value={values.email} error={errors.email} autocomplete="email" hint={i.t('reg.email.hint')} required />
          {f.fields.map((q) => <Question i={i} f={q} value={values.answers?.[q.key]} error={errors[`answers-${q.key}`]} countries={props.countries} organisations={props.organisations} />)}
          <Workshops i={i} f={f} chosen={values.sessions ?? []} error={errors.sessions} />
          <div class="field">
            <div class="check">
              <input type="checkbox" id="f-publicConsent" name="publicConsent" value="yes" checked={values.publicConsent} />
              <label for="f-publicConsent">{i.t('reg.consent')}</label>
            </div>
          </div>
          <p><button type="submit">{i.t(f.placesLeft === 0 ? 'reg.submit.wait' : 'reg.submit')}</button></p>
        </form>
      </>}
    </Layout>
  );
}
