/**
 * /espace/events/:id/formulaire: the registration form builder, without JavaScript. One form holds the settings and
 * every question; each button (add, remove, move up/down, save) posts all of it, so nothing typed is lost, and saves.
 * Questions: key, type, required, labels in fr/en/vi, options one per line « value | fr | en | vi ».
 */
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from '../auth/form.js';
import { FIELD_TYPES, type BuilderState } from './builder-form.js';

export const builderPath = (eventId: string) => `/espace/events/${encodeURIComponent(eventId)}/formulaire`;

export interface BuilderProps { i: I18n; e: any; s: BuilderState; csrf: string | null; saved?: boolean; errors?: Errors; problem?: string | null; exists: boolean }

/** Server issues (`fields.2.key`, `capacity`…) as errors by input, each naming the question and the input. */
export function builderErrors(i: I18n, issues: Array<{ path: string; message: string }>): Errors {
  const errors: Errors = {};
  for (const x of issues) {
    const m = /^fields[.[](\d+)\]?\.?([a-z]+)?(?:\.([a-z]+))?/i.exec(x.path);
    if (m) {
      const part = m[2] === 'labels' ? (m[3] ?? 'fr') : m[2] === 'options' ? 'options' : m[2] === 'type' ? 'type' : 'key';
      errors[`fields-${m[1]}-${part}`] = i.t('reg.form.error.field', { n: Number(m[1]) + 1, what: i.t(`reg.form.q.${part}` as MessageKey) });
    } else if (/^fields/.test(x.path)) errors['new-key'] = i.t('reg.form.error.keys');
    else {
      const k = ['opensAt', 'closesAt', 'capacity', 'workshopsMin', 'workshopsMax', 'offerHours'].find((y) => x.path.startsWith(y));
      if (k) errors[k] = i.t('reg.form.error.setting', { field: i.t(`reg.form.${k}` as MessageKey) });
      else errors._ = i.t('reg.error.other');
    }
  }
  return errors;
}

function Input(props: { name: string; id: string; label: string; value: string; type?: string; error?: string; hint?: string; min?: string }) {
  const d = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return <div class={props.error ? 'field field-invalid' : 'field'}>
    <label for={props.id}>{props.label}</label>
    {props.hint && <p class="field-hint" id={`${props.id}-hint`}>{props.hint}</p>}
    {props.error && <p class="field-error" id={`${props.id}-error`}>{props.error}</p>}
    <input id={props.id} name={props.name} type={props.type ?? 'text'} value={props.value} min={props.min} aria-invalid={props.error ? 'true' : undefined} aria-describedby={d} />
  </div>;
}

type Row = BuilderState['fields'][number];

function QuestionRow(props: { i: I18n; f: Row; prefix: string; idp: string; title: string; errors: Errors; last?: boolean; n?: number; count: number }) {
  const { i, f, prefix, idp, errors } = props;
  const q = (k: string) => i.t(`reg.form.q.${k}` as MessageKey);
  return (
    <fieldset class="builder-row">
      <legend>{props.title}</legend>
      <Input name={`${prefix}.key`} id={`f-${idp}-key`} label={q('key')} value={f.key} error={errors[`${idp}-key`]} hint={i.t('reg.form.q.key.hint')} />
      <div class={errors[`${idp}-type`] ? 'field field-invalid' : 'field'}>
        <label for={`f-${idp}-type`}>{q('type')}</label>
        {errors[`${idp}-type`] && <p class="field-error">{errors[`${idp}-type`]}</p>}
        <select id={`f-${idp}-type`} name={`${prefix}.type`}>{FIELD_TYPES.map((t) => <option value={t} selected={t === f.type}>{i.t(`reg.type.${t}` as MessageKey)}</option>)}</select>
      </div>
      <div class="check"><input type="checkbox" id={`f-${idp}-required`} name={`${prefix}.required`} value="yes" checked={f.required} /><label for={`f-${idp}-required`}>{q('required')}</label></div>
      <Input name={`${prefix}.fr`} id={`f-${idp}-fr`} label={q('fr')} value={f.fr} error={errors[`${idp}-fr`]} />
      <Input name={`${prefix}.en`} id={`f-${idp}-en`} label={q('en')} value={f.en} error={errors[`${idp}-en`]} />
      <Input name={`${prefix}.vi`} id={`f-${idp}-vi`} label={q('vi')} value={f.vi} error={errors[`${idp}-vi`]} />
      <div class={errors[`${idp}-options`] ? 'field field-invalid' : 'field'}>
        <label for={`f-${idp}-options`}>{q('options')}</label>
        <p class="field-hint" id={`f-${idp}-options-hint`}>{i.t('reg.form.q.options.hint')}</p>
        {errors[`${idp}-options`] && <p class="field-error">{errors[`${idp}-options`]}</p>}
        <textarea id={`f-${idp}-options`} name={`${prefix}.options`} rows={3} aria-describedby={`f-${idp}-options-hint`}>{f.options}</textarea>
      </div>
      {props.n !== undefined && <p class="row-actions">
        <button type="submit" name="op" value={`up:${props.n}`} class="secondary" disabled={props.n === 0}>{i.t('reg.form.up')}</button>{' '}
        <button type="submit" name="op" value={`down:${props.n}`} class="secondary" disabled={props.n === props.count - 1}>{i.t('reg.form.down')}</button>{' '}
        <button type="submit" name="op" value={`remove:${props.n}`} class="secondary danger">{i.t('reg.form.remove')}</button>
      </p>}
    </fieldset>
  );
}

export function FormBuilderPage(props: BuilderProps) {
  const { i, e, s } = props;
  const errors = props.errors ?? {};
  const path = builderPath(e.id);
  const set = (k: string) => i.t(`reg.form.${k}` as MessageKey);
  return (
    <Layout i={i} meta={{ title: i.t('reg.form.title', { event: e.title }), path, noindex: true }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('reg.form.kicker')}</p>
        <h1><span lang={textLang(i)}>{e.title}</span></h1>
        <p class="lead"><a href={i.path(`/events/${e.id}`)}>{i.t('reg.sheet')}</a>{props.exists && <> · <a href={i.path(`/espace/events/${encodeURIComponent(e.id)}/inscriptions`)}>{i.t('reg.block.manage')}</a> · <a href={i.path(`/events/${e.id}/register`)}>{i.t('reg.form.preview')}</a></>}</p>
      </header>
      {props.saved && <Notice kind="success"><p>{i.t('reg.form.saved')}</p></Notice>}
      {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
      <ErrorSummary i={i} errors={errors} />
      <form method="post" action={i.path(path)} class="stack-form builder" novalidate>
        <button type="submit" name="op" value="save" class="visually-hidden">{i.t('reg.form.save')}</button>
        <CsrfField token={props.csrf} />
        {s.version && <input type="hidden" name="version" value={String(s.version)} />}
        <input type="hidden" name="count" value={String(s.fields.length)} />
        <fieldset>
          <legend>{i.t('reg.form.settings')}</legend>
          <p class="field-hint">{i.t('reg.form.paris')}</p>
          <Input name="opensAt" id="f-opensAt" type="datetime-local" label={set('opensAt')} value={s.opensAt} error={errors.opensAt} />
          <Input name="closesAt" id="f-closesAt" type="datetime-local" label={set('closesAt')} value={s.closesAt} error={errors.closesAt} />
          <Input name="capacity" id="f-capacity" type="number" min="0" label={set('capacity')} value={s.capacity} error={errors.capacity} hint={i.t('reg.form.capacity.hint')} />
          <div class="check"><input type="checkbox" id="f-moderated" name="moderated" value="yes" checked={s.moderated} /><label for="f-moderated">{set('moderated')}</label></div>
          <Input name="workshopsMin" id="f-workshopsMin" type="number" min="0" label={set('workshopsMin')} value={s.workshopsMin} error={errors.workshopsMin} />
          <Input name="workshopsMax" id="f-workshopsMax" type="number" min="0" label={set('workshopsMax')} value={s.workshopsMax} error={errors.workshopsMax} hint={i.t('reg.form.workshopsMax.hint')} />
          <Input name="offerHours" id="f-offerHours" type="number" min="1" label={set('offerHours')} value={s.offerHours} error={errors.offerHours} hint={i.t('reg.form.offerHours.hint')} />
        </fieldset>
        <h2>{i.plural('reg.form.questions', s.fields.length)}</h2>
        {s.fields.length === 0 && <p class="muted">{i.t('reg.form.none')}</p>}
        {s.fields.map((f, n) => <QuestionRow i={i} f={f} prefix={`fields.${n}`} idp={`fields-${n}`} n={n} count={s.fields.length} errors={errors}
          title={i.t('reg.form.question', { n: n + 1, label: f.fr || f.key })} />)}
        <QuestionRow i={i} f={{ key: '', type: 'text', required: false, fr: '', en: '', vi: '', options: '' }} prefix="new" idp="new" count={0} errors={errors} title={i.t('reg.form.add.title')} />
        <p><button type="submit" name="op" value="add" class="secondary">{i.t('reg.form.add')}</button></p>
        <p><button type="submit" name="op" value="save">{i.t('reg.form.save')}</button></p>
      </form>
    </Layout>
  );
}
