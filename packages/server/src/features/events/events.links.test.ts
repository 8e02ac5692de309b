/**
 * A meeting's linked documents and related events (issue 15, item 2): written with the event and through the
 * documents API, shown on both events, checked (400 naming the field), kept by an update that does not name them, and
 * never showing a members-only meeting outside its group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

const TOKEN = 'event-links-token';
let db: Db; let app: ReturnType<typeof createApp>;
type B = ReturnType<typeof browser>;
const who: Record<string, { b: B; h: Record<string, string> }> = {};

beforeAll(async () => {
  db = await testDb(); app = createApp({ db, adminToken: TOKEN });
  const signIn = async (name: string, grants: Parameters<typeof makeAccount>[2]) => {
    const b = browser(app);
    await makeAccount(db, `${name}@links.example.org`, grants);
    who[name] = { b, h: { 'x-csrf-token': await b.login(`${name}@links.example.org`) } };
  };
  await signIn('cufAdmin', [{ role: 'network_admin', organisationId: 'cuf' }]);
  await signIn('member', [{ role: 'member', organisationId: 'cd93' }]); // a member of the Groupe-Pays Vietnam
  await signIn('outsider', [{ role: 'member', organisationId: 'ville-grande-synthe' }]);
  who.anonymous = { b: browser(app), h: {} };
});
afterAll(async () => { await db?.close(); });

const doc = { url: 'https://example.org/compte-rendu.pdf', title: 'Compte rendu', kind: 'document' };
const meeting = (extra: Record<string, unknown>) => ({ title: 'Réunion Zyxwanderel du Groupe-Pays', kind: 'online', online: true, start: '2031-05-06',
  hosts: ['cuf'], groupId: 'cuf-gp-vietnam', ...extra });

describe('an event\'s documents and related events', () => {
  it('shows the seeded restitution and the 12th Assises on each other\'s event', async () => {
    const restitution = (await who.anonymous.b.get('/api/events/restitution-assises-12')).json;
    expect(restitution.related).toEqual([expect.objectContaining({ id: 'assises-12', direction: 'to' })]);
    const assises = (await who.anonymous.b.get('/api/events/assises-12')).json;
    expect(assises.related.map((r: any) => [r.id, r.direction])).toContainEqual(['restitution-assises-12', 'from']);
  });

  it('writes documents and related events with the event, refuses bad ones naming the field, keeps them through an update', async () => {
    const bad = await who.cufAdmin.b.post('/api/events', meeting({ relatedEvents: ['no-such-event'] }), who.cufAdmin.h);
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((x: any) => x.path)).toContain('relatedEvents.0');
    const script = await who.cufAdmin.b.post('/api/events', meeting({ links: [{ url: 'javascript:alert(1)', kind: 'document' }] }), who.cufAdmin.h);
    expect(script.status).toBe(400);
    expect(JSON.stringify(script.json.issues)).toContain('links.0.url');

    const r = await who.cufAdmin.b.post('/api/events', meeting({ relatedEvents: ['assises-12'], links: [doc] }), who.cufAdmin.h);
    expect(r.status, r.text).toBe(201);
    expect(r.json.links).toEqual([{ ...doc }]);
    expect(r.json.related.map((x: any) => x.id)).toEqual(['assises-12']);
    expect((await who.cufAdmin.b.put(`/api/events/${r.json.id}`, meeting({ relatedEvents: [r.json.id], version: r.json.version }), who.cufAdmin.h)).json.issues[0].path).toBe('relatedEvents.0');

    // the documents API changes one document; the related event stays (the update goes through the event's whole input)
    const added = await who.cufAdmin.b.post(`/api/events/${r.json.id}/documents`, { url: 'https://example.org/photos', title: 'Photos', kind: 'website', version: r.json.version }, who.cufAdmin.h);
    expect(added.status, added.text).toBe(201);
    expect(added.json.items.map((d: any) => d.title)).toEqual(['Compte rendu', 'Photos']);
    const after = (await who.anonymous.b.get(`/api/events/${r.json.id}`)).json;
    expect(after.related.map((x: any) => x.id)).toEqual(['assises-12']);
    expect(after.groupId).toBe('cuf-gp-vietnam');
    const stale = await who.cufAdmin.b.post(`/api/events/${r.json.id}/documents`, { ...doc, version: r.json.version }, who.cufAdmin.h);
    expect(stale.status).toBe(409);
    expect((await who.outsider.b.post(`/api/events/${r.json.id}/documents`, { ...doc, version: after.version }, who.outsider.h)).status).toBe(403);
  });

  it('never shows a members-only meeting through another event, and hides its documents outside the group', async () => {
    const hidden = await who.cufAdmin.b.post('/api/events', meeting({ title: 'Réunion interne Quillobard', visibility: 'members', links: [doc] }), who.cufAdmin.h);
    expect(hidden.status, hidden.text).toBe(201);
    // a public event may not point to it; a members-only meeting of the same group may
    const pub = await who.cufAdmin.b.post('/api/events', meeting({ title: 'Réunion publique Quillobard', relatedEvents: [hidden.json.id] }), who.cufAdmin.h);
    expect(pub.status).toBe(400);
    expect(pub.json.issues[0].path).toBe('relatedEvents.0');
    const next = await who.cufAdmin.b.post('/api/events', meeting({ title: 'Suite interne Quillobard', visibility: 'members', relatedEvents: [hidden.json.id] }), who.cufAdmin.h);
    expect(next.status, next.text).toBe(201);
    const seen = (await who.member.b.get(`/api/events/${next.json.id}`)).json;
    expect(seen.related.map((x: any) => x.id)).toEqual([hidden.json.id]);
    // the hidden meeting's documents: 404 outside the group, read by its members
    expect((await who.anonymous.b.get(`/api/events/${hidden.json.id}/documents`)).status).toBe(404);
    expect((await who.outsider.b.get(`/api/events/${hidden.json.id}/documents`)).status).toBe(404);
    const docs = await who.member.b.get(`/api/events/${hidden.json.id}/documents`);
    expect(docs.status).toBe(200);
    expect(docs.json.items[0].url).toBe(doc.url);
    // a public event it relates to (the Assises) never lists it
    await who.cufAdmin.b.put(`/api/events/${next.json.id}`, meeting({ title: 'Suite interne Quillobard', visibility: 'members', relatedEvents: [hidden.json.id, 'assises-12'], version: seen.version }), who.cufAdmin.h);
    const assises = (await who.member.b.get('/api/events/assises-12')).json;
    expect(assises.related.map((x: any) => x.id)).not.toContain(next.json.id);
  });
});
