/**
 * The programme API on the seeded database: public reads (people leads hidden from those who may not see them),
 * organisers' writes (create, update with 409 on a stale version, move, delete refused while registrations hold a
 * place), hostile input named by field, places left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { createApp } from '../../app.js';
import ICAL from 'ical.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { eventCalendar } from './calendar.js';

const EV = '/api/events/restitution-assises-12/sessions'; // hosted by Cités Unies France (cuf)

describe('programme API', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const as: Record<string, { c: ReturnType<typeof browser>; h: Record<string, string> }> = {};
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: 'prog-admin-token' });
    await db.query(`insert into person (id, name, email, organisation_id) values ('prog-lan', 'Lan Programme', 'lan@example.org', 'cuf'),
      ('prog-far', 'Personne lointaine', null, 'ville-montreuil')`);
    const who: Record<string, any[]> = { organiser: [{ role: 'member', organisationId: 'cuf' }], outsider: [{ role: 'member', organisationId: 'ville-montreuil' }], admin: [{ role: 'platform_admin', organisationId: null }] };
    for (const [name, grants] of Object.entries(who)) {
      await makeAccount(db, `prog-${name}@example.org`, grants);
      const c = browser(app);
      as[name] = { c, h: { 'x-csrf-token': await c.login(`prog-${name}@example.org`) } };
    }
    as.anonymous = { c: browser(app), h: {} };
  });
  afterAll(async () => { await db.close(); });

  it('lists an event\'s workshops in order with their lead organisations, publicly; 404 for an unknown event or session', async () => {
    const r = await as.anonymous.c.get('/api/events/assises-12/sessions');
    expect(r.status).toBe(200);
    expect(r.json.items.map((s: any) => [s.id, s.kind, s.leads.map((l: any) => l.id)])).toEqual([
      ['assises-12-atelier-1', 'workshop', ['region-idf']], ['assises-12-atelier-2', 'workshop', ['ps-eau']],
      ['assises-12-atelier-3', 'workshop', ['cuf']], ['assises-12-atelier-4', 'workshop', ['daect']]]);
    expect((await as.anonymous.c.get('/api/events/assises-12/sessions/assises-12-atelier-2')).json.title).toBe('Enjeux environnementaux, eau et assainissement');
    expect((await as.anonymous.c.get('/api/events/nope/sessions')).status).toBe(404);
    expect((await as.anonymous.c.get('/api/events/assises-11/sessions/assises-12-atelier-2')).status).toBe(404);
  });

  it('lets the organisers add a session led by a person, whom visitors and outsiders never see', async () => {
    const body = { kind: 'session', title: 'Accueil', day: '2023-06-09', startTime: '10:00', endTime: '10:20', onlineUrl: 'https://visio.example.org/r',
      capacity: 10, leads: [{ organisationId: 'cuf' }, { personId: 'prog-lan' }] };
    const anon = await as.anonymous.c.post(EV, body);
    expect(anon.status, anon.text).toBe(401);
    const refused = await as.outsider.c.post(EV, body, as.outsider.h);
    expect(refused.status).toBe(403);
    const r = await as.organiser.c.post(EV, body, as.organiser.h);
    expect(r.status, r.text).toBe(201);
    expect([r.json.id, r.json.leads.map((l: any) => l.name), r.json.placesLeft]).toEqual(['restitution-assises-12-session-1', ['Cités Unies France', 'Lan Programme'], 10]);
    for (const who of ['anonymous', 'outsider']) {
      const list = await as[who].c.get(EV, as[who].h);
      expect(list.json.items[0].leads.map((l: any) => l.kind), who).toEqual(['organisation']);
      expect(list.text).not.toMatch(/Lan Programme|prog-lan|lan@example/);
    }
    expect((await as.admin.c.get(`${EV}/restitution-assises-12-session-1`, as.admin.h)).json.leads[1]).toMatchObject({ kind: 'person', id: 'prog-lan', organisationName: 'Cités Unies France' });
    expect((await as.anonymous.c.get('/api/events/restitution-assises-12')).text).not.toContain('Lan Programme');
  });

  it('refuses hostile input with 400 naming the field', async () => {
    const base = { title: 'Essai' };
    const cases: Array<[unknown, string]> = [
      [{ ...base, day: '2023-02-30' }, 'day'], [{ ...base, day: '2023-06-09', startTime: '11:00', endTime: '10:00' }, 'endTime'],
      [{ ...base, startTime: '10:00' }, 'day'], [{ ...base, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'], [{ ...base, capacity: -1 }, 'capacity'],
      [{ ...base, leads: [{ personId: 'prog-far' }] }, 'leads.0.personId'], [{ ...base, leads: [{ organisationId: 'no-such-org' }] }, 'leads.0.organisationId'],
      [{ ...base, leads: [{}] }, 'leads.0.organisationId'], [{ ...base, kind: 'party' }, 'kind'], [{ title: '' }, 'title'],
    ];
    for (const [body, path] of cases) {
      const r = await as.organiser.c.post(EV, body, as.organiser.h);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.issues.map((x: any) => x.path), JSON.stringify(body)).toContain(path);
    }
  });

  it('updates with the version read (409 on a stale one), and moves sessions up and down', async () => {
    const first = (await as.organiser.c.post(EV, { title: 'Conclusions', kind: 'session' }, as.organiser.h)).json;
    const put = (version: number, title: string) => as.organiser.c.put(`${EV}/${first.id}`, { title, kind: 'session', version }, as.organiser.h);
    const ok = await put(first.version, 'Conclusions et suites');
    expect([ok.status, ok.json.title, ok.json.version]).toEqual([200, 'Conclusions et suites', first.version + 1]);
    const stale = await put(first.version, 'Conclusions (ancien)');
    expect([stale.status, stale.json.currentVersion]).toEqual([409, first.version + 1]);
    const order = async () => (await as.anonymous.c.get(EV)).json.items.map((s: any) => s.title);
    expect(await order()).toEqual(['Accueil', 'Conclusions et suites']);
    const moved = await as.organiser.c.post(`${EV}/${first.id}/move`, { direction: 'up', version: ok.json.version }, as.organiser.h);
    expect(moved.status, moved.text).toBe(200);
    expect(await order()).toEqual(['Conclusions et suites', 'Accueil']);
    expect((await as.organiser.c.post(`${EV}/${first.id}/move`, { direction: 'up', version: ok.json.version }, as.organiser.h)).status).toBe(409);
    expect((await as.outsider.c.put(`${EV}/${first.id}`, { title: 'X', version: ok.json.version + 1 }, as.outsider.h)).status).toBe(403);
  });

  it('keeps programme changes in the event\'s history, organisations leading but never people', async () => {
    const revs = async () => (await as.anonymous.c.get('/api/events/restitution-assises-12/revisions')).json.items as unknown[];
    const n0 = (await revs()).length;
    const s = (await as.organiser.c.post(EV, { title: 'Table ronde', kind: 'session', room: 'Salle B', leads: [{ organisationId: 'cuf' }, { personId: 'prog-lan' }] }, as.organiser.h)).json;
    await as.organiser.c.put(`${EV}/${s.id}`, { title: 'Table ronde', kind: 'session', room: 'Salle C', leads: [{ organisationId: 'cuf' }, { personId: 'prog-lan' }], version: s.version }, as.organiser.h);
    const list = await revs();
    expect(list.length).toBe(n0 + 2);
    const text = JSON.stringify(list);
    expect(text).toContain('Salle C');
    expect(text).toContain('Cités Unies France');
    expect(text).not.toContain('Lan Programme');
    expect((await as.organiser.c.del(`${EV}/${s.id}`, undefined, as.organiser.h)).status).toBe(204);
    expect((await revs()).length).toBe(n0 + 3);
  });

  it('counts places left and refuses to delete a session someone holds a place in, naming them; deletes it once they cancelled', async () => {
    const s = (await as.organiser.c.post(EV, { title: 'Atelier complet', capacity: 2 }, as.organiser.h)).json;
    await db.query(`insert into registration (id, event_id, token_hash, name, email, status) values ('prog-reg', 'restitution-assises-12', 'prog-hash', 'Minh Inscrit', 'minh@example.org', 'accepted')`);
    await db.query(`insert into registration_session (registration_id, session_id, status) values ('prog-reg', $1, 'accepted')`, [s.id]);
    expect((await as.anonymous.c.get(`${EV}/${s.id}`)).json.placesLeft).toBe(1);
    const r = await as.organiser.c.del(`${EV}/${s.id}`, undefined, as.organiser.h);
    expect(r.status).toBe(409);
    expect(r.json.error).toContain('Minh Inscrit');
    expect(r.json.registrations).toEqual([{ id: 'prog-reg', name: 'Minh Inscrit', status: 'accepted' }]);
    expect((await as.outsider.c.del(`${EV}/${s.id}`, undefined, as.outsider.h)).status).toBe(403);
    await db.query(`update registration set status = 'cancelled' where id = 'prog-reg'`);
    expect((await as.organiser.c.del(`${EV}/${s.id}`, undefined, as.organiser.h)).status).toBe(204);
    expect((await as.anonymous.c.get(`${EV}/${s.id}`)).status).toBe(404);
    const [{ n }] = await db.query(`select count(*)::int as n from audit_log where action like 'event_session_%' and target_id = 'restitution-assises-12'`);
    expect(n).toBeGreaterThanOrEqual(5);
  });

  it('writes the timed sessions of an event without a time zone in its host country\'s (Toulouse: Paris time)', async () => {
    await db.query(`insert into event_session (id, event_id, kind, position, title, day, start_time, end_time, room)
      values ('prog-toulouse', 'assises-11', 'workshop', 0, 'Atelier toulousain', '2019-04-01', '09:00', '10:30', 'Salle Osète')`);
    const file = await eventCalendar(db, 'assises-11', 'https://tandem.example', '/en');
    expect(file.filename).toBe('assises-11.ics');
    const events = new ICAL.Component(ICAL.parse(file.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const session = events.find((e) => e.uid.startsWith('prog-toulouse@'))!;
    expect([session.startDate.toJSDate().toISOString(), session.endDate.toJSDate().toISOString(), session.location, session.uid])
      .toEqual(['2019-04-01T07:00:00.000Z', '2019-04-01T08:30:00.000Z', 'Salle Osète', 'prog-toulouse@tandem.example']);
    expect(String(events.find((e) => e.uid.startsWith('assises-11@'))!.component.getFirstPropertyValue('url'))).toBe('https://tandem.example/en/events/assises-11');
  });
});
