/**
 * Open data downloads: each answers 200 with its type and file name, a search's download holds exactly the search's
 * records (bounded), bad parameters are 400s naming the field, a person is in none of them, and a download is a
 * stream that waits for its reader.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { parseCsv } from '../../../../shared/src/csv.testkit.js';
import { SEARCH_EXPORT_MAX } from './export.search.js';
import { csvWriter, exportKinds, type ExportKind } from './export.service.js';
import { textStream } from './stream.js';

const TOKEN = 'export-admin';
/** a person of cd93: none of these may appear in a public download */
const PERSON = { name: 'Ysolde Quirinal-Vasseur', email: 'ysolde.quirinal@private.example', phone: '+33 6 98 76 54 32', notes: 'note privée zephyrine', organisationId: 'cd93' };
const SECRETS = [PERSON.name, PERSON.email, PERSON.phone, 'zephyrine', 'Quirinal'];

describe('open data downloads', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const res = await app.request(path);
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, status: res.status, bytes, text: bytes.toString('utf8'), type: res.headers.get('content-type'), file: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] };
  };
  /** every page of GET /api/search: the records it lists */
  const searched = async (qs: string) => {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const r = await (await app.request(`/api/search?${qs}&perPage=100&page=${page}`)).json() as any;
      out.push(...r.results.map((x: any) => `${x.kind}/${x.id}`));
      if (page * 100 >= r.total) return { total: r.total as number, approximate: r.approximate as boolean, ids: out.sort() };
    }
  };
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: TOKEN });
    const res = await app.request('/api/people', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(PERSON) });
    expect(res.status, await res.clone().text()).toBe(201);
  });
  afterAll(async () => { await db.close(); });

  it.each([
    ['/api/export?format=csv&kind=partnerships', 'text/csv; charset=utf-8', 'tandem-partnerships.csv'],
    ['/api/export?format=json&kind=missions', 'application/json; charset=utf-8', 'tandem-missions.json'],
    ['/api/export?format=csv&kind=funding&labels=en', 'text/csv; charset=utf-8', 'tandem-funding.csv'],
    ['/api/export/iati', 'application/xml; charset=utf-8', 'tandem-iati.xml'],
    ['/api/export/iati?project=innotech-master', 'application/xml; charset=utf-8', 'tandem-iati-innotech-master.xml'],
    ['/api/export/search?q=hue', 'text/csv; charset=utf-8', 'tandem-search.csv'],
    ['/api/export/search?q=hue&format=json', 'application/json; charset=utf-8', 'tandem-search.json'],
    ['/api/export/search?q=hue&format=iati', 'application/xml; charset=utf-8', 'tandem-search.xml'],
    ['/api/export/partnerships/ssd-hai-duong', 'application/json; charset=utf-8', 'tandem-partnership-ssd-hai-duong.json'],
    ['/api/export/partnerships/ssd-hai-duong?format=csv', 'text/csv; charset=utf-8', 'tandem-partnership-ssd-hai-duong.csv'],
    ['/api/export/projects/innotech-master?format=csv', 'text/csv; charset=utf-8', 'tandem-project-innotech-master.csv'],
    ['/api/export/organisations/cd93', 'application/json; charset=utf-8', 'tandem-organisation-cd93.json'],
    ['/api/export/organisations/cd93?format=csv&labels=vi', 'text/csv; charset=utf-8', 'tandem-organisation-cd93.csv'],
    ['/api/export/missions/cergy-hue-2023-05', 'application/json; charset=utf-8', 'tandem-mission-cergy-hue-2023-05.json'],
    ['/api/export/missions/cergy-hue-2023-05?format=csv', 'text/csv; charset=utf-8', 'tandem-mission-cergy-hue-2023-05.csv'],
    ['/api/export/territories/VN', 'application/json; charset=utf-8', 'tandem-territory-VN.json'],
    ['/api/export/territories/VN?format=csv', 'text/csv; charset=utf-8', 'tandem-territory-VN.csv'],
  ])('%s answers %s as a file', async (path, type, file) => {
    const r = await get(path);
    expect(r.status, r.text.slice(0, 200)).toBe(200);
    expect(r.type).toBe(type);
    expect(r.file).toBe(file);
    if (type.startsWith('application/json')) expect(() => JSON.parse(r.text)).not.toThrow();
    if (type.startsWith('text/csv')) expect(parseCsv(r.text).length).toBeGreaterThan(1);
    if (type.startsWith('application/xml')) expect(r.text).toMatch(/<iati-activities[^>]*>[\s\S]*<\/iati-activities>\n$/);
  });

  it('a record\'s files hold that record: the JSON with its parts, the CSV its rows', async () => {
    const json = JSON.parse((await get('/api/export/partnerships/ssd-hai-duong')).text);
    expect(json).toMatchObject({ id: 'ssd-hai-duong', parties: expect.any(Array), agreements: expect.any(Array), projects: expect.any(Array) });
    const csv = parseCsv((await get('/api/export/partnerships/ssd-hai-duong?format=csv')).text);
    expect(csv.slice(1).map((r) => r[0]).sort()).toEqual(json.projects.map((p: any) => p.id).sort());
    expect(new Set(csv.slice(1).map((r) => r[2]))).toEqual(new Set(['ssd-hai-duong']));
    const vn = parseCsv((await get('/api/export/territories/VN?format=csv')).text);
    const [{ n }] = await db.query<{ n: number }>("select count(*)::int as n from indicator_value where territory_id = 'VN'");
    expect(vn.length - 1).toBe(n);
    expect(new Set(vn.slice(1).map((r) => r[0]))).toEqual(new Set(['VN']));
  });

  it('a readable CSV names every column in the language asked for: French, English and Vietnamese headers', async () => {
    // each kind's header line (the writer given no ids writes only the header)
    const headerOf = async (kind: ExportKind, labels?: 'fr' | 'en' | 'vi') => {
      let text = '';
      await csvWriter(kind, { labels })(db, (chunk) => { text += chunk; }, []);
      return parseCsv(text)[0];
    };
    for (const kind of exportKinds) {
      const [raw, fr, en, vi] = [await headerOf(kind), await headerOf(kind, 'fr'), await headerOf(kind, 'en'), await headerOf(kind, 'vi')];
      expect(vi.length, kind).toBe(raw.length);
      // every column has a label in each language (the raw names are codes: "id", "budget_amount")
      for (const labelled of [fr, en, vi]) labelled.forEach((h, k) => expect(h, `${kind}.${raw[k]}`).not.toBe(raw[k]));
      vi.forEach((h, k) => expect(h, `${kind}.${raw[k]} in Vietnamese`).not.toBe(en[k]));
    }
    const project = await get('/api/export/projects/innotech-master?format=csv&labels=vi&columns=funder,amount,kind');
    expect(project.status, project.text.slice(0, 300)).toBe(200);
    expect(parseCsv(project.text)[0]).toEqual(['Nhà tài trợ', 'Số tiền', 'Tính chất']);
  });

  it('the whole public database: gzipped JSON of every kind, as many records as the tables hold', async () => {
    const r = await get('/api/export/all');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/gzip');
    expect(r.file).toBe('tandem-open-data.json.gz');
    const doc = JSON.parse(gunzipSync(r.bytes).toString('utf8'));
    expect(doc.licence.records.spdx).toBe('etalab-2.0');
    for (const [kind, table] of [['partnerships', 'partnership'], ['projects', 'project'], ['organisations', 'organisation'], ['missions', 'mission'], ['territories', 'territory'], ['indicators', 'indicator_value']]) {
      const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(doc[kind].length, kind).toBe(n);
    }
    expect(doc.projects.find((p: any) => p.id === 'innotech-master').funding.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(JSON.stringify(doc), s).not.toContain(s);
  }, 300_000);

  it.each(['q=hue', 'q=eau&country=VN', 'kind=partnership', 'q=hai&kind=project'])('the download of the search %s holds exactly its records', async (qs) => {
    const s = await searched(qs);
    expect(s.approximate).toBe(false);
    expect(s.ids.length).toBeGreaterThan(0);
    const json = JSON.parse((await get(`/api/export/search?${qs}&format=json`)).text);
    expect(json).toMatchObject({ total: s.total, limit: SEARCH_EXPORT_MAX, truncated: false });
    const singular: Record<string, string> = { partnerships: 'partnership', projects: 'project', organisations: 'organisation', missions: 'mission', events: 'event', territories: 'territory' };
    const inJson = Object.entries(singular).flatMap(([plural, kind]) => (json[plural] ?? []).map((r: any) => `${kind}/${r.id}`)).sort();
    expect(inJson).toEqual(s.ids);
    // CSV: the results (kind, id…), or the kind's table when the search keeps one kind
    const csv = parseCsv((await get(`/api/export/search?${qs}`)).text);
    const kind = /kind=(\w+)/.exec(qs)?.[1];
    expect(csv.slice(1).map((r) => (kind ? `${kind}/${r[0]}` : `${r[0]}/${r[1]}`)).sort()).toEqual(s.ids);
    // IATI: the projects among them
    const xml = (await get(`/api/export/search?${qs}&format=iati`)).text;
    const projects = s.ids.filter((x) => x.startsWith('project/')).length;
    expect(xml.match(/<iati-activity[\s>]/g)?.length ?? 0).toBe(projects);
  });

  it(`a search's download stops at ${SEARCH_EXPORT_MAX.toLocaleString('en')} records and says how many matched`, async () => {
    const r = await get('/api/export/search?kind=territory');
    const total = Number(r.res.headers.get('x-total-count'));
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from search_doc where kind = \'territory\'');
    expect(total).toBe(n);
    expect(total).toBeGreaterThan(SEARCH_EXPORT_MAX);
    expect(r.res.headers.get('x-export-limit')).toBe(String(SEARCH_EXPORT_MAX));
    expect(parseCsv(r.text).length - 1).toBe(SEARCH_EXPORT_MAX);
  }, 120_000);

  it.each([
    ['/api/export/search?format=pdf', 'format'], ['/api/export/search?year=soon', 'year'], ['/api/export/search?columns=id,nope', 'columns'],
    ['/api/export/search?kind=project&columns=title,budget', 'columns'], ['/api/export/people/x', 'kind'], ['/api/export/partnerships/ssd-hai-duong?format=xml', 'format'],
    ['/api/export/partnerships/ssd-hai-duong?format=csv&columns=zzz', 'columns'], ['/api/export?kind=people', 'kind'], ['/api/export/iati?project=a%20b', 'project'],
  ])('%s is a 400 naming %s', async (path, field) => {
    const r = await get(path);
    expect(r.status, r.text).toBe(400);
    expect(JSON.parse(r.text).issues.map((x: any) => x.path)).toContain(field);
  });

  it('an unknown record is a 404, before any byte of a file', async () => {
    for (const path of ['/api/export/projects/nope', '/api/export/territories/XX-nope?format=csv', '/api/export/iati?project=nope']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.type).toContain('application/json');
    }
  });

  it('a person is in none of the downloads', async () => {
    const [{ id }] = await db.query<{ id: string }>('select id from person where email = $1', [PERSON.email]);
    const paths = ['/api/export?format=json&kind=organisations', '/api/export?format=csv&kind=organisations', '/api/export?format=json&kind=projects',
      '/api/export/organisations/cd93', '/api/export/organisations/cd93?format=csv', '/api/export/iati?organisation=cd93',
      `/api/export/search?q=${encodeURIComponent(PERSON.name)}&format=json`, '/api/export/search?q=ysolde', '/api/export/search?q=cd93&format=json',
      `/api/export/people/${id}`, `/api/export/person/${id}`];
    for (const path of paths) {
      const r = await get(path);
      expect(r.status, path).toBeLessThan(500);
      const shown = r.text.replace(/^\{"query":\{[^}]*\}/, ''); // a search's download repeats the words searched for
      for (const s of SECRETS) expect(shown, `${path} shows ${s}`).not.toContain(s);
    }
  });

  it('a whole table is kept as a file until the data changes: a change is in the next download', async () => {
    const names = async () => parseCsv((await get('/api/export?format=csv&kind=organisations')).text).slice(1).map((r) => r[1]);
    const before = await names();
    expect(await names()).toEqual(before);
    const res = await app.request('/api/organisations', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'assoc-temoin', kind: 'association', name: 'Association témoin des téléchargements' }) });
    expect(res.status).toBe(201);
    const after = await names();
    expect(after.length).toBe(before.length + 1);
    expect(after).toContain('Association témoin des téléchargements');
    const json = JSON.parse((await get('/api/export?format=json&kind=organisations')).text);
    expect(json.organisations.map((o: any) => o.id)).toContain('assoc-temoin');
  });

  it('a download is a stream: its producer waits while nobody reads', async () => {
    let written = 0;
    const stream = textStream(async (write) => { for (let k = 0; k < 1000; k++) { await write('x'.repeat(64 * 1024)); written++; } });
    const reader = stream.getReader();
    await reader.read();
    await new Promise((res) => setTimeout(res, 50));
    expect(written).toBeLessThan(12); // a few chunks ahead of the reader, not the 64 MB
    let more = 0;
    for (let k = 0; k < 10; k++) more += (await reader.read()).value!.length;
    expect(more).toBeGreaterThan(0);
    await reader.cancel();
  });
});
