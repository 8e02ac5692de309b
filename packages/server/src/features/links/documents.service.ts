/**
 * Documents of a partnership, a project or an event: its links (public), added, changed or removed one at a time from the
 * sheet. Each change is an update of the record itself (features/history writeRecord): the role check, the
 * version (a stale one gets 409), the revision in the record's history, the search index and partner validations.
 */
import type { DocumentInput, DocumentRecordKind } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { NotFoundError } from '../../lib/errors.js';
import { toInput } from '../history/to-input.js';
import { getPartnership, updatePartnership } from '../partnerships/partnerships.service.js';
import { getProject, updateProject } from '../projects/projects.service.js';
import { getEvent } from '../events/events.service.js';
import { updateEvent } from '../events/events.write.js';

type Link = { url: string; title: string | null; kind: string };
const RECORDS = {
  partnership: { get: getPartnership, update: updatePartnership },
  project: { get: getProject, update: updateProject },
  event: { get: getEvent, update: updateEvent },
} as const satisfies Record<DocumentRecordKind, unknown>;

/** The documents of a record, numbered from 1 (their place in the list, used by the API's paths). */
export async function listDocuments(db: Db, kind: DocumentRecordKind, id: string) {
  const record = await RECORDS[kind].get(db, id);
  return { version: record.version as number, items: (record.links as Link[]).map((l, k) => ({ position: k + 1, ...l })) };
}

/** Applies change to the record's links and saves the record with the version the author read. */
async function change(db: Db, ctx: WriteContext, kind: DocumentRecordKind, id: string, version: number, change: (links: Link[]) => Link[]) {
  const { get, update } = RECORDS[kind];
  const record = await get(db, id);
  const input = toInput(kind, record) as any;
  const saved = await (update as (db: Db, id: string, input: any, ctx: WriteContext) => Promise<{ id: string }>)(db, id, { ...input, links: change(record.links as Link[]), version }, ctx);
  return listDocuments(db, kind, saved.id);
}

const doc = (d: DocumentInput): Link => ({ url: d.url, title: d.title || null, kind: d.kind });
function at(links: Link[], position: number, id: string) {
  if (position > links.length) throw new NotFoundError('document', `${id}/${position}`);
  return position - 1;
}

export const addDocument = (db: Db, ctx: WriteContext, kind: DocumentRecordKind, id: string, d: DocumentInput) =>
  change(db, ctx, kind, id, d.version, (links) => [...links, doc(d)]);

export const updateDocument = (db: Db, ctx: WriteContext, kind: DocumentRecordKind, id: string, position: number, d: DocumentInput) =>
  change(db, ctx, kind, id, d.version, (links) => { const k = at(links, position, id); return links.map((l, j) => (j === k ? doc(d) : l)); });

export const removeDocument = (db: Db, ctx: WriteContext, kind: DocumentRecordKind, id: string, position: number, version: number) =>
  change(db, ctx, kind, id, version, (links) => { const k = at(links, position, id); return links.filter((_, j) => j !== k); });
