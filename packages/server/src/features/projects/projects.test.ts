import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';

describe('projects, missions, organisations and territories API', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  it('territories: create under a parent, version, history and 404', async () => {
    const t = await api.post('/api/territories', { kind: 'city', name: 'Ville-test de Đông Triều', parentId: 'VN', country: 'VN', names: { vi: 'Đông Triều' }, aliases: ['Dong Trieu'] });
    expect(t.status).toBe(201);
    expect(t.json).toMatchObject({ id: 'ville-test-de-dong-trieu', parentId: 'VN', version: 1, history: [] });
    expect(t.json.ancestors.map((a: any) => a.id)).toEqual(['VN']);
    const self = await api.put(`/api/territories/${t.json.id}`, { kind: 'city', name: 'x', parentId: t.json.id, version: 1 });
    expect(self.status).toBe(400);
    expect(self.json.issues[0].path).toBe('parentId');
    expect((await api.get('/api/territories/nowhere')).status).toBe(404);
    const list = await api.get('/api/territories?country=VN&kind=city&perPage=200');
    expect(list.json.items.map((x: any) => x.id)).toContain(t.json.id);
    expect((await api.del('/api/territories/VN')).status).toBe(409);
  });

  it('organisations: country follows the territory, acronym becomes the id', async () => {
    const o = await api.post('/api/organisations', { kind: 'association', name: 'Association test des amis de Cergy', acronyms: ['ATAC'], territoryId: 'FR-C-95127' });
    expect(o.status).toBe(201);
    expect(o.json).toMatchObject({ id: 'atac', country: 'FR', territory: { id: 'FR-C-95127', name: 'Cergy' } });
    const dup = await api.post('/api/organisations', { id: 'atac', kind: 'association', name: 'Another' });
    expect(dup.status).toBe(400);
    expect(dup.json.issues[0].path).toBe('id');
    const bad = await api.post('/api/organisations', { kind: 'club', name: 'X', website: 'not a url' });
    expect(bad.json.issues.map((i: any) => i.path).sort()).toEqual(['kind', 'website']);
  });

  it('projects: co-financing lines, results, participants and places round-trip exactly', async () => {
    const body = {
      title: 'Projet test de formation', status: 'implementation', start: '2021', end: '2022-06', themes: ['edu.numerique'],
      budget: { amount: '230000', currency: 'EUR' }, places: ['FR-C-95127'],
      participants: [{ organisationId: 'atac', role: 'lead' }],
      funding: [{ funderId: 'atac', amount: 80000, year: 2021 }, { amount: '0.10', currency: 'EUR', kind: 'disbursed' }],
      results: [{ label: 'étudiants formés', value: 15, unit: 'étudiants', year: 2022 }],
      links: [{ url: 'https://example.org/rapport.pdf', kind: 'report', title: 'Rapport' }],
    };
    const p = await api.post('/api/projects', body);
    expect(p.status).toBe(201);
    expect(p.json).toMatchObject({ start: '2021', end: '2022-06', budget: { amount: '230000', currency: 'EUR' } });
    expect(p.json.funding.map((f: any) => [f.funderId, f.amount, f.year, f.kind])).toEqual([['atac', '80000', 2021, 'committed'], [null, '0.1', null, 'disbursed']]);
    expect(p.json.results).toEqual([{ label: 'étudiants formés', value: 15, unit: 'étudiants', year: 2022, kind: 'output' }]);
    expect(p.json.participants[0]).toMatchObject({ organisationId: 'atac', role: 'lead' });
    expect(p.json.places.map((x: any) => x.id)).toEqual(['FR-C-95127']);
    expect(p.json.links).toEqual([{ url: 'https://example.org/rapport.pdf', title: 'Rapport', kind: 'report' }]);

    const bad = await api.post('/api/projects', { ...body, funding: [{ amount: 'lots' }], places: ['nowhere'] });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: any) => i.path)).toContain('funding.0.amount');
    const badPlace = await api.post('/api/projects', { ...body, places: ['nowhere'] });
    expect(badPlace.json.issues).toEqual([{ path: 'places.0', message: 'no territory with id "nowhere"' }]);

    const upd = await api.put(`/api/projects/${p.json.id}`, { ...body, funding: [], results: [], version: 1 });
    expect(upd.json.funding).toEqual([]);
    expect((await api.put(`/api/projects/${p.json.id}`, { ...body, version: 1 })).status).toBe(409);
    expect((await db.query('select count(*)::int as n from funding_line where project_id = $1', [p.json.id]))[0].n).toBe(0);
  });

  it('missions: direction, dates with precision and organisations', async () => {
    const m = await api.post('/api/missions', { title: 'Mission test à Cergy', direction: 'incoming', from: '2023-11-16', to: '2023-11-28', placeId: 'FR-C-95127', organisations: ['atac'] });
    expect(m.status).toBe(201);
    expect(m.json).toMatchObject({ direction: 'incoming', from: '2023-11-16', to: '2023-11-28', place: { id: 'FR-C-95127' } });
    expect(m.json.organisations.map((o: any) => o.id)).toEqual(['atac']);
    const r = await api.get('/api/search?q=mission test cergy&kind=mission');
    expect(r.json.results[0].id).toBe(m.json.id);
    expect(r.json.facets.year.map((y: any) => y.value)).toEqual(['2023']);
  });
});
