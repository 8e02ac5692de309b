import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client, TOKEN } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { addGrant, createAccount } from '../auth/accounts.js';
import { createApiToken } from '../auth/api-tokens.js';

const URL = '/api/apd/cd93/2023';

/** Co-financing lines funded by cd93 (the seed's carry no year): one project per expected category. */
const FIXTURES = [
  { id: 'apd-test-eau', title: 'APD test A — eau potable à Hải Dương', themes: ['env.eau-dechets.eau-potable', 'gouv.decentralisation'], places: ['VN-P-30'],
    funding: [
      { funderId: 'cd93', amount: '45000.50', year: 2023, kind: 'disbursed' },
      { funderId: 'cd93', amount: 50000, year: 2023, kind: 'committed' }, // same money: the disbursed line wins
      { funderId: 'meae', amount: 10000, year: 2023 }, // another funder
      { funderId: 'cd93', amount: 999, year: 2022 }, // another year
    ] },
  { id: 'apd-test-sensibilisation', title: 'APD test B — semaine de la solidarité internationale', themes: ['sensibilisation'], places: ['FR-C-93055'],
    funding: [{ funderId: 'cd93', amount: 12000, year: 2023 }] },
  { id: 'apd-test-dechets', title: 'APD test C — déchets et énergie au Sénégal', themes: ['culture.arts', 'env.eau-dechets.dechets', 'env.energie'], places: ['FR-C-93055', 'SN'],
    funding: [{ funderId: 'cd93', amount: 30000, year: 2023, kind: 'budgeted' }] },
  { id: 'apd-test-numerique', title: 'APD test D — formation au numérique', themes: ['edu.numerique'], places: ['VN-P-30'],
    funding: [{ funderId: 'cd93', amount: 80000, year: 2023 }] },
];

describe('yearly aid declaration (APD) API', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  let memberToken: string, outsiderToken: string, readOnlyToken: string, memberId: string;
  const stored = async () => db.query(`select l.category, l.country, l.amount::text, l.project_id, d.version, d.status
    from apd_declaration d left join apd_line l on l.declaration_id = d.id where d.id = 'cd93-2023' order by l.position`);

  beforeAll(async () => {
    db = await testDb();
    api = client(db);
    for (const p of FIXTURES) expect((await api.post('/api/projects', { ...p, participants: [{ organisationId: 'cd93', role: 'financial' }] })).status).toBe(201);
    const account = async (email: string, org: string, scopes = ['read', 'write']) => {
      const a = await createAccount(db, { email, name: email });
      await addGrant(db, a.id, { role: 'member', organisationId: org }, null);
      return { id: a.id, token: (await createApiToken(db, a.id, 'test', scopes)).token };
    };
    ({ id: memberId, token: memberToken } = await account('agent@seinesaintdenis.fr', 'cd93'));
    outsiderToken = (await account('agent@montreuil.fr', 'ville-montreuil')).token;
    readOnlyToken = (await account('lecteur@seinesaintdenis.fr', 'cd93', ['read'])).token;
  });
  afterAll(async () => { await db.close(); });

  it('pre-fills a draft from the year’s co-financing lines, with category and country, without storing it', async () => {
    const r = await api.get(URL, TOKEN);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: 'cd93-2023', organisationId: 'cd93', organisationName: 'Département de la Seine-Saint-Denis', year: 2023, status: 'draft', saved: false, version: 0 });
    expect(r.json.lines.map((l: any) => [l.category, l.country, l.amount, l.currency, l.projectId])).toEqual([
      ['oudin_water', 'VN', '45000.5', 'EUR', 'apd-test-eau'],
      ['awareness', null, '12000', 'EUR', 'apd-test-sensibilisation'],
      ['waste_1pct', 'SN', '30000', 'EUR', 'apd-test-dechets'],
      ['cooperation', 'VN', '80000', 'EUR', 'apd-test-numerique'],
    ]);
    expect(r.json.lines[0]).toMatchObject({ categoryLabel: '1 % eau et assainissement (loi Oudin-Santini)', projectTitle: 'APD test A — eau potable à Hải Dương' });
    expect(r.json.totals.all).toEqual([{ currency: 'EUR', amount: '167000.5' }]);
    expect(r.json.totals.byCategory.map((t: any) => [t.category, t.amount])).toEqual([['cooperation', '80000'], ['oudin_water', '45000.5'], ['waste_1pct', '30000'], ['awareness', '12000']]);
    expect(r.json.totals.byCountry.map((t: any) => [t.country, t.amount])).toEqual([['SN', '30000'], ['VN', '125000.5'], [null, '12000']]);
    expect((await api.get('/api/apd/cd93/2022', TOKEN)).json.lines.map((l: any) => l.amount)).toEqual(['999']);
    expect(await db.query('select 1 from apd_declaration')).toEqual([]);
    expect((await api.get('/api/apd/nobody/2023', TOKEN)).status).toBe(404);
    expect((await api.get('/api/apd/cd93/23', TOKEN)).json.issues).toEqual([{ path: 'year', message: 'a year between 1900 and 2200, e.g. 2023' }]);
  });

  it('saves with a version; a stale save gets 409 and changes nothing', async () => {
    const draft = (await api.get(URL, TOKEN)).json;
    const lines = draft.lines.map((l: any) => ({ category: l.category, country: l.country, amount: l.amount, note: l.note, projectId: l.projectId }));
    const first = await api.put(URL, { version: 0, lines });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ saved: true, version: 1, status: 'draft' });
    expect((await api.put(URL, { version: 0, lines: [] })).json).toMatchObject({ currentVersion: 1 });

    const more = [...lines, { category: 'ngo_grants', country: 'vn', amount: '5 000,25', note: 'Subvention à Batik International' }];
    const second = await api.put(URL, { version: 1, lines: more });
    expect(second.json.version).toBe(2);
    expect(second.json.lines[4]).toMatchObject({ category: 'ngo_grants', country: 'VN', amount: '5000.25', projectId: null, note: 'Subvention à Batik International' });
    const before = await stored();
    const stale = await api.put(URL, { version: 1, lines: [] });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ currentVersion: 2 });
    expect(await stored()).toEqual(before);
    expect(before).toHaveLength(5);
  });

  it('names the offending field in validation errors and changes nothing', async () => {
    const before = await stored();
    const bad = await api.put(URL, { version: 2, lines: [{ category: 'cooperation', amount: 1 }, { category: 'jumelage', amount: 1 }, { category: 'awareness', amount: 'lots' }, { category: 'refugees', amount: -3 }] });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: any) => i.path)).toEqual(['lines.1.category', 'lines.2.amount', 'lines.3.amount']);
    const country = await api.put(URL, { version: 2, lines: [{ category: 'cooperation', amount: 1, country: 'VN' }, { category: 'cooperation', amount: 1, country: 'ZZ' }] });
    expect(country.json.issues).toEqual([{ path: 'lines.1.country', message: 'no country with code "ZZ"' }]);
    const project = await api.put(URL, { version: 2, lines: [{ category: 'cooperation', amount: 1, projectId: 'no-such-project' }] });
    expect(project.json.issues).toEqual([{ path: 'lines.0.projectId', message: 'no project with id "no-such-project"' }]);
    expect(await stored()).toEqual(before);
  });

  it('refuses writes without the right to declare for the organisation, changing nothing', async () => {
    const before = await stored();
    const body = { version: 2, lines: [] };
    expect((await api.put(URL, body, null)).status).toBe(401);
    expect((await client(db, { adminToken: null }).put(URL, body, null)).status).toBe(403);
    const outsider = await api.put(URL, body, outsiderToken);
    expect(outsider.status).toBe(403);
    expect(outsider.json.error).toMatch(/members of cd93/);
    expect((await api.post(`${URL}/submit`, { version: 2 }, outsiderToken)).status).toBe(403);
    expect((await api.put(URL, body, readOnlyToken)).status).toBe(403);
    expect(await stored()).toEqual(before);

    const member = await api.put(URL, { version: 2, lines: [{ category: 'scholarships', country: 'VN', amount: '1500' }] }, memberToken);
    expect(member.status).toBe(200);
    expect(member.json.version).toBe(3);
    const log = await db.query(`select actor_account_id, action from audit_log where target_kind = 'apd_declaration' and target_id = 'cd93-2023' order by id`);
    expect(log.map((r) => [r.actor_account_id, r.action])).toEqual([['admin-token', 'apd_saved'], ['admin-token', 'apd_saved'], [memberId, 'apd_saved']]);
  });

  it('exports the declaration as CSV, with readable French headers on request', async () => {
    const lines = [
      { category: 'oudin_water', country: 'VN', amount: '45000.50', projectId: 'apd-test-eau' },
      { category: 'awareness', country: null, amount: 12000, note: 'Semaine "solidarité", Saint-Denis' },
    ];
    expect((await api.put(URL, { version: 3, lines }, memberToken)).status).toBe(200);
    const csv = await api.get(`${URL}.csv`, TOKEN);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="apd-cd93-2023.csv"');
    expect(csv.text).toBe(
      'organisation_id,organisation,year,category,category_label,country,country_name,amount,currency,project_id\r\n'
      + 'cd93,Département de la Seine-Saint-Denis,2023,oudin_water,1 % eau et assainissement (loi Oudin-Santini),VN,Vietnam,45000.5,EUR,apd-test-eau\r\n'
      + 'cd93,Département de la Seine-Saint-Denis,2023,awareness,Éducation au développement et sensibilisation,,,12000,EUR,\r\n');
    expect((await api.get(`${URL}?format=csv`, TOKEN)).text).toBe(csv.text);
    const fr = await api.get(`${URL}.csv?labels=fr`, TOKEN);
    // (it starts with a BOM for spreadsheet software, which res.text() drops)
    expect(fr.text.split('\r\n')[0]).toBe('Identifiant de la collectivité,Collectivité,Année,Code de la catégorie,Catégorie,Code pays,Pays,Montant,Devise,Identifiant du projet');
    expect(fr.text.split('\r\n').slice(1)).toEqual(csv.text.split('\r\n').slice(1));
  });

  it('submit locks the declaration until a platform administrator reopens it', async () => {
    const cur = (await api.get(URL, TOKEN)).json;
    expect((await api.post(`${URL}/submit`, { version: cur.version - 1 }, memberToken)).status).toBe(409);
    const sub = await api.post(`${URL}/submit`, { version: cur.version }, memberToken);
    expect(sub.status).toBe(200);
    expect(sub.json).toMatchObject({ status: 'submitted', version: cur.version + 1 });
    expect(Date.parse(sub.json.submittedAt)).toBeGreaterThan(0);
    const before = await stored();
    const locked = await api.put(URL, { version: sub.json.version, lines: [] }, memberToken);
    expect(locked.status).toBe(409);
    expect(locked.json).toMatchObject({ status: 'submitted', currentVersion: sub.json.version });
    expect((await api.put(URL, { version: sub.json.version, lines: [] })).status).toBe(409);
    expect((await api.post(`${URL}/submit`, { version: sub.json.version }, memberToken)).status).toBe(409);
    expect((await api.post(`${URL}/reopen`, { version: sub.json.version }, memberToken)).status).toBe(403);
    expect(await stored()).toEqual(before);

    const reopened = await api.post(`${URL}/reopen`, { version: sub.json.version });
    expect(reopened.json).toMatchObject({ status: 'draft', submittedAt: null, version: sub.json.version + 1 });
    expect((await api.put(URL, { version: reopened.json.version, lines: [] }, memberToken)).json.lines).toEqual([]);
    const log = await db.query(`select action from audit_log where target_id = 'cd93-2023' and action <> 'apd_saved' order by id`);
    expect(log.map((r) => r.action)).toEqual(['apd_submitted', 'apd_reopened']);
    expect((await api.post('/api/apd/cd93/2019/submit', { version: 1 })).json.error).toMatch(/never been saved/);
  });

  it('two first saves at the same time: one is stored, the other gets 409', async () => {
    const body = { version: 0, lines: [{ category: 'refugees', amount: 100 }] };
    const [a, b] = await Promise.all([api.put('/api/apd/cd93/2024', body), api.put('/api/apd/cd93/2024', body, memberToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await db.query(`select version, (select count(*)::int from apd_line where declaration_id = d.id) as n from apd_declaration d where id = 'cd93-2024'`)).toEqual([{ version: 1, n: 1 }]);
  });

  it('a draft answers 404 to all but the organisation’s members and platform administrators; public once submitted', async () => {
    const Y = '/api/apd/cd93/2020';
    const paths = [Y, `${Y}.csv`, `${Y}?format=csv`, `${Y}.csv?labels=fr`];
    const expectReaders = async (publicly: boolean) => {
      for (const path of paths) {
        for (const [who, token] of [['member', memberToken], ['read-only member', readOnlyToken], ['platform admin', TOKEN]] as const) {
          expect((await api.get(path, token)).status, `${who} ${path}`).toBe(200);
        }
        const others = [await api.get(path), await api.get(path, outsiderToken)];
        expect(others.map((r) => r.status), path).toEqual(publicly ? [200, 200] : [404, 404]);
        if (!publicly) for (const r of others) expect(r.text).not.toContain('refugees');
      }
    };
    await expectReaders(false); // the pre-filled draft, never saved
    const saved = await api.put(Y, { version: 0, lines: [{ category: 'refugees', amount: 10 }] }, memberToken);
    expect(saved.status).toBe(200);
    await expectReaders(false); // a stored draft
    expect((await api.post(`${Y}/submit`, { version: saved.json.version }, memberToken)).status).toBe(200);
    await expectReaders(true);
    expect((await api.get(Y)).json).toMatchObject({ status: 'submitted', lines: [{ category: 'refugees', amount: '10' }] });
  });

  it('is described in the OpenAPI document', async () => {
    const paths = (await api.get('/api/openapi.json', TOKEN)).json.paths;
    expect(Object.keys(paths['/api/apd/{organisationId}/{year}']).sort()).toEqual(['get', 'put']);
    expect(paths['/api/apd/{organisationId}/{year}.csv'].get.responses['200'].content).toHaveProperty('text/csv');
    expect(paths['/api/apd/{organisationId}/{year}/submit'].post.security).toBeDefined();
    expect(paths['/api/apd/{organisationId}/{year}/reopen'].post).toBeDefined();
    expect(paths['/api/apd/{organisationId}/{year}'].put.requestBody.content['application/json'].schema.properties.lines.items.properties.category.enum).toContain('oudin_water');
  });
});
