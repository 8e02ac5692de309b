/**
 * Who is asking: mounted early in createApp, it resolves `Authorization: Bearer <token>` (TANDEM_ADMIN_TOKEN or
 * an API token) or else the session cookie, and sets the actor (`getActor(c)`), the session
 * (`currentSession(c)`) and, for every write not authenticated by a valid bearer token, enforces the origin
 * and CSRF checks. An Authorization header that is not a well-formed bearer token (empty, whitespace, another
 * scheme) is ignored: the cookie decides, with its checks.
 */
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client.js';
import { ADMIN_TOKEN_ACTOR, resolveApiToken } from './api-tokens.js';
import { browserWriteProblem, markBearerAuthenticated, refuse } from './csrf.js';
import { clearSessionCookie, resolveSession, sessionCookie, setSessionCookie } from './sessions.js';
import { safeEqual } from './secrets.js';

export function authMiddleware(opts: { db: Db; adminToken?: string }): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith('/assets/')) return next();
    const bearer = bearerToken(c.req.header('authorization'));
    if (bearer) {
      const actor = opts.adminToken && safeEqual(bearer, opts.adminToken) ? ADMIN_TOKEN_ACTOR : await resolveApiToken(opts.db, bearer);
      if (actor) {
        c.set('actor' as never, actor as never);
        markBearerAuthenticated(c);
      } else c.set('authProblem' as never, 'the bearer token is not valid' as never);
    } else {
      const cookie = sessionCookie(c);
      if (cookie) {
        const found = await resolveSession(opts.db, cookie);
        if (found) {
          c.set('actor' as never, found.actor as never);
          c.set('session' as never, found.session as never);
          if (found.slid) setSessionCookie(c, cookie);
        } else clearSessionCookie(c);
      }
    }
    const problem = await browserWriteProblem(c);
    if (problem) return refuse(c, problem);
    await next();
    // what a signed-in person sees (their name, CSRF tokens) is never stored by shared caches
    if (c.get('session' as never) && !c.res.headers.has('cache-control')) {
      try { c.res.headers.set('cache-control', 'private, no-store'); } catch { /* immutable headers */ }
    }
  };
}

/** Why the request has no actor, when it tried to have one (an unknown bearer token). */
export function authProblem(c: Parameters<MiddlewareHandler>[0]): string | null {
  return (c.get('authProblem' as never) as string | undefined) ?? null;
}

/** The token of `Authorization: Bearer <token>` (visible ASCII, RFC 6750), or null for anything else. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header ?? '')?.[1] ?? null;
}
