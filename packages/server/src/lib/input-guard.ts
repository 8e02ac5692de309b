/**
 * Before routing: a URL whose path or query is not valid percent-encoded UTF-8 gets a 400 naming the part (any
 * route); on pages, NUL characters in the path, the query or a posted form too (the API's routes name the field
 * themselves: lib/api.ts). The database stores no NUL, and a handler decoding a path must not throw.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { NUL_MESSAGE, badlyEncodedParam, decodes, nulPaths } from '@tandem/shared';
import type { Issue } from './errors.js';

export type BadInput = Issue & { reason: 'encoding' | 'nul' };
/** How a page answers a bad input (the site renders it in the visitor's language); without it, plain text. */
export type BadPage = (c: Context, bad: BadInput) => Response | Promise<Response>;

const ENCODING = 'not valid percent-encoded UTF-8';

export function badUrl(c: Context): BadInput | null {
  const url = new URL(c.req.url);
  if (!decodes(url.pathname)) return { path: 'path', message: `the path is ${ENCODING}`, reason: 'encoding' };
  const param = badlyEncodedParam(url.search.slice(1));
  if (param !== null) return { path: param, message: ENCODING, reason: 'encoding' };
  return null;
}

async function nulInPage(c: Context): Promise<BadInput | null> {
  const nul = (path: string): BadInput => ({ path, message: NUL_MESSAGE, reason: 'nul' });
  if (c.req.path.includes('\u0000')) return nul('path');
  const [inQuery] = nulPaths(c.req.queries());
  if (inQuery !== undefined) return nul(inQuery.replace(/\.\d+$/, ''));
  if (/^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '')) {
    const form = await c.req.parseBody({ all: true }).catch(() => ({}));
    const [inForm] = nulPaths(form);
    if (inForm !== undefined) return nul(inForm.replace(/\.\d+$/, ''));
  }
  return null;
}

export function inputGuard(badPage?: BadPage): MiddlewareHandler {
  return async (c, next) => {
    const api = c.req.path.startsWith('/api/');
    const bad = badUrl(c) ?? (api ? null : await nulInPage(c));
    if (!bad) return next();
    if (!api && badPage) return badPage(c, bad);
    const issue = { path: bad.path, message: bad.message };
    if (api) return c.json({ error: `${issue.path}: ${issue.message}`, issues: [issue] }, 400);
    return c.text(`400 — ${issue.path}: ${issue.message}`, 400);
  };
}
