/**
 * The OpenAPI document read for people: operations grouped by tag, a schema as a short type ("string (date)",
 * "\"csv\" | \"json\"", "array of object"), a request body's fields, and an example curl for each operation.
 */

type Schema = Record<string, any>;
export interface Param { name: string; in: string; required: boolean; type: string; description?: string }
export interface Field { name: string; type: string; required: boolean; description?: string; depth: number }
export interface Operation {
  id: string; method: string; path: string; tag: string; summary: string; auth: boolean;
  params: Param[]; body: Field[]; responses: Array<{ status: string; description: string; type?: string }>; curl: string;
}

const ENUM_SHOWN = 12;

/** A schema as a short type for a reader. */
export function typeOf(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop()!;
  if (Array.isArray(s.enum)) {
    const values = s.enum.map((v: unknown) => JSON.stringify(v));
    return values.length > ENUM_SHOWN ? `${values.slice(0, ENUM_SHOWN).join(' | ')} | …` : values.join(' | ');
  }
  const union = s.anyOf ?? s.oneOf;
  if (Array.isArray(union)) return [...new Set(union.map(typeOf))].join(' | ');
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (s.type === 'array') return `array of ${typeOf(s.items)}`;
  if (s.type === 'string' && s.format) return `string (${s.format})`;
  if (s.type === 'integer' || s.type === 'number') {
    const range = s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}–${s.maximum}` : '';
    return `${s.type}${range}`;
  }
  return s.type ?? 'any';
}

/** An object's fields, nested objects (and arrays of objects) indented below their field, down to `maxDepth`. */
export function fieldsOf(s: Schema | undefined, depth = 0, maxDepth = 2): Field[] {
  const obj = s?.type === 'array' ? s.items : s;
  if (!obj || obj.type !== 'object' || !obj.properties) return [];
  const required: string[] = obj.required ?? [];
  return Object.entries<Schema>(obj.properties).flatMap(([name, p]) => [
    { name, type: typeOf(p), required: required.includes(name) && p.default === undefined, description: p.description, depth },
    ...(depth < maxDepth ? fieldsOf(p, depth + 1, maxDepth) : []),
  ]);
}

/** A value that fits a schema, for the example: an enum's first value, the default, or an empty one of its type. */
function example(s: Schema | undefined): unknown {
  if (!s) return null;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (Array.isArray(union)) return example(union.find((x: Schema) => x.type !== 'null') ?? union[0]);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  if (type === 'object') return Object.fromEntries((s.required ?? []).map((k: string) => [k, example(s.properties?.[k])]));
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return s.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'string') return s.format === 'date' ? '2024-01-01' : s.format === 'email' ? 'name@example.org' : '…';
  return null;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** An example request: the path with example values, the required query parameters, a token and a body when needed. */
export function curlOf(origin: string, method: string, path: string, op: Schema): string {
  const params: Schema[] = op.parameters ?? [];
  const filled = path.replace(/\{(\w+)\}/g, (_, name) => {
    const p = params.find((x) => x.name === name && x.in === 'path');
    const v = example(p?.schema);
    return encodeURIComponent(typeof v === 'string' && v !== '…' ? v : name.toUpperCase());
  });
  const query = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(String(example(p.schema)))}`).join('&');
  const parts = ['curl'];
  if (method !== 'get') parts.push('-X', method.toUpperCase());
  if (op.security) parts.push('-H', shellQuote('Authorization: Bearer $TANDEM_TOKEN'));
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) parts.push('-H', shellQuote('Content-Type: application/json'), '-d', shellQuote(JSON.stringify(example(body))));
  parts.push(shellQuote(`${origin}${filled}${query ? `?${query}` : ''}`));
  return parts.join(' ');
}

/** Every operation of the document, grouped by tag in the order the tags first appear. */
export function operations(doc: { paths: Record<string, Record<string, Schema>> }, origin: string): Map<string, Operation[]> {
  const byTag = new Map<string, Operation[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      const params: Param[] = (op.parameters ?? []).map((p: Schema) => ({ name: p.name, in: p.in, required: !!p.required, type: typeOf(p.schema), description: p.schema?.description ?? p.description }));
      const responses = Object.entries<Schema>(op.responses ?? {}).map(([status, r]) => ({ status, description: r.description, type: r.content ? Object.keys(r.content)[0] : undefined }));
      const entry: Operation = {
        id: op.operationId, method, path, tag, summary: op.summary ?? '', auth: !!op.security, params, responses,
        body: fieldsOf(op.requestBody?.content?.['application/json']?.schema), curl: curlOf(origin, method, path, op),
      };
      byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
    }
  }
  return byTag;
}
