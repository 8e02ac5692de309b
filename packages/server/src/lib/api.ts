/**
 * One route table drives both the HTTP handlers (with zod validation) and the OpenAPI 3.1 description.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { NUL_MESSAGE, nulPaths, pathParamSchema } from '@tandem/shared';
import type { Db } from '../db/client.js';
import { ValidationError } from './errors.js';
import { requireWriter } from './auth.js';
import { requestDb } from './read-db.js';

/** db: the primary; readDb: the read replica's pool, if any (anonymous reads go there: lib/read-db.ts). */
export interface Env { db: Db; readDb?: Db; adminToken?: string }
export interface RouteContext<Q, B> { c: Context; db: Db; query: Q; body: B; params: Record<string, string> }

export interface RouteDef<Q = any, B = any> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodType<Q>;
  /** path parameters needing more than the common rule (any non-empty segment without NUL, ≤ 300 characters) */
  params?: z.ZodObject;
  body?: z.ZodType<B>;
  /** writes need an actor (session, API token with the 'write' scope, or TANDEM_ADMIN_TOKEN) */
  write?: boolean;
  /** for platform administrators only, checked by the handler: the description lists 401 and 403 */
  admin?: boolean;
  /** always served by the primary, even an anonymous read (which otherwise may go to the read replica) */
  primary?: boolean;
  /** response status on success, and a short description of what it returns */
  status?: number;
  returns?: string;
  produces?: string;
  handler(ctx: RouteContext<Q, B>): Promise<unknown>;
}

export const route = <Q, B>(def: RouteDef<Q, B>) => def;

export function toIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Validates one part of a request (where: 'body', 'query' or 'path'): NUL characters anywhere first (PostgreSQL
 * stores none), then the schema. Every issue names a field; one about the whole part is named by the part.
 */
function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const nul = nulPaths(value);
  if (nul.length) throw new ValidationError(nul.map((path) => ({ path: path || where, message: NUL_MESSAGE })));
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(toIssues(r.error).map((i) => ({ ...i, path: i.path || where })));
  return r.data;
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw new ValidationError([{ path: 'body', message: 'a JSON body is required' }]);
  try { return JSON.parse(text); } catch { throw new ValidationError([{ path: 'body', message: 'the body is not valid JSON' }]); }
}

/** The route's path parameters checked: its own rules (r.params), else the common rule; schemas built once per route. */
function pathParams(r: RouteDef): (c: Context) => Record<string, string> {
  const schemas = new Map<string, z.ZodType>();
  const shape = r.params?.shape ?? {};
  return (c) => {
    const raw = c.req.param() as Record<string, string>;
    const names = Object.keys(raw).join('/');
    let schema = schemas.get(names);
    if (!schema) schemas.set(names, schema = z.object(Object.fromEntries(Object.keys(raw).map((k) => [k, (shape[k] as z.ZodType | undefined) ?? pathParamSchema]))));
    return parse(schema, raw, 'path') as Record<string, string>;
  };
}

export function mount(app: Hono, env: Env, routes: RouteDef[]) {
  for (const r of routes) {
    const paramsOf = pathParams(r);
    app.on(r.method.toUpperCase(), r.path, async (c) => {
      if (r.write) requireWriter(c, env.adminToken);
      const params = paramsOf(c);
      const query = r.query ? parse(r.query, c.req.query(), 'query') : undefined;
      const body = r.body ? parse(r.body, await readJson(c), 'body') : undefined;
      const db = r.primary ? env.db : requestDb(c, env);
      const out = await r.handler({ c, db, query, body, params });
      if (out instanceof Response) return out;
      if (r.status === 204) return c.body(null, 204);
      return c.json(out as object, (r.status ?? 200) as 200);
    });
  }
}

const errorSchema = {
  type: 'object', required: ['error'],
  properties: { error: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
};

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, any>;
}

function paramSchema(schema: z.ZodType) {
  const { $schema: _, ...rest } = jsonSchema(schema);
  return rest;
}

export function openApi(routes: RouteDef[], info: { title: string; version: string }) {
  const paths: Record<string, any> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const shape = r.params?.shape ?? {};
    const params: any[] = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1], in: 'path', required: true, schema: paramSchema((shape[m[1]] as z.ZodType | undefined) ?? pathParamSchema),
    }));
    if (r.query) {
      const js = jsonSchema(r.query);
      for (const [name, s] of Object.entries<any>(js.properties ?? {})) {
        params.push({ name, in: 'query', required: (js.required ?? []).includes(name) && s.default === undefined, schema: s });
      }
    }
    const op: any = {
      tags: [r.tag], summary: r.summary, operationId: `${r.method}${path.replace(/[^A-Za-z]+(.)?/g, (_, ch) => (ch ? ch.toUpperCase() : ''))}`,
      parameters: params.length ? params : undefined,
      responses: {
        [String(r.status ?? 200)]: r.status === 204 ? { description: r.returns ?? 'done' }
          : { description: r.returns ?? 'OK', content: { [r.produces ?? 'application/json']: { schema: { type: r.produces && r.produces !== 'application/json' ? 'string' : 'object' } } } },
        ...(r.query || r.body ? { 400: { description: 'invalid request: the issues name the fields', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(r.path.includes(':id') ? { 404: { description: 'no such record', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(r.method === 'put' || r.method === 'patch' ? { 409: { description: 'the version sent is stale: someone else saved first', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(r.write || r.admin ? { 401: { description: 'not signed in: no session cookie, or a wrong bearer token' }, 403: { description: 'not allowed: the role or the token scope does not allow it, or a browser request without its CSRF token' } } : {}),
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.write || r.admin) op.security = [{ bearer: [] }, { session: [] }];
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { schemas: { Error: errorSchema }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' } } },
  };
}
