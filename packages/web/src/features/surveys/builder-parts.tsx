/**
 * Pieces of the survey builder, all plain POST forms: labelled inputs with their error, the settings form (also the
 * creation form), one question's form (add or edit), a small button form.
 */
import { questionTypes, surveyModes } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { CsrfField } from '../../components/CsrfField.js';
import type { Errors } from '../auth/form.js';
import type { QForm, Settings } from './builder-form.js';

const LANGS = ['fr', 'en', 'vi'] as const;
const langName = (i: I18n, l: string) => i.t(`sv.lang.${l}` as MessageKey);

export function Input(props: { name: string; label: string; value: string; type?: string; error?: string; area?: boolean; hint?: string }) {
  const id = `f-${props.name.replace(/\./g, '-')}`;
  const d = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return <div class={props.error ? 'field field-invalid' : 'field'}>
    <label for={id}>{props.label}</label>
    {props.hint && <p class="field-hint" id={`${id}-hint`}>{props.hint}</p>}
    {props.error && <p class="field-error" id={`${id}-error`}>{props.error}</p>}
    {props.area ? <textarea id={id} name={props.name} rows={4} aria-invalid={props.error ? 'true' : undefined} aria-describedby={d}>{props.value}</textarea>
      : <input id={id} name={props.name} type={props.type ?? 'text'} value={props.value} aria-invalid={props.error ? 'true' : undefined} aria-describedby={d} />}
  </div>;
}

export function Check(props: { name: string; label: string; on: boolean }) {
  const id = `f-${props.name.replace(/\./g, '-')}`;
  return <div class="field"><div class="check">
    <input type="checkbox" id={id} name={props.name} value="yes" checked={props.on} />
    <label for={id}>{props.label}</label>
  </div></div>;
}

function Select(props: { name: string; label: string; value: string; options: Array<{ value: string; text: string }>; error?: string }) {
  const id = `f-${props.name.replace(/\./g, '-')}`;
  return <div class={props.error ? 'field field-invalid' : 'field'}>
    <label for={id}>{props.label}</label>
    {props.error && <p class="field-error" id={`${id}-error`}>{props.error}</p>}
    <select id={id} name={props.name} aria-describedby={props.error ? `${id}-error` : undefined}>
      {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.text}</option>)}
    </select>
  </div>;
}

/** A form of one button (delete, move, open…), with hidden fields. */
export function PostButton(props: { action: string; op: string; text: string; fields?: Record<string, string>; kind?: 'secondary' | 'danger' }) {
  return <form method="post" action={props.action} class="inline-form">
    <CsrfField />
    <input type="hidden" name="op" value={props.op} />
    {Object.entries(props.fields ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
    <button type="submit" class={props.kind}>{props.text}</button>
  </form>;
}

export function SettingsForm(props: {
  i: I18n; action: string; x: Settings; errors: Errors; organisations: Array<{ id: string; name: string }>;
  hidden: Record<string, string>; submit: string; version?: number;
}) {
  const { i, x, errors } = props;
  return <form method="post" action={props.action} class="stack-form builder" novalidate>
    <CsrfField />
    <input type="hidden" name="op" value="settings" />
    {props.version != null && <input type="hidden" name="version" value={String(props.version)} />}
    {Object.entries(props.hidden).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
    {props.organisations.length > 0 && <Select name="organisationId" label={i.t('sv.f.organisation')} value={x.organisationId} error={errors.organisationId}
      options={props.organisations.map((o) => ({ value: o.id, text: o.name }))} />}
    {LANGS.map((l) => <Input name={`title.${l}`} label={`${i.t('sv.f.title', { lang: langName(i, l) })}${l === 'fr' ? ' *' : ''}`} value={x.title[l]} error={errors[`title-${l}`]} />)}
    {LANGS.map((l) => <Input name={`intro.${l}`} area label={i.t('sv.f.intro', { lang: langName(i, l) })} value={x.intro[l]} error={errors[`intro-${l}`]} />)}
    <Select name="mode" label={i.t('sv.f.mode')} value={x.mode} error={errors.mode} options={surveyModes.map((m) => ({ value: m, text: i.t(`sv.mode.${m}` as MessageKey) }))} />
    <Input name="opensAt" type="datetime-local" label={i.t('sv.f.opensAt')} value={x.opensAt} error={errors.opensAt} />
    <Input name="closesAt" type="datetime-local" label={i.t('sv.f.closesAt')} value={x.closesAt} error={errors.closesAt} />
    <Check name="resultsPublic" label={i.t('sv.f.resultsPublic')} on={x.resultsPublic} />
    <Check name="freeAnswersPublic" label={i.t('sv.f.freeAnswersPublic')} on={x.freeAnswersPublic} />
    <Input name="restitutionEventId" label={i.t('sv.f.restitution')} value={x.restitutionEventId} error={errors.restitutionEventId} />
    {props.version != null && LANGS.map((l) => <Input name={`conclusion.${l}`} area label={i.t('sv.f.conclusion', { lang: langName(i, l) })} value={x.conclusion[l]} />)}
    <p><button type="submit">{props.submit}</button></p>
  </form>;
}

/** Add a question (or edit one: `f.original` set): every setting of a question, errors next to each input. */
export function QuestionForm(props: {
  i: I18n; action: string; f: QForm; errors: Errors; version: number; sections: number; earlier: Array<{ key: string; text: string }>;
}) {
  const { i, f, errors } = props;
  const e = (k: string) => errors[`q-${k}`];
  return <form method="post" action={`${props.action}#q-form`} class="stack-form builder" id="q-form" novalidate>
    <CsrfField />
    <input type="hidden" name="op" value="question" />
    <input type="hidden" name="version" value={String(props.version)} />
    <input type="hidden" name="q.original" value={f.original} />
    {props.sections > 1 && <Select name="q.section" label={i.t('sv.q.section')} value={f.section}
      options={Array.from({ length: props.sections }, (_, n) => ({ value: String(n), text: i.t('sv.section', { n: n + 1 }) }))} />}
    {props.sections <= 1 && <input type="hidden" name="q.section" value="0" />}
    <Select name="q.type" label={i.t('sv.q.type')} value={f.type} error={e('type')} options={questionTypes.map((t) => ({ value: t, text: i.t(`sv.type.${t}` as MessageKey) }))} />
    <Input name="q.key" label={`${i.t('sv.q.key')} *`} value={f.key} error={e('key')} />
    {LANGS.map((l) => <Input name={`q.labels.${l}`} label={`${i.t('sv.q.label', { lang: langName(i, l) })}${l === 'fr' ? ' *' : ''}`} value={f.labels[l]} error={e(`labels-${l}`)} />)}
    {LANGS.map((l) => <Input name={`q.help.${l}`} label={i.t('sv.q.help', { lang: langName(i, l) })} value={f.help[l]} />)}
    <Check name="q.required" label={i.t('sv.q.required')} on={f.required} />
    <Input name="q.options" area label={i.t('sv.q.options')} value={f.options} error={e('options')} />
    <Check name="q.allowOther" label={i.t('sv.q.allowOther')} on={f.allowOther} />
    <Input name="q.scaleMin" type="number" label={i.t('sv.q.scaleMin')} value={f.scaleMin} error={e('scaleMin')} />
    <Input name="q.scaleMax" type="number" label={i.t('sv.q.scaleMax')} value={f.scaleMax} error={e('scaleMax')} />
    <Input name="q.scaleLabelMin" label={i.t('sv.q.scaleLabelMin')} value={f.scaleLabelMin} />
    <Input name="q.scaleLabelMax" label={i.t('sv.q.scaleLabelMax')} value={f.scaleLabelMax} />
    <Select name="q.condQuestion" label={i.t('sv.q.condition')} value={f.condQuestion} error={e('condition')}
      options={[{ value: '', text: i.t('sv.q.always') }, ...props.earlier.map((q) => ({ value: q.key, text: q.text }))]} />
    <Input name="q.condValues" label={i.t('sv.q.conditionValues')} value={f.condValues} />
    <Check name="q.category" label={i.t('sv.q.category')} on={f.category} />
    {LANGS.map((l) => <Input name={`q.comment.${l}`} area label={i.t('sv.q.comment', { lang: langName(i, l) })} value={f.comment[l]} />)}
    <p><button type="submit">{i.t(f.original ? 'sv.q.save' : 'sv.q.add')}</button>
      {f.original && <> <a href={props.action}>{i.t('sv.q.cancel')}</a></>}</p>
  </form>;
}

/** A section's title in three languages, to add a part. */
export function SectionForm(props: { i: I18n; action: string; version: number }) {
  const { i } = props;
  return <form method="post" action={props.action} class="stack-form builder" novalidate>
    <CsrfField />
    <input type="hidden" name="op" value="section" />
    <input type="hidden" name="version" value={String(props.version)} />
    {LANGS.map((l) => <Input name={`section.${l}`} label={i.t('sv.section.title', { lang: langName(i, l) })} value="" />)}
    <p><button type="submit" class="secondary">{i.t('sv.section.add')}</button></p>
  </form>;
}
