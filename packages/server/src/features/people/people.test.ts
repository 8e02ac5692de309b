import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { createApp } from '../../app.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

/** People: members only; RGPD export and erasure, audited; the records that mention them stay. */
describe('people (personal data)', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: 'people-admin' });
    await makeAccount(db, 'member@cd93.example', [{ role: 'member', organisationId: 'cd93' }]);
    await makeAccount(db, 'admin@tandem.example', [{ role: 'platform_admin', organisationId: null }]);
  });
  afterAll(async () => { await db.close(); });

  it('hides people from the public, shows them to members, exports and erases on request', async () => {
    const anon = browser(app);
    expect((await anon.get('/api/people')).status).toBe(401);

    const member = browser(app);
    const csrf = await member.login('member@cd93.example');
    const h = { 'x-csrf-token': csrf };
    const created = await member.post('/api/people', { name: 'Nguyễn Thị Lan', email: 'lan@example.org', phone: '+33 1 23 45 67 89', organisationId: 'cd93', roleTitle: 'Chargée de mission' }, h);
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(id).toBe('nguyen-thi-lan');
    expect((await anon.get(`/api/people/${id}`)).status).toBe(401);
    expect((await member.get(`/api/people/${id}`)).json).toMatchObject({ name: 'Nguyễn Thị Lan', email: 'lan@example.org', erased: false });
    expect((await anon.get('/api/search?q=Nguyen%20Thi%20Lan')).json.total).toBe(0);
    await member.put(`/api/people/${id}`, { name: 'Nguyễn Thị Lan', email: 'lan@example.org', organisationId: 'cd93', roleTitle: 'Responsable', version: 1 }, h);

    const exported = await member.get(`/api/people/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.json.person).toMatchObject({ name: 'Nguyễn Thị Lan', roleTitle: 'Responsable' });
    expect(exported.json.revisions.map((r: any) => r.action)).toEqual(['create', 'update']);

    expect((await member.post(`/api/people/${id}/erase`, {}, h)).status).toBe(403);
    const admin = browser(app);
    const adminCsrf = await admin.login('admin@tandem.example');
    const erased = await admin.post(`/api/people/${id}/erase`, {}, { 'x-csrf-token': adminCsrf });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ id, name: 'Personne anonymisée', email: null, phone: null, roleTitle: null, erased: true });
    const leftovers = await db.query(`select count(*)::int as n from revision where record_kind = 'person' and record_id = $1 and (before::text like '%Lan%' or after::text like '%Lan%')`, [id]);
    expect(leftovers[0].n).toBe(0);
    const log = await db.query(`select action from audit_log where target_kind = 'person' and target_id = $1 order by id`, [id]);
    expect(log.map((r) => r.action)).toEqual(['person_exported', 'person_erased']);
  });

  it('exports and erases their saved searches of funding calls; members see only those made for their organisation', async () => {
    const member = browser(app);
    const h = { 'x-csrf-token': await member.login('member@cd93.example') };
    const id = (await member.post('/api/people', { name: 'Trần Minh Châu', email: 'chau@example.org', organisationId: 'cd93' }, h)).json.id;
    const alert = (n: number, org: string | null, email = 'Chau@Example.org') => db.query(`insert into funding_alert (id, email, organisation_id, query, frequency,
      unsubscribe_hash, feed_key, confirmed_at) values ($1, $2, $3, '{"open":"1"}', 'weekly', 'h', $4, now())`, [`alert-chau-${n}`, email, org, `feed-key-chau-${n}`]);
    await alert(1, 'cd93');
    await alert(2, null); // made in a personal capacity
    await alert(3, 'cuf');
    await alert(4, 'cd93', 'someone-else@example.org');

    const mine = await member.get(`/api/people/${id}/export`);
    expect(mine.json.fundingAlerts.map((a: any) => a.id)).toEqual(['alert-chau-1']);
    expect(mine.text).not.toContain('feed-key-chau');
    const admin = browser(app);
    const ah = { 'x-csrf-token': await admin.login('admin@tandem.example') };
    const all = await admin.get(`/api/people/${id}/export`);
    expect(all.json.fundingAlerts.map((a: any) => a.id).sort()).toEqual(['alert-chau-1', 'alert-chau-2', 'alert-chau-3']);
    expect(all.json.fundingAlerts[0]).toMatchObject({ email: 'Chau@Example.org', frequency: 'weekly', confirmed: true });

    expect((await admin.post(`/api/people/${id}/erase`, {}, ah)).status).toBe(200);
    expect((await db.query(`select id from funding_alert where id like 'alert-chau-%' order by id`)).map((r) => r.id)).toEqual(['alert-chau-4']);
  });
});
