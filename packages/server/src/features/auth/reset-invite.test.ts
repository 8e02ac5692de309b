import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testDb } from '../../../test/db.js';
import { TOKEN } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { linkIn, smtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { browser, makeAccount, PASSWORD } from './auth.testkit.js';

/** Password reset and invitations, end to end through a real SMTP server and the links it receives. */
describe('password reset and invitations by e-mail', () => {
  let db: Db;
  let app: Hono;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await testDb();
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_FROM = 'Tandem <tandem@test.example>';
    app = createApp({ db, adminToken: TOKEN });
    await makeAccount(db, 'dora@example.org', [], { name: 'Dora', lang: 'en' });
    await makeAccount(db, 'admin@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin Plateforme' });
    await makeAccount(db, 'net@example.org', [{ role: 'network_admin', organisationId: 'cuf' }], { name: 'Réseau CUF' });
  });
  afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; await sink.close(); await db.close(); });

  it('reset: 202 for everyone, an e-mail with a one-hour link only for an account; the link works once', async () => {
    const b = browser(app);
    const unknown = await b.post('/api/auth/password-reset', { email: 'ghost@example.org' });
    const known = await b.post('/api/auth/password-reset', { email: 'Dora@example.org' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.json).toEqual(unknown.json);
    const mail = await sink.next((m) => JSON.stringify(m.to).includes('dora@example.org'));
    expect(mail.subject).toBe('Tandem: reset your password'); // Dora reads English
    expect(mail.from?.text).toContain('tandem@test.example');
    const link = linkIn(mail);
    expect(link).toMatch(/^http:\/\/localhost\/en\/password-reset\/[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${link}"`);
    expect(sink.messages.some((m) => JSON.stringify(m.to).includes('ghost@example.org'))).toBe(false);

    const token = link.split('/').pop()!;
    const old = browser(app);
    await old.login('dora@example.org');
    const short = await b.post('/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.issues).toEqual([{ path: 'password', message: 'the password needs at least 12 characters' }]);
    const ok = await b.post('/api/auth/password-reset/confirm', { token, password: 'a brand new passphrase' });
    expect(ok.status).toBe(200);
    expect(ok.json.email).toBe('dora@example.org');
    expect((await b.get('/api/auth/me')).status).toBe(200); // signed in by the reset
    expect((await old.get('/api/auth/me')).status).toBe(401); // other sessions ended
    const again = await browser(app).post('/api/auth/password-reset/confirm', { token, password: 'yet another passphrase' });
    expect(again.status).toBe(400);
    expect(again.json.issues[0].path).toBe('token');
    expect((await browser(app).post('/api/auth/login', { email: 'dora@example.org', password: PASSWORD })).status).toBe(401);
    expect((await browser(app).post('/api/auth/login', { email: 'dora@example.org', password: 'a brand new passphrase' })).status).toBe(200);
    const actions = (await db.query("select action from audit_log where target_id = (select id from account where email = 'dora@example.org') order by id")).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['password_reset_requested', 'password_reset', 'sign_in']));
  });

  it('reset links expire after an hour', async () => {
    await browser(app).post('/api/auth/password-reset', { email: 'dora@example.org' });
    const token = linkIn(await sink.next((m) => JSON.stringify(m.to).includes('dora@example.org'))).split('/').pop()!;
    await db.query("update password_reset set expires_at = now() - interval '1 minute' where used_at is null");
    const r = await browser(app).post('/api/auth/password-reset/confirm', { token, password: 'too late passphrase' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/expired/);
  });

  it('invitation: a platform admin invites, the e-mail (French) carries the link, accepting creates the account with its grants', async () => {
    const admin = browser(app);
    const csrf = await admin.login('admin@example.org');
    const body = { email: 'Eve@Example.org', grants: [{ role: 'member', organisationId: 'cd93' }] };
    expect((await admin.post('/api/auth/invitations', body)).status).toBe(403); // no CSRF token
    const r = await admin.post('/api/auth/invitations', body, { 'x-csrf-token': csrf });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ email: 'eve@example.org', grants: [{ role: 'member', organisationId: 'cd93' }], lang: 'fr' });
    const mail = await sink.next((m) => JSON.stringify(m.to).includes('eve@example.org'));
    expect(mail.subject).toBe('Invitation à rejoindre Tandem');
    expect(mail.text).toContain('Admin Plateforme vous invite');
    const token = linkIn(mail).split('/invitations/')[1];

    const eve = browser(app);
    const weak = await eve.post('/api/auth/invitations/accept', { token, name: 'Eve', password: 'short' });
    expect(weak.status).toBe(400);
    const ok = await eve.post('/api/auth/invitations/accept', { token, name: 'Ève Invitée', password: 'eve chooses a long one' });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ email: 'eve@example.org', name: 'Ève Invitée', grants: [{ role: 'member', organisationId: 'cd93' }], via: 'session' });
    expect((await browser(app).post('/api/auth/invitations/accept', { token, name: 'Eve', password: 'eve chooses a long one' })).status).toBe(400);
    expect((await browser(app).post('/api/auth/login', { email: 'eve@example.org', password: 'eve chooses a long one' })).status).toBe(200);
    const log = await db.query("select action, actor_account_id, details from audit_log where action in ('invitation_sent', 'invitation_accepted', 'role_granted') order by id");
    expect(log.map((l) => l.action)).toEqual(['invitation_sent', 'role_granted', 'invitation_accepted']);
    expect(log[1].details).toMatchObject({ role: 'member', organisationId: 'cd93', through: 'invitation' });
  });

  it('invitation rights: network admins invite into their network\'s organisations only; people without a role not at all; unknown organisations are named', async () => {
    const net = browser(app);
    const csrf = await net.login('net@example.org');
    // the seed states that the Groupe-Pays Vietnam belongs to Cités Unies France (group_membership); cd93 does not
    const outside = await net.post('/api/auth/invitations', { email: 'f@example.org', grants: [{ role: 'member', organisationId: 'cd93' }] }, { 'x-csrf-token': csrf });
    expect(outside.status).toBe(403);
    const member = await net.post('/api/auth/invitations', { email: 'f@example.org', grants: [{ role: 'member', organisationId: 'cuf-gp-vietnam' }], lang: 'vi' }, { 'x-csrf-token': csrf });
    expect(member.status).toBe(201);
    const mail = await sink.next((m) => JSON.stringify(m.to).includes('f@example.org'));
    expect(mail.subject).toBe('Lời mời tham gia Tandem');
    expect(mail.text).toContain('Vai trò của bạn: thành viên của Groupe-Pays Vietnam de Cités Unies France.');
    const admin = await net.post('/api/auth/invitations', { email: 'g@example.org', grants: [{ role: 'platform_admin', organisationId: null }] }, { 'x-csrf-token': csrf });
    expect(admin.status).toBe(403);
    const bob = browser(app);
    const bobCsrf = (await makeAccount(db, 'plain@example.org'), await bob.login('plain@example.org'));
    expect((await bob.post('/api/auth/invitations', { email: 'h@example.org', grants: [] }, { 'x-csrf-token': bobCsrf })).status).toBe(403);
    const missing = await browser(app).post('/api/auth/invitations', { email: 'i@example.org', grants: [{ role: 'member', organisationId: 'no-such-org' }] }, { authorization: `Bearer ${TOKEN}` });
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toEqual([{ path: 'grants.0.organisationId', message: 'no organisation with id "no-such-org"' }]);
  });

  it('invitations expire', async () => {
    const r = await browser(app).post('/api/auth/invitations', { email: 'late@example.org', grants: [] }, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(201);
    const token = linkIn(await sink.next((m) => JSON.stringify(m.to).includes('late@example.org'))).split('/invitations/')[1];
    await db.query("update invitation set expires_at = now() - interval '1 minute' where email = 'late@example.org'");
    expect((await browser(app).post('/api/auth/invitations/accept', { token, name: 'Late', password: 'too late for this one' })).status).toBe(400);
  });
});
