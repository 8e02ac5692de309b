/** Form pieces of the account pages: labelled fields with their error next to them, and an error summary. */
import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/index.js';

export type Errors = Record<string, string>;

export function Field(props: {
  name: string; label: string; type?: string; value?: string; error?: string; hint?: string; autocomplete?: string; required?: boolean; readonly?: boolean;
}) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && <p class="field-hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p class="field-error" id={`${id}-error`}>{props.error}</p>}
      <input id={id} name={props.name} type={props.type ?? 'text'} value={props.value ?? ''} autocomplete={props.autocomplete}
        required={props.required} readonly={props.readonly} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy} />
    </div>
  );
}

/** A message at the top of a form: an error (role=alert) or a confirmation (role=status). */
export function Notice(props: { kind: 'error' | 'success' | 'info'; title?: string; children?: Child }) {
  return (
    <div class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.title && <p class="notice-title">{props.title}</p>}
      {props.children}
    </div>
  );
}

/** The field errors as a list of links to the fields, when there are any. */
export function ErrorSummary(props: { i: I18n; errors: Errors }) {
  const entries = Object.entries(props.errors).filter(([k]) => k !== '_');
  if (!entries.length && !props.errors._) return null;
  return (
    <Notice kind="error" title={props.i.t('auth.error.title')}>
      {props.errors._ && <p>{props.errors._}</p>}
      {entries.length > 0 && <ul>{entries.map(([k, v]) => <li><a href={`#f-${k}`}>{v}</a></li>)}</ul>}
    </Notice>
  );
}
