/**
 * JSON Schema (as the OpenAPI description gives it, from the zod schemas) → fast-check arbitraries of values that
 * mostly fit it, and of the same values with hostile values mixed in at any depth.
 */
import fc from 'fast-check';
import { hostileJson } from './hostile.js';

/** Real ids of the database, filled before the run (a record the request names exists often enough). */
export interface Known { ids: string[] }

export type Schema = Record<string, any>;
const ID_NAME = /(^id$|Id$|^themes$|^places$|^organisations$)/;

/** An arbitrary for schema; dirty: each node may be replaced by a hostile value (1 in 12). */
export function fromSchema(schema: Schema, known: Known, dirty: boolean, name = ''): fc.Arbitrary<unknown> {
  const clean = cleanOf(schema, known, dirty, name);
  return dirty ? fc.oneof({ weight: 11, arbitrary: clean }, { weight: 1, arbitrary: hostileJson }) : clean;
}

export const knownId = (known: Known) => fc.nat().map((n) => known.ids.length ? known.ids[n % known.ids.length] : 'cd93');

function cleanOf(s: Schema, known: Known, dirty: boolean, name: string): fc.Arbitrary<unknown> {
  const sub = (x: Schema, n = name) => fromSchema(x, known, dirty, n);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => sub(x)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t: string) => sub({ ...s, type: t })));
  switch (s.type) {
    case 'string': {
      const text = stringOf(s);
      return ID_NAME.test(name) ? fc.oneof(knownId(known), text) : text;
    }
    case 'integer': return fc.integer({ min: Math.max(s.minimum ?? -(2 ** 31), -(2 ** 31)), max: Math.min(s.maximum ?? 2 ** 31 - 1, 2 ** 31 - 1) });
    case 'number': return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const items = s.items ? sub(s.items, name) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(items, { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)) });
    }
    case 'object': {
      const props = Object.fromEntries(Object.entries<Schema>(s.properties ?? {}).map(([k, v]) => [k, sub(v, k)]));
      const rec = fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
      if (!s.additionalProperties) return rec;
      const extra = fc.dictionary(fc.string({ maxLength: 8 }), sub(s.additionalProperties), { maxKeys: 3 });
      return fc.tuple(rec, extra).map(([a, b]) => ({ ...b, ...a }));
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri') return fc.webUrl();
  if (s.format === 'date') return fc.date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).map((x) => x.slice(0, s.maxLength ?? 200));
  const size = { minLength: s.minLength ?? 0, maxLength: Math.max(s.minLength ?? 0, Math.min(s.maxLength ?? 40, 40)) };
  return fc.oneof(fc.string({ unit: 'grapheme-ascii', ...size }), fc.string({ unit: 'grapheme', ...size }));
}
