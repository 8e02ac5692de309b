/**
 * The "Edit" link of a sheet's header, for those allowed to edit the record only. The sheet route computes
 * it (same role check as the services) and provides it through a JSX context, so SheetHeader shows it
 * without every sheet passing a prop.
 */
import type { Context } from 'hono';
import { createContext } from 'hono/jsx';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { authorize, ForbiddenError } from '../../../../server/src/features/permissions/permissions.js';
import type { I18n } from '../../i18n/index.js';
import { byKind } from './kinds.js';

export const EditLink = createContext<string | null>(null);

/** '/edit/projects/x' (in the page's language) when the signed-in person may edit the record, else null. */
export async function editLinkFor(c: Context, i: I18n, db: Db, kind: string, record: any): Promise<string | null> {
  const actor = getActor(c);
  const spec = byKind(kind);
  if (!actor || !spec || !record?.id) return null;
  try {
    await authorize(db, { actor }, spec.kind, 'update', record, record);
    return i.path(`/edit/${spec.plural}/${encodeURIComponent(record.id)}`);
  } catch (err) {
    if (err instanceof ForbiddenError) return null;
    throw err;
  }
}
