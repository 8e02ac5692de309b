import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client, TOKEN } from '../../../test/http.js';
import type { Db } from '../../db/client.js';

describe('partnerships API', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    db = await testDb();
    api = client(db);
    for (const o of [
      { id: 'test-ville-a', kind: 'collectivite', name: 'Ville de Testbourg', territoryId: 'FR-C-95127' },
      { id: 'test-ville-b', kind: 'collectivite', name: 'Ville de Đà Lạt test', country: 'VN' },
    ]) expect((await api.post('/api/organisations', o)).status).toBe(201);
  });
  afterAll(async () => { await db.close(); });

  const body = {
    title: 'Testbourg ↔ Đà Lạt', kind: 'cooperation',
    parties: [{ organisationId: 'test-ville-a', side: 'fr' }, { organisationId: 'test-ville-b', side: 'foreign' }],
    agreements: [{ kind: 'convention', signed: '2019-03', durationMonths: 36, axes: ['Eau'] }],
    themes: ['env.eau-dechets'],
  };

  it('refuses writes without the right bearer token', async () => {
    expect((await api.post('/api/partnerships', body, null)).status).toBe(401);
    expect((await api.post('/api/partnerships', body, 'wrong')).status).toBe(401);
    const closed = client(db, { adminToken: null });
    const r = await closed.post('/api/partnerships', body, TOKEN);
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/TANDEM_ADMIN_TOKEN/);
    const [{ n }] = await db.query('select count(*)::int as n from partnership where title = $1', [body.title]);
    expect(n).toBe(0);
  });

  it('names the field of every validation error', async () => {
    const r = await api.post('/api/partnerships', { ...body, title: '', parties: [body.parties[0]], agreements: [{ kind: 'convention', signed: '2019-13' }] });
    expect(r.status).toBe(400);
    const paths = r.json.issues.map((i: any) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'parties', 'agreements.0.signed']));
    const missing = await api.post('/api/partnerships', { ...body, parties: [body.parties[0], { organisationId: 'nobody', side: 'foreign' }] });
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toEqual([{ path: 'parties.1.organisationId', message: 'no organisation with id "nobody"' }]);
    expect((await api.post('/api/partnerships', '{not json')).status).toBe(400);
  });

  it('creates, reads, lists, updates with versions, answers 409 on a stale version, deletes', async () => {
    const created = await api.post('/api/partnerships', body);
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(id).toBe('testbourg-da-lat');
    expect(created.json.version).toBe(1);
    expect(created.json.agreements[0]).toMatchObject({ kind: 'convention', signed: '2019-03', durationMonths: 36 });
    expect(created.json.parties.map((p: any) => p.organisationId)).toEqual(['test-ville-a', 'test-ville-b']);

    const list = await api.get('/api/partnerships?perPage=2&page=1');
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(2);
    expect(list.json.total).toBeGreaterThan(2);
    expect(list.json.pages).toBe(Math.ceil(list.json.total / 2));

    const { id: _omit, ...rest } = body as any;
    const first = await api.put(`/api/partnerships/${id}`, { ...rest, status: 'dormant', version: 1 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'dormant', version: 2 });

    const stale = await api.put(`/api/partnerships/${id}`, { ...rest, status: 'ended', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.currentVersion).toBe(2);
    expect((await api.get(`/api/partnerships/${id}`)).json.status).toBe('dormant');

    expect((await api.del(`/api/partnerships/${id}`)).status).toBe(204);
    expect((await api.get(`/api/partnerships/${id}`)).status).toBe(404);
    expect((await api.put(`/api/partnerships/${id}`, { ...rest, version: 2 })).status).toBe(404);
  });

  it('keeps search in step with writes', async () => {
    const created = await api.post('/api/partnerships', { ...body, title: 'Quokkaville ↔ Đà Lạt' });
    expect((await api.get('/api/search?q=quokkaville')).json.results.map((r: any) => r.id)).toEqual([created.json.id]);
    await api.put(`/api/partnerships/${created.json.id}`, { ...body, id: undefined, title: 'Wombatville ↔ Đà Lạt', version: 1 });
    expect((await api.get('/api/search?q=quokkaville')).json.total).toBe(0);
    expect((await api.get('/api/search?q=wombatville&kind=partnership')).json.total).toBe(1);
    await api.del(`/api/partnerships/${created.json.id}`);
    expect((await api.get('/api/search?q=wombatville')).json.total).toBe(0);
  });
});
