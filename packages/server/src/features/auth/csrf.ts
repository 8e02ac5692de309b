/**
 * CSRF protection for requests authenticated by the session cookie. The token is an HMAC of the session
 * id under the session's own secret: forms carry it as the hidden field `_csrf`, scripts as the header
 * `x-csrf-token` (GET /api/auth/me returns it). Requests authenticated by a valid bearer token need none (a
 * browser never adds that header on its own); the mere presence of an Authorization header changes nothing.
 * Browser requests from another origin are refused outright.
 *
 * The auth middleware applies both checks to every POST/PUT/PATCH/DELETE; `requireCsrf` is the same check
 * as a route middleware, for handlers that want it explicit (it does nothing twice).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { currentSession, type SessionRow } from './sessions.js';
import { hmac, safeEqual } from './secrets.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfTokenFor = (s: SessionRow) => hmac(s.csrfSecret, `csrf:${s.id}`);

/** The CSRF token of the current session, or null when the request has no session. */
export function csrfToken(c: Context): string | null {
  const s = currentSession(c);
  return s ? csrfTokenFor(s) : null;
}

export const isSafeMethod = (method: string) => SAFE.has(method.toUpperCase());

async function sentToken(c: Context): Promise<string | null> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  try {
    const v = (await c.req.parseBody())[CSRF_FIELD];
    return typeof v === 'string' ? v : null;
  } catch { return null; }
}

/** null when the request may go on, else why it may not. */
export async function csrfProblem(c: Context): Promise<string | null> {
  if (isSafeMethod(c.req.method) || c.get('csrfChecked' as never)) return null;
  const s = currentSession(c);
  if (!s) return null;
  const sent = await sentToken(c);
  if (!sent) return `this request is signed in by the session cookie and must carry the CSRF token (form field "${CSRF_FIELD}" or header "${CSRF_HEADER}"); reload the page and try again`;
  if (!safeEqual(sent, csrfTokenFor(s))) return 'the CSRF token does not match this session (the form may come from an earlier session); reload the page and try again';
  c.set('csrfChecked' as never, true as never);
  return null;
}

/**
 * Browser writes must come from Tandem's own pages. Browsers that send Fetch Metadata say so in
 * Sec-Fetch-Site (they also send "Origin: null" on form posts under Referrer-Policy: no-referrer);
 * otherwise the Origin must be the request's own, or TANDEM_PUBLIC_URL's.
 */
export function originProblem(c: Context): string | null {
  if (isSafeMethod(c.req.method)) return null;
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none' ? null : `requests from another site (${site}) are refused`;
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  const allowed = new Set([new URL(c.req.url).host]);
  if (process.env.TANDEM_PUBLIC_URL) { try { allowed.add(new URL(process.env.TANDEM_PUBLIC_URL).host); } catch { /* ignored */ } }
  let host: string | null = null;
  try { host = origin === 'null' ? null : new URL(origin).host; } catch { host = null; }
  return host && allowed.has(host) ? null : `requests from another origin (${origin}) are refused`;
}

/** A 403 in the shape the path expects: JSON under /api, plain text for pages. */
export function refuse(c: Context, message: string): Response {
  if (c.req.path.startsWith('/api/')) return c.json({ error: message }, 403);
  return c.text(`403 — ${message}.\n\nFormulaire expiré ou envoyé depuis un autre site : rechargez la page et recommencez.`, 403);
}

/** Set by the auth middleware when a valid bearer token (not the cookie) authenticated the request. */
export function markBearerAuthenticated(c: Context): void { c.set('bearerAuthenticated' as never, true as never); }

/** Both checks, for every write except those authenticated by a valid bearer token. */
export async function browserWriteProblem(c: Context): Promise<string | null> {
  if (isSafeMethod(c.req.method) || c.get('bearerAuthenticated' as never)) return null;
  return originProblem(c) ?? await csrfProblem(c);
}

export const requireCsrf: MiddlewareHandler = async (c, next) => {
  const problem = await browserWriteProblem(c);
  if (problem) return refuse(c, problem);
  await next();
};
