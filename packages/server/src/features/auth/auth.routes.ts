/** The accounts API (/api/auth/…, /api/admin/…), described in OpenAPI through the route table. */
import type { Context } from 'hono';
import { z } from 'zod';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, isPlatformAdmin, type Actor } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { clientIp, listAudit } from '../audit/audit.js';
import { listAccounts, roles } from './accounts.js';
import { issueToken, listApiTokens, tokenScopes, withdrawToken } from './api-tokens.js';
import { confirmPasswordReset, openSession, RateLimitedError, requestPasswordReset, signIn, signOut, type SignedIn } from './auth.service.js';
import { csrfToken, csrfTokenFor } from './csrf.js';
import { MAIL_LIMITS, MailRateLimitedError } from './mail-limits.js';
import { acceptInvitation, createInvitation, grantRole, revokeRole } from './invitations.js';
import { passwordField } from './passwords.js';
import { clearSessionCookie, currentSession, setSessionCookie } from './sessions.js';
import { publicOrigin } from './urls.js';

const email = z.string().trim().toLowerCase().pipe(z.email('enter a valid e-mail address').max(320));
const lang = z.enum(['fr', 'en', 'vi']).optional();
const grant = z.object({ role: z.enum(roles as ['member', 'network_admin', 'platform_admin']), organisationId: z.string().min(1).max(120).nullable().default(null) });
const grantTarget = grant.extend({ accountId: z.string().max(120).optional(), email: email.optional() })
  .refine((g) => !!(g.accountId || g.email), { message: 'name the account: accountId or email', path: ['accountId'] });

export const authSchemas = {
  login: z.object({ email, password: z.string().min(1, 'enter your password').max(1024) }),
  resetRequest: z.object({ email }),
  resetConfirm: z.object({ token: z.string().min(10).max(200), password: passwordField }),
  invite: z.object({ email, grants: z.array(grant).max(50).default([]), lang }),
  accept: z.object({ token: z.string().min(10).max(200), name: z.string().trim().max(200).default(''), password: passwordField.optional() }),
  token: z.object({ name: z.string().trim().min(1, 'give the token a name').max(100), scopes: z.array(z.enum(tokenScopes)).min(1, 'choose at least one scope') }),
};

const meta = (c: Context) => ({ ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null });

export function describeActor(actor: Actor, csrf: string | null) {
  return { accountId: actor.accountId, email: actor.email, name: actor.name, grants: actor.grants, via: actor.via,
    ...(actor.scopes ? { scopes: actor.scopes } : {}), ...(csrf ? { csrfToken: csrf } : {}) };
}

function signedIn(c: Context, s: SignedIn) {
  setSessionCookie(c, s.token);
  return describeActor(s.actor, csrfTokenFor(s.session));
}

/** A person's account (session, or one of their API tokens): not the script token. */
function requireAccount(c: Context, opts: { session?: boolean } = {}): Actor {
  const actor = getActor(c);
  if (!actor) throw new HttpError(401, 'sign in first');
  if (actor.accountId === 'admin-token') throw new HttpError(403, 'TANDEM_ADMIN_TOKEN is no account: sign in as a person');
  if (opts.session && actor.via !== 'session') throw new HttpError(403, 'API tokens are managed from a signed-in session, not with a token');
  return actor;
}

function requirePlatformAdmin(c: Context): Actor {
  const actor = getActor(c);
  if (!actor) throw new HttpError(401, 'sign in first');
  if (!isPlatformAdmin(actor)) throw new HttpError(403, 'platform administrators only');
  return actor;
}

/** A rate-limited e-mail as 429 with Retry-After (the body names the limit); other errors go on. */
function tooMany(c: Context, err: unknown): Response {
  if (!(err instanceof MailRateLimitedError)) throw err;
  return c.json({ error: err.message, retryAfter: err.retryAfter, ...err.extra }, 429, { 'Retry-After': String(err.retryAfter) });
}

const tag = 'accounts';
export const authRoutes: RouteDef[] = [
  route({ method: 'post', path: '/api/auth/login', tag, summary: 'Sign in with e-mail and password: sets the session cookie (429 with Retry-After after 5 failures per e-mail or 20 per address in 15 min)',
    body: authSchemas.login, returns: 'the signed-in person, with the CSRF token for later writes',
    handler: async ({ c, db, body }) => {
      try { return signedIn(c, await signIn(db, body, meta(c))); } catch (err) {
        if (err instanceof RateLimitedError) return c.json({ error: err.message, retryAfter: err.retryAfter }, 429, { 'Retry-After': String(err.retryAfter) });
        throw err;
      }
    } }),
  route({ method: 'post', path: '/api/auth/logout', tag, summary: 'Sign out: ends the session in the database and clears the cookie', status: 204,
    handler: async ({ c, db }) => {
      const s = currentSession(c);
      if (s) await signOut(db, s, meta(c));
      clearSessionCookie(c);
      return null;
    } }),
  route({ method: 'get', path: '/api/auth/me', tag, summary: 'Who is signed in (401 when nobody)', returns: '{accountId, email, name, grants, via, scopes?, csrfToken?}',
    handler: async ({ c }) => {
      const actor = getActor(c);
      if (!actor) throw new HttpError(401, 'nobody is signed in');
      return describeActor(actor, csrfToken(c));
    } }),
  route({ method: 'post', path: '/api/auth/password-reset', tag, status: 202,
    summary: `Ask for a password reset link by e-mail (202 whoever has an account; at most ${MAIL_LIMITS.reset.address} e-mails per address an hour, the same 202 past it; 429 with Retry-After past ${MAIL_LIMITS.reset.client} requests per client an hour)`,
    body: authSchemas.resetRequest, returns: '{status}',
    handler: async ({ c, db, body }) => {
      try { await requestPasswordReset(db, body.email, publicOrigin(c), meta(c)); } catch (err) { return tooMany(c, err); }
      return { status: 'if an account has this e-mail, a link valid for one hour is on its way' };
    } }),
  route({ method: 'post', path: '/api/auth/password-reset/confirm', tag, summary: 'Choose a new password with the link\'s token (once, within the hour); signs in and ends other sessions',
    body: authSchemas.resetConfirm, returns: 'the signed-in person',
    handler: async ({ c, db, body }) => signedIn(c, await confirmPasswordReset(db, body.token, body.password, meta(c))) }),
  route({ method: 'post', path: '/api/auth/invitations', tag, body: authSchemas.invite, write: true, status: 201, returns: '{email, grants, lang, expiresAt}',
    summary: `Invite someone by e-mail with role grants (platform administrators; network administrators for "member" grants); 429 with Retry-After past ${MAIL_LIMITS.invitation.address} invitations per address or ${MAIL_LIMITS.invitation.client} per client an hour`,
    handler: async ({ c, db, body }) => {
      try { return (await createInvitation(db, getActor(c)!, body, publicOrigin(c), clientIp(c))).invitation; } catch (err) { return tooMany(c, err); }
    } }),
  route({ method: 'post', path: '/api/auth/invitations/accept', tag, summary: 'Accept an invitation: creates the account (name and password) or adds the grants to the existing one, and signs in',
    body: authSchemas.accept, status: 201, returns: 'the signed-in person',
    handler: async ({ c, db, body }) => {
      const account = await acceptInvitation(db, body.token, { name: body.name, password: body.password ?? null }, clientIp(c));
      return signedIn(c, await openSession(db, account, meta(c), 'invitation'));
    } }),
  route({ method: 'get', path: '/api/auth/tokens', tag, summary: 'My API tokens (never their value)', returns: '{items:[{id, name, scopes, createdAt, lastUsedAt}]}',
    handler: async ({ c, db }) => ({ items: await listApiTokens(db, requireAccount(c).accountId) }) }),
  route({ method: 'post', path: '/api/auth/tokens', tag, summary: 'Create an API token with scopes ("read", "write"); its value is shown this once',
    body: authSchemas.token, status: 201, returns: '{id, name, scopes, createdAt, token}',
    handler: async ({ c, db, body }) => {
      const actor = requireAccount(c, { session: true });
      return issueToken(db, actor, body, clientIp(c));
    } }),
  route({ method: 'delete', path: '/api/auth/tokens/:id', tag, summary: 'Revoke one of my API tokens', status: 204,
    handler: async ({ c, db, params }) => {
      const actor = requireAccount(c, { session: true });
      if (!(await withdrawToken(db, actor, params.id, clientIp(c)))) throw new HttpError(404, `API token not found: ${params.id}`);
      return null;
    } }),
  route({ method: 'post', path: '/api/admin/grants', tag, summary: 'Grant a role to an account (platform administrators; audited)',
    body: grantTarget, write: true, status: 201, returns: '{accountId, role, organisationId, added}',
    handler: async ({ c, db, body }) => grantRole(db, requirePlatformAdmin(c), body, clientIp(c)) }),
  route({ method: 'delete', path: '/api/admin/grants', tag, summary: 'Revoke a role from an account (platform administrators; audited)',
    body: grantTarget, write: true, returns: '{accountId, role, organisationId, removed}',
    handler: async ({ c, db, body }) => revokeRole(db, requirePlatformAdmin(c), body, clientIp(c)) }),
  route({ method: 'get', path: '/api/admin/accounts', tag, summary: 'Every account with its grants (platform administrators)', returns: '{items}',
    handler: async ({ c, db }) => { requirePlatformAdmin(c); return { items: await listAccounts(db) }; } }),
  route({ method: 'get', path: '/api/admin/audit', tag, summary: 'The audit log, latest first (platform administrators)',
    query: z.object({ action: z.string().max(60).optional(), actor: z.string().max(120).optional(), targetKind: z.string().max(60).optional(),
      targetId: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100), before: z.coerce.number().int().optional() }),
    returns: '{items:[{id, at, actorAccountId, action, targetKind, targetId, details, ip}]}',
    handler: async ({ c, db, query }) => {
      requirePlatformAdmin(c);
      return { items: await listAudit(db, { action: query.action, actorAccountId: query.actor, targetKind: query.targetKind, targetId: query.targetId, limit: query.limit, beforeId: query.before }) };
    } }),
];
