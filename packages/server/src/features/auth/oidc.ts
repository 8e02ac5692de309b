/**
 * Single sign-on with any OpenID Connect provider (ProConnect for French public agents): authorization
 * code flow with PKCE (S256), state and nonce, configuration discovered from OIDC_ISSUER.
 *
 *   GET /auth/oidc/login?returnTo=/account&lang=fr → the provider → GET /auth/oidc/callback → a session
 *
 * The pending sign-in (state → verifier, nonce) is kept in the database, so the callback may reach any
 * process; the state is also bound to the browser by a short-lived cookie. On callback the account is
 * found by (issuer, subject), else by verified e-mail (and linked), else created from a live invitation
 * for that e-mail; otherwise the person is sent back to the login page with the reason.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type * as oidcTypes from 'openid-client';
import type { Db } from '../../db/client.js';
import { audit, clientIp } from '../audit/audit.js';
import { findAccountByEmail, getAccount, mailLang, type Account } from './accounts.js';
import { openSession } from './auth.service.js';
import { acceptInvitationByEmail } from './invitations.js';
import { safeEqual } from './secrets.js';
import { secureCookies, setSessionCookie } from './sessions.js';
import { langPath, publicOrigin, safeReturnTo } from './urls.js';

export interface OidcSettings {
  issuer: string; clientId: string; clientSecret?: string; redirectUri?: string; scopes: string;
  /** treat the provider's e-mails as verified even without email_verified (ProConnect sends none) */
  trustEmail: boolean; authMethod: 'client_secret_post' | 'client_secret_basic'; label: string;
}

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  return {
    issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUri: env.OIDC_REDIRECT_URI || undefined, scopes: env.OIDC_SCOPES || 'openid email profile',
    trustEmail: env.OIDC_TRUST_EMAIL === '1', authMethod: env.OIDC_TOKEN_AUTH_METHOD === 'client_secret_basic' ? 'client_secret_basic' : 'client_secret_post',
    label: env.OIDC_LABEL || 'ProConnect',
  };
}

export const OIDC_COOKIE = 'tandem_oidc';
const PENDING_MINUTES = 10;
const configs = new Map<string, Promise<oidcTypes.Configuration>>();
/** openid-client is loaded with the first single sign-on, not at every start. */
const openidClient = () => import('openid-client');

function isLoopback(url: URL) { return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname); }

/** Discovery, once per process and settings (retried after a failure). */
export function configuration(s: OidcSettings): Promise<oidcTypes.Configuration> {
  const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret, s.authMethod]);
  let p = configs.get(key);
  if (!p) {
    const issuer = new URL(s.issuer);
    p = openidClient().then((oidc) => {
      const auth = !s.clientSecret ? oidc.None() : s.authMethod === 'client_secret_basic' ? oidc.ClientSecretBasic(s.clientSecret) : oidc.ClientSecretPost(s.clientSecret);
      // plain HTTP only for a provider on this machine (development and tests)
      const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [];
      return oidc.discovery(issuer, s.clientId, s.clientSecret, auth, { execute });
    });
    p.catch(() => configs.delete(key));
    configs.set(key, p);
  }
  return p;
}

const redirectUri = (c: Context, s: OidcSettings) => s.redirectUri || `${publicOrigin(c)}/auth/oidc/callback`;

export async function startOidc(c: Context, db: Db): Promise<Response> {
  const s = oidcSettings();
  if (!s) return c.text('Single sign-on is not configured on this server (OIDC_ISSUER).', 404);
  const config = await configuration(s);
  const oidc = await openidClient();
  const state = oidc.randomState(), nonce = oidc.randomNonce(), verifier = oidc.randomPKCECodeVerifier();
  await db.query(
    `insert into oidc_login (state, nonce, code_verifier, return_to, lang, expires_at) values ($1, $2, $3, $4, $5, now() + interval '${PENDING_MINUTES} minutes')`,
    [state, nonce, verifier, safeReturnTo(c.req.query('returnTo')), mailLang(c.req.query('lang'))]);
  if (Math.random() < 0.05) await db.query('delete from oidc_login where expires_at < now()');
  setCookie(c, OIDC_COOKIE, state, { httpOnly: true, secure: secureCookies(), sameSite: 'Lax', path: '/auth/oidc', maxAge: PENDING_MINUTES * 60 });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(c, s), scope: s.scopes, state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  return c.redirect(url.href, 302);
}

/** Why a single sign-on failed: the login page explains each in the person's language. */
export type OidcFailure = 'state' | 'provider' | 'exchange' | 'no_account' | 'unverified_email' | 'disabled';

async function findOrLink(db: Db, issuer: string, claims: Record<string, any>, s: OidcSettings, ip: string | null): Promise<Account | OidcFailure> {
  const [link] = await db.query('select account_id from oidc_identity where issuer = $1 and subject = $2', [issuer, claims.sub]);
  let account = link ? await getAccount(db, link.account_id) : null;
  if (!account) {
    const email = typeof claims.email === 'string' ? claims.email : null;
    if (!email) return 'no_account';
    if (!(claims.email_verified === true || claims.email_verified === 'true' || s.trustEmail)) return 'unverified_email';
    const name = claims.name ?? [claims.given_name, claims.usual_name ?? claims.family_name].filter(Boolean).join(' ');
    account = await findAccountByEmail(db, email) ?? await acceptInvitationByEmail(db, email, name || email, ip);
    if (!account) return 'no_account';
    await db.query('insert into oidc_identity (issuer, subject, account_id, email) values ($1, $2, $3, $4) on conflict do nothing', [issuer, claims.sub, account.id, email]);
  }
  return account.disabledAt ? 'disabled' : account;
}

export async function finishOidc(c: Context, db: Db): Promise<Response> {
  const s = oidcSettings();
  if (!s) return c.text('Single sign-on is not configured on this server (OIDC_ISSUER).', 404);
  const ip = clientIp(c);
  const state = c.req.query('state') ?? '';
  const bound = getCookie(c, OIDC_COOKIE) ?? '';
  deleteCookie(c, OIDC_COOKIE, { path: '/auth/oidc', secure: secureCookies() });
  const [pending] = state && bound && safeEqual(state, bound)
    ? await db.query('delete from oidc_login where state = $1 and expires_at > now() returning *', [state]) : [];
  const lang = pending?.lang ?? 'fr';
  const fail = async (reason: OidcFailure, detail?: string) => {
    await audit(db, { actor: null, action: 'sign_in_failed', details: { method: 'oidc', reason, ...(detail ? { detail } : {}) }, ip });
    return c.redirect(`${langPath(lang, '/login')}?error=oidc_${reason}`, 302);
  };
  if (!pending) return fail('state');
  if (c.req.query('error')) return fail('provider', `${c.req.query('error')}: ${c.req.query('error_description') ?? ''}`.slice(0, 300));
  const config = await configuration(s);
  const oidc = await openidClient();
  let claims: Record<string, any>;
  try {
    const current = new URL(redirectUri(c, s));
    current.search = new URL(c.req.url).search;
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    claims = { ...tokens.claims() };
    if (!claims.email) claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)) };
  } catch (err) {
    return fail('exchange', (err as Error).message.slice(0, 300));
  }
  const found = await findOrLink(db, config.serverMetadata().issuer, claims, s, ip);
  if (typeof found === 'string') return fail(found, typeof claims.email === 'string' ? claims.email : undefined);
  const { token } = await openSession(db, found, { ip, userAgent: c.req.header('user-agent') }, 'oidc');
  setSessionCookie(c, token);
  return c.redirect(pending.return_to ?? langPath(lang, '/account'), 302);
}

export function mountOidc(app: Hono, db: Db): void {
  app.get('/auth/oidc/login', (c) => startOidc(c, db));
  app.get('/auth/oidc/callback', (c) => finishOidc(c, db));
}
