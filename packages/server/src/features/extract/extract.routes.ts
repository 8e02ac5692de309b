/** The knowledge-capture API (issue 16): texts read into facts and proposals (private), applied as records with provenance (public). */
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext } from '../../lib/actor.js';
import { NotFoundError } from '../../lib/errors.js';
import { applyInput, extractionInput, provenanceParams } from './review.schema.js';
import { applyExtraction, createExtraction, getExtraction } from './review.service.js';
import { getProvenance, type ProvenanceKind } from './provenance.js';

const tag = 'extract';

export const extractRoutes: RouteDef[] = [
  route({ method: 'post', path: '/api/extractions', tag, summary: 'Read a text (pasted, saved HTML or a file in base64) for one of your organisations: its facts and the records they suggest; kept private to the organisation',
    body: extractionInput, write: true, status: 201, primary: true, returns: 'the extraction: id, text, facts, proposals',
    handler: ({ c, db, body }) => createExtraction(db, writeContext(c), body) }),
  route({ method: 'get', path: '/api/extractions/:id', tag, summary: 'An extraction with its facts and proposals (members of its organisation and platform administrators; 404 for others)', primary: true,
    handler: ({ c, db, params }) => {
      if (!getActor(c)) throw new NotFoundError('extraction', params.id); // signed out: as for anyone else, its existence does not leak
      return getExtraction(db, writeContext(c), params.id);
    } }),
  route({ method: 'post', path: '/api/extractions/:id/apply', tag, summary: 'Create the accepted proposals\' records in one transaction, with the provenance of each field; 409 once applied',
    body: applyInput, write: true, status: 201, returns: 'the records created', handler: ({ c, db, params, body }) => applyExtraction(db, writeContext(c), params.id, body) }),
  route({ method: 'get', path: '/api/provenance/:kind/:id', tag, summary: 'Where a record\'s fields came from: the source documents\' titles and the quotes used (never the whole text)',
    params: provenanceParams, handler: ({ db, params }) => getProvenance(db, params.kind as ProvenanceKind, params.id) }),
];
