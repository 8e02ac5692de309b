/** The five record routes (list, get, create, update, delete) of one record kind. */
import { listQuery, withVersion } from '@tandem/shared';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { route, type RouteDef } from './api.js';

export interface CrudService<In> {
  list(db: Db, opts: any): Promise<unknown>;
  get(db: Db, id: string): Promise<unknown>;
  create(db: Db, input: In): Promise<unknown>;
  update(db: Db, id: string, input: In & { version: number }): Promise<unknown>;
  remove(db: Db, id: string): Promise<void>;
}

export function crudRoutes<In>(opts: {
  path: string; tag: string; noun: string; input: z.ZodObject; filters?: z.ZodRawShape; service: CrudService<In>;
}): RouteDef[] {
  const { path, tag, noun, service } = opts;
  const query = listQuery.extend(opts.filters ?? {});
  return [
    route({ method: 'get', path, tag, summary: `List ${noun}s (paginated)`, query, returns: `{items, total, page, perPage, pages}`,
      handler: ({ db, query: q }) => service.list(db, q) }),
    route({ method: 'get', path: `${path}/:id`, tag, summary: `Get one ${noun} with its parts`, handler: ({ db, params }) => service.get(db, params.id) }),
    route({ method: 'post', path, tag, summary: `Create a ${noun}`, body: opts.input, write: true, status: 201, returns: `the created ${noun}`,
      handler: ({ db, body }) => service.create(db, body as In) }),
    route({ method: 'put', path: `${path}/:id`, tag, summary: `Replace a ${noun}; send the version you read (409 when stale)`, body: withVersion(opts.input).omit({ id: true }), write: true,
      handler: ({ db, params, body }) => service.update(db, params.id, body as In & { version: number }) }),
    route({ method: 'delete', path: `${path}/:id`, tag, summary: `Delete a ${noun}`, write: true, status: 204, handler: ({ db, params }) => service.remove(db, params.id) }),
  ];
}
