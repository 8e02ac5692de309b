/**
 * Plain HTML forms → the nested input objects the API's zod schemas validate.
 *
 *   funding[2][amount]=80 000   agreements[1][axes][]=Eau   _remove=funding.0   _add=funding
 *
 * `nest` builds objects and arrays from bracketed names (numeric or empty `[]` segments make arrays; gaps
 * are closed in index order, after the rows named by `_remove` are taken out). `coerce` then walks the
 * schema: numbers where it wants numbers ("1 500,5" → 1500.5), empty strings → null (nullable) or
 * undefined (optional or required: zod then says "required"), blank optional objects → null, blank rows of
 * repeated groups dropped. Whatever cannot be converted stays as typed, so the form shows it back with zod's
 * message next to it. Names and ids of fields follow the zod issue paths: 'funding.1.amount' ⇄
 * `funding[1][amount]` ⇄ id `f-funding-1-amount`.
 */
import type { z } from 'zod';

type Seg = string | number;
const INDEX = /^\d{1,4}$/;
const MAX_FIELDS = 5000;

/** 'funding[2][amount]' → ['funding', 2, 'amount']; 'axes[]' → ['axes', '']; null when malformed. */
export function parseKey(key: string): Seg[] | null {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) return null;
  const segs: Seg[] = [m[1]];
  for (const [, s] of m[2].matchAll(/\[([^[\]]*)\]/g)) segs.push(INDEX.test(s) ? Number(s) : s);
  return segs;
}

export const fieldName = (path: string) => path.split('.').map((s, k) => (k ? `[${s}]` : s)).join('');
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_]+/g, '-')}`;
export const joinPath = (...parts: Array<string | number>) => parts.filter((p) => p !== '').join('.');

/** Sparse containers while building: arrays are Maps from the form's index to the value. */
type Sparse = Map<number, unknown> | { [k: string]: unknown };
const isMap = (x: unknown): x is Map<number, unknown> => x instanceof Map;

function put(root: Record<string, unknown>, segs: Seg[], value: string): void {
  let node: Sparse = root;
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const last = k === segs.length - 1;
    let key: string | number = seg;
    if (isMap(node)) {
      if (seg === '') key = node.size ? Math.max(...node.keys()) + 1 : 0;
      else if (typeof seg !== 'number') return; // a name segment under an array: malformed
    } else if (typeof seg === 'number' || seg === '') return; // an index under an object: malformed
    const get = (kk: string | number) => (isMap(node) ? node.get(kk as number) : (node as Record<string, unknown>)[kk as string]);
    const set = (kk: string | number, v: unknown) => { if (isMap(node)) node.set(kk as number, v); else (node as Record<string, unknown>)[kk as string] = v; };
    if (last) {
      const prev = get(key);
      // a repeated plain name (no brackets) keeps every value, like URLSearchParams.getAll
      if (prev === undefined) set(key, value);
      else if (Array.isArray(prev)) prev.push(value);
      else if (typeof prev === 'string') set(key, [prev, value]);
      return;
    }
    const wantArray = typeof segs[k + 1] === 'number' || segs[k + 1] === '';
    let next = get(key);
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) { next = wantArray ? new Map() : {}; set(key, next); }
    if (wantArray !== isMap(next)) return;
    node = next as Sparse;
  }
}

function drop(root: Record<string, unknown>, path: string): void {
  const segs = path.split('.').map((s) => (INDEX.test(s) ? Number(s) : s));
  let node: unknown = root;
  for (const [k, seg] of segs.entries()) {
    const last = k === segs.length - 1;
    if (isMap(node)) { if (last) node.delete(seg as number); else node = node.get(seg as number); }
    else if (node && typeof node === 'object') { if (last) delete (node as Record<string, unknown>)[seg as string]; else node = (node as Record<string, unknown>)[seg as string]; }
    else return;
  }
}

function compact(x: unknown): unknown {
  if (isMap(x)) return [...x.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => compact(v));
  if (x && typeof x === 'object' && !Array.isArray(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, compact(v)]));
  return x;
}

export interface FormControl {
  /** `_add`: the dotted path of the repeated group to which to add a row */
  add: string | null;
  /** `_action`: save (default), merge, … */
  action: string;
  /** every other field whose name starts with "_" (CSRF token, `_base`, `_mine`, `_pick:…`), first value */
  meta: Record<string, string>;
}

/** Bracketed names → nested objects and arrays (still strings), and the form's control fields. */
export function nest(params: URLSearchParams): { values: Record<string, unknown>; control: FormControl } {
  const root: Record<string, unknown> = {};
  const remove: string[] = [];
  const control: FormControl = { add: null, action: 'save', meta: {} };
  let n = 0;
  for (const [key, value] of params) {
    if (++n > MAX_FIELDS) break;
    if (key === '_remove') { remove.push(value); continue; }
    if (key === '_add') { control.add = value; continue; }
    if (key === '_action') { control.action = value; continue; }
    if (key.startsWith('_')) { control.meta[key] ??= value; continue; }
    const segs = parseKey(key);
    if (segs && typeof segs[0] === 'string') put(root, segs, value);
  }
  for (const path of remove) drop(root, path);
  return { values: compact(root) as Record<string, unknown>, control };
}

/* ----- schema-directed coercion (zod 4 definitions) ----- */

interface Unwrapped { base: z.ZodType; optional: boolean; nullable: boolean; hasDefault: boolean; defaultValue?: unknown }

const def = (s: z.ZodType) => (s as any)._zod.def as Record<string, any>;

export function unwrap(schema: z.ZodType): Unwrapped {
  const out: Unwrapped = { base: schema, optional: false, nullable: false, hasDefault: false };
  for (let s = schema; ;) {
    const d = def(s);
    if (d.type === 'optional') out.optional = true;
    else if (d.type === 'nullable') out.nullable = true;
    else if (d.type === 'default' || d.type === 'prefault') {
      out.hasDefault = true;
      out.defaultValue = typeof d.defaultValue === 'function' ? d.defaultValue() : d.defaultValue;
    } else if (d.type === 'pipe') { s = d.in; continue; } else { out.base = s; return out; }
    s = d.innerType;
  }
}

export const baseType = (schema: z.ZodType): string => def(unwrap(schema).base).type;
export const objectShape = (schema: z.ZodType): Record<string, z.ZodType> | null => (baseType(schema) === 'object' ? def(unwrap(schema).base).shape : null);
export const arrayElement = (schema: z.ZodType): z.ZodType | null => (baseType(schema) === 'array' ? def(unwrap(schema).base).element : null);

/** The schema of a dotted path inside a schema ('funding.1.amount'), or null. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType | null {
  let s: z.ZodType | null = schema;
  for (const seg of path ? path.split('.') : []) {
    if (!s) return null;
    s = INDEX.test(seg) ? arrayElement(s) : objectShape(s)?.[seg] ?? null;
  }
  return s;
}

const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const empty = (u: Unwrapped) => (u.nullable && !u.hasDefault ? null : undefined);

/** True when a row carries nothing but blanks and the schema's defaults (ids of existing rows aside). */
export function isBlank(schema: z.ZodType, raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') {
    const u = unwrap(schema);
    return raw.trim() === '' || (u.hasDefault && typeof u.defaultValue === 'string' && raw === u.defaultValue);
  }
  if (Array.isArray(raw)) { const el = arrayElement(schema); return raw.every((x) => (el ? isBlank(el, x) : x === '')); }
  if (typeof raw === 'object') {
    const shape = objectShape(schema);
    return Object.entries(raw as Record<string, unknown>).every(([k, v]) => k === 'id' || !shape?.[k] || isBlank(shape[k], v));
  }
  return false;
}

export interface CoerceOptions {
  /** drop rows of repeated groups that are blank (on save); keep them while editing (after "add a line") */
  dropBlank?: boolean;
}

export function coerce(schema: z.ZodType, raw: unknown, opts: CoerceOptions = {}): unknown {
  const u = unwrap(schema);
  const d = def(u.base);
  if (raw === undefined) return undefined;
  switch (d.type) {
    case 'string': case 'enum': case 'literal':
      return typeof raw === 'string' && raw.trim() === '' ? empty(u) : raw;
    case 'number': {
      if (typeof raw !== 'string') return raw;
      const s = raw.replace(/[\s\u00a0\u202f]/g, '');
      if (s === '') return empty(u);
      const n = s.replace(/^([-+]?\d+),(\d+)$/, '$1.$2');
      return NUMBER.test(n) ? Number(n) : raw;
    }
    case 'boolean':
      // a checkbox sends its value when ticked and nothing when not (the schema's default then applies)
      return typeof raw === 'string' ? ['true', 'on', '1'].includes(raw.trim()) : raw;
    case 'union': {
      // amounts: a number or a decimal string; the schema parses the string itself
      if (typeof raw === 'string') return raw.trim() === '' ? empty(u) : raw.trim();
      return raw;
    }
    case 'object': {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return typeof raw === 'string' && raw.trim() === '' ? empty(u) : raw;
      if ((u.optional || u.nullable || u.hasDefault) && isBlank(u.base, raw)) return u.hasDefault ? undefined : empty(u);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        const field = d.shape[k] as z.ZodType | undefined;
        if (!field) continue;
        const c = coerce(field, v, opts);
        if (c !== undefined) out[k] = c;
      }
      return out;
    }
    case 'array': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : raw && typeof raw === 'object' ? Object.values(raw) : [raw];
      const el = d.element as z.ZodType;
      const isObject = baseType(el) === 'object';
      const kept = opts.dropBlank ? list.filter((x) => !isBlank(el, x)) : list;
      return kept.map((x) => coerce(el, x, opts) ?? (isObject ? {} : ''));
    }
    case 'record': {
      // key/value rows: codes[0][key]=insee&codes[0][value]=95127 (kept as rows while editing)
      if (!Array.isArray(raw)) return raw;
      const rows = raw.filter((r): r is { key?: unknown; value?: unknown } => !!r && typeof r === 'object')
        .map((r) => ({ key: String(r.key ?? '').trim(), value: String(r.value ?? '').trim() }));
      if (!opts.dropBlank) return rows;
      const pairs = rows.filter((r) => r.key || r.value).map((r) => [r.key, r.value]);
      return pairs.length ? Object.fromEntries(pairs) : u.hasDefault ? undefined : empty(u);
    }
    default:
      return raw;
  }
}

/** Adds an empty row (object) or entry (string) to the repeated group at `path`; false when there is none. */
export function addRow(schema: z.ZodType, values: Record<string, unknown>, path: string): boolean {
  const s = schemaAt(schema, path);
  const el = s ? arrayElement(s) : null;
  const keyValueRows = !!s && baseType(s) === 'record';
  if (!el && !keyValueRows) return false;
  const segs = path.split('.');
  let node: any = values;
  for (const [k, seg] of segs.entries()) {
    const last = k === segs.length - 1;
    const key = INDEX.test(seg) ? Number(seg) : seg;
    if (node[key] === undefined || node[key] === null) { if (!last) return false; node[key] = []; }
    if (last) { if (!Array.isArray(node[key])) return false; node[key].push(keyValueRows || baseType(el!) === 'object' ? {} : ''); return true; }
    node = node[key];
    if (!node || typeof node !== 'object') return false;
  }
  return false;
}

/** URLSearchParams → the coerced draft of `schema` (may still be invalid), and the control fields. */
export function parseForm(params: URLSearchParams, schema: z.ZodType, opts: CoerceOptions = {}) {
  const { values, control } = nest(params);
  const draft = (coerce(schema, values, opts) ?? {}) as Record<string, unknown>;
  return { values: draft, control };
}

/** A value at a dotted path of a draft. */
export function valueAt(values: unknown, path: string): unknown {
  let node: any = values;
  for (const seg of path ? path.split('.') : []) {
    if (node === null || node === undefined) return undefined;
    node = node[INDEX.test(seg) ? Number(seg) : seg];
  }
  return node;
}
