/** Signing in and out, and password resets: the logic shared by the JSON API and the pages. */
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { HttpError, ValidationError } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { sendInBackground, sendTemplate } from '../mail/mail.js';
import { actorFor, findAccountByEmail, getAccount, normEmail, setPassword, type Account } from './accounts.js';
import { verifyDummy, verifyPassword } from './passwords.js';
import { countMail, MailRateLimitedError } from './mail-limits.js';
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './ratelimit.js';
import { randomToken, sha256 } from './secrets.js';
import { createSession, deleteSession, deleteSessionsOf, type SessionRow } from './sessions.js';
import { langPath } from './urls.js';

export interface RequestMeta { ip: string | null; userAgent?: string | null }
export interface SignedIn { token: string; session: SessionRow; actor: Actor; account: Account }

export const WRONG_CREDENTIALS = 'wrong e-mail or password';
const RESET_MINUTES = 60;

export class RateLimitedError extends HttpError {
  constructor(readonly retryAfter: number) {
    super(429, `too many failed sign-ins: try again in ${Math.ceil(retryAfter / 60)} minute(s)`, undefined, { retryAfter });
  }
}

/** A session for an account that proved who it is (password, reset link, invitation, OpenID Connect). */
export async function openSession(db: Db, account: Account, meta: RequestMeta, how: string): Promise<SignedIn> {
  const { token, session } = await createSession(db, account.id, meta);
  await audit(db, { actor: account.id, action: 'sign_in', targetKind: 'account', targetId: account.id, details: { method: how }, ip: meta.ip });
  return { token, session, actor: await actorFor(db, account, 'session'), account };
}

export async function signIn(db: Db, input: { email: string; password: string }, meta: RequestMeta): Promise<SignedIn> {
  const email = normEmail(input.email);
  const wait = await loginRetryAfter(db, email, meta.ip);
  if (wait !== null) throw new RateLimitedError(wait);
  const account = await findAccountByEmail(db, email);
  const ok = account?.passwordHash && !account.disabledAt ? await verifyPassword(account.passwordHash, input.password) : (await verifyDummy(input.password), false);
  if (!ok || !account) {
    await recordLoginFailure(db, email, meta.ip);
    const reason = !account ? 'unknown_email' : account.disabledAt ? 'disabled' : !account.passwordHash ? 'no_password' : 'wrong_password';
    await audit(db, { actor: null, action: 'sign_in_failed', targetKind: account ? 'account' : null, targetId: account?.id ?? null, details: { email, reason }, ip: meta.ip });
    throw new HttpError(401, WRONG_CREDENTIALS);
  }
  await clearLoginFailures(db, email);
  return openSession(db, account, meta, 'password');
}

export async function signOut(db: Db, session: SessionRow, meta: RequestMeta): Promise<void> {
  await deleteSession(db, session.id);
  await audit(db, { actor: session.accountId, action: 'sign_out', targetKind: 'account', targetId: session.accountId, ip: meta.ip });
}

/**
 * Succeeds from the caller's point of view, whoever has an account; when the account exists, e-mails a
 * one-hour, single-use link to `${origin}/password-reset/<token>` (in the account's language). Rate limits
 * (mail-limits.ts): past the per-client one, MailRateLimitedError (429); past the per-address one, the same
 * answer as usual and no e-mail.
 */
export async function requestPasswordReset(db: Db, emailIn: string, origin: string, meta: RequestMeta): Promise<{ mail?: Promise<void> }> {
  const email = normEmail(emailIn);
  await countMail(db, 'reset', { client: meta.ip });
  const account = await findAccountByEmail(db, email);
  if (!account || account.disabledAt) return {};
  try { await countMail(db, 'reset', { address: email }); } catch (err) {
    if (err instanceof MailRateLimitedError) return {};
    throw err;
  }
  const token = randomToken(32);
  await db.query(`insert into password_reset (token_hash, account_id, expires_at) values ($1, $2, now() + interval '${RESET_MINUTES} minutes')`, [sha256(token), account.id]);
  await audit(db, { actor: null, action: 'password_reset_requested', targetKind: 'account', targetId: account.id, ip: meta.ip });
  const link = `${origin}${langPath(account.lang, `/password-reset/${token}`)}`;
  return { mail: sendInBackground(() => sendTemplate(account.email, account.lang, 'password_reset', { email: account.email, link })) };
}

const BAD_LINK = 'this reset link is invalid, already used or expired: ask for a new one';

/** The account a live reset token belongs to, or null. */
export async function resetTokenAccount(db: Db, token: string): Promise<Account | null> {
  const [r] = await db.query('select account_id from password_reset where token_hash = $1 and used_at is null and expires_at > now()', [sha256(token)]);
  return r ? getAccount(db, r.account_id) : null;
}

/** Sets the new password, spends the link, signs the account out everywhere and in here. */
export async function confirmPasswordReset(db: Db, token: string, password: string, meta: RequestMeta): Promise<SignedIn> {
  return db.transaction(async (tx) => {
    const [r] = await tx.query(
      'update password_reset set used_at = now() where token_hash = $1 and used_at is null and expires_at > now() returning account_id', [sha256(token)]);
    const account = r ? await getAccount(tx, r.account_id) : null;
    if (!account || account.disabledAt) throw new ValidationError([{ path: 'token', message: BAD_LINK }]);
    await setPassword(tx, account.id, password);
    await deleteSessionsOf(tx, account.id);
    await clearLoginFailures(tx, account.email);
    await audit(tx, { actor: account.id, action: 'password_reset', targetKind: 'account', targetId: account.id, ip: meta.ip });
    return openSession(tx, account, meta, 'password_reset');
  });
}
