import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testDb } from '../../../test/db.js';
import { TOKEN } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount, PASSWORD } from './auth.testkit.js';
import { hashPassword, verifyPassword } from './passwords.js';

describe('accounts: passwords, sessions, CSRF, rate limiting', () => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: TOKEN });
    await makeAccount(db, 'Alice@Example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Alice Admin' });
    await makeAccount(db, 'bob@example.org', [{ role: 'member', organisationId: 'cd93' }], { name: 'Bob Membre' });
  });
  afterAll(async () => { delete process.env.TANDEM_TRUST_PROXY; await db.close(); });

  it('hashes passwords with argon2id and stores e-mails lower-cased', async () => {
    const [a] = await db.query("select email, password_hash from account where email = 'alice@example.org'");
    expect(a.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(a.password_hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(a.password_hash, 'wrong password!')).toBe(false);
    expect(await hashPassword(PASSWORD)).not.toBe(a.password_hash);
  });

  it('signs in: a Secure, HttpOnly, SameSite=Lax session cookie for 14 days, and /me says who', async () => {
    const b = browser(app);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    const r = await b.post('/api/auth/login', { email: 'ALICE@example.org ', password: PASSWORD });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ email: 'alice@example.org', name: 'Alice Admin', via: 'session', grants: [{ role: 'platform_admin', organisationId: null }] });
    const cookie = r.cookies.find((c) => c.startsWith('tandem_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/Max-Age=1209600/);
    const token = cookie.split(';')[0].split('=')[1];
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await db.query('select id, account_id from session');
    expect(rows.some((s) => s.id === token)).toBe(false); // only the hash is stored
    const me = await b.get('/api/auth/me');
    expect(me.json).toMatchObject({ email: 'alice@example.org', via: 'session' });
    expect(me.json.csrfToken).toBe(r.json.csrfToken);
  });

  it('TANDEM_INSECURE_COOKIES=1 drops Secure (plain-HTTP deployments)', async () => {
    process.env.TANDEM_INSECURE_COOKIES = '1';
    try {
      const r = await browser(app).post('/api/auth/login', { email: 'bob@example.org', password: PASSWORD });
      expect(r.cookies.find((c) => c.startsWith('tandem_session='))).not.toMatch(/Secure/);
    } finally { delete process.env.TANDEM_INSECURE_COOKIES; }
  });

  it('refuses wrong passwords and unknown e-mails with the same 401, and audits both', async () => {
    const b = browser(app);
    const wrong = await b.post('/api/auth/login', { email: 'bob@example.org', password: 'not the password' });
    const unknown = await b.post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error).toBe(unknown.json.error);
    expect(wrong.cookies).toEqual([]);
    const log = await db.query("select action, details from audit_log where action in ('sign_in', 'sign_in_failed') order by id");
    expect(log.filter((l) => l.action === 'sign_in').length).toBeGreaterThanOrEqual(2);
    expect(log.filter((l) => l.action === 'sign_in_failed').map((l) => l.details)).toEqual(expect.arrayContaining([
      { email: 'bob@example.org', reason: 'wrong_password' }, { email: 'nobody@example.org', reason: 'unknown_email' }]));
    const bad = await b.post('/api/auth/login', { email: 'not-an-email', password: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: any) => i.path).sort()).toEqual(['email', 'password']);
  });

  it('rate limits: the 6th attempt for one e-mail within 15 minutes gets 429 with Retry-After, even with the right password', async () => {
    await makeAccount(db, 'carol@example.org');
    const b = browser(app);
    for (let n = 0; n < 5; n++) expect((await b.post('/api/auth/login', { email: 'carol@example.org', password: `wrong ${n} password` })).status).toBe(401);
    const r = await b.post('/api/auth/login', { email: 'Carol@example.org', password: PASSWORD });
    expect(r.status).toBe(429);
    const wait = Number(r.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(800);
    expect(wait).toBeLessThanOrEqual(900);
    expect(r.json.error).toMatch(/too many/);
    // the window is the database's: once the failures are older than 15 minutes, sign-in works again
    await db.query("update login_attempt set at = at - interval '16 minutes' where key = 'email:carol@example.org'");
    expect((await b.post('/api/auth/login', { email: 'carol@example.org', password: PASSWORD })).status).toBe(200);
  });

  it('rate limits by address: 20 failures from one IP (behind a trusted proxy) → 429 for any e-mail', async () => {
    process.env.TANDEM_TRUST_PROXY = '1';
    const b = browser(app);
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let n = 0; n < 20; n++) expect((await b.post('/api/auth/login', { email: `guess${n}@example.org`, password: 'wrong password' }, from)).status).toBe(401);
    expect((await b.post('/api/auth/login', { email: 'bob@example.org', password: PASSWORD }, from)).status).toBe(429);
    expect((await b.post('/api/auth/login', { email: 'bob@example.org', password: PASSWORD }, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    const [{ n }] = await db.query("select count(*)::int as n from login_attempt where key = 'ip:203.0.113.7'");
    expect(n).toBe(20);
    delete process.env.TANDEM_TRUST_PROXY;
  });

  it('CSRF: a cookie-authenticated write without the token is refused (403), with it accepted', async () => {
    const b = browser(app);
    const csrf = await b.login('alice@example.org');
    const body = { name: 'script', scopes: ['write'] };
    const none = await b.post('/api/auth/tokens', body);
    expect(none.status).toBe(403);
    expect(none.json.error).toMatch(/CSRF token/);
    const wrong = await b.post('/api/auth/tokens', body, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect((await b.post('/api/auth/tokens', body, { 'x-csrf-token': csrf })).status).toBe(201);
    // a record write through the session: the write check sees the signed-in actor
    const org = { kind: 'association', name: 'Association créée par une session' };
    expect((await b.post('/api/organisations', org)).status).toBe(403);
    const created = await b.post('/api/organisations', org, { 'x-csrf-token': csrf });
    expect(created.status).toBe(201);
    // the token of another session does not fit this one
    const other = browser(app);
    const otherCsrf = await other.login('alice@example.org');
    expect((await b.post('/api/auth/tokens', body, { 'x-csrf-token': otherCsrf })).status).toBe(403);
    // a form post carries it as the _csrf field
    expect((await b.form('/api/auth/logout', { _csrf: 'nope' })).status).toBe(403);
    expect((await b.form('/api/auth/logout', { _csrf: csrf })).status).toBe(204);
  });

  it('refuses browser writes from another origin, even with a valid CSRF token', async () => {
    const b = browser(app);
    const csrf = await b.login('alice@example.org');
    const r = await b.post('/api/auth/tokens', { name: 'x', scopes: ['read'] }, { 'x-csrf-token': csrf, origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/another origin/);
    expect((await b.post('/api/auth/logout', undefined, { 'x-csrf-token': csrf, origin: 'null' })).status).toBe(403);
    // browsers with Fetch Metadata: Sec-Fetch-Site decides (form posts may say "Origin: null" under no-referrer)
    expect((await b.post('/api/auth/tokens', { name: 'z', scopes: ['read'] }, { 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site', origin: 'http://localhost' })).status).toBe(403);
    expect((await b.post('/api/auth/tokens', { name: 'z', scopes: ['read'] }, { 'x-csrf-token': csrf, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await b.post('/api/auth/tokens', { name: 'z', scopes: ['read'] }, { 'x-csrf-token': csrf, 'sec-fetch-site': 'same-origin', origin: 'null' })).status).toBe(201);
    const anon = browser(app, { origin: 'https://evil.example' });
    expect((await anon.post('/api/auth/login', { email: 'bob@example.org', password: PASSWORD })).status).toBe(403);
    expect((await b.post('/api/auth/tokens', { name: 'y', scopes: ['read'] }, { 'x-csrf-token': csrf })).status).toBe(201);
  });

  it('the session cookie gets the origin and CSRF checks whatever the Authorization header holds', async () => {
    const b = browser(app);
    const csrf = await b.login('alice@example.org');
    const orgs = async () => (await db.query('select count(*)::int as n from organisation'))[0].n;
    const before = await orgs();
    const org = { kind: 'association', name: 'Association par contournement' };
    const evil = 'https://evil.example';
    // the probe: one no-break space as the bearer, a foreign Origin, the session cookie
    const probe = await b.post('/api/organisations', org, { authorization: 'Bearer \u00a0', origin: evil });
    expect(probe.status).toBe(403);
    expect(probe.json.error).toMatch(/another origin/);
    for (const authorization of ['Bearer ', 'Bearer', 'bearer \t', 'Bearer\u00a0\u00a0', 'Bearer \u00a0tdm_x', 'Basic YWxpY2U6eA==', 'Token abc', 'Bearer a b']) {
      expect((await b.post('/api/organisations', org, { authorization, origin: evil })).status, authorization).toBe(403);
      expect((await b.post('/api/organisations', org, { authorization })).json.error, authorization).toMatch(/CSRF token/);
      expect((await b.post('/api/organisations', org, { authorization, 'sec-fetch-site': 'cross-site', 'x-csrf-token': csrf })).status, authorization).toBe(403);
    }
    // a well-formed but unknown bearer token authenticates nobody: the cookie does not stand in for it
    expect((await b.post('/api/organisations', org, { authorization: 'Bearer tdm_not-a-token', origin: evil })).status).toBe(403);
    expect((await b.post('/api/organisations', org, { authorization: 'Bearer tdm_not-a-token', 'x-csrf-token': csrf })).status).toBe(401);
    expect(await orgs()).toBe(before);
    // a malformed header beside a proper session write changes nothing
    expect((await b.post('/api/organisations', org, { authorization: 'Bearer \u00a0', 'x-csrf-token': csrf })).status).toBe(201);
    // a valid bearer token authenticates the request by itself: no CSRF needed (a browser cannot add it)
    const viaToken = await b.post('/api/organisations', { ...org, name: 'Association par jeton' }, { authorization: `Bearer ${TOKEN}`, origin: evil });
    expect(viaToken.status).toBe(201);
    expect(await orgs()).toBe(before + 2);
  });

  it('logout deletes the session row: the old cookie no longer works', async () => {
    const b = browser(app);
    const csrf = await b.login('bob@example.org');
    const cookie = b.jar.get('tandem_session')!;
    const before = await db.query('select count(*)::int as n from session');
    const r = await b.post('/api/auth/logout', undefined, { 'x-csrf-token': csrf });
    expect(r.status).toBe(204);
    expect(r.cookies.find((c) => c.startsWith('tandem_session='))).toMatch(/Max-Age=0/);
    const after = await db.query('select count(*)::int as n from session');
    expect(after[0].n).toBe(before[0].n - 1);
    const replay = await app.request('/api/auth/me', { headers: { cookie: `tandem_session=${cookie}` } });
    expect(replay.status).toBe(401);
    const [out] = await db.query("select actor_account_id from audit_log where action = 'sign_out' order by id desc limit 1");
    expect(out.actor_account_id).toMatch(/^acc-/);
  });

  it('writes need an actor: 401 without one, 403 when the server has no admin token', async () => {
    const anon = browser(app);
    const r = await anon.post('/api/organisations', { kind: 'association', name: 'Anonyme' });
    expect(r.status).toBe(401);
    const closed = browser(createApp({ db }));
    const c = await closed.post('/api/organisations', { kind: 'association', name: 'Anonyme' }, { authorization: `Bearer ${TOKEN}` });
    expect(c.status).toBe(403);
    expect(c.json.error).toMatch(/TANDEM_ADMIN_TOKEN/);
  });

  it('the admin token still acts as a built-in platform administrator', async () => {
    const r = await browser(app).get('/api/auth/me', { authorization: `Bearer ${TOKEN}` });
    expect(r.json).toEqual({ accountId: 'admin-token', email: '', name: expect.any(String), grants: [{ role: 'platform_admin', organisationId: null }], via: 'token', scopes: ['write'] });
  });

  it('sessions expire: an expired row no longer signs in', async () => {
    const b = browser(app);
    await b.login('bob@example.org');
    await db.query("update session set expires_at = now() - interval '1 second' where account_id = (select id from account where email = 'bob@example.org')");
    expect((await b.get('/api/auth/me')).status).toBe(401);
  });

  it('slides the expiry: a session seen more than 5 minutes ago is pushed 14 days ahead again', async () => {
    const b = browser(app);
    await b.login('bob@example.org');
    const id = (await db.query("select id from session where account_id = (select id from account where email = 'bob@example.org') order by created_at desc limit 1"))[0].id;
    await db.query("update session set last_seen_at = now() - interval '1 day', expires_at = now() + interval '13 days' where id = $1", [id]);
    const r = await b.get('/api/auth/me');
    expect(r.status).toBe(200);
    expect(r.cookies.find((c) => c.startsWith('tandem_session='))).toMatch(/Max-Age=1209600/);
    const [s] = await db.query("select extract(epoch from expires_at - now())::int as left from session where id = $1", [id]);
    expect(s.left).toBeGreaterThan(13.9 * 86400);
  });
});
