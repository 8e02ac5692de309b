import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { writeDocs } from './search.index.js';

describe('search', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  const ids = async (q: string, extra = '') => (await api.get(`/api/search?q=${encodeURIComponent(q)}&kind=partnership&perPage=50${extra}`)).json.results.map((r: any) => r.id);

  it('takes every word as a prefix of indexed words, all of them required', async () => {
    expect(await ids('Hai Duo')).toContain('ssd-hai-duong');
    expect(await ids('thua thi hu')).toContain('cergy-hue');
    expect(await ids('Hai Duong zzzqqq')).toEqual([]);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from search_word where word like 'duong%'`);
    expect(n).toBeGreaterThan(0);
  });

  it.each(['Hue', 'Hué', 'Huế', 'HUE', 'Thua Thien Hue', 'Thừa Thiên Huế'])('"%s" finds Cergy ↔ Huế', async (q) => {
    expect(await ids(q)).toContain('cergy-hue');
  });

  it.each(['Hai Duong', 'Hải Dương', 'hai duong', 'Hai Phong', 'Hải Phòng'])('"%s" finds Seine-Saint-Denis ↔ Hải Dương', async (q) => {
    expect(await ids(q)).toContain('ssd-hai-duong');
  });

  it('does not find what does not match', async () => {
    expect(await ids('Hai Duong')).not.toContain('cergy-hue');
    expect(await ids('Huế')).not.toContain('ssd-hai-duong');
    expect((await api.get('/api/search?q=zzzqqqxx')).json).toMatchObject({ total: 0, results: [] });
  });

  it('answers the documented shape, with every facet', async () => {
    const r = await api.get('/api/search?q=hai%20duong');
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['approximate', 'facets', 'page', 'perPage', 'results', 'total']);
    expect(Object.keys(r.json.facets).sort()).toEqual(['country', 'funder', 'kind', 'orgKind', 'status', 'territory', 'theme', 'year'].sort());
    expect(r.json.results[0]).toEqual(expect.objectContaining({ kind: expect.any(String), id: expect.any(String), title: expect.any(String) }));
    const kindSum = r.json.facets.kind.reduce((s: number, f: any) => s + f.count, 0);
    expect(kindSum).toBe(r.json.total);
  });

  it('filters by each facet, and counts agree with the filtered results', async () => {
    const all = (await api.get('/api/search?q=hai%20duong&perPage=100')).json;
    const projects = all.facets.kind.find((f: any) => f.value === 'project');
    expect(projects.count).toBeGreaterThan(3);
    const onlyProjects = (await api.get('/api/search?q=hai%20duong&kind=project&perPage=100')).json;
    expect(onlyProjects.total).toBe(projects.count);
    expect(onlyProjects.results.every((r: any) => r.kind === 'project')).toBe(true);

    const meae = onlyProjects.facets.funder.find((f: any) => f.value === 'meae');
    expect(meae.label).toMatch(/Ministère/);
    const funded = (await api.get('/api/search?q=hai%20duong&kind=project&funder=meae&perPage=100')).json;
    expect(funded.total).toBe(meae.count);
    expect(funded.results.map((r: any) => r.id)).toContain('innotech-master');

    const vn = (await api.get('/api/search?kind=partnership&country=VN&perPage=100')).json;
    expect(vn.results.map((r: any) => r.id)).toEqual(expect.arrayContaining(['ssd-hai-duong', 'cergy-hue', 'idf-hanoi']));
    expect(vn.results.map((r: any) => r.id)).not.toContain('hdf-dnipropetrovsk');
    const ua = (await api.get('/api/search?kind=partnership&country=UA')).json;
    expect(ua.results.map((r: any) => r.id)).toEqual(['hdf-dnipropetrovsk']);

    const y2006 = (await api.get('/api/search?kind=partnership&year=2006')).json;
    expect(y2006.results.map((r: any) => r.id)).toContain('ssd-hai-duong');
    const water = (await api.get('/api/search?q=hai%20duong&theme=env')).json;
    expect(water.total).toBeGreaterThan(0);
    for (const r of water.results) expect(['partnership', 'project']).toContain(r.kind);

    const bad = await api.get('/api/search?kind=spaceship');
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('kind');
  });

  it('follows territory history: the new Hải Phòng finds what was signed with Hải Dương', async () => {
    const viaTerritory = (await api.get('/api/search?kind=partnership&territory=VN-2025-31')).json;
    expect(viaTerritory.results.map((r: any) => r.id)).toContain('ssd-hai-duong');
    const oldProvince = (await api.get('/api/search?q=Hai%20Duong&kind=territory')).json;
    expect(oldProvince.results.map((r: any) => r.id)).toContain('VN-P-30');
  });

  it('pages through results', async () => {
    const p1 = (await api.get('/api/search?q=cergy&perPage=2&page=1')).json;
    const p2 = (await api.get('/api/search?q=cergy&perPage=2&page=2')).json;
    expect(p1.total).toBe(p2.total);
    expect(p1.total).toBeGreaterThan(3);
    expect(p1.results.map((r: any) => r.id)).not.toEqual(p2.results.map((r: any) => r.id));
  });
  it('answers large result sets from a sample: estimated total and facets, ranking over candidates, marked approximate', async () => {
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from search_doc where kind = 'territory'`);
    expect(n).toBeGreaterThan(30000);
    const all = (await api.get('/api/search?kind=territory')).json;
    expect(all.approximate).toBe(true);
    expect(Math.abs(all.total - n) / n).toBeLessThan(0.15);
    expect(all.facets.kind).toEqual([expect.objectContaining({ value: 'territory', count: all.total })]);
    // without text, the sampled territories by weight then title
    expect(all.results).toHaveLength(20);
    const titles = all.results.map((r: any) => r.title);
    expect(all.results.every((r: any) => r.kind === 'territory')).toBe(true);
    expect(all.results[0].score).toBeGreaterThanOrEqual(all.results[19].score);
    expect(all.results.filter((r: any, i: number) => i > 0 && all.results[i - 1].score < r.score)).toEqual([]);
    expect(new Set(titles).size).toBeGreaterThan(15);

    const [{ m }] = await db.query<{ m: number }>(`select count(*)::int as m from search_doc where tsv @@ to_tsquery('simple', 'saint:*')`);
    const saint = (await api.get('/api/search?q=Saint')).json;
    expect(m).toBeGreaterThan(3000);
    expect(saint.approximate).toBe(true);
    expect(Math.abs(saint.total - m) / m).toBeLessThan(0.25);
    expect(saint.results).toHaveLength(20);
    // the records that say something first (Seine-Saint-Denis's partnerships), then the places named Saint-…
    expect(saint.results[0].kind).not.toBe('territory');
    const places = saint.results.filter((r: any) => r.kind === 'territory');
    expect(places.length).toBeGreaterThan(5);
    for (const r of places) expect(r.title.normalize('NFD').toLowerCase()).toMatch(/saint/);
    const narrow = (await api.get('/api/search?q=hai%20duong')).json;
    expect(narrow.approximate).toBe(false);
  });
  it('lists equally relevant records most recent first, then by title', async () => {
    const base = { kind: 'project', subtitle: null, title: 'Puits solaires de Zinder', title_folded: 'puits solaires de zinder', folded: 'puits solaires de zinder',
      weight: 1, countries: ['NE'], territories: [], themes: [], org_kinds: [], funders: [], status: 'closed', amount: null, currency: null };
    await writeDocs(db, [
      { ...base, id: 'zz-tie-a', years: [2009, 2010] }, { ...base, id: 'zz-tie-b', years: [2021] }, { ...base, id: 'zz-tie-c', years: [2015, 2016] },
    ]);
    const r = (await api.get('/api/search?q=puits%20solaires%20zinder')).json;
    expect(r.results.map((x: any) => x.id)).toEqual(['zz-tie-b', 'zz-tie-c', 'zz-tie-a']);
    expect(new Set(r.results.map((x: any) => x.score)).size).toBe(1);
  });
});
