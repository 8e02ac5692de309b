/**
 * The programme as pages: the timetable on the event's sheet, each workshop's page, the iCalendar files read back
 * with ical.js, and the organisers' editor driven as a browser without JavaScript (forms with CSRF, 303s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const EDITOR = '/espace/events/restitution-assises-12/programme';

describe('programme pages and calendars', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  const signedIn = async (email: string) => { const b = browser(app); await b.login(email); return b; };
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: 'programme-pages-token' });
    await makeAccount(db, 'cuf@programme.example', [{ role: 'member', organisationId: 'cuf' }]);
    await makeAccount(db, 'out@programme.example', [{ role: 'member', organisationId: 'ville-montreuil' }]);
    await db.query(`insert into person (id, name, role_title, organisation_id) values ('prog-thu', 'Thu Animatrice', 'chargée de mission', 'cuf')`);
  });
  afterAll(async () => { await db.close(); });

  it('shows the timetable on the sheet, and each workshop its own page in fr, en and vi', async () => {
    const b = browser(app);
    const sheet = await b.get('/events/assises-12');
    expect(sheet.status).toBe(200);
    expect(sheet.text).toContain('id="programme-h"');
    expect(sheet.text).toContain('href="/events/assises-12/sessions/assises-12-atelier-2"');
    expect(sheet.text).toMatch(/Animé par : <a href="\/organisations\/ps-eau"/);
    expect(sheet.text).not.toContain('Modifier le programme');
    const page = await b.get('/en/events/assises-12/sessions/assises-12-atelier-3');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Culture, patrimoine et tourisme');
    expect(page.text).toContain('href="/en/events/assises-12#programme-h"');
    expect(page.text).toContain('Date and time to be confirmed');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)![1]!);
    expect([ld['@type'], ld.superEvent.name, ld.organizer[0].name]).toEqual(['Event', '12es Assises de la coopération décentralisée franco-vietnamienne', 'Cités Unies France']);
    expect((await b.get('/vi/events/assises-12/sessions/assises-12-atelier-1')).text).toContain('Quay lại sự kiện');
    expect((await b.get('/events/assises-11/sessions/assises-12-atelier-1')).status).toBe(404);
  });

  it('serves the event\'s and the series\' calendars: 10:00–11:30 Paris time, all-day editions, linked and advertised', async () => {
    const b = browser(app);
    const sheet = (await b.get('/events/restitution-assises-12')).text;
    expect(sheet).toContain('<link rel="alternate" type="text/calendar" href="/events/restitution-assises-12/calendar.ics"');
    expect(sheet).toContain('Ajouter à mon agenda');
    const ics = await b.get('/events/restitution-assises-12/calendar.ics');
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ics.headers.get('content-disposition')).toBe('attachment; filename="restitution-assises-12.ics"');
    const [restitution] = events(ics.text);
    expect([restitution.startDate.toJSDate().toISOString(), restitution.endDate.toJSDate().toISOString()]).toEqual(['2023-06-09T08:00:00.000Z', '2023-06-09T09:30:00.000Z']);
    expect(restitution.uid).toMatch(/^restitution-assises-12@/);

    const series = await b.get('/series/assises-franco-vietnamiennes');
    expect(series.text).toContain('href="/series/assises-franco-vietnamiennes/calendar.ics"');
    const feed = await b.get('/en/series/assises-franco-vietnamiennes/calendar.ics');
    expect(feed.headers.get('content-disposition')).toContain('filename="assises-franco-vietnamiennes.ics"');
    const all = events(feed.text);
    // only the editions known to the day: the 11th (all-day, 1–2 April 2019) and the restitution
    expect(all.map((e) => e.uid.split('@')[0]).sort()).toEqual(['assises-11', 'restitution-assises-12']);
    const eleventh = all.find((e) => e.uid.startsWith('assises-11@'))!;
    expect([eleventh.startDate.isDate, eleventh.startDate.toString(), eleventh.endDate.toString(), eleventh.location]).toEqual([true, '2019-04-01', '2019-04-03', 'Toulouse']);
    expect(feed.text).toContain('/en/events/assises-11');
    expect((await b.get('/series/nope/calendar.ics')).status).toBe(404);
  });

  it('lets an organiser add, edit, move and delete sessions with plain forms; others are turned away', async () => {
    expect((await browser(app).get(EDITOR)).status).toBe(303);
    const out = await signedIn('out@programme.example');
    expect((await out.get(EDITOR)).status).toBe(403);
    const cuf = await signedIn('cuf@programme.example');
    const page = await cuf.get(EDITOR);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Thu Animatrice');
    const csrf = csrfOf(page.text);

    const bad = await cuf.form(EDITOR, { _csrf: csrf, _action: 'create', title: 'Accueil', day: '2023-06-09', startTime: '11:00', endTime: '10:00', onlineUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="s-endTime-error"/);
    expect(bad.text).toMatch(/id="s-onlineUrl-error"/);
    expect(bad.text).toContain('value="Accueil"');

    const created = await cuf.form(EDITOR, { _csrf: csrf, _action: 'create', kind: 'session', title: 'Accueil des participants', day: '2023-06-09', startTime: '10:00', endTime: '10:20', capacity: '30', org: 'Cités Unies France', person: 'prog-thu' });
    expect(created.status, created.text).toBe(303);
    expect(created.headers.get('location')).toBe(`${EDITOR}?done=created#sessions-h`);
    await cuf.form(EDITOR, { _csrf: csrf, _action: 'create', kind: 'session', title: 'Tour de table', day: '2023-06-09', startTime: '10:20', endTime: '11:00' });

    // the organiser sees the person leading it; a visitor sees the organisation only, and the places left
    expect((await cuf.get('/events/restitution-assises-12')).text).toContain('Thu Animatrice');
    const visitor = (await browser(app).get('/events/restitution-assises-12')).text;
    expect(visitor).toContain('Accueil des participants');
    expect(visitor).toContain('30 places restantes');
    expect(visitor).not.toContain('Thu Animatrice');
    expect(visitor).toMatch(/<h3 class="timetable-day">[^<]*9 juin 2023<\/h3>/);
    const ics = events((await browser(app).get('/events/restitution-assises-12/calendar.ics')).text);
    expect(ics.map((e) => [e.summary.split(' — ')[0], e.startDate.toJSDate().toISOString()])).toContainEqual(['Accueil des participants', '2023-06-09T08:00:00.000Z']);

    const [first] = await db.query(`select id, version from event_session where event_id = 'restitution-assises-12' order by position limit 1`);
    const edit = await cuf.get(`${EDITOR}?edit=${first.id}`);
    expect(edit.text).toContain('value="Accueil des participants"');
    const saved = await cuf.form(EDITOR, { _csrf: csrf, _action: 'save', sessionId: first.id, version: String(first.version), kind: 'session', title: 'Accueil', day: '2023-06-09', startTime: '10:00', endTime: '10:15' });
    expect(saved.status, saved.text).toBe(303);
    const stale = await cuf.form(EDITOR, { _csrf: csrf, _action: 'save', sessionId: first.id, version: String(first.version), kind: 'session', title: 'Accueil (ancien)' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('value="Accueil"');

    expect((await cuf.form(EDITOR, { _csrf: csrf, _action: 'down', sessionId: first.id, version: String(first.version + 1) })).status).toBe(303);
    const order = await db.query(`select title from event_session where event_id = 'restitution-assises-12' order by position`);
    expect(order.map((r) => r.title)).toEqual(['Tour de table', 'Accueil']);
    expect((await out.form(EDITOR, { _csrf: csrfOf((await out.get('/events/restitution-assises-12')).text), _action: 'delete', sessionId: first.id })).status).toBe(403);
    expect((await cuf.form(EDITOR, { _csrf: csrf, _action: 'delete', sessionId: first.id })).status).toBe(303);
    expect((await cuf.get(`${EDITOR}?done=deleted`)).text).toContain('La session a été supprimée.');
    expect((await db.query(`select 1 from event_session where id = $1`, [first.id])).length).toBe(0);
  });
});
