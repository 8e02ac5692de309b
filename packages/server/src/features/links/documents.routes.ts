import { documentDeleteQuery, documentInput, documentParams, documentRecordKinds, type DocumentRecordKind } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext } from '../../lib/actor.js';
import type { Context } from 'hono';
import type { Db } from '../../db/client.js';
import { assertSeesEvent } from '../groups/meetings.js';
import { addDocument, listDocuments, removeDocument, updateDocument } from './documents.service.js';

/** A members-only meeting's documents do not exist outside its group (404), like the meeting. */
const sees = (c: Context, db: Db, kind: DocumentRecordKind, id: string) => (kind === 'event' ? assertSeesEvent(db, getActor(c), id) : Promise.resolve());

/** Documents of partnerships, projects and events (public links), one at a time, each change a versioned update of the record. */
export const documentRoutes: RouteDef[] = documentRecordKinds.flatMap((kind) => {
  const base = `/api/${kind}s/:id/documents`;
  return [
    route({ method: 'get', path: base, tag: 'documents', summary: `Documents of a ${kind}, numbered from 1, with the ${kind}'s version`,
      handler: async ({ c, db, params }) => { await sees(c, db, kind, params.id); return listDocuments(db, kind, params.id); } }),
    route({ method: 'post', path: base, tag: 'documents', summary: `Add a document (link) to a ${kind} (send the ${kind}'s version)`, body: documentInput, write: true, status: 201,
      handler: async ({ c, db, params, body }) => { await sees(c, db, kind, params.id); return addDocument(db, writeContext(c), kind, params.id, body); } }),
    route({ method: 'put', path: `${base}/:position`, tag: 'documents', summary: `Change the document at a position (send the ${kind}'s version)`, body: documentInput, params: documentParams, write: true,
      handler: async ({ c, db, params, body }) => { await sees(c, db, kind, params.id); return updateDocument(db, writeContext(c), kind, params.id, Number(params.position), body); } }),
    route({ method: 'delete', path: `${base}/:position`, tag: 'documents', summary: `Remove the document at a position (send the ${kind}'s version)`, query: documentDeleteQuery, params: documentParams, write: true, status: 204,
      handler: async ({ c, db, params, query }) => { await sees(c, db, kind, params.id); await removeDocument(db, writeContext(c), kind, params.id, Number(params.position), query.version); } }),
  ];
});
