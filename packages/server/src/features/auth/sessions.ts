/**
 * Sessions live in the database (several processes share them). The cookie carries 32 random bytes; the
 * row's id is their SHA-256. 14-day sliding expiry: a request more than SLIDE_AFTER after the last
 * extension pushes the expiry (and the cookie's Max-Age) 14 days ahead again.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { actorFor, getAccount } from './accounts.js';
import { randomToken, sha256 } from './secrets.js';
import { publicUrlIsHttps } from '../hardening/transport.js';

export const SESSION_COOKIE = 'tandem_session';
export const SESSION_DAYS = 14;
const SESSION_MS = SESSION_DAYS * 24 * 3600 * 1000;
const SLIDE_AFTER_MS = 5 * 60 * 1000;

export interface SessionRow { id: string; accountId: string; csrfSecret: string; expiresAt: Date }

/** Secure unless TANDEM_INSECURE_COOKIES=1 (plain-HTTP deployments), and always when TANDEM_PUBLIC_URL is https; browsers accept Secure on http://localhost. */
export const secureCookies = () => process.env.TANDEM_INSECURE_COOKIES !== '1' || publicUrlIsHttps();

export async function createSession(db: Db, accountId: string, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<{ token: string; session: SessionRow }> {
  const token = randomToken(32);
  const csrfSecret = randomToken(32);
  const expiresAt = new Date(Date.now() + SESSION_MS);
  await db.query(
    'insert into session (id, account_id, csrf_secret, expires_at, ip, user_agent) values ($1, $2, $3, $4, $5, $6)',
    [sha256(token), accountId, csrfSecret, expiresAt.toISOString(), meta.ip ?? null, meta.userAgent?.slice(0, 500) ?? null]);
  if (Math.random() < 0.02) await db.query("delete from session where expires_at < now() - interval '1 day'");
  return { token, session: { id: sha256(token), accountId, csrfSecret, expiresAt } };
}

/** The session and its actor for a cookie value, or null (unknown, expired, or disabled account). */
export async function resolveSession(db: Db, token: string): Promise<{ session: SessionRow; actor: Actor; slid: boolean } | null> {
  if (!token || token.length > 200) return null;
  const id = sha256(token);
  const [r] = await db.query(
    `select s.account_id, s.csrf_secret, s.expires_at, s.last_seen_at from session s join account a on a.id = s.account_id
      where s.id = $1 and s.expires_at > now() and a.disabled_at is null`, [id], { prepare: true });
  if (!r) return null;
  const account = await getAccount(db, r.account_id);
  if (!account) return null;
  let expiresAt = new Date(r.expires_at);
  const slid = Date.now() - new Date(r.last_seen_at).getTime() > SLIDE_AFTER_MS;
  if (slid) {
    expiresAt = new Date(Date.now() + SESSION_MS);
    await db.query('update session set last_seen_at = now(), expires_at = $2 where id = $1', [id, expiresAt.toISOString()]);
  }
  return { session: { id, accountId: r.account_id, csrfSecret: r.csrf_secret, expiresAt }, actor: await actorFor(db, account, 'session'), slid };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.query('delete from session where id = $1', [id]);
}

/** Signs an account out everywhere (after a password reset), except the session `keep`. */
export async function deleteSessionsOf(db: Db, accountId: string, keep?: string): Promise<void> {
  await db.query('delete from session where account_id = $1 and id is distinct from $2', [accountId, keep ?? null]);
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: secureCookies(), sameSite: 'Lax', path: '/', maxAge: SESSION_MS / 1000 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(), httpOnly: true, sameSite: 'Lax' });
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** The session of the current request (set by the auth middleware when the cookie authenticated it). */
export function currentSession(c: Context): SessionRow | null {
  return (c.get('session' as never) as SessionRow | undefined) ?? null;
}
