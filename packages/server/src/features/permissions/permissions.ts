/**
 * Who may write what. A member edits what their organisation takes part in; a platform administrator edits
 * everything; reference territories are for platform administrators only; a project or a mission is attached
 * to (or moved into) a partnership only by a member of one of its parties; an event is its hosts' (creating one
 * needs one of your organisations among them), a series of events is for platform administrators. Checked in the services, so the
 * API, the forms and imports all go through the same rule.
 */
import type { Db } from '../../db/client.js';
import { HttpError, type Issue } from '../../lib/errors.js';
import { isPlatformAdmin, memberOf, type WriteContext } from '../../lib/actor.js';

export type WritableKind = 'territory' | 'organisation' | 'partnership' | 'project' | 'mission' | 'person' | 'event' | 'event_series';

export class ForbiddenError extends HttpError {
  constructor(message: string, issues?: Issue[]) { super(403, message, issues); }
}

async function partiesOf(db: Db, partnershipId: string | null | undefined): Promise<string[]> {
  if (!partnershipId) return [];
  const rows = await db.query<{ organisation_id: string }>('select organisation_id from partnership_party where partnership_id = $1', [partnershipId]);
  return rows.map((r) => r.organisation_id);
}

/** The partnership a project or a mission belongs to, in a stored snapshot or an input. */
const partnershipOf = (record: any): string | null => record?.partnershipId ?? record?.partnership?.id ?? null;

export const FOREIGN_PARTNERSHIP = 'you are not a member of a party to this partnership: only its parties attach records to it';

/**
 * Attaching a project or a mission to a partnership, or moving it into another one, needs membership of one
 * of that partnership's parties. Staying where it is needs nothing more (its parties may have put it there).
 */
async function checkAttachment(db: Db, mine: Set<string>, kind: WritableKind, before: unknown, after: unknown): Promise<void> {
  if (kind !== 'project' && kind !== 'mission') return;
  const target = partnershipOf(after);
  if (!target || target === partnershipOf(before)) return;
  const [found] = await db.query<{ id: string }>('select id from partnership where id = $1', [target]);
  if (!found) return; // no such partnership: the service answers 400 naming the field
  const parties = await partiesOf(db, target);
  if (!parties.some((o) => mine.has(o))) {
    throw new ForbiddenError(`partnershipId: ${FOREIGN_PARTNERSHIP}`, [{ path: 'partnershipId', message: FOREIGN_PARTNERSHIP }]);
  }
}

/** The organisations whose members may edit a record, from its stored snapshot or from an input. */
export async function involvedOrganisations(db: Db, kind: WritableKind, record: any): Promise<string[]> {
  if (!record) return [];
  switch (kind) {
    case 'territory': case 'event_series': return [];
    // an event's hosts: ids in an input, organisations in a stored snapshot
    case 'event': return (record.hosts ?? []).map((h: any) => (typeof h === 'string' ? h : h.id));
    case 'organisation': return record.id ? [record.id] : [];
    case 'person': return [record.organisationId].filter(Boolean);
    case 'partnership': return record.parties.map((p: any) => p.organisationId);
    case 'project': return [
      ...(record.participants ?? []).map((p: any) => p.organisationId),
      ...(record.funding ?? []).map((f: any) => f.funderId).filter(Boolean),
      ...(await partiesOf(db, record.partnershipId ?? record.partnership?.id)),
    ];
    case 'mission': return [
      ...(record.organisations ?? []).map((o: any) => (typeof o === 'string' ? o : o.id)),
      ...(await partiesOf(db, record.partnershipId ?? record.partnership?.id)),
    ];
  }
}

/**
 * Throws 403 unless ctx may perform the write: for an update, the person must be a member of an organisation
 * involved before the change and of one involved after it (nobody takes over a record by editing parties).
 */
export async function authorize(db: Db, ctx: WriteContext, kind: WritableKind, action: 'create' | 'update' | 'delete', before: unknown, after: unknown): Promise<void> {
  if (isPlatformAdmin(ctx.actor)) return;
  const mine = memberOf(ctx.actor);
  const deny = (why: string) => { throw new ForbiddenError(why); };
  if (kind === 'territory') deny('only platform administrators edit territories (reference data)');
  if (kind === 'event_series') deny('only platform administrators edit series of events');
  if (kind === 'organisation' && action === 'create') {
    if (!mine.size) deny('only members of an organisation may add organisations');
    return;
  }
  if (kind === 'organisation' && action === 'delete') deny('only platform administrators delete organisations');
  const sides = action === 'create' ? [after] : action === 'delete' ? [before] : [before, after];
  for (const side of sides) {
    const orgs = await involvedOrganisations(db, kind, side);
    if (!orgs.some((o) => mine.has(o))) deny(`you are not a member of an organisation taking part in this ${kind}`);
  }
  if (action !== 'delete') await checkAttachment(db, mine, kind, before, after);
}
