import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { createApp } from '../../app.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

/**
 * Contacts of partnerships and projects (API): private to the person's organisation (and platform administrators);
 * members of a partner organisation, outsiders and visitors never see one, in the API, exports or search;
 * writes by those who may not are 404 (a contact not theirs to see) or 403 (a record not theirs) and change nothing.
 */
describe('contacts of partnerships and projects', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const clients: Record<string, { c: ReturnType<typeof browser>; h: Record<string, string> }> = {};
  const P = '/api/partnerships/ssd-hai-duong/contacts';
  const count = async () => (await db.query('select count(*)::int as n, coalesce(sum(version), 0)::int as v from record_contact'))[0];
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: 'contacts-admin' });
    const who: Record<string, any[]> = {
      member: [{ role: 'member', organisationId: 'cd93' }], partner: [{ role: 'member', organisationId: 'hai-duong-cp' }],
      outsider: [{ role: 'member', organisationId: 'ville-montreuil' }], admin: [{ role: 'platform_admin', organisationId: null }],
    };
    for (const [name, grants] of Object.entries(who)) {
      await makeAccount(db, `${name}@contacts.example`, grants);
      const c = browser(app);
      clients[name] = { c, h: { 'x-csrf-token': await c.login(`${name}@contacts.example`) } };
    }
  });
  afterAll(async () => { await db.close(); });

  it('adds, reads, changes and removes contacts; nobody else sees or touches them', async () => {
    const { c: m, h } = clients.member;
    const added = await m.post(P, { person: { name: 'Zéphyrine Quách', email: 'zephyrine@contacts.example', phone: '+33 1 48 00 00 01', organisationId: 'cd93' }, role: 'référent technique' }, h);
    expect(added.status, added.text).toBe(201);
    expect(added.json).toMatchObject({ name: 'Zéphyrine Quách', role: 'référent technique', organisationId: 'cd93', version: 1, position: 0 });
    const zeph = added.json.personId;
    const elu = await m.post('/api/people', { name: 'Élue Déléguée', organisationId: 'cd93', email: 'elue@contacts.example' }, h);
    expect((await m.post(P, { personId: elu.json.id, role: 'élue' }, h)).json).toMatchObject({ position: 1, role: 'élue' });
    expect((await m.post('/api/projects/phu-nu/contacts', { personId: zeph }, h)).status).toBe(201);

    // duplicate, both or neither person, hostile input: 4xx naming the field
    expect((await m.post(P, { personId: zeph }, h)).status).toBe(409);
    const both = await m.post(P, { personId: zeph, person: { name: 'X', organisationId: 'cd93' } }, h);
    expect(both.status).toBe(400);
    expect(both.json.issues[0].path).toBe('personId');
    const badMail = await m.post(P, { person: { name: 'X', email: 'pas-un-courriel', organisationId: 'cd93' } }, h);
    expect(badMail.json.issues.map((i: any) => i.path)).toEqual(['person.email']);
    expect((await m.post('/api/partnerships/no-such/contacts', { personId: zeph }, h)).status).toBe(404);

    const listed = await m.get(P);
    expect(listed.json.items.map((x: any) => [x.name, x.role])).toEqual([['Zéphyrine Quách', 'référent technique'], ['Élue Déléguée', 'élue']]);
    expect((await clients.admin.c.get(P)).json.items).toHaveLength(2);
    expect((await clients.partner.c.get(P)).json).toEqual({ items: [] });
    expect((await clients.outsider.c.get(P)).json).toEqual({ items: [] });
    expect((await browser(app).get(P)).status).toBe(401);

    // a partner (member of a taking-part organisation), an outsider, a visitor: nothing changes
    const before = await count();
    for (const who of ['partner', 'outsider']) {
      const { c, h: hh } = clients[who];
      expect((await c.put(`${P}/${zeph}`, { role: 'pirate', version: 1 }, hh)).status, who).toBe(404);
      expect((await c.del(`${P}/${zeph}`, undefined, hh)).status, who).toBe(404);
      expect((await c.post(P, { personId: zeph }, hh)).status, who).toBe(404);
    }
    expect((await clients.outsider.c.post(P, { person: { name: 'Intrus', organisationId: 'ville-montreuil' } }, clients.outsider.h)).status).toBe(403);
    expect((await clients.partner.c.post(P, { person: { name: 'Intrus', organisationId: 'cd93' } }, clients.partner.h)).status).toBe(403);
    expect((await browser(app).put(`${P}/${zeph}`, { role: 'x', version: 1 })).status).toBe(401);
    expect(await count()).toEqual(before);
    expect((await db.query(`select count(*)::int as n from person where name = 'Intrus'`))[0].n).toBe(0);

    // concurrent role edits: the second, with the version it read, gets 409
    expect((await m.put(`${P}/${zeph}`, { role: 'référent technique et financier', version: 1 }, h)).json).toMatchObject({ version: 2, role: 'référent technique et financier' });
    const stale = await clients.admin.c.put(`${P}/${zeph}`, { role: 'autre', version: 1 }, clients.admin.h);
    expect(stale.status).toBe(409);
    expect(stale.json.currentVersion).toBe(2);

    // never in public answers, nor in what partners or outsiders read
    for (const path of ['/api/partnerships/ssd-hai-duong', '/api/projects/phu-nu', '/api/search?q=Zephyrine', '/api/search?q=zephyrine%40contacts.example', '/api/export?format=json&kind=partnerships',
      '/api/export?format=csv&kind=projects', '/api/export/partnerships/ssd-hai-duong?format=json', '/api/export/iati?organisation=cd93', '/api/partnerships/ssd-hai-duong/revisions']) {
      for (const c of [browser(app), clients.partner.c, clients.outsider.c]) {
        const r = await c.get(path);
        expect(r.status, path).toBeLessThan(300);
        for (const secret of ['Zéphyrine', 'Quách', 'zephyrine@contacts.example', '+33 1 48 00 00 01', 'référent technique', 'Élue Déléguée']) expect(r.text, `${path} shows ${secret}`).not.toContain(secret);
      }
    }

    // removal keeps the person; the audit log has every change; a deleted record takes its contacts along
    expect((await m.del(`${P}/${elu.json.id}`, undefined, h)).status).toBe(204);
    expect((await m.get(P)).json.items.map((x: any) => x.personId)).toEqual([zeph]);
    expect((await m.get(`/api/people/${elu.json.id}`)).status).toBe(200);
    expect((await m.get(`/api/people/${zeph}/export`)).json.contactOf).toEqual([
      { recordKind: 'partnership', recordId: 'ssd-hai-duong', role: 'référent technique et financier' }, { recordKind: 'project', recordId: 'phu-nu', role: null }]);
    const log = await db.query(`select action from audit_log where target_kind in ('partnership', 'project') and action like 'contact_%' order by id`);
    expect(log.map((r) => r.action)).toEqual(['contact_added', 'contact_added', 'contact_added', 'contact_updated', 'contact_removed']);
    expect((await m.del('/api/projects/phu-nu', undefined, h)).status).toBe(204);
    expect((await db.query(`select count(*)::int as n from record_contact where record_kind = 'project'`))[0].n).toBe(0);
    expect((await m.get(`/api/people/${zeph}`)).json.name).toBe('Zéphyrine Quách');
  });
});
