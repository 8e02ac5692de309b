/** The event and series forms through the whole site: create as a host's member, edit with hours and online link, the sheet's extras. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { client, TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser } from '../../../../server/src/features/auth/auth.testkit.js';
import { fields, formBody, postRaw, signedInSite, type Browser } from './form-testkit.js';

describe('event forms and sheets', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof signedInSite>>['app'];
  let admin: Browser, member: Browser;
  const api = () => client(db);
  beforeAll(async () => {
    db = await testDb();
    const site = await signedInSite(db, { 'admin@tandem.example': [{ role: 'platform_admin', organisationId: null }],
      'ha@toulouse.example': [{ role: 'member', organisationId: 'ville-toulouse' }] }, TOKEN);
    ({ app, browsers: { 'admin@tandem.example': admin, 'ha@toulouse.example': member } } = site);
  });
  afterAll(async () => { await db?.close(); });

  it('creates an event from /new/events: the member’s organisation as host, hours, online with its link', async () => {
    const html = (await member.get('/new/events')).text;
    expect(fields(html).get('hosts[0]')).toBe('ville-toulouse');
    const bad = await postRaw(app, member, '/new/events', formBody(html, { title: 'Webinaire eau et assainissement', kind: 'online', startTime: '25:00' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="f-startTime-error"');
    const r = await postRaw(app, member, '/new/events', formBody(bad.text, {
      startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Paris', start: '2027-06-09', online: 'true', onlineUrl: 'https://visio.example/eau', 'agenda[0]': 'Accueil',
    }));
    expect(r.status, r.text.slice(0, 400)).toBe(303);
    expect(r.headers.get('location')).toBe('/events/webinaire-eau-et-assainissement?saved=created');
    const e = (await api().get('/api/events/webinaire-eau-et-assainissement')).json;
    expect([e.online, e.onlineUrl, e.startTime, e.endTime, e.start, e.agenda, e.hosts.map((h: any) => h.id)])
      .toEqual([true, 'https://visio.example/eau', '10:00', '11:30', '2027-06-09', ['Accueil'], ['ville-toulouse']]);
    const sheet = (await member.get('/events/webinaire-eau-et-assainissement?saved=created')).text;
    expect(sheet).toContain('Évènement créé.');
    expect(sheet).toContain('href="/edit/events/webinaire-eau-et-assainissement"');
    expect(sheet).toContain('/api/export/events/webinaire-eau-et-assainissement?format=csv');
  });

  it('edits an event: unticking « online » saves false; the sheet shows the change in its history', async () => {
    const P = '/edit/events/webinaire-eau-et-assainissement';
    const html = (await member.get(P)).text;
    expect(html).toMatch(/name="online" value="true" checked/);
    const r = await postRaw(app, member, P, formBody(html, { online: null, onlineUrl: '', placeId: 'FR-C-31555', placeText: 'Capitole' }));
    expect(r.status, r.text.slice(0, 400)).toBe(303);
    const e = (await api().get('/api/events/webinaire-eau-et-assainissement')).json;
    expect([e.online, e.onlineUrl, e.place.id]).toEqual([false, null, 'FR-C-31555']);
    const sheet = (await browser(app).get('/events/webinaire-eau-et-assainissement')).text;
    expect(sheet).toContain('id="history-changes-h"');
    expect(sheet).toMatch(/<th scope="row">En ligne<\/th><td><del>true<\/del><\/td><td><ins>false<\/ins>/);
    expect(sheet).not.toContain('href="/edit/events/');
  });

  it('refuses the edit form to another host’s member; a series is edited by platform administrators only', async () => {
    expect((await member.get('/edit/events/assises-12')).status).toBe(403);
    expect((await member.get('/series/assises-franco-vietnamiennes')).text).not.toContain('/edit/series/');
    const page = (await admin.get('/en/series/assises-franco-vietnamiennes')).text;
    expect(page).toContain('href="/en/edit/series/assises-franco-vietnamiennes"');
    const P = '/edit/series/assises-franco-vietnamiennes';
    const html = (await admin.get(P)).text;
    const r = await postRaw(app, admin, P, formBody(html, { periodTo: '2001' }));
    expect(r.status).toBe(400);
    expect(r.text).toContain('id="f-periodTo-error"');
    expect((await member.get(P)).status).toBe(403);
  });

  it('offers « Créer un évènement » in the workspace and shows events in search results', async () => {
    expect((await member.get('/espace')).text).toContain('href="/new/events"');
    const found = (await browser(app).get('/search?q=Assises%20Toulouse')).text;
    expect(found).toContain('href="/events/assises-11"');
    expect(found).toMatch(/badge-event">Évènement/);
  });
});
