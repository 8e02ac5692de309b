/**
 * Groups over the API (issue 15): the seeded groups read by everyone; their writes by role (anonymous 401, a member
 * or another network's administrator 403, the parent network's administrator and platform administrators allowed,
 * 409 on a stale version, audited); a members-only meeting of the Groupe-Pays Vietnam: 404 outside the group, absent
 * from /api/events, search, exports, the series' chronology and the calendar feeds for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { eventCalendar, seriesCalendar } from '../events/calendar.js';
import { ASSISES } from '../../db/seed/documents/events.js';

const TOKEN = 'groups-admin-token';
let db: Db; let app: ReturnType<typeof createApp>;
type B = ReturnType<typeof browser>;
const who: Record<string, { b: B; h: Record<string, string> }> = {};

beforeAll(async () => {
  db = await testDb(); app = createApp({ db, adminToken: TOKEN });
  const signIn = async (name: string, grants: Parameters<typeof makeAccount>[2]) => {
    const b = browser(app);
    await makeAccount(db, `${name}@groups.example.org`, grants);
    who[name] = { b, h: { 'x-csrf-token': await b.login(`${name}@groups.example.org`) } };
  };
  await signIn('cufAdmin', [{ role: 'network_admin', organisationId: 'cuf' }]); // the Groupe-Pays' parent network
  await signIn('lianesAdmin', [{ role: 'network_admin', organisationId: 'lianes' }]);
  await signIn('member', [{ role: 'member', organisationId: 'cd93' }]); // Seine-Saint-Denis, a member of the Groupe-Pays
  await signIn('outsider', [{ role: 'member', organisationId: 'ville-grande-synthe' }]);
  who.anonymous = { b: browser(app), h: {} };
  who.platform = { b: browser(app), h: { authorization: `Bearer ${TOKEN}` } };
});
afterAll(async () => { await db?.close(); });

describe('groups (API)', () => {
  it('lists and shows the seeded groups: the Groupe-Pays Vietnam, Lianes with its offices and funders', async () => {
    const list = await who.anonymous.b.get('/api/groups?kind=country_group&country=VN');
    expect(list.status, list.text).toBe(200);
    expect(list.json.map((g: any) => g.id)).toContain('cuf-gp-vietnam');
    expect((await who.anonymous.b.get('/api/groups?kind=oops')).status).toBe(400);
    const gp = (await who.anonymous.b.get('/api/groups/cuf-gp-vietnam')).json;
    expect(gp).toMatchObject({ groupKind: 'country_group', country: 'VN', parentId: 'cuf', vacantRoles: ['president'], canManage: false, isMember: false });
    expect(gp.agenda).toMatch(/assainissement/);
    const cd93 = gp.memberList.find((m: any) => m.id === 'cd93');
    expect(cd93.partnerships.length).toBeGreaterThan(0);
    expect(gp.meetings.map((e: any) => e.id)).toContain('restitution-assises-12');
    const lianes = (await who.anonymous.b.get('/api/groups/lianes')).json;
    expect(lianes.offices.map((o: any) => o.address)).toEqual(['5 rue Jules de Vicq, 59000 Lille', '6 rue des Hautes Cornes, 80000 Amiens']);
    expect(lianes.funders.map((f: any) => f.id)).toEqual(expect.arrayContaining(['afd', 'region-hdf', 'agence-eau-artois-picardie']));
    expect((await who.anonymous.b.get('/api/groups/nope')).status).toBe(404);
  });

  it('lets only the network administrators above a group and platform administrators write it, with 409 on a stale version', async () => {
    const gp = (await who.anonymous.b.get('/api/groups/cuf-gp-vietnam')).json;
    const body = { version: gp.version, groupKind: 'country_group', country: 'VN', parentId: 'cuf', agenda: 'Santé et environnement', vacantRoles: ['president'],
      offices: [{ name: 'Paris', address: '9 rue Christiani, 75018 Paris' }], funderIds: ['meae'] };
    const put = (name: string, b: object) => who[name].b.put('/api/groups/cuf-gp-vietnam/profile', b, who[name].h);
    expect((await put('anonymous', body)).status).toBe(401);
    expect((await put('member', body)).status).toBe(403);
    expect((await put('lianesAdmin', body)).status).toBe(403);
    const ok = await put('cufAdmin', body);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ version: gp.version + 1, agenda: 'Santé et environnement', funders: [{ id: 'meae' }], canManage: true });
    const stale = await put('platform', body);
    expect(stale.status).toBe(409);
    expect((await put('platform', { ...body, version: gp.version + 1, country: 'Vietnam' })).json.issues[0].path).toBe('country');
    expect((await put('platform', { ...body, version: gp.version + 1 })).status).toBe(200);

    const add = (name: string) => who[name].b.post('/api/groups/cuf-gp-vietnam/members', { organisationId: 'ville-lorient', role: 'member' }, who[name].h);
    expect((await add('outsider')).status).toBe(403);
    expect((await add('cufAdmin')).status).toBe(201);
    expect((await add('cufAdmin')).status).toBe(409);
    const role = await who.cufAdmin.b.put('/api/groups/cuf-gp-vietnam/members/ville-lorient', { role: 'president' }, who.cufAdmin.h);
    expect(role.json.memberList.find((m: any) => m.id === 'ville-lorient').role).toBe('president');
    expect((await who.lianesAdmin.b.del('/api/groups/cuf-gp-vietnam/members/ville-lorient', undefined, who.lianesAdmin.h)).status).toBe(403);
    expect((await who.cufAdmin.b.del('/api/groups/cuf-gp-vietnam/members/ville-lorient', undefined, who.cufAdmin.h)).status).toBe(204);
    const actions = await db.query("select action from audit_log where target_id = 'cuf-gp-vietnam' and action like 'group_%' order by id");
    expect(actions.map((a) => a.action)).toEqual(['group_profile_updated', 'group_profile_updated', 'group_member_added', 'group_member_changed', 'group_member_removed']);
  });
});

describe('a members-only meeting of a group', () => {
  let id = '';
  beforeAll(async () => {
    const meeting = { title: 'Réunion interne Quokkaleon du Groupe-Pays', kind: 'online', online: true, seriesId: ASSISES, start: '2031-03-04',
      hosts: ['cuf'], groupId: 'cuf-gp-vietnam', visibility: 'members', agenda: ['Présidence du groupe'] };
    const refused = await who.outsider.b.post('/api/events', { ...meeting, hosts: ['ville-grande-synthe'] }, who.outsider.h);
    expect(refused.status, refused.text).toBe(403);
    expect((await who.cufAdmin.b.post('/api/events', { ...meeting, groupId: null }, who.cufAdmin.h)).json.issues[0].path).toBe('visibility');
    const r = await who.cufAdmin.b.post('/api/events', meeting, who.cufAdmin.h);
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ groupId: 'cuf-gp-vietnam', visibility: 'members' });
    id = r.json.id;
  });

  it('is 404 outside the group and shown to its members, its network administrators and platform administrators', async () => {
    for (const name of ['anonymous', 'outsider', 'lianesAdmin']) {
      expect((await who[name].b.get(`/api/events/${id}`)).status, name).toBe(404);
      expect((await who[name].b.get(`/api/events/${id}/revisions`)).status, name).toBe(404);
      expect((await who[name].b.get(`/api/events/${id}/sessions`)).status, name).toBe(404);
      expect((await who[name].b.get(`/api/events/${id}/participants`)).status, name).toBe(404);
      expect(JSON.stringify((await who[name].b.get('/api/events?perPage=100')).json)).not.toContain(id);
      expect(JSON.stringify((await who[name].b.get('/api/groups/cuf-gp-vietnam')).json.meetings)).not.toContain(id);
    }
    for (const name of ['member', 'cufAdmin', 'platform']) {
      expect((await who[name].b.get(`/api/events/${id}`, who[name].h)).status, name).toBe(200);
      expect(JSON.stringify((await who[name].b.get('/api/events?perPage=100', who[name].h)).json), name).toContain(id);
    }
    expect((await who.member.b.get('/api/groups/cuf-gp-vietnam')).json.meetings.map((e: any) => e.id)).toContain(id);
  });

  it('is never in search, exports, the series\' chronology or calendar feeds', async () => {
    expect(await db.query("select id from search_doc where kind = 'event' and id = $1", [id])).toEqual([]);
    expect((await who.platform.b.get('/api/search?q=Quokkaleon', who.platform.h)).json.total).toBe(0);
    // the whole database's dump (/api/export/all) writes its events through the same records() as the JSON export
    for (const path of ['/api/export?kind=events&format=csv', '/api/export?kind=events&format=json']) {
      const r = await who.platform.b.get(path, who.platform.h);
      expect(r.status, path).toBe(200);
      expect(r.text, path).not.toContain('Quokkaleon');
    }
    expect((await who.platform.b.get(`/api/export/events/${id}`, who.platform.h)).status).toBe(404);
    const series = await who.platform.b.get(`/api/event-series/${ASSISES}`, who.platform.h);
    expect(series.status).toBe(200);
    expect(series.text).not.toContain(id);
    expect((await seriesCalendar(db, ASSISES, 'https://tandem.example')).body).not.toContain('Quokkaleon');
    await expect(eventCalendar(db, id, 'https://tandem.example')).rejects.toMatchObject({ status: 404 });
  });
});
