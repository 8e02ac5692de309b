/** The routes of one record kind: list, get, create, update, delete, and its history (revisions, restore). */
import { listQuery, positiveInt4, versionSchema, withVersion } from '@tandem/shared';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { route, type RouteDef } from './api.js';
import { getActor, writeContext, type Actor, type WriteContext } from './actor.js';
import { NotFoundError, ValidationError } from './errors.js';
import { getRevision, listRevisions } from '../features/history/revisions.js';
import { toInput } from '../features/history/to-input.js';

export interface CrudService<In> {
  list(db: Db, opts: any, actor?: Actor | null): Promise<unknown>;
  get(db: Db, id: string): Promise<any>;
  create(db: Db, input: In, ctx: WriteContext): Promise<unknown>;
  update(db: Db, id: string, input: In & { version: number }, ctx: WriteContext, action?: 'update' | 'restore'): Promise<unknown>;
  remove(db: Db, id: string, ctx: WriteContext): Promise<void>;
}

export function crudRoutes<In>(opts: {
  path: string; tag: string; noun: string; input: z.ZodObject; filters?: z.ZodRawShape; service: CrudService<In>;
  /** what a PUT (and a restore) takes when it is not the create's input (an event's update leaves its programme out) */
  update?: z.ZodObject;
  /** the record kind of its revisions when it is not the noun ('event_series') */
  kind?: string;
  /** throws (404) when the reader may not see this record (a members-only meeting): before get and revisions */
  guard?: (db: Db, actor: Actor | null, id: string) => Promise<void>;
}): RouteDef[] {
  const { path, tag, noun, service } = opts;
  const kind = opts.kind ?? noun, updateInput = opts.update ?? opts.input;
  const query = listQuery.extend(opts.filters ?? {});
  const updateBody = withVersion(updateInput).omit({ id: true });
  return [
    route({ method: 'get', path, tag, summary: `List ${noun}s (paginated)`, query, returns: `{items, total, page, perPage, pages}`,
      handler: ({ c, db, query: q }) => service.list(db, q, getActor(c)) }),
    route({ method: 'get', path: `${path}/:id`, tag, summary: `Get one ${noun} with its parts`, handler: async ({ c, db, params }) => { await opts.guard?.(db, getActor(c), params.id); return service.get(db, params.id); } }),
    route({ method: 'post', path, tag, summary: `Create a ${noun}`, body: opts.input, write: true, status: 201, returns: `the created ${noun}`,
      handler: ({ c, db, body }) => service.create(db, body as In, writeContext(c)) }),
    route({ method: 'put', path: `${path}/:id`, tag, summary: `Replace a ${noun}; send the version you read (409 when stale)`, body: updateBody, write: true,
      handler: ({ c, db, params, body }) => service.update(db, params.id, body as In & { version: number }, writeContext(c)) }),
    route({ method: 'delete', path: `${path}/:id`, tag, summary: `Delete a ${noun}`, write: true, status: 204,
      handler: ({ c, db, params }) => service.remove(db, params.id, writeContext(c)) }),
    route({ method: 'get', path: `${path}/:id/revisions`, tag, summary: `Every change of a ${noun}: which organisation, when, what changed (the person's name only for members of that organisation and platform administrators)`,
      returns: '[{id, version, action, actor:{kind, organisation:{id, name}, accountId?, label?}, at, changes:[{path, before, after}]}]',
      handler: async ({ c, db, params }) => { await opts.guard?.(db, getActor(c), params.id); return { items: await listRevisions(db, kind, params.id, getActor(c)) }; } }),
    route({ method: 'post', path: `${path}/:id/revisions/:revision/restore`, tag, summary: `Restore the ${noun} as it was after a revision (a new revision; 409 when the version is stale)`,
      params: z.object({ revision: positiveInt4 }), body: z.object({ version: versionSchema }), write: true,
      handler: async ({ c, db, params, body }) => {
        const rev = await getRevision(db, kind, params.id, Number(params.revision));
        if (!rev) throw new NotFoundError('revision', params.revision);
        if (!rev.after) throw new ValidationError([{ path: 'revision', message: 'this revision is a deletion: there is nothing to restore' }]);
        const input = updateInput.omit({ id: true }).parse(toInput(kind, rev.after));
        return service.update(db, params.id, { ...(input as In), version: body.version }, writeContext(c), 'restore');
      } }),
  ];
}
