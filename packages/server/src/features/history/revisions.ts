/** Every change kept as a revision: who, when, the record before and after (presented snapshots). */
import { diffRecords } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { actorId, actorLabel, type WriteContext } from '../../lib/actor.js';

export type RevisionAction = 'create' | 'update' | 'delete' | 'restore';

export async function recordRevision(db: Db, ctx: WriteContext, kind: string, id: string, action: RevisionAction, before: any, after: any): Promise<void> {
  await db.query(
    `insert into revision (record_kind, record_id, version, action, actor_account_id, actor_label, before, after) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [kind, id, after?.version ?? before?.version ?? null, action, actorId(ctx.actor), actorLabel(ctx.actor),
      before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]);
}

export async function listRevisions(db: Db, kind: string, id: string) {
  const rows = await db.query(
    `select id, version, action, actor_account_id, actor_label, at, before, after from revision where record_kind = $1 and record_id = $2 order by id desc`, [kind, id]);
  return rows.map((r) => ({
    id: Number(r.id), version: r.version, action: r.action, actor: { accountId: r.actor_account_id, label: r.actor_label }, at: r.at,
    changes: diffRecords(r.before, r.after),
  }));
}

export async function getRevision(db: Db, kind: string, id: string, revisionId: number) {
  const [r] = await db.query('select id, version, action, before, after from revision where record_kind = $1 and record_id = $2 and id = $3', [kind, id, revisionId]);
  return r ?? null;
}
