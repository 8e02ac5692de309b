/**
 * Requests the fuzzer sends: every operation of the OpenAPI description (path and query parameters and JSON bodies
 * derived from its schemas, mixed with hostile values) and GET pages from route patterns, as anonymous, a member
 * signed in by session (cookie + CSRF token) or by a bearer token.
 */
import fc from 'fast-check';
import { enc, hostileJson, hostileUrlPart, toJson } from './hostile.js';
import { fromSchema, knownId, type Known, type Schema } from './schema-arb.js';

export type Identity = 'anonymous' | 'session' | 'bearer';
export interface FuzzRequest { as: Identity; method: string; path: string; body?: string }

const identity = fc.constantFrom<Identity>('anonymous', 'session', 'bearer');

/** A value of a URL part: string as is, anything else as JSON, percent-encoded. */
const urlValue = (v: unknown) => enc(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v) ?? '');

function param(schema: Schema, known: Known, name: string): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fromSchema(schema, known, false, name).map(urlValue) }, { weight: 1, arbitrary: hostileUrlPart });
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'q', 'page', 'x', '%00', 'a%ff', 'toString'];

/** "?a=1&b=2" from (name, value) pairs, some left out, with now and then an unknown or repeated key. */
function queryOf(params: Array<{ name: string; schema: Schema; required?: boolean }>, known: Known): fc.Arbitrary<string> {
  const pairs = params.map((p) => (p.required ? param(p.schema, known, p.name) : fc.option(param(p.schema, known, p.name), { freq: 2 }))
    .map((v) => (v === null ? [] : [`${p.name}=${v}`])));
  const extra = fc.option(fc.tuple(fc.constantFrom(...EXTRA_KEYS, ...params.map((p) => p.name)), hostileUrlPart).map(([k, v]) => [`${k}=${v}`]), { freq: 4 })
    .map((x) => x ?? []);
  return fc.tuple(...pairs, extra).map((parts) => {
    const q = parts.flat().join('&');
    return q ? `?${q}` : '';
  });
}

/** Balanced JSON nested 100,000 levels deep (valid, 200 KB and 600 KB): nothing may walk it recursively. */
const DEEP_ARRAY = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;

function bodyOf(schema: Schema, known: Known): fc.Arbitrary<string> {
  const clean = fromSchema(schema, known, false);
  const missing = clean.chain((v) => (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length
    ? fc.constantFrom(...Object.keys(v)).map((k) => { const o = { ...(v as object) } as Record<string, unknown>; delete o[k]; return o; })
    : fc.constant(v)));
  const withProto = clean.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...JSON.parse('{"__proto__": {"polluted": "yes"}}'), ...v } : v));
  return fc.oneof(
    { weight: 4, arbitrary: clean.map(toJson) },
    { weight: 4, arbitrary: fromSchema(schema, known, true).map(toJson) },
    { weight: 1, arbitrary: missing.map(toJson) },
    { weight: 1, arbitrary: withProto.map(toJson) },
    { weight: 1, arbitrary: hostileJson.map(toJson) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '{', 'null', 'not json', '{"a":1}{', '\u0000', '{"version":1e400}', `[${'['.repeat(5000)}`, DEEP_ARRAY, DEEP_OBJECT) },
  );
}

/** One arbitrary request per operation of the OpenAPI document, chosen evenly. */
export function apiRequests(doc: { paths: Record<string, Record<string, any>> }, known: Known): fc.Arbitrary<FuzzRequest> {
  const ops: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params: Array<{ name: string; in: string; schema: Schema; required?: boolean }> = op.parameters ?? [];
      const inPath = params.filter((p) => p.in === 'path');
      const path = fc.tuple(...inPath.map((p) => param(p.schema, known, p.name))).map((values) =>
        inPath.reduce((t, p, i) => t.replace(`{${p.name}}`, values[i] === '' ? '%20' : values[i]), template));
      const query = queryOf(params.filter((p) => p.in === 'query'), known);
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const body = schema ? bodyOf(schema, known) : fc.constant(undefined);
      ops.push(fc.record({ as: identity, method: fc.constant(method.toUpperCase()), path: fc.tuple(path, query).map(([p, q]) => p + q), body })
        .map((r) => (r.body === undefined ? { as: r.as, method: r.method, path: r.path } : r) as FuzzRequest));
    }
  }
  return fc.oneof(...ops);
}

const QUERY_KEYS = ['q', 'page', 'kind', 'country', 'territory', 'theme', 'orgKind', 'funder', 'year', 'status', 'fragment', 'format', 'returnTo', 'lang'];
const QUERY_VALUES = fc.oneof(fc.constantFrom('1', '2', 'VN', 'FR', 'eau', 'project', '2020', 'hue', 'active'), fc.string({ maxLength: 12 }).map(enc), hostileUrlPart);

/** A segment of a page route pattern: literal, ":name{a|b}" / ":name{regex}", ":name", or "*". */
function segment(seg: string, known: Known): fc.Arbitrary<string> {
  if (seg === '*') return fc.array(fc.oneof(fc.constantFrom('map', 'projects', 'statistics', 'innotech-master', 'partnerships'), knownId(known), hostileUrlPart), { maxLength: 3 }).map((s) => s.join('/'));
  const m = /^:[A-Za-z.]+(?:\{(.*)\})?$/.exec(seg);
  if (!m) return fc.constant(seg);
  const pattern = m[1];
  const fitting = !pattern ? fc.oneof(knownId(known), fc.string({ maxLength: 20 }).map(enc))
    : /^[A-Za-z|-]+$/.test(pattern) ? fc.constantFrom(...pattern.split('|')) : fc.stringMatching(new RegExp(`^(?:${pattern})$`));
  return fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: hostileUrlPart });
}

/** GET pages from hono route patterns (with their /en and /vi copies), with random query strings. */
export function pageRequests(patterns: string[], known: Known): fc.Arbitrary<FuzzRequest> {
  const pages = patterns.map((p) => fc.tuple(...p.split('/').map((s) => segment(s, known))).map((parts) => parts.join('/') || '/'));
  const random = fc.array(fc.oneof(fc.constantFrom('en', 'vi', 'projects', 'search', 'embed', 'embed-code', 'statistics', 'apd', 'edit'), hostileUrlPart), { minLength: 1, maxLength: 4 })
    .map((s) => `/${s.join('/')}`);
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileUrlPart), QUERY_VALUES), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
  return fc.record({
    as: fc.constantFrom<Identity>('anonymous', 'session'),
    method: fc.constant('GET'),
    path: fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.oneof(...pages) }, { weight: 1, arbitrary: random }), query).map(([p, q]) => p + q),
  });
}
