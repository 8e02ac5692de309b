/**
 * The write pipeline every record service goes through, in one transaction: read the record as it was,
 * check the role, write, read it as it is, keep the revision, reset partner validations.
 */
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { authorize, type WritableKind } from '../permissions/permissions.js';
import { resetValidations } from '../validation/validation.service.js';
import { recordRevision, type RevisionAction } from './revisions.js';

export interface WriteSpec {
  kind: WritableKind;
  action: RevisionAction;
  /** the record's id (update, delete, restore) */
  id?: string;
  /** the new content (create, update, restore), used for the role check on what the record will be */
  input?: Record<string, unknown>;
  get: (db: Db, id: string) => Promise<any>;
}

export async function writeRecord(db: Db, ctx: WriteContext, spec: WriteSpec, write: (tx: Db) => Promise<string>): Promise<string> {
  return db.transaction(async (tx) => {
    const before = spec.id ? await spec.get(tx, spec.id) : null;
    const check = spec.action === 'restore' ? 'update' : spec.action;
    await authorize(tx, ctx, spec.kind, check, before, spec.input ? { ...spec.input, id: spec.id ?? spec.input.id } : null);
    const id = await write(tx);
    const after = spec.action === 'delete' ? null : await spec.get(tx, id);
    await recordRevision(tx, ctx, spec.kind, id, spec.action, before, after);
    if (after && (spec.kind === 'partnership' || spec.kind === 'project')) await resetValidations(tx, ctx, spec.kind, id, after.version);
    return id;
  });
}
