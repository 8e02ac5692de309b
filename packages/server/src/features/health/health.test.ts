import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';

describe('health, OpenAPI and limits', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  it('reports the engine in use', async () => {
    const r = await api.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', database: process.env.TANDEM_TEST_PG ? 'postgresql' : 'pglite' });
  });

  it('describes every route in OpenAPI 3.1 from the zod schemas', async () => {
    const doc = (await api.get('/api/openapi.json')).json;
    expect(doc.openapi).toBe('3.1.0');
    for (const kind of ['territories', 'organisations', 'partnerships', 'projects', 'missions']) {
      expect(Object.keys(doc.paths[`/api/${kind}`])).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths[`/api/${kind}/{id}`]).sort()).toEqual(['delete', 'get', 'put']);
      expect(doc.paths[`/api/${kind}/{id}`].put.responses['409']).toBeDefined();
    }
    const body = doc.paths['/api/partnerships'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['title', 'kind', 'parties']));
    expect(body.properties.kind.enum).toEqual(['cooperation', 'twinning', 'friendship', 'project_partnership']);
    expect(body.properties.parties.minItems).toBe(2);
    const put = doc.paths['/api/projects/{id}'].put.requestBody.content['application/json'].schema;
    expect(put.required).toContain('version');
    const search = doc.paths['/api/search'].get.parameters.map((p: any) => p.name);
    expect(search).toEqual(expect.arrayContaining(['q', 'kind', 'country', 'territory', 'theme', 'orgKind', 'funder', 'year', 'status']));
  });

  it('refuses bodies over the limit and unknown routes', async () => {
    const big = { kind: 'association', name: 'x', description: 'a'.repeat(1_100_000) };
    const r = await api.post('/api/organisations', big);
    expect(r.status).toBe(413);
    expect((await api.get('/api/nothing-here')).status).toBe(404);
  });
});
