/**
 * A meeting's related events and documents on its sheet (fr/en/vi) and in its forms: the restitution of the 12th
 * Assises and the Assises link each other; a host's member adds a related event and a document in the event form,
 * then a document on the documents page, without JavaScript; the page is 404 for a members-only meeting outside its group, 403 for a group member who is not a host's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { client, TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser } from '../../../../server/src/features/auth/auth.testkit.js';
import { formBody, postRaw, signedInSite, type Browser } from '../edit/form-testkit.js';

describe('an event\'s related events and documents (pages)', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof signedInSite>>['app'];
  let member: Browser; let outsider: Browser; let groupMember: Browser;
  beforeAll(async () => {
    db = await testDb();
    ({ app, browsers: { 'rel@cuf.example': member, 'out@gs.example': outsider, 'gp@cd93.example': groupMember } } = await signedInSite(db, {
      'rel@cuf.example': [{ role: 'member', organisationId: 'cuf' }], 'out@gs.example': [{ role: 'member', organisationId: 'ville-grande-synthe' }],
      'gp@cd93.example': [{ role: 'member', organisationId: 'cd93' }] }, TOKEN)); // cd93 is a member of the Groupe-Pays Vietnam
  });
  afterAll(async () => { await db?.close(); });

  it('shows each of the restitution and the Assises on the other, in French, English and Vietnamese', async () => {
    const fr = (await browser(app).get('/events/restitution-assises-12')).text;
    const block = fr.match(/<h2 id="related-h">Événements liés<\/h2>[\s\S]*?<\/ul>/)![0];
    expect(block).toContain('href="/events/assises-12"');
    const back = (await browser(app).get('/events/assises-12')).text;
    expect(back.match(/<h2 id="related-h">[\s\S]*?<\/ul>/)![0]).toContain('href="/events/restitution-assises-12"');
    expect((await browser(app).get('/en/events/restitution-assises-12')).text).toContain('Related events');
    expect((await browser(app).get('/vi/events/restitution-assises-12')).text).toContain('Sự kiện liên quan');
  });

  it('adds a related event and a document in the event form, then a document on the documents page', async () => {
    const P = '/edit/events/restitution-assises-12';
    const html = (await member.get(P)).text;
    expect(html).toContain('name="relatedEvents[0]"');
    const ok = await postRaw(app, member, P, formBody(html, {}, [['relatedEvents[1]', 'assises-11'],
      ['links[0][url]', 'https://example.org/restitution.pdf'], ['links[0][title]', 'Support de la restitution'], ['links[0][kind]', 'document']]));
    expect(ok.status, ok.text.slice(0, 400)).toBe(303);
    const e = (await client(db).get('/api/events/restitution-assises-12')).json;
    expect(e.related.filter((r: any) => r.direction === 'to').map((r: any) => r.id)).toEqual(['assises-12', 'assises-11']);
    expect(e.links).toEqual([{ url: 'https://example.org/restitution.pdf', title: 'Support de la restitution', kind: 'document' }]);
    const sheet = (await member.get('/events/restitution-assises-12')).text;
    expect(sheet).toContain('href="https://example.org/restitution.pdf"');
    expect(sheet).toContain('href="/edit/documents/events/restitution-assises-12"');

    const D = '/edit/documents/events/restitution-assises-12';
    const page = (await member.get(D)).text;
    const add = await postRaw(app, member, D, formBody(page.slice(page.indexOf('id="documents-add-h"')), { url: 'https://example.org/photos', title: 'Photos', kind: 'website', _action: 'add' }));
    expect(add.status, add.text.slice(0, 300)).toBe(303);
    expect((await client(db).get('/api/events/restitution-assises-12')).json.links.map((l: any) => l.title)).toEqual(['Support de la restitution', 'Photos']);
    expect((await outsider.get(D)).status).toBe(403);
  });

  it('answers 404 for a members-only meeting\'s documents page outside its group', async () => {
    const r = await client(db).post('/api/events', { title: 'Réunion interne Pollivexe', kind: 'online', online: true, start: '2031-02-02', hosts: ['cuf'],
      groupId: 'cuf-gp-vietnam', visibility: 'members' });
    expect(r.status, r.text).toBe(201);
    expect((await outsider.get(`/edit/documents/events/${r.json.id}`)).status).toBe(404);
    // a member of the group sees the meeting, but only its hosts' members edit its documents
    expect((await groupMember.get(`/events/${r.json.id}`)).status).toBe(200);
    expect((await groupMember.get(`/edit/documents/events/${r.json.id}`)).status).toBe(403);
  });
});
