/**
 * News through the API: the seeded Lianes article found by network, country and record; publishing with links
 * (countries kept from them), 400 naming the field, 409 on a stale version, audit; who may publish in whose name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

let db: Db; let api: ReturnType<typeof httpClient>;
beforeAll(async () => { db = await testDb(); api = httpClient(db); });
afterAll(async () => { await db?.close(); });

const LIANES = 'lianes-2024-12-trois-cooperations';
const sample = (extra: object = {}) => ({
  title: 'Assises : la restitution est en ligne', body: 'Le compte rendu **est publié**.\n\n<script>alert(1)</script>', publishedOn: '2025-03-01',
  authorOrganisationId: null, links: [{ kind: 'partnership', id: 'grande-synthe-sidi-ifni' }, { kind: 'territory', id: 'BJ-C-tanguieta' }], ...extra,
});

describe('reading news', () => {
  it('finds the seeded Lianes article by network, by country and by record, with its links and countries', async () => {
    const byRecord = await api.get('/api/news?record=partnership:villeneuve-d-ascq-tanguieta');
    expect(byRecord.status, byRecord.text).toBe(200);
    expect(byRecord.json.items.map((n: any) => n.id)).toEqual([LIANES]);
    const n = byRecord.json.items[0];
    expect(n).toMatchObject({ publishedOn: '2024-12-13', author: { id: 'lianes' }, lang: 'fr' });
    expect(n.links.map((l: any) => l.id)).toEqual(['hdf-dnipropetrovsk', 'grande-synthe-sidi-ifni', 'villeneuve-d-ascq-tanguieta']);
    expect(n.countries).toEqual(expect.arrayContaining(['BJ', 'FR', 'MA', 'UA']));
    expect((await api.get('/api/news?network=lianes')).json.items.map((x: any) => x.id)).toContain(LIANES);
    expect((await api.get('/api/news?country=UA')).json.items.map((x: any) => x.id)).toContain(LIANES);
    expect((await api.get('/api/news?country=VN')).json.items.map((x: any) => x.id)).not.toContain(LIANES);
    expect((await api.get('/api/news?network=cuf')).json.total).toBe(0);
    expect((await api.get(`/api/news/${LIANES}`)).json.title).toMatch(/Hauts-de-France/);
    expect((await api.get('/api/news/no-such-news')).status).toBe(404);
  });

  it('refuses bad queries with 400 naming the parameter', async () => {
    expect((await api.get('/api/news?country=france')).json.issues[0].path).toBe('country');
    expect((await api.get('/api/news?record=planet:earth')).json.issues[0].path).toBe('record');
  });
});

describe('publishing news', () => {
  it('publishes, keeps the countries of its links, updates with the version read (409 when stale), deletes, audits', async () => {
    const c = await api.post('/api/news', sample());
    expect(c.status, c.text).toBe(201);
    expect(c.json).toMatchObject({ id: '2025-03-01-assises-la-restitution-est-en-ligne', author: null, version: 1 });
    expect(c.json.countries).toEqual(['BJ', 'FR', 'MA']);
    const id = c.json.id;
    const u = await api.put(`/api/news/${id}`, sample({ version: 1, links: [{ kind: 'organisation', id: 'lianes' }] }));
    expect(u.status, u.text).toBe(200);
    expect(u.json).toMatchObject({ version: 2, countries: ['FR'], links: [{ kind: 'organisation', id: 'lianes', title: 'Lianes coopération' }] });
    const stale = await api.put(`/api/news/${id}`, sample({ version: 1, title: 'Trop tard' }));
    expect(stale.status).toBe(409);
    expect(stale.json.currentVersion).toBe(2);
    expect((await api.get(`/api/news?record=organisation:lianes`)).json.items.map((x: any) => x.id)).toEqual([id]);
    expect((await api.del(`/api/news/${id}`)).status).toBe(204);
    expect((await api.get(`/api/news/${id}`)).status).toBe(404);
    const audit = await db.query(`select action from audit_log where target_kind = 'news' and target_id = $1 order by id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['news_created', 'news_updated', 'news_deleted']);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [sample({ links: [{ kind: 'partnership', id: 'hdf-dnipropetrovsk' }, { kind: 'project', id: 'no-such-project' }] }), 'links.1.id'],
      [sample({ links: [{ kind: 'planet', id: 'x' }] }), 'links.0.kind'],
      [sample({ sourceUrl: 'javascript:alert(1)' }), 'sourceUrl'],
      [sample({ publishedOn: '2024-02-30' }), 'publishedOn'],
      [sample({ title: '' }), 'title'],
      [sample({ body: 'x'.repeat(50_001) }), 'body'],
      [sample({ authorOrganisationId: 'ville-grande-synthe' }), 'authorOrganisationId'],
      [sample({ authorOrganisationId: 'nobody' }), 'authorOrganisationId'],
    ];
    for (const [body, field] of cases) {
      const r = await api.post('/api/news', body);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path), r.text).toContain(field);
    }
  });

  it('lets a network\'s administrators publish in its name only; Tandem\'s news are platform administrators\'', async () => {
    const web = browser(createApp({ db, adminToken: 'x' }));
    await makeAccount(db, 'lianes-admin@example.org', [{ role: 'network_admin', organisationId: 'lianes' }]);
    const h = { 'x-csrf-token': await web.login('lianes-admin@example.org') };
    const ok = await web.post('/api/news', sample({ authorOrganisationId: 'lianes', title: 'Lianes publie' }), h);
    expect(ok.status, ok.text).toBe(201);
    expect((await web.post('/api/news', sample({ authorOrganisationId: 'cuf' }), h)).status).toBe(403);
    expect((await web.post('/api/news', sample(), h)).status).toBe(403);
    expect((await web.put(`/api/news/${LIANES}`, sample({ authorOrganisationId: 'cuf', version: 1 }), h)).status).toBe(403);
    const member = browser(createApp({ db, adminToken: 'x' }));
    await makeAccount(db, 'gs-member@example.org', [{ role: 'member', organisationId: 'lianes' }]);
    const hm = { 'x-csrf-token': await member.login('gs-member@example.org') };
    expect((await member.del(`/api/news/${ok.json.id}`, undefined, hm)).status).toBe(403);
    expect((await api.post('/api/news', sample(), null)).status).toBe(401);
    expect((await web.del(`/api/news/${ok.json.id}`, undefined, h)).status).toBe(204);
  });
});
