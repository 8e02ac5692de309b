import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { createApiToken } from '../auth/api-tokens.js';
import { browser, makeAccount, PASSWORD } from '../auth/auth.testkit.js';
import { linkIn, smtpSink, type SmtpSink } from '../mail/smtp-sink.js';

/**
 * The people of an organisation through the API: who sees them, who invites whom where (network administrators
 * within their network only; members their colleagues as members), role changes and removals, cancelling an
 * invitation, and platform administrators disabling an account. Mail is read from a real SMTP server.
 */
describe('members of an organisation, and accounts', () => {
  let db: Db;
  let app: Hono;
  let sink: SmtpSink;
  const ids: Record<string, string> = {};
  const mailTo = (email: string) => sink.next((m) => JSON.stringify(m.to).includes(email));
  async function as(email: string) {
    const b = browser(app);
    const csrf = await b.login(email);
    const h = { 'x-csrf-token': csrf };
    return { b, h };
  }
  beforeAll(async () => {
    db = await testDb();
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    app = createApp({ db });
    // cd93 belongs to Cités Unies France here (a test fact, not a seed fact)
    await db.query(`insert into group_membership (group_id, organisation_id) values ('cuf', 'cd93')`);
    ids.admin = (await makeAccount(db, 'admin@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin' })).id;
    ids.net = (await makeAccount(db, 'net@example.org', [{ role: 'network_admin', organisationId: 'cuf' }], { name: 'Réseau CUF', lang: 'en' })).id;
    ids.ana = (await makeAccount(db, 'ana@example.org', [{ role: 'member', organisationId: 'cd93' }], { name: 'Ana Membre' })).id;
    ids.bao = (await makeAccount(db, 'bao@example.org', [{ role: 'member', organisationId: 'cd93' }], { name: 'Bảo Collègue' })).id;
    ids.out = (await makeAccount(db, 'out@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }], { name: 'Outsider' })).id;
  });
  afterAll(async () => { delete process.env.SMTP_URL; await sink.close(); await db.close(); });

  it('shows the members to members, network administrators of its networks and platform administrators only', async () => {
    expect((await browser(app).get('/api/organisations/cd93/members')).status).toBe(401);
    expect((await (await as('out@example.org')).b.get('/api/organisations/cd93/members')).status).toBe(403);
    const seen = await (await as('ana@example.org')).b.get('/api/organisations/cd93/members');
    expect(seen.status).toBe(200);
    expect(seen.json.access).toBe('member');
    expect(seen.json.groups).toEqual([{ id: 'cuf', name: 'Cités Unies France' }, { id: 'cuf-gp-vietnam', name: 'Groupe-Pays Vietnam de Cités Unies France' }]);
    expect(seen.json.members.map((m: any) => [m.email, m.role])).toEqual([['ana@example.org', 'member'], ['bao@example.org', 'member']]);
    expect((await (await as('net@example.org')).b.get('/api/organisations/cd93/members')).json.access).toBe('admin');
    expect((await (await as('net@example.org')).b.get('/api/organisations/ville-montreuil/members')).status).toBe(403);
    expect((await (await as('admin@example.org')).b.get('/api/organisations/no-such-org/members')).status).toBe(404);
  });

  it('network administrators invite into their network and its member organisations only; the e-mail names role and organisation in words', async () => {
    const { b, h } = await as('net@example.org');
    const ok = await b.post('/api/auth/invitations', { email: 'chi@example.org', grants: [{ role: 'member', organisationId: 'cd93' }], lang: 'en' }, h);
    expect(ok.status, ok.text).toBe(201);
    const mail = await mailTo('chi@example.org');
    expect(mail.text).toContain('Your role: member of Département de la Seine-Saint-Denis.');
    expect(mail.text).not.toContain('cd93');
    const outside = await b.post('/api/auth/invitations', { email: 'dan@example.org', grants: [{ role: 'member', organisationId: 'ville-montreuil' }] }, h);
    expect(outside.status).toBe(403);
    expect(outside.json.issues).toEqual([expect.objectContaining({ path: 'grants.0.organisationId' })]);
    const admin = await b.post('/api/auth/invitations', { email: 'eli@example.org', grants: [{ role: 'network_admin', organisationId: 'cuf' }], lang: 'vi' }, h);
    expect(admin.status, admin.text).toBe(201);
    expect((await mailTo('eli@example.org')).text).toContain('Vai trò của bạn: quản trị viên mạng lưới Cités Unies France.');
    expect((await b.post('/api/auth/invitations', { email: 'fay@example.org', grants: [{ role: 'platform_admin', organisationId: null }] }, h)).status).toBe(403);
  });

  it('members invite colleagues into their own organisation as members, who accept and sign in', async () => {
    const { b, h } = await as('ana@example.org');
    expect((await b.post('/api/auth/invitations', { email: 'gia@example.org', grants: [{ role: 'member', organisationId: 'ville-montreuil' }] }, h)).status).toBe(403);
    expect((await b.post('/api/auth/invitations', { email: 'gia@example.org', grants: [] }, h)).status).toBe(403);
    const r = await b.post('/api/auth/invitations', { email: 'gia@example.org', grants: [{ role: 'member', organisationId: 'cd93' }] }, h);
    expect(r.status, r.text).toBe(201);
    const mail = await mailTo('gia@example.org');
    expect(mail.text).toContain('Votre rôle : membre de Département de la Seine-Saint-Denis.');
    const pending = (await b.get('/api/organisations/cd93/members')).json.invitations;
    expect(pending.map((i: any) => [i.email, i.role, i.invitedByName])).toContainEqual(['gia@example.org', 'member', 'Ana Membre']);
    const gia = browser(app);
    const accepted = await gia.post('/api/auth/invitations/accept', { token: linkIn(mail).split('/').pop(), name: 'Gia', password: PASSWORD });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.json.grants).toEqual([{ role: 'member', organisationId: 'cd93' }]);
    const after = (await b.get('/api/organisations/cd93/members')).json;
    expect(after.members.map((m: any) => m.email)).toContain('gia@example.org');
    expect(after.invitations.map((i: any) => i.email)).not.toContain('gia@example.org');
  });

  it('members neither change roles nor remove others, but leave; administrators do both (409 on a stale role)', async () => {
    const ana = await as('ana@example.org');
    expect((await ana.b.put(`/api/organisations/cd93/members/${ids.bao}`, { role: 'member' }, ana.h)).status).toBe(403);
    expect((await ana.b.del(`/api/organisations/cd93/members/${ids.bao}`, undefined, ana.h)).status).toBe(403);
    const net = await as('net@example.org');
    const notNetwork = await net.b.put(`/api/organisations/cd93/members/${ids.bao}`, { role: 'network_admin' }, net.h);
    expect(notNetwork.status).toBe(400);
    expect(notNetwork.json.issues[0].path).toBe('role');
    expect((await net.b.put(`/api/organisations/cd93/members/${ids.bao}`, { role: 'nope' }, net.h)).json.issues[0].path).toBe('role');
    await makeAccount(db, 'hoa@example.org', [{ role: 'member', organisationId: 'cuf' }], { name: 'Hoa' });
    const hoa = (await db.query(`select id from account where email = 'hoa@example.org'`))[0].id;
    const up = await net.b.put(`/api/organisations/cuf/members/${hoa}`, { role: 'network_admin', was: 'member' }, net.h);
    expect(up.status, up.text).toBe(200);
    expect(up.json.role).toBe('network_admin');
    const stale = await net.b.put(`/api/organisations/cuf/members/${hoa}`, { role: 'member', was: 'member' }, net.h);
    expect(stale.status).toBe(409);
    expect((await net.b.del(`/api/organisations/cd93/members/${ids.bao}`, undefined, net.h)).status).toBe(204);
    expect((await net.b.del(`/api/organisations/cd93/members/${ids.bao}`, undefined, net.h)).status).toBe(404);
    expect((await ana.b.del(`/api/organisations/cd93/members/${ids.ana}`, undefined, ana.h)).status).toBe(204);
    expect((await ana.b.get('/api/organisations/cd93/members')).status).toBe(403); // no longer a member: the session's grants are read anew
    const actions = (await db.query(`select action from audit_log where action in ('role_changed', 'member_removed', 'member_left') order by id`)).map((r) => r.action);
    expect(actions).toEqual(['role_changed', 'member_removed', 'member_left']);
  });

  it('cancels an invitation: administrators any, members only their own', async () => {
    await makeAccount(db, 'ivy@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }], { name: 'Ivy' });
    const ivy = await as('ivy@example.org');
    const out = await as('out@example.org');
    await ivy.b.post('/api/auth/invitations', { email: 'jon@example.org', grants: [{ role: 'member', organisationId: 'ville-montreuil' }] }, ivy.h);
    const [inv] = (await ivy.b.get('/api/organisations/ville-montreuil/members')).json.invitations;
    expect(inv.email).toBe('jon@example.org');
    expect((await out.b.del(`/api/organisations/ville-montreuil/invitations/${inv.id}`, undefined, out.h)).status).toBe(403);
    expect((await ivy.b.del(`/api/organisations/ville-montreuil/invitations/${inv.id}`, undefined, ivy.h)).status).toBe(204);
    expect((await ivy.b.get('/api/organisations/ville-montreuil/members')).json.invitations).toEqual([]);
    expect((await ivy.b.del(`/api/organisations/ville-montreuil/invitations/${inv.id}`, undefined, ivy.h)).status).toBe(404);
  });

  it('a disabled account cannot sign in, its sessions and API tokens stop working; enabled again it can', async () => {
    const admin = await as('admin@example.org');
    const out = await as('out@example.org');
    const token = (await createApiToken(db, ids.out, 'script', ['read'])).token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await browser(app).get('/api/auth/me', bearer)).status).toBe(200);
    expect((await out.b.post(`/api/admin/accounts/${ids.bao}/disable`, {}, out.h)).status).toBe(403);
    expect((await admin.b.post(`/api/admin/accounts/${ids.admin}/disable`, {}, admin.h)).status).toBe(409);
    const off = await admin.b.post(`/api/admin/accounts/${ids.out}/disable`, {}, admin.h);
    expect(off.status, off.text).toBe(200);
    expect(off.json.disabledAt).toMatch(/^\d{4}-/);
    expect((await out.b.get('/api/auth/me')).status).toBe(401);
    expect((await browser(app).get('/api/auth/me', bearer)).status).toBe(401);
    expect((await browser(app).post('/api/auth/login', { email: 'out@example.org', password: PASSWORD })).status).toBe(401);
    const found = await admin.b.get('/api/admin/accounts/search?q=OUTSIDER');
    expect(found.json.items.map((a: any) => [a.email, !!a.disabledAt, a.grants[0].organisationName])).toEqual([['out@example.org', true, 'Ville de Montreuil']]);
    expect((await admin.b.post(`/api/admin/accounts/${ids.out}/enable`, {}, admin.h)).json.disabledAt).toBeNull();
    expect((await browser(app).post('/api/auth/login', { email: 'out@example.org', password: PASSWORD })).status).toBe(200);
    expect((await admin.b.post('/api/admin/accounts/acc-none/disable', {}, admin.h)).status).toBe(404);
  });
});
