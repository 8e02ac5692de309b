/**
 * Search that explores (issue 11): records that say something before reference territories, browsing without words,
 * each place once (results and facets, in the reader's language), cards (places, period, amounts, snippet), sorts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';

describe('search that explores', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  const find = async (qs: string) => { const r = await api.get(`/api/search?${qs}`); expect(r.status).toBe(200); return r.json; };
  const order = async (qs: string) => (await find(`${qs}&perPage=100`)).results.map((r: any) => r.id) as string[];
  const before = (ids: string[], a: string, b: string) => {
    expect(ids, a).toContain(a);
    if (ids.includes(b)) expect(ids.indexOf(a), `${a} before ${b}`).toBeLessThan(ids.indexOf(b));
  };

  it('"Hue" lists Huế\'s partnership and delegations before Huelgoat or Huez, "eau" water projects before Eaubonne', async () => {
    const hue = await order('q=Hue');
    expect(hue).toEqual(expect.arrayContaining(['FR-C-29081', 'FR-C-38191'])); // Huelgoat and Huez are found, after
    for (const record of ['cergy-hue', 'hue-cergy-2023-02', 'hue-cergy-2023-11', 'cergy-hue-2023-05']) {
      before(hue, record, 'FR-C-29081');
      before(hue, record, 'FR-C-38191');
    }
    const eau = await order('q=eau');
    expect(eau).toContain('FR-C-95203'); // Eaubonne
    for (const record of ['avec', 'avec-consortium', 'hai-duong-assainissement-urbain']) before(eau, record, 'FR-C-95203');
  });

  it('a territory ranks with the records once one is placed at it, and falls back when none is', async () => {
    const weight = async () => (await db.query<{ w: number }>(`select weight as w from search_doc where kind = 'territory' and id = 'FR-C-95203'`))[0].w;
    const alone = await weight();
    const p = await api.post('/api/projects', { title: 'Jardins partagés d’Eaubonne', status: 'implementation', places: ['FR-C-95203'] });
    expect(p.status).toBe(201);
    expect(await weight()).toBeCloseTo(alone * 5, 4);
    const moved = await api.put(`/api/projects/${p.json.id}`, { title: 'Jardins partagés', status: 'implementation', places: ['FR-C-95127'], version: 1 });
    expect(moved.status).toBe(200);
    expect(await weight()).toBeCloseTo(alone, 4);
  });

  it('browses without words: the records that say something first, and every kind in the kind facet with its count', async () => {
    const all = await find('');
    expect(all.approximate).toBe(true);
    expect(all.results.slice(0, 5).map((r: any) => r.kind)).toEqual(Array(5).fill('partnership'));
    const kinds = Object.fromEntries(all.facets.kind.map((k: any) => [k.value, k.count]));
    expect(Object.keys(kinds).sort()).toEqual(['event', 'mission', 'organisation', 'partnership', 'project', 'territory']);
    const counts = await db.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from search_doc where kind <> 'territory' group by kind`);
    for (const { kind, n } of counts) expect(kinds[kind], kind).toBe(n);
    // the partnerships' own list agrees with the facet
    expect((await find('kind=partnership&perPage=100')).total).toBe(kinds.partnership);
  });

  it('lists a place once: a former unit that lives on under its name is its successor ("Hải Phòng" once)', async () => {
    for (const q of ['Hai Phong', 'Hue', 'Huế']) {
      const r = await find(`q=${encodeURIComponent(q)}&perPage=100`);
      const keys = r.results.map((x: any) => `${x.kind}/${x.id}`);
      expect(new Set(keys).size, q).toBe(keys.length);
      const titles = r.results.filter((x: any) => x.kind === 'territory').map((x: any) => x.title);
      expect(new Set(titles).size, `${q}: ${titles}`).toBe(titles.length);
    }
    const ids = await order('q=Hai%20Phong&kind=territory');
    expect(ids).toContain('VN-2025-31');
    expect(ids).not.toContain('VN-P-31'); // the former Hải Phòng, merged into the new one
    // its sheet stays: the successor's history names it
    expect((await api.get('/api/territories/VN-2025-31')).text).toContain('VN-P-31');
    // Hải Dương, merged under another name, keeps its own entry; the successor's card says why it matched
    const hd = (await find('q=Hai%20Duong&kind=territory')).results;
    expect(hd.map((x: any) => x.id)).toEqual(expect.arrayContaining(['VN-P-30', 'VN-2025-31']));
    expect(hd.find((x: any) => x.id === 'VN-2025-31').snippet).toEqual({ field: 'history', text: expect.stringContaining('Hải Dương') });
  });

  // (English writes Huế as Vietnamese does: its "Hue" only strips the diacritics)
  it.each([['fr', 'Hué', 'Haïphong'], ['en', 'Huế', 'Haiphong'], ['vi', 'Huế', 'Hải Phòng']])('names each place once in the facets, in %s', async (lang, hue, haiPhong) => {
    for (const [q, name] of [['Hue', hue], ['Hai Phong', haiPhong]]) {
      const f = (await find(`q=${encodeURIComponent(q)}&lang=${lang}`)).facets.territory;
      const labels = f.map((x: any) => x.label);
      expect(new Set(labels).size, `${q}: ${labels}`).toBe(labels.length);
      expect(labels.filter((l: string) => l === name), `${q}: ${labels}`).toHaveLength(1);
      // former units and countries are not places of this facet (Thừa Thiên Huế became Huế; Vietnam has its own)
      expect(f.map((x: any) => x.value)).not.toEqual(expect.arrayContaining(['VN-P-46']));
      expect(f.map((x: any) => x.value)).not.toContain('VN');
    }
    // a name with its diacritics stripped is not a name of its own: Thừa Thiên Huế, not "Thua Thien Hue"
    const province = (await find(`q=Thua%20Thien%20Hue&kind=organisation&lang=${lang}`)).results[0];
    expect(province.places.map((p: any) => p.name)).toEqual(['Thừa Thiên Huế']);
  });

  it('shows cards: places, period, the partnership\'s amount, and a snippet of why it matched', async () => {
    const r = (await find('q=Seine-Saint-Denis%20Hai%20Duong&kind=partnership')).results.find((x: any) => x.id === 'ssd-hai-duong');
    expect(r.amounts).toEqual([{ amount: '230000', currency: 'EUR' }]);
    expect(r.places.map((p: any) => p.name)).toEqual(['Seine-Saint-Denis', 'Hải Dương']);
    expect(r.period).toEqual({ start: '2006-05', end: null });
    const cd94 = (await find('q=assainissement&kind=partnership')).results.find((x: any) => x.id === 'cd94-yen-bai');
    expect(cd94.snippet.field).toBe('summary');
    expect(cd94.snippet.text).toMatch(/assainissement/);
    expect(cd94.snippet.text.length).toBeLessThanOrEqual(202);
  });

  it('sorts by relevance, date or amount; any other sort is a 400 naming it', async () => {
    const byAmount = (await find('sort=amount&perPage=30')).results;
    expect(byAmount[0].amounts.length).toBeGreaterThan(0);
    const firsts = byAmount.filter((x: any) => x.amounts.length).map((x: any) => Number(x.amounts[0].amount));
    expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
    const byDate = (await find('q=Hue&sort=date&perPage=100')).results;
    const [{ years }] = await db.query<{ years: Record<string, number | null> }>(`select json_object_agg(kind || '/' || id, (select max(y) from unnest(years) y)) as years
      from search_doc where kind || '/' || id = any($1::text[])`, [byDate.map((x: any) => `${x.kind}/${x.id}`)]);
    const latest = byDate.map((x: any) => years[`${x.kind}/${x.id}`] ?? -Infinity);
    expect(latest).toEqual([...latest].sort((a, b) => b - a));
    expect(latest[0]).toBeGreaterThanOrEqual(2023);
    const relevance = await order('q=Hue');
    expect(await order('q=Hue&sort=relevance')).toEqual(relevance);
    expect(await order('q=Hue&sort=date')).not.toEqual(relevance);
    const bad = await api.get('/api/search?q=Hue&sort=size');
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('sort');
  });
});
