/**
 * Scoped API tokens for scripts: "tdm_<43 chars>", shown once, stored as SHA-256. A token acts as its
 * account (same grants) but only within its scopes: 'read' (what a signed-in person may read) and
 * 'write' (writes the account's roles allow).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { audit } from '../audit/audit.js';
import { actorFor, getAccount } from './accounts.js';
import { randomToken, sha256 } from './secrets.js';

export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface ApiTokenInfo { id: string; name: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

/** The built-in script token (TANDEM_ADMIN_TOKEN): a platform administrator that is no account. */
export { ADMIN_TOKEN_ACTOR } from '../../lib/actor.js';

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
const toInfo = (r: Record<string, any>): ApiTokenInfo => ({
  id: r.id, name: r.name, scopes: r.scopes, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at),
});

export async function createApiToken(db: Db, accountId: string, name: string, scopes: string[]): Promise<ApiTokenInfo & { token: string }> {
  const token = `tdm_${randomToken(32)}`;
  const [r] = await db.query(
    'insert into api_token (id, token_hash, account_id, name, scopes) values ($1, $2, $3, $4, $5) returning *',
    [`tok-${randomUUID()}`, sha256(token), accountId, name.trim(), [...new Set(scopes)].sort()]);
  return { ...toInfo(r), token };
}

export async function listApiTokens(db: Db, accountId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.query('select * from api_token where account_id = $1 and revoked_at is null order by created_at desc', [accountId]);
  return rows.map(toInfo);
}

/** true when a live token of this account was revoked. */
export async function revokeApiToken(db: Db, accountId: string, id: string): Promise<boolean> {
  const rows = await db.query('update api_token set revoked_at = now() where id = $1 and account_id = $2 and revoked_at is null returning id', [id, accountId]);
  return rows.length > 0;
}

export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith('tdm_') || token.length > 100) return null;
  const [r] = await db.query(
    `select t.id, t.account_id, t.scopes, t.last_used_at from api_token t join account a on a.id = t.account_id
      where t.token_hash = $1 and t.revoked_at is null and a.disabled_at is null`, [sha256(token)]);
  if (!r) return null;
  const account = await getAccount(db, r.account_id);
  if (!account) return null;
  if (!r.last_used_at || Date.now() - new Date(r.last_used_at).getTime() > 60_000) {
    await db.query('update api_token set last_used_at = now() where id = $1', [r.id]);
  }
  return actorFor(db, account, 'token', r.scopes);
}

/** Creates a token for the actor's own account, audited ('token_created'). */
export async function issueToken(db: Db, actor: Actor, input: { name: string; scopes: string[] }, ip: string | null) {
  const t = await createApiToken(db, actor.accountId, input.name, input.scopes);
  await audit(db, { actor, action: 'token_created', targetKind: 'api_token', targetId: t.id, details: { name: t.name, scopes: t.scopes }, ip });
  return t;
}

/** Revokes one of the actor's tokens, audited ('token_revoked'); false when there is no such live token. */
export async function withdrawToken(db: Db, actor: Actor, id: string, ip: string | null): Promise<boolean> {
  if (!(await revokeApiToken(db, actor.accountId, id))) return false;
  await audit(db, { actor, action: 'token_revoked', targetKind: 'api_token', targetId: id, ip });
  return true;
}
