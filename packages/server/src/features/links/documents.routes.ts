import { contactRecordKinds, documentDeleteQuery, documentInput, documentParams } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { writeContext } from '../../lib/actor.js';
import { addDocument, listDocuments, removeDocument, updateDocument } from './documents.service.js';

/** Documents of partnerships and projects (public links), one at a time, each change a versioned update of the record. */
export const documentRoutes: RouteDef[] = contactRecordKinds.flatMap((kind) => {
  const base = `/api/${kind}s/:id/documents`;
  return [
    route({ method: 'get', path: base, tag: 'documents', summary: `Documents of a ${kind}, numbered from 1, with the ${kind}'s version`,
      handler: ({ db, params }) => listDocuments(db, kind, params.id) }),
    route({ method: 'post', path: base, tag: 'documents', summary: `Add a document (link) to a ${kind} (send the ${kind}'s version)`, body: documentInput, write: true, status: 201,
      handler: ({ c, db, params, body }) => addDocument(db, writeContext(c), kind, params.id, body) }),
    route({ method: 'put', path: `${base}/:position`, tag: 'documents', summary: `Change the document at a position (send the ${kind}'s version)`, body: documentInput, params: documentParams, write: true,
      handler: ({ c, db, params, body }) => updateDocument(db, writeContext(c), kind, params.id, Number(params.position), body) }),
    route({ method: 'delete', path: `${base}/:position`, tag: 'documents', summary: `Remove the document at a position (send the ${kind}'s version)`, query: documentDeleteQuery, params: documentParams, write: true, status: 204,
      handler: async ({ c, db, params, query }) => { await removeDocument(db, writeContext(c), kind, params.id, Number(params.position), query.version); } }),
  ];
});
