/**
 * Requests the fuzzer sends: every operation of the OpenAPI description (path and query parameters and JSON bodies
 * derived from its schemas, mixed with hostile values) and GET pages from route patterns, as anonymous, a member
 * signed in by session (cookie + CSRF token) or by a bearer token.
 */
import fc from 'fast-check';
import { enc, hostileJson, hostileStrings, hostileUrlPart, toJson } from './hostile.js';
import { fromSchema, knownId, type Known, type Schema } from './schema-arb.js';

export type Identity = 'anonymous' | 'session' | 'bearer';
/** route: the operation or page pattern it was drawn from ("POST /api/events/{id}"); form: a urlencoded page form */
export interface FuzzRequest { as: Identity; method: string; path: string; body?: string; form?: boolean; route?: string }

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

/** One arbitrary request per operation of the OpenAPI document. */
export function apiRequests(doc: { paths: Record<string, Record<string, any>> }, known: Known): Array<fc.Arbitrary<FuzzRequest>> {
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
      const route = `${method.toUpperCase()} ${template}`;
      ops.push(fc.record({ as: identity, method: fc.constant(method.toUpperCase()), path: fc.tuple(path, query).map(([p, q]) => p + q), body })
        .map((r) => (r.body === undefined ? { as: r.as, method: r.method, path: r.path, route } : { ...r, route }) as FuzzRequest));
    }
  }
  return ops;
}

/** Field names of the API's request bodies (forms mirror them), at every depth, with the forms' own. */
export function fieldNames(doc: { paths: Record<string, Record<string, any>> }): string[] {
  const names = new Set(['_csrf', 'returnTo', 'version', 'email', 'password', 'action', 'lang', 'id', 'file', 'text', 'html', 'confirm']);
  const walk = (s: any, depth: number) => {
    if (!s || typeof s !== 'object' || depth > 6) return;
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) { names.add(k); walk(v, depth + 1); }
    for (const x of [s.items, s.additionalProperties, ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(x, depth + 1);
  };
  for (const methods of Object.values(doc.paths)) for (const op of Object.values<any>(methods)) walk(op.requestBody?.content?.['application/json']?.schema, 0);
  return [...names];
}

/** A form value: a hostile string most often, else plain text; sometimes a name with a bracket or an index. */
const formValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hostileStrings) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('1', '0', 'on', 'fr', 'en', 'vi', '2024-01-01', 'accept', 'reject', 'member', 'admin', 'https://example.org/a') });

/** POST page forms (urlencoded) from route patterns: fields named like the API's, filled with hostile strings. */
export function formRequests(patterns: string[], known: Known, names: string[]): Array<fc.Arbitrary<FuzzRequest>> {
  const field = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => `${n}[0]`) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => `${n}.0.name`) }, { weight: 1, arbitrary: hostileUrlPart });
  const body = fc.array(fc.tuple(field, formValue), { maxLength: 12 })
    .map((pairs) => pairs.map(([k, v]) => `${k.includes('%') ? k : enc(k)}=${enc(v)}`).join('&'));
  return patterns.map((p) => fc.record({
    as: fc.constantFrom<Identity>('anonymous', 'session', 'session'),
    path: fc.tuple(...p.split('/').map((s) => segment(s, known))).map((parts) => parts.join('/') || '/'),
    body,
  }).map((r) => ({ ...r, method: 'POST', form: true, route: `POST ${p}` })));
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

/** GET pages from hono route patterns (with their /en and /vi copies), with random query strings; one more for random paths. */
export function pageRequests(patterns: string[], known: Known): Array<fc.Arbitrary<FuzzRequest>> {
  const pages = patterns.map((p) => fc.tuple(...p.split('/').map((s) => segment(s, known))).map((parts) => parts.join('/') || '/').map((path) => ({ path, route: `GET ${p}` })));
  const random = fc.array(fc.oneof(fc.constantFrom('en', 'vi', 'projects', 'search', 'embed', 'embed-code', 'statistics', 'apd', 'edit'), hostileUrlPart), { minLength: 1, maxLength: 4 })
    .map((s) => `/${s.join('/')}`);
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileUrlPart), QUERY_VALUES), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
  const randomPath = random.map((path) => ({ path, route: 'GET (random path)' }));
  return [...pages, randomPath].map((page) => fc.record({ as: fc.constantFrom<Identity>('anonymous', 'session'), page, query })
    .map(({ as, page: { path, route }, query: q }) => ({ as, method: 'GET', path: path + q, route })));
}
