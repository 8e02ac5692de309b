import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testDb } from '../../../test/db.js';
import { TOKEN } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from './auth.testkit.js';

describe('API tokens, role grants and the audit log', () => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: TOKEN });
    await makeAccount(db, 'root@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Root' });
    await makeAccount(db, 'member@example.org', [{ role: 'member', organisationId: 'cd93' }], { name: 'Membre' });
  });
  afterAll(async () => { await db.close(); });

  it('a token is shown once, stored hashed, acts as its account within its scopes, and can be revoked', async () => {
    const b = browser(app);
    const csrf = await b.login('root@example.org');
    const ro = await b.post('/api/auth/tokens', { name: 'lecture', scopes: ['read'] }, { 'x-csrf-token': csrf });
    const rw = await b.post('/api/auth/tokens', { name: 'import script', scopes: ['read', 'write'] }, { 'x-csrf-token': csrf });
    expect(rw.status).toBe(201);
    expect(rw.json.token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    expect((await db.query('select count(*)::int as n from api_token where token_hash = $1', [rw.json.token])).at(0)!.n).toBe(0);
    const list = await b.get('/api/auth/tokens');
    expect(list.json.items.map((t: any) => t.name).sort()).toEqual(['import script', 'lecture']);
    expect(JSON.stringify(list.json)).not.toContain(rw.json.token);

    const script = browser(app, { origin: null });
    const asToken = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await script.get('/api/auth/me', asToken(ro.json.token))).json).toMatchObject({ email: 'root@example.org', via: 'token', scopes: ['read'] });
    const org = { kind: 'association', name: 'Créée par un jeton' };
    const refused = await script.post('/api/organisations', org, asToken(ro.json.token));
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatch(/"write" scope/);
    expect((await script.post('/api/organisations', org, asToken(rw.json.token))).status).toBe(201); // no CSRF needed
    expect((await script.post('/api/auth/tokens', { name: 'x', scopes: ['read'] }, asToken(rw.json.token))).status).toBe(403);

    expect((await b.del(`/api/auth/tokens/${rw.json.id}`, undefined, { 'x-csrf-token': csrf })).status).toBe(204);
    const after = await script.post('/api/organisations', org, asToken(rw.json.token));
    expect(after.status).toBe(401);
    expect(after.json.error).toMatch(/not valid/);
    const other = browser(app);
    const otherCsrf = await other.login('member@example.org');
    expect((await other.del(`/api/auth/tokens/${ro.json.id}`, undefined, { 'x-csrf-token': otherCsrf })).status).toBe(404);
    const log = await db.query("select action, target_id from audit_log where action in ('token_created', 'token_revoked') order by id");
    expect(log.map((l) => l.action)).toEqual(['token_created', 'token_created', 'token_revoked']);
    expect(log[2].target_id).toBe(rw.json.id);
  });

  it('platform admins grant and revoke roles, audited; others get 403', async () => {
    const root = browser(app);
    const csrf = await root.login('root@example.org');
    const h = { 'x-csrf-token': csrf };
    const g = await root.post('/api/admin/grants', { email: 'member@example.org', role: 'network_admin', organisationId: 'cuf' }, h);
    expect(g.status).toBe(201);
    expect(g.json).toMatchObject({ role: 'network_admin', organisationId: 'cuf', added: true });
    const m = browser(app);
    await m.login('member@example.org');
    expect((await m.get('/api/auth/me')).json.grants).toEqual([{ role: 'member', organisationId: 'cd93' }, { role: 'network_admin', organisationId: 'cuf' }]);
    const notNetwork = await root.post('/api/admin/grants', { email: 'member@example.org', role: 'network_admin', organisationId: 'cd93' }, h);
    expect(notNetwork.status).toBe(400);
    expect(notNetwork.json.issues[0].path).toBe('organisationId');
    const rv = await root.del('/api/admin/grants', { email: 'member@example.org', role: 'network_admin', organisationId: 'cuf' }, h);
    expect(rv.status).toBe(200);
    expect((await m.get('/api/auth/me')).json.grants).toEqual([{ role: 'member', organisationId: 'cd93' }]);
    expect((await root.del('/api/admin/grants', { email: 'member@example.org', role: 'network_admin', organisationId: 'cuf' }, h)).status).toBe(404);

    const mCsrf = (await m.get('/api/auth/me')).json.csrfToken;
    expect((await m.post('/api/admin/grants', { email: 'member@example.org', role: 'platform_admin', organisationId: null }, { 'x-csrf-token': mCsrf })).status).toBe(403);
    // the script token may grant too (bootstrap), recorded as 'admin-token'
    const viaToken = await browser(app, { origin: null }).post('/api/admin/grants', { email: 'member@example.org', role: 'member', organisationId: 'cuf' }, { authorization: `Bearer ${TOKEN}` });
    expect(viaToken.status).toBe(201);

    const audit = await root.get('/api/admin/audit?targetKind=account&limit=10');
    expect(audit.status).toBe(200);
    const roleRows = audit.json.items.filter((r: any) => r.action.startsWith('role_'));
    expect(roleRows.map((r: any) => [r.action, r.details.organisationId])).toEqual([['role_granted', 'cuf'], ['role_revoked', 'cuf'], ['role_granted', 'cuf']]);
    expect(roleRows[0].actorAccountId).toBe('admin-token');
    expect(roleRows[2].actorAccountId).toMatch(/^acc-/);
    expect((await m.get('/api/admin/audit')).status).toBe(403);
    const accounts = await root.get('/api/admin/accounts');
    expect(accounts.json.items.find((a: any) => a.email === 'member@example.org')).toMatchObject({ hasPassword: true, grants: [{ role: 'member', organisationId: 'cd93' }, { role: 'member', organisationId: 'cuf' }] });
  });

  it('documents the accounts API in OpenAPI', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    for (const p of ['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password-reset', '/api/auth/password-reset/confirm',
      '/api/auth/invitations', '/api/auth/invitations/accept', '/api/auth/tokens', '/api/auth/tokens/{id}', '/api/admin/grants']) expect(doc.paths[p]).toBeDefined();
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'tandem_session' });
  });
});
