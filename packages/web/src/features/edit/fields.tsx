/**
 * Form fields shared by the five forms. Every input has a label, its error next to it (aria-invalid,
 * aria-describedby) and a name that follows the zod path ('funding.1.amount' → funding[1][amount]).
 * Repeated groups render their rows, a "remove" checkbox per row, an "add a line" submit button (works
 * without JavaScript) and a <template> of an empty row that client/edit.ts clones.
 */
import type { Child } from 'hono/jsx';
import { themeTree } from '@tandem/shared';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import type { FieldErrors } from './errors.js';
import { fieldId, fieldName, valueAt } from './form-data.js';

export interface Option { id: string; name: string }
export interface FormCtx {
  i: I18n;
  values: Record<string, unknown>;
  errors: FieldErrors;
  /** display names of referenced records, by id */
  names: Record<string, string>;
  /** the row just added: its first field gets autofocus */
  focus: string | null;
  /** ids of what was rendered, so the error summary links to a field that exists */
  rendered: Set<string>;
  lists: { organisations: Option[]; partnerships: Option[]; countries: Option[]; series?: Option[]; groups?: Option[]; events?: Option[] };
}

export const label = (i: I18n, field: string) => i.t(`field.${field}` as MessageKey);
const TOKEN = /^(\d+|__\d+__)$/;
const depth = (path: string) => path.split('.').filter((s) => TOKEN.test(s)).length;
const inTemplate = (path: string) => /__\d+__/.test(path);

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** aria attributes tying an input to its hint and error. */
function described(f: FormCtx, path: string, extra: string[] = []) {
  const id = fieldId(path);
  const error = f.errors[path];
  const ids = [...extra, ...(error ? [`${id}-error`] : [])];
  return { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
}

function register(f: FormCtx, path: string) {
  if (!inTemplate(path)) f.rendered.add(path);
}

/** true for the first field rendered at or under f.focus (the row just added): it gets autofocus. */
function claimFocus(f: FormCtx, path: string): true | undefined {
  if (!f.focus || !(path === f.focus || path.startsWith(`${f.focus}.`))) return undefined;
  f.focus = null;
  return true;
}

export function FieldError(props: { f: FormCtx; path: string }) {
  const message = props.f.errors[props.path];
  return message ? <p class="field-error" id={`${fieldId(props.path)}-error`}>{message}</p> : null;
}

function Label(props: { f: FormCtx; path: string; text: string; required?: boolean }) {
  return <label for={fieldId(props.path)}>{props.text}{props.required && <span class="req" title={props.f.i.t('edit.required')}> *</span>}</label>;
}

export interface FieldProps { f: FormCtx; path: string; label?: string; required?: boolean; hint?: string; wide?: boolean }

export function Text(props: FieldProps & { multiline?: boolean; rows?: number; type?: string; inputmode?: "decimal" | "numeric" | "text"; size?: number; list?: string; placeholder?: string }) {
  const { f, path } = props;
  const id = fieldId(path);
  register(f, path);
  const value = text(valueAt(f.values, path));
  const aria = described(f, path, props.hint ? [`${id}-hint`] : []);
  const common = { id, name: fieldName(path), 'aria-required': props.required ? 'true' : undefined, autofocus: claimFocus(f, path), ...aria };
  return (
    <div class={`field${props.wide || props.multiline ? ' wide' : ''}`}>
      <Label f={f} path={path} text={props.label ?? label(f.i, path.split('.').at(-1)!)} required={props.required} />
      {props.multiline
        ? <textarea {...common} rows={props.rows ?? 4}>{value}</textarea>
        : <input {...common} type={props.type ?? 'text'} value={value} inputmode={props.inputmode} size={props.size} list={props.list} placeholder={props.placeholder} autocomplete="off" />}
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      <FieldError f={f} path={path} />
    </div>
  );
}

export const DateField = (props: FieldProps) => <Text {...props} hint={props.f.i.t('edit.date.hint')} size={12} />;
export const NumberField = (props: FieldProps & { size?: number }) => <Text {...props} inputmode="decimal" size={props.size ?? 10} />;

/** A yes/no field: ticked sends "true", unticked sends nothing (the schema's default, false). */
export function Checkbox(props: FieldProps) {
  const { f, path } = props;
  const id = fieldId(path);
  register(f, path);
  const v = valueAt(f.values, path);
  return (
    <div class="field field-check">
      <input type="checkbox" id={id} name={fieldName(path)} value="true" checked={v === true || v === 'true'} autofocus={claimFocus(f, path)} {...described(f, path)} />
      <label for={id}>{props.label ?? label(f.i, path.split('.').at(-1)!)}</label>
      <FieldError f={f} path={path} />
    </div>
  );
}

/** `def`: the schema's default, shown selected when there is no value yet (new rows). */
export function Select(props: FieldProps & { options: readonly string[]; group?: string; labels?: Option[]; empty?: MessageKey; def?: string }) {
  const { f, path } = props;
  const { i } = f;
  const id = fieldId(path);
  register(f, path);
  const value = text(valueAt(f.values, path)) || props.def || '';
  const opts: Option[] = props.labels ?? props.options.map((o) => ({ id: o, name: props.group ? i.l(props.group, o) : o }));
  const known = !value || opts.some((o) => o.id === value);
  return (
    <div class="field">
      <Label f={f} path={path} text={props.label ?? label(i, path.split('.').at(-1)!)} required={props.required} />
      <select id={id} name={fieldName(path)} aria-required={props.required ? 'true' : undefined} autofocus={claimFocus(f, path)} {...described(f, path)}>
        {(props.empty || !value) && <option value="" selected={!value}>{i.t(props.empty ?? 'edit.choose')}</option>}
        {!known && <option value={value} selected>{value}</option>}
        {opts.map((o) => <option value={o.id} selected={o.id === value}>{o.name}</option>)}
      </select>
      <FieldError f={f} path={path} />
    </div>
  );
}

export type RefKind = 'organisation' | 'territory' | 'partnership';

/**
 * A reference to another record by id. Without JavaScript: a text input for the id, a <datalist> of
 * organisations/partnerships, the chosen record's name, and a link to the search. client/edit.ts turns it
 * into a combobox fed by /api/autocomplete/… (organisations and territories).
 */
export function Ref(props: FieldProps & { kind: RefKind }) {
  const { f, path, kind } = props;
  const { i } = f;
  const id = fieldId(path);
  register(f, path);
  const value = text(valueAt(f.values, path));
  const name = value ? f.names[value] : undefined;
  const plural = kind === 'territory' ? 'territories' : `${kind}s`;
  const list = kind === 'territory' ? undefined : `dl-${plural}`;
  return (
    <div class={`field ref${props.wide ? ' wide' : ''}`}>
      <Label f={f} path={path} text={props.label ?? label(i, path.split('.').at(-1)!)} required={props.required} />
      <input id={id} name={fieldName(path)} type="text" value={value} list={list} autocomplete="off" spellcheck={false}
        data-autocomplete={kind === 'partnership' ? undefined : plural} data-lang={i.lang}
        aria-required={props.required ? 'true' : undefined} autofocus={claimFocus(f, path)}
        {...described(f, path, [`${id}-hint`, `${id}-name`])} />
      <p class="hint" id={`${id}-hint`}>{i.t(`edit.ref.help.${kind}` as MessageKey)}{' '}
        <a href={i.path(`/search?kind=${kind}`)} target="_blank" rel="noopener" class="ref-search">{i.t('edit.ref.search')}</a></p>
      <p class="ref-name" id={`${id}-name`} aria-live="polite">{value ? (name ? i.t('edit.ref.current', { name }) : i.t('edit.ref.unknown')) : ''}</p>
      <FieldError f={f} path={path} />
    </div>
  );
}

/** <datalist>s for the references without JavaScript (territories are too many: search instead). */
export function DataLists(props: { f: FormCtx }) {
  const { lists } = props.f;
  return (
    <>
      <datalist id="dl-organisations">{lists.organisations.map((o) => <option value={o.id}>{o.name}</option>)}</datalist>
      <datalist id="dl-partnerships">{lists.partnerships.map((o) => <option value={o.id}>{o.name}</option>)}</datalist>
    </>
  );
}

export function Group(props: { f: FormCtx; path: string; title: string; children?: Child; hint?: string }) {
  register(props.f, props.path);
  return (
    <fieldset class="group" id={fieldId(props.path)} aria-describedby={props.f.errors[props.path] ? `${fieldId(props.path)}-error` : undefined}>
      <legend>{props.title}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      <FieldError f={props.f} path={props.path} />
      {props.children}
    </fieldset>
  );
}

/**
 * A repeated group: the rows of values at `path`, each with its fields (row(path of the row)) and a
 * "remove" checkbox; an "add a line" button; a template row for the script (index token __d__, where d is
 * the nesting depth, so that a template inside a template keeps its own token).
 */
export function Rows(props: { f: FormCtx; path: string; title: string; rowLabel?: string; row: (rowPath: string) => Child; compact?: boolean }) {
  const { f, path } = props;
  const { i } = f;
  const items = inTemplate(path) ? [] : (valueAt(f.values, path) as unknown[] | undefined) ?? [];
  const token = `__${depth(path)}__`;
  const legend = (n: string | number) => (props.rowLabel ? `${props.rowLabel} ${n}` : i.t('edit.row', { n }));
  const row = (rowPath: string, n: string | number) => (
    <li class={`row${props.compact ? ' compact' : ''}`} data-row={rowPath}>
      <fieldset class="row-fields">
        <legend>{legend(n)}</legend>
        <div class="row-grid">{props.row(rowPath)}</div>
        <p class="row-remove">
          <input type="checkbox" name="_remove" value={rowPath} id={`${fieldId(rowPath)}-remove`} />
          <label for={`${fieldId(rowPath)}-remove`}>{i.t('edit.remove')}</label>
        </p>
      </fieldset>
    </li>
  );
  register(f, path);
  return (
    <fieldset class="group rows-group" id={fieldId(path)} data-rows={path} data-token={token} data-next={String(items.length)}
      aria-describedby={f.errors[path] ? `${fieldId(path)}-error` : undefined}>
      <legend>{props.title}</legend>
      <FieldError f={f} path={path} />
      <ol class="rows">{items.map((_, n) => row(`${path}.${n}`, n + 1))}</ol>
      <template data-template={path}>{row(`${path}.${token}`, `${token.slice(0, -2)}n__`)}</template>
      <p class="add-row"><button type="submit" name="_add" value={path} formnovalidate class="secondary">{i.t('edit.add', { group: props.title })}</button></p>
    </fieldset>
  );
}

/** Theme checkboxes, grouped by top-level theme. */
export function Themes(props: { f: FormCtx; path?: string }) {
  const { f } = props;
  const { i } = f;
  const path = props.path ?? 'themes';
  const chosen = new Set(((valueAt(f.values, path) as unknown[] | undefined) ?? []).map(String));
  register(f, path);
  const box = (id: string, text: string) => {
    const boxId = `${fieldId(path)}-${id.replace(/\./g, '-')}`;
    return <li><input type="checkbox" name={`${fieldName(path)}[]`} value={id} id={boxId} checked={chosen.has(id)} /> <label for={boxId}>{text}</label></li>;
  };
  const name = (t: { fr: string; en: string; vi: string }) => t[i.lang];
  return (
    <fieldset class="group" id={fieldId(path)}>
      <legend>{label(i, 'themes')}</legend>
      <FieldError f={f} path={path} />
      <details open={f.errors[path] ? true : undefined}>
        <summary data-forms={JSON.stringify(i.forms('edit.themes.count'))}>{i.plural('edit.themes.count', chosen.size)}</summary>
        <div class="theme-groups">
          {themeTree.map((top) => (
            <ul class="checks">{box(top.id, name(top))}{(top.children ?? []).flatMap((c) => [box(c.id, name(c)), ...(c.children ?? []).map((g) => box(g.id, `${name(c)} › ${name(g)}`))])}</ul>
          ))}
        </div>
      </details>
    </fieldset>
  );
}
