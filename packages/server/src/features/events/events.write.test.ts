/**
 * Events as records through the API: hosts' members create and edit them, others are refused, stale versions get 409,
 * the programme survives an update, deletion, revisions and restore, series for platform administrators, search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { client } from '../../../test/http.js';

describe('events as records (API)', () => {
  let db: Db;
  let toulouse: ReturnType<typeof browser>, montreuil: ReturnType<typeof browser>, admin: ReturnType<typeof browser>;
  const csrf: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    db = await testDb();
    const app = createApp({ db });
    const signIn = async (name: string, grants: Parameters<typeof makeAccount>[2]) => {
      const b = browser(app);
      await makeAccount(db, `${name}@example.org`, grants);
      csrf[name] = { 'x-csrf-token': await b.login(`${name}@example.org`) };
      return b;
    };
    toulouse = await signIn('toulouse', [{ role: 'member', organisationId: 'ville-toulouse' }]);
    montreuil = await signIn('montreuil', [{ role: 'member', organisationId: 'ville-montreuil' }]);
    admin = await signIn('admin', [{ role: 'platform_admin', organisationId: null }]);
  });
  afterAll(async () => { await db.close(); });

  const draft = { title: 'Rencontre des jumelages toulousains', kind: 'meeting', start: '2027-05-12', end: '2027-05-13', startTime: '09:30', endTime: '17:00',
    timeZone: 'Europe/Paris', placeId: 'FR-C-31555', hosts: ['ville-toulouse'], theme: 'Eau et villes durables', agenda: ['Accueil', 'Ateliers'] };

  it('lets a host member create an event (201), refuses another organisation’s member (403) and a visitor (401)', async () => {
    expect((await montreuil.post('/api/events', draft, csrf.montreuil)).status).toBe(403);
    expect((await client(db).post('/api/events', draft, null)).status).toBe(401);
    const r = await toulouse.post('/api/events', draft, csrf.toulouse);
    expect(r.status, r.text).toBe(201);
    expect([r.json.id, r.json.start, r.json.startTime, r.json.place.id, r.json.hosts.map((h: any) => h.id), r.json.agenda])
      .toEqual(['rencontre-des-jumelages-toulousains', '2027-05-12', '09:30', 'FR-C-31555', ['ville-toulouse'], ['Accueil', 'Ateliers']]);
    // a creator cannot put the event under organisations they are not a member of
    expect((await toulouse.post('/api/events', { ...draft, hosts: ['ville-montreuil'] }, csrf.toulouse)).status).toBe(403);
  });

  it('updates with the version read, 409 when stale, 400 naming the field', async () => {
    const e = (await toulouse.get('/api/events/rencontre-des-jumelages-toulousains')).json;
    const ok = await toulouse.put(`/api/events/${e.id}`, { ...draft, title: 'Rencontre des jumelages de Toulouse', version: e.version }, csrf.toulouse);
    expect(ok.status, ok.text).toBe(200);
    expect([ok.json.title, ok.json.version]).toEqual(['Rencontre des jumelages de Toulouse', e.version + 1]);
    const stale = await toulouse.put(`/api/events/${e.id}`, { ...draft, version: e.version }, csrf.toulouse);
    expect(stale.status).toBe(409);
    const bad = await toulouse.put(`/api/events/${e.id}`, { ...draft, placeId: 'no-such-place', version: e.version + 1 }, csrf.toulouse);
    expect([bad.status, bad.json.issues?.[0]?.path]).toEqual([400, 'placeId']);
    const taken = await admin.put(`/api/events/${e.id}`, { ...draft, seriesId: 'assises-franco-vietnamiennes', edition: 11, version: e.version + 1 }, csrf.admin);
    expect([taken.status, taken.json.issues?.[0]?.path]).toEqual([400, 'edition']);
    expect((await montreuil.put(`/api/events/${e.id}`, { ...draft, version: e.version + 1 }, csrf.montreuil)).status).toBe(403);
  });

  it('keeps the programme when an event is updated: its workshops are not the update’s', async () => {
    const e = (await admin.get('/api/events/assises-12')).json;
    const sessions = await db.query(`select id, version from event_session where event_id = 'assises-12' order by id`);
    const body = { title: e.title, kind: e.kind, seriesId: e.seriesId, edition: e.edition, start: e.start, end: e.end, placeId: e.place.id, placeText: e.placeText,
      side: e.side, workshopsCount: e.workshopsCount, hosts: e.hosts.map((h: any) => h.id), theme: 'Villes durables et intelligentes', workshops: [], version: e.version };
    const r = await admin.put('/api/events/assises-12', body, csrf.admin);
    expect(r.status, r.text).toBe(200);
    expect(r.json.workshops.map((w: any) => w.lead?.id)).toEqual(['region-idf', 'ps-eau', 'cuf', 'daect']);
    expect(await db.query(`select id, version from event_session where event_id = 'assises-12' order by id`)).toEqual(sessions);
  });

  it('keeps revisions of events, restores one, and deletes an event (not one people registered for)', async () => {
    const id = 'rencontre-des-jumelages-toulousains';
    const revs = (await toulouse.get(`/api/events/${id}/revisions`)).json.items;
    expect(revs.map((r: any) => r.action)).toEqual(['update', 'create']);
    expect(revs[0].changes).toContainEqual({ path: 'title', before: 'Rencontre des jumelages toulousains', after: 'Rencontre des jumelages de Toulouse' });
    const { version } = (await toulouse.get(`/api/events/${id}`)).json;
    const restored = await toulouse.post(`/api/events/${id}/revisions/${revs[1].id}/restore`, { version }, csrf.toulouse);
    expect([restored.status, restored.json.title]).toEqual([200, 'Rencontre des jumelages toulousains']);

    await db.query(`insert into registration (id, event_id, token_hash, name, email, status) values ('reg-x', $1, 'h-x', 'Une personne', 'p@example.org', 'accepted')`, [id]);
    expect((await toulouse.del(`/api/events/${id}`, undefined, csrf.toulouse)).status).toBe(409);
    await db.query(`delete from registration where id = 'reg-x'`);
    expect((await montreuil.del(`/api/events/${id}`, undefined, csrf.montreuil)).status).toBe(403);
    expect((await toulouse.del(`/api/events/${id}`, undefined, csrf.toulouse)).status).toBe(204);
    expect((await toulouse.get(`/api/events/${id}`)).status).toBe(404);
    expect(await db.query(`select id from search_doc where kind = 'event' and id = $1`, [id])).toEqual([]);
  });

  it('lets platform administrators alone create and edit series; their events follow a renaming in search', async () => {
    expect((await toulouse.post('/api/event-series', { id: 'rencontres-toulousaines', name: 'Rencontres toulousaines' }, csrf.toulouse)).status).toBe(403);
    const created = await admin.post('/api/event-series', { id: 'rencontres-toulousaines', name: 'Rencontres toulousaines', periodFrom: 2027 }, csrf.admin);
    expect(created.status, created.text).toBe(201);
    const bad = await admin.post('/api/event-series', { id: 'a-rebours', name: 'À rebours', periodFrom: 2020, periodTo: 2010 }, csrf.admin);
    expect([bad.status, bad.json.issues?.[0]?.path]).toEqual([400, 'periodTo']);
    const list = (await admin.get('/api/event-series?perPage=50')).json;
    expect(list.items.map((s: any) => s.id)).toEqual(['ateliers-franco-vietnamiens', 'assises-franco-vietnamiennes', 'rencontres-toulousaines']);
    const s = (await admin.get('/api/event-series/ateliers-franco-vietnamiens')).json;
    const r = await admin.put('/api/event-series/ateliers-franco-vietnamiens', { name: 'Ateliers franco-vietnamiens de Lorraine', periodFrom: 1995, periodTo: 2000,
      openingAgreementId: s.openingAgreementId, description: s.description, version: s.version }, csrf.admin);
    expect(r.status, r.text).toBe(200);
    const found = (await admin.get('/api/search?q=Lorraine&kind=event')).json;
    expect(found.results.map((x: any) => x.id)).toContain('ateliers-1');
    expect((await admin.get('/api/event-series/ateliers-franco-vietnamiens/revisions')).json.items[0].changes)
      .toContainEqual({ path: 'name', before: 'Ateliers de la coopération décentralisée franco-vietnamienne', after: 'Ateliers franco-vietnamiens de Lorraine' });
  });

  it('finds « Assises Toulouse » as events, with dates, place and series on the card', async () => {
    const r = (await admin.get('/api/search?q=Assises%20Toulouse')).json;
    const top = r.results.filter((x: any) => x.kind === 'event').map((x: any) => x.id);
    expect(top).toEqual(expect.arrayContaining(['assises-5', 'assises-11']));
    expect(r.results[0].kind).toBe('event');
    const card = r.results.find((x: any) => x.id === 'assises-11');
    expect([card.subtitle, card.period, card.places.map((p: any) => p.id), card.url])
      .toEqual(['Assises de la coopération décentralisée franco-vietnamienne', { start: '2019-04-01', end: '2019-04-02' }, ['FR-C-31555'], '/api/events/assises-11']);
    expect(r.facets.kind).toContainEqual(expect.objectContaining({ value: 'event' }));
    // the place's history: Hải Phòng's 8th Assises are found under the place's names, and the kind filter keeps events only
    const hp = (await admin.get('/api/search?q=Hai%20Phong&kind=event')).json;
    expect(hp.results.map((x: any) => x.id)).toEqual(['assises-8']);
  });

  it('exports events as CSV (formula-safe) and JSON with their parts, and one event’s files', async () => {
    const r = await admin.post('/api/events', { title: '=HYPERLINK("http://evil.example","clic")', kind: 'other', theme: '@SUM(A1)', hosts: ['cuf'] }, csrf.admin);
    expect(r.status, r.text).toBe(201);
    const csv = (await admin.get('/api/export?format=csv&kind=events')).text;
    const line = csv.split('\r\n').find((l) => l.startsWith(`${r.json.id},`))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(line).toContain(`'@SUM(A1)`);
    expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('id,title,kind,series_id,series,edition,start,end,start_time,end_time,time_zone,place_id,place,online,online_url,side,theme,hosts,workshops_count');
    expect(csv).toContain('restitution-assises-12,Restitution et suites des 12es Assises');
    const json = (await admin.get('/api/export?format=json&kind=events')).json;
    expect(json.events.find((e: any) => e.id === 'assises-12').workshops).toHaveLength(4);
    const one = await admin.get('/api/export/events/assises-11?format=csv&labels=en');
    expect([one.status, one.text.split('\r\n')[1]?.slice(0, 11)]).toEqual([200, 'assises-11,']);
    expect(one.text).toContain('Host country');
  });
});
