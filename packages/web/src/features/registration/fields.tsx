/**
 * The registration form's questions, rendered from the organisers' field definitions in the page's language (French
 * when a label is missing), each with its required mark and its error next to it; and the posted form read back into
 * answers (`answers.<key>`, repeated for multiple choices).
 */
import type { Db } from '../../../../server/src/db/client.js';
import { localName } from '../../i18n/index.js';
import type { I18n } from '../../i18n/index.js';
import type { Errors } from '../auth/form.js';
import { label, type Answer, type FormField } from './types.js';

export type Countries = Array<{ id: string; name: string }>;

/** The countries for a « country » question, named in the reader's language. */
export async function countries(db: Db, lang: string): Promise<Countries> {
  const rows = await db.query<{ id: string; name: string; names: Record<string, string> | null }>(
    `select id, name, names from territory where kind = 'country' and valid_to is null`);
  return rows.map((r) => ({ id: r.id, name: localName(r, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** Tandem's organisations, offered to an « organisation » question (a name picked there links the registration to it). */
export async function organisationNames(db: Db, fields: Array<{ type: string }> | undefined): Promise<string[]> {
  if (!fields?.some((f) => f.type === 'organisation')) return [];
  const rows = await db.query<{ name: string }>(`select name from organisation where kind <> 'other' order by name limit 3000`);
  return rows.map((r) => r.name);
}

export const fieldId = (key: string) => `f-answers-${key}`;

function Required(props: { i: I18n; on: boolean }) {
  return props.on ? <> <abbr class="required" title={props.i.t('reg.required')}>*</abbr></> : null;
}

function ErrorLine(props: { id: string; error?: string }) {
  return props.error ? <p class="field-error" id={`${props.id}-error`}>{props.error}</p> : null;
}

const asList = (v: Answer | undefined): string[] => (Array.isArray(v) ? v.map(String) : v == null || v === '' ? [] : [String(v)]);

/** One question: a text/number/date input, a country list, radios (choice, yes/no), checkboxes (multi), a consent box. */
export function Question(props: { i: I18n; f: FormField; value?: Answer; error?: string; countries: Countries; organisations?: string[] }) {
  const { i, f, error } = props;
  const id = fieldId(f.key);
  const name = `answers.${f.key}`;
  const text = label(f.labels, i.lang);
  const invalid = error ? 'true' : undefined;
  const described = error ? `${id}-error` : undefined;
  const cls = error ? 'field field-invalid' : 'field';
  const value = props.value;
  if (f.type === 'choice' || f.type === 'multi' || f.type === 'yesno') {
    const options = f.type === 'yesno'
      ? [{ value: 'yes', text: i.t('reg.yes') }, { value: 'no', text: i.t('reg.no') }]
      : (f.options ?? []).map((o) => ({ value: o.value, text: label(o.labels, i.lang) }));
    const chosen = f.type === 'yesno' ? (value === true ? ['yes'] : value === false ? ['no'] : asList(value)) : asList(value);
    const type = f.type === 'multi' ? 'checkbox' : 'radio';
    return (
      <fieldset class={cls} id={id} aria-describedby={described}>
        <legend>{text}<Required i={i} on={f.required} /></legend>
        <ErrorLine id={id} error={error} />
        {options.map((o, n) => <div class="check">
          <input type={type} id={`${id}-${n}`} name={name} value={o.value} checked={chosen.includes(o.value)} aria-invalid={invalid} />
          <label for={`${id}-${n}`}>{o.text}</label>
        </div>)}
      </fieldset>
    );
  }
  if (f.type === 'consent') {
    return (
      <div class={cls}>
        <ErrorLine id={id} error={error} />
        <div class="check">
          <input type="checkbox" id={id} name={name} value="yes" checked={value === true || value === 'yes'} aria-invalid={invalid} aria-describedby={described} />
          <label for={id}>{text}<Required i={i} on={f.required} /></label>
        </div>
      </div>
    );
  }
  if (f.type === 'country') {
    const current = asList(value)[0] ?? '';
    return (
      <div class={cls}>
        <label for={id}>{text}<Required i={i} on={f.required} /></label>
        <ErrorLine id={id} error={error} />
        <select id={id} name={name} aria-invalid={invalid} aria-describedby={described}>
          <option value="">{i.t('reg.choose')}</option>
          {props.countries.map((c) => <option value={c.id} selected={c.id === current}>{c.name}</option>)}
        </select>
      </div>
    );
  }
  const type = f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text';
  return (
    <div class={cls}>
      <label for={id}>{text}<Required i={i} on={f.required} /></label>
      <ErrorLine id={id} error={error} />
      <input id={id} name={name} type={type} value={asList(value)[0] ?? ''} aria-invalid={invalid} aria-describedby={described}
        autocomplete={f.type === 'organisation' ? 'organization' : undefined} step={type === 'number' ? 'any' : undefined}
        list={f.type === 'organisation' && props.organisations?.length ? `${id}-list` : undefined} />
      {f.type === 'organisation' && props.organisations?.length ? <datalist id={`${id}-list`}>{props.organisations.map((n) => <option value={n} />)}</datalist> : null}
    </div>
  );
}

type Body = Record<string, string | File | Array<string | File>>;
const strings = (v: Body[string] | undefined): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'));

/** The posted answers as the server's schema takes them; empty answers are null (the server names what is required). */
export function readAnswers(fields: FormField[], body: Body): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const f of fields) {
    const got = strings(body[`answers.${f.key}`]).map((s) => s.trim()).filter(Boolean);
    if (f.type === 'multi') out[f.key] = got;
    else if (f.type === 'yesno') out[f.key] = got[0] === 'yes' ? true : got[0] === 'no' ? false : null;
    else if (f.type === 'consent') out[f.key] = got[0] === 'yes';
    else if (f.type === 'number') out[f.key] = got[0] === undefined ? null : Number.isFinite(Number(got[0])) ? Number(got[0]) : got[0];
    else out[f.key] = got[0] ?? null;
  }
  return out;
}

export const readList = strings;

/** Server issues (`answers.<key>`, `name`, `sessions`…) as errors by field, each message naming the field. */
export function issueErrors(i: I18n, fields: FormField[], issues: Array<{ path: string; message: string }>): Errors {
  const errors: Errors = {};
  for (const x of issues) {
    const m = /^answers\.([a-z][a-z0-9_]*)/.exec(x.path);
    const f = m ? fields.find((y) => y.key === m[1]) : undefined;
    if (f) errors[`answers-${f.key}`] = i.t('reg.error.answer', { field: label(f.labels, i.lang) });
    else if (/^name/.test(x.path)) errors.name = i.t('reg.error.name');
    else if (/^email/.test(x.path)) errors.email = i.t('reg.error.email');
    else if (/^sessions/.test(x.path)) errors.sessions = i.t('reg.error.sessions');
    else if (/^closed|^dates|opens|closes/.test(x.path)) errors._ = i.t('reg.error.closed');
    else errors._ = errors._ ?? i.t('reg.error.other');
  }
  return errors;
}
