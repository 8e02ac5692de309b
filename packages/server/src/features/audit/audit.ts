/**
 * The audit log: who did what, when, from where. One row per event, written in the caller's transaction
 * when it passes one (so an audited change and its row commit or roll back together).
 *
 *   await audit(db, { actor: getActor(c), action: 'role_granted', targetKind: 'account', targetId: id, details: { role }, ip: clientIp(c) });
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from '../../db/client.js';
import type { Actor, SYSTEM } from '../../lib/actor.js';

/** Actions written by features/auth; other features add their own ('person_exported', 'person_erased', …). */
export type AuthAuditAction =
  | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'password_reset_requested' | 'password_reset'
  | 'invitation_sent' | 'invitation_accepted' | 'role_granted' | 'role_revoked' | 'token_created' | 'token_revoked';

/** Who acted: a request's actor, the system (null in the log), a bare account id, or nobody known. */
export type AuditActor = Actor | typeof SYSTEM | { accountId: string } | string | null | undefined;

export interface AuditEntry {
  actor: AuditActor;
  action: AuthAuditAction | (string & {});
  targetKind?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
}

export interface AuditRow {
  id: number; at: string; actorAccountId: string | null; action: string;
  targetKind: string | null; targetId: string | null; details: Record<string, unknown> | null; ip: string | null;
}

function actorAccountId(actor: AuditActor): string | null {
  if (!actor) return null;
  if (typeof actor === 'string') return actor;
  if ('system' in actor) return null;
  return actor.accountId;
}

export async function audit(db: Db, e: AuditEntry): Promise<void> {
  await db.query(
    'insert into audit_log (actor_account_id, action, target_kind, target_id, details, ip) values ($1, $2, $3, $4, $5, $6)',
    [actorAccountId(e.actor), e.action, e.targetKind ?? null, e.targetId ?? null, e.details == null ? null : JSON.stringify(e.details), e.ip ?? null],
  );
}

/** Latest entries first; filters are optional. */
export async function listAudit(db: Db, f: { action?: string; actorAccountId?: string; targetKind?: string; targetId?: string; limit?: number; beforeId?: number } = {}): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
  if (f.action) add('action = ?', f.action);
  if (f.actorAccountId) add('actor_account_id = ?', f.actorAccountId);
  if (f.targetKind) add('target_kind = ?', f.targetKind);
  if (f.targetId) add('target_id = ?', f.targetId);
  if (f.beforeId) add('id < ?', f.beforeId);
  params.push(Math.min(Math.max(f.limit ?? 100, 1), 1000));
  const rows = await db.query(
    `select id, at, actor_account_id, action, target_kind, target_id, details, ip from audit_log
     ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit $${params.length}`, params);
  return rows.map((r) => ({
    id: Number(r.id), at: new Date(r.at).toISOString(), actorAccountId: r.actor_account_id, action: r.action,
    targetKind: r.target_kind, targetId: r.target_id, details: r.details, ip: r.ip,
  }));
}

/**
 * The client's address: the socket's peer, or — when TANDEM_TRUST_PROXY=1, behind a reverse proxy that
 * appends to it — the last X-Forwarded-For entry. null in in-process tests (no socket).
 */
export function clientIp(c: Context): string | null {
  if (process.env.TANDEM_TRUST_PROXY === '1') {
    const xff = c.req.header('x-forwarded-for');
    const last = xff?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  try { return getConnInfo(c).remote.address ?? null; } catch { return null; }
}
