/**
 * /survey-responses/:token: an answer sheet through its private link — the survey's sections as fieldsets, each
 * question by type, the conditions in words, errors inline naming the question; « Enregistrer et continuer plus
 * tard » keeps a partial answer, « Envoyer mes réponses » submits. Once the survey no longer takes answers (or an
 * anonymous sheet is sent), the answers read-only. No JavaScript needed (`client/surveys.ts` hides conditions live).
 */
import type { ResponseView, SurveyAnswers, SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Notice, type Errors } from '../auth/form.js';
import { Question, answerText } from './questions.js';
import { numbered, tr } from './text.js';

export const SAVED = ['partial', 'submitted'] as const;

export interface AnswerProps {
  i: I18n; s: SurveyView; r: ResponseView; path: string;
  values?: SurveyAnswers; errors?: Errors; saved?: string | null; problem?: string | null;
}

/** Server issues (`answers.<key>`) as errors by question, each naming it. */
export function answerErrors(i: I18n, s: SurveyView, issues: Array<{ path: string; message: string }>): Errors {
  const errors: Errors = {};
  const all = numbered(s);
  for (const x of issues) {
    const m = /^answers\.([a-z][a-z0-9_]*)/.exec(x.path);
    const q = m ? all.find((y) => y.q.key === m[1]) : undefined;
    if (q) errors[`answers-${q.q.key}`] = i.t(x.message === 'required' ? 'sv.error.required' : 'sv.error.invalid', { field: `${q.n}. ${tr(q.q.labels, i)}` });
    else errors._ = errors._ ?? i.t('sv.error.other');
  }
  return errors;
}

function ReadOnly(props: AnswerProps) {
  const { i, s, r } = props;
  const lang = textLang(i);
  return <section aria-labelledby="answers-h">
    <h2 id="answers-h">{i.t('sv.yourAnswers')}</h2>
    <dl class="answers">{numbered(s).map(({ q, n }) => <>
      <dt><span lang={lang}>{n}. {tr(q.labels, i)}</span></dt><dd>{answerText(i, q, r.answers[q.key])}</dd>
    </>)}</dl>
  </section>;
}

export function AnswerPage(props: AnswerProps) {
  const { i, s, r, path } = props;
  const lang = textLang(i);
  const editable = r.editable && s.accepting;
  const values = props.values ?? r.answers;
  const errors = props.errors ?? {};
  const intro = tr(s.intro, i);
  let n = 0;
  return (
    <Layout i={i} meta={{ title: i.t('sv.mine.title', { survey: tr(s.title, i) }), path, noindex: true, scripts: editable ? ['surveys'] : [] }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('sv.mine.kicker')}</p>
        <h1><span lang={lang}>{tr(s.title, i)}</span></h1>
        <p class="lead"><a href={i.path(`/surveys/${encodeURIComponent(s.id)}`)}>{i.t('sv.kicker')}</a> · <span lang={lang}>{s.organisation.name}</span>
          {s.event && <> · <a href={i.path(`/events/${encodeURIComponent(s.event.id)}`)} lang={lang}>{s.event.title}</a></>}</p>
      </header>
      {props.saved === 'partial' && <Notice kind="success"><p>{i.t('sv.saved.partial')}</p><p>{i.t('sv.saved.resume')}</p></Notice>}
      {props.saved === 'submitted' && <Notice kind="success"><p>{i.t('sv.saved.submitted')}</p>{editable && <p>{i.t('sv.saved.editable')}</p>}</Notice>}
      {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
      <p class="muted">{i.t('sv.private')}</p>
      {!editable ? <>
        <p class="notice" role="note">{r.submittedAt ? i.t('sv.readonly.submitted', { date: i.when(r.submittedAt) }) : i.t('sv.readonly.closed')}</p>
        <ReadOnly {...props} />
      </> : <>
        {intro && <p class="survey-intro" lang={lang}>{intro}</p>}
        <ErrorSummary i={i} errors={errors} />
        <form method="post" action={i.path(path)} class="stack-form survey-form" novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(r.version)} />
          <p class="muted">{i.t('sv.requiredNote')}</p>
          {s.sections.map((sec) => {
            const title = tr(sec.title, i), desc = tr(sec.description, i);
            const qs = sec.questions.map((q) => <Question i={i} s={s} q={q} n={++n} value={values[q.key]} error={errors[`answers-${q.key}`]} />);
            return title || desc ? <fieldset class="survey-section">
              <legend><span lang={lang}>{title || i.t('sv.section', { n: sec.position + 1 })}</span></legend>
              {desc && <p class="field-hint" lang={lang}>{desc}</p>}
              {qs}
            </fieldset> : <div class="survey-section">{qs}</div>;
          })}
          <p class="form-actions">
            <button type="submit" name="action" value="save" class="secondary">{i.t('sv.save')}</button>{' '}
            <button type="submit" name="action" value="submit">{i.t('sv.submit')}</button>
          </p>
        </form>
      </>}
    </Layout>
  );
}
