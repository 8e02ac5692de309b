/**
 * /espace/surveys/new and /espace/surveys/:id: the organisers' survey builder, without JavaScript — the status with
 * the open/close button, the settings, the questions by section each with edit / up / down / delete (each a POST
 * form), the question form (add, or edit with `?edit=<key>`), « add a section ».
 */
import type { SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { ErrorSummary, Notice, type Errors } from '../auth/form.js';
import type { QForm, Settings } from './builder-form.js';
import { PostButton, QuestionForm, SectionForm, SettingsForm } from './builder-parts.js';
import { stateText } from './SurveyPage.js';
import { conditionLine, numbered, tr } from './text.js';

export const builderPath = (id: string) => `/espace/surveys/${encodeURIComponent(id)}`;
export const DONE = ['created', 'saved', 'open', 'closed'] as const;

export function NewSurveyPage(props: { i: I18n; x: Settings; errors?: Errors; organisations: Array<{ id: string; name: string }>; hidden: Record<string, string>; context?: string | null }) {
  const { i } = props;
  const errors = props.errors ?? {};
  return <Layout i={i} meta={{ title: i.t('sv.new.title'), path: '/espace/surveys/new', noindex: true }}>
    <header class="sheet-header">
      <p class="kicker">{i.t('sv.builder.kicker')}</p>
      <h1>{i.t('sv.new.title')}</h1>
      {props.context && <p class="lead" lang={textLang(i)}>{props.context}</p>}
    </header>
    <ErrorSummary i={i} errors={errors} />
    <SettingsForm i={i} action={i.path('/espace/surveys/new')} x={props.x} errors={errors} organisations={props.organisations} hidden={props.hidden} submit={i.t('sv.f.create')} />
  </Layout>;
}

export interface BuilderProps {
  i: I18n; s: SurveyView; settings: Settings; q: QForm; errors?: Errors; done?: string | null; problem?: string | null;
}

export function BuilderPage(props: BuilderProps) {
  const { i, s } = props;
  const lang = textLang(i);
  const errors = props.errors ?? {};
  const action = i.path(builderPath(s.id));
  const all = numbered(s);
  const at = all.findIndex((x) => x.q.key === props.q.original);
  const earlier = (at >= 0 ? all.slice(0, at) : all).filter((x) => ['single', 'multiple', 'yes_no', 'scale', 'number'].includes(x.q.type))
    .map((x) => ({ key: x.q.key, text: `${x.n}. ${tr(x.q.labels, i)}` }));
  const v = { version: String(s.version) };
  return <Layout i={i} meta={{ title: i.t('sv.builder.title', { survey: tr(s.title, i) }), path: builderPath(s.id), noindex: true }}>
    <header class="sheet-header">
      <p class="kicker">{i.t('sv.builder.kicker')}</p>
      <h1><span lang={lang}>{tr(s.title, i)}</span></h1>
      <p class="lead"><a href={i.path(`/surveys/${encodeURIComponent(s.id)}`)}>{i.t('sv.builder.public')}</a>
        {s.mode === 'registration' && <> · <a href={`${action}/respondents`}>{i.t('sv.respondents')}</a></>}</p>
    </header>
    {props.done && <Notice kind="success"><p>{i.t(`sv.done.${props.done}` as MessageKey)}</p></Notice>}
    {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
    <ErrorSummary i={i} errors={errors} />
    <section aria-labelledby="status-h">
      <h2 id="status-h">{i.t('sv.state')}</h2>
      <p>{stateText(i, s)} · {i.plural('sv.answers', s.responses)}</p>
      <p>{s.status === 'open' ? <PostButton action={action} op="status:closed" text={i.t('sv.close')} fields={v} kind="secondary" />
        : <PostButton action={action} op="status:open" text={i.t(s.status === 'closed' ? 'sv.reopen' : 'sv.open')} fields={v} />}</p>
    </section>
    <section aria-labelledby="questions-h">
      <h2 id="questions-h">{i.t('sv.questions')}</h2>
      {all.length === 0 && <p class="muted">{i.t('sv.noQuestions')}</p>}
      {s.sections.map((sec, si) => <>
        {(s.sections.length > 1 || tr(sec.title, i)) && <h3><span>{i.t('sv.section', { n: si + 1 })}</span>{tr(sec.title, i) && <span lang={lang}> — {tr(sec.title, i)}</span>}</h3>}
        <ol class="builder-questions">{sec.questions.map((q) => {
          const n = all.find((x) => x.q.key === q.key)!.n;
          const cond = conditionLine(i, s, q);
          return <li value={String(n)}>
            <span lang={lang}>{tr(q.labels, i)}</span> <span class="muted">({i.t(`sv.type.${q.type}` as MessageKey)}{q.required ? `, ${i.t('sv.required')}` : ''} · {q.key})</span>
            {cond && <p class="field-hint">{cond}</p>}
            <p class="row-actions">
              <a href={`${action}?edit=${encodeURIComponent(q.key)}#q-form`}>{i.t('sv.q.edit')}</a>{' '}
              <PostButton action={action} op={`up:${q.key}`} text={i.t('sv.q.up')} fields={v} kind="secondary" />{' '}
              <PostButton action={action} op={`down:${q.key}`} text={i.t('sv.q.down')} fields={v} kind="secondary" />{' '}
              <PostButton action={action} op={`delete:${q.key}`} text={i.t('sv.q.delete')} fields={v} kind="danger" />
            </p>
          </li>;
        })}</ol>
      </>)}
      <h3 id="q-form-h">{props.q.original ? i.t('sv.q.editing', { key: props.q.original }) : i.t('sv.q.add')}</h3>
      <QuestionForm i={i} action={action} f={props.q} errors={errors} version={s.version} sections={s.sections.length} earlier={earlier} />
      <h3>{i.t('sv.section.add')}</h3>
      <SectionForm i={i} action={action} version={s.version} />
    </section>
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">{i.t('sv.settings')}</h2>
      <SettingsForm i={i} action={action} x={props.settings} errors={errors} organisations={[]} hidden={{}} submit={i.t('sv.f.save')} version={s.version} />
    </section>
  </Layout>;
}
