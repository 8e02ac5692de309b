/**
 * Single sign-on end to end against a real OpenID Connect provider (oidc-provider on a free local port,
 * its development login screen): the whole redirect dance with cookies, ending in a Tandem session.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { TOKEN } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from './auth.testkit.js';

const users: Record<string, Record<string, unknown>> = {
  'agent-1': { email: 'agent@ville-test.fr', email_verified: true, name: 'Agente Publique' },
  'agent-2': { email: 'Invitee@Ville-Test.fr', email_verified: true, given_name: 'Inès', family_name: 'Invitée' },
  'agent-3': { email: 'stranger@ailleurs.fr', email_verified: true, name: 'Inconnu' },
  'agent-4': { email: 'agent@ville-test.fr', email_verified: false, name: 'Pas vérifié' },
};

describe('single sign-on with OpenID Connect', () => {
  let db: Db;
  let app: Hono;
  let server: Server;
  let issuer: string;

  beforeAll(async () => {
    db = await testDb();
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'tandem', client_secret: 'tandem-test-secret-0123456789', redirect_uris: ['http://localhost/auth/oidc/callback'],
        token_endpoint_auth_method: 'client_secret_post', grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
      findAccount: async (_ctx, sub) => (users[sub] ? { accountId: sub, claims: async () => ({ sub, ...users[sub] }) } : undefined),
      pkce: { required: () => true, methods: ['S256'] },
      cookies: { keys: ['oidc-test-cookie-key'] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
    server.on('request', provider.callback());
    Object.assign(process.env, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'tandem', OIDC_CLIENT_SECRET: 'tandem-test-secret-0123456789' });
    app = createApp({ db, adminToken: TOKEN });
    await makeAccount(db, 'agent@ville-test.fr', [{ role: 'member', organisationId: 'cd93' }], { name: 'Agente (compte Tandem)' });
  });
  afterAll(async () => {
    for (const k of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) delete process.env[k];
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  /** Drives a browser from Tandem's "sign in with…" to the provider's login and consent screens and back. */
  async function signInAs(sub: string, b = browser(app)) {
    const jar = new Map<string, string>();
    const start = await b.get('/auth/oidc/login?returnTo=/account&lang=fr');
    expect(start.status).toBe(302);
    let url = start.headers.get('location')!;
    const auth = new URL(url);
    expect(auth.origin).toBe(issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(auth.searchParams.get(p)).toBeTruthy();
    let form: Record<string, string> | null = null;
    for (let hop = 0; hop < 20; hop++) {
      const res: Response = await fetch(url, {
        method: form ? 'POST' : 'GET', redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      for (const sc of res.headers.getSetCookie()) { const [pair] = sc.split(';'); const i = pair.indexOf('='); jar.set(pair.slice(0, i), pair.slice(i + 1)); }
      form = null;
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url).href;
        if (next.startsWith('http://localhost/')) return b.get(next.slice('http://localhost'.length));
        url = next;
        continue;
      }
      const html: string = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`provider page without a form (${res.status}): ${html.slice(0, 300)}`);
      const prompt: string = /name="prompt" value="(\w+)"/.exec(html)![1];
      form = prompt === 'login' ? { prompt, login: sub, password: 'any' } : { prompt };
      url = new URL(action.replace(/&amp;/g, '&'), url).href;
    }
    throw new Error('too many redirects');
  }

  it('links an existing account by verified e-mail, then finds it again by (issuer, subject)', async () => {
    const b = browser(app);
    const cb = await signInAs('agent-1', b);
    expect(cb.status).toBe(302);
    expect(cb.headers.get('location')).toBe('/account');
    expect(cb.cookies.find((c) => c.startsWith('tandem_session='))).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
    const me = await b.get('/api/auth/me');
    expect(me.json).toMatchObject({ email: 'agent@ville-test.fr', name: 'Agente (compte Tandem)', via: 'session', grants: [{ role: 'member', organisationId: 'cd93' }] });
    const [link] = await db.query('select issuer, subject, account_id from oidc_identity');
    expect(link).toMatchObject({ issuer, subject: 'agent-1', account_id: me.json.accountId });
    const [audit] = await db.query("select details from audit_log where action = 'sign_in' order by id desc limit 1");
    expect(audit.details).toEqual({ method: 'oidc' });
    // the provider now says another e-mail: the link by subject still holds
    users['agent-1'].email = 'agent.renamed@ville-test.fr';
    const again = browser(app);
    expect((await signInAs('agent-1', again)).status).toBe(302);
    expect((await again.get('/api/auth/me')).json.accountId).toBe(me.json.accountId);
    expect((await db.query('select count(*)::int as n from oidc_login'))[0].n).toBe(0); // pending sign-ins are spent
  });

  it('creates the account of an invited person, with the invitation grants and no password', async () => {
    expect((await browser(app, { origin: null }).post('/api/auth/invitations', { email: 'invitee@ville-test.fr', grants: [{ role: 'member', organisationId: 'cuf' }] },
      { authorization: `Bearer ${TOKEN}` })).status).toBe(201);
    const b = browser(app);
    expect((await signInAs('agent-2', b)).headers.get('location')).toBe('/account');
    expect((await b.get('/api/auth/me')).json).toMatchObject({ email: 'invitee@ville-test.fr', name: 'Inès Invitée', grants: [{ role: 'member', organisationId: 'cuf' }] });
    const [a] = await db.query("select password_hash from account where email = 'invitee@ville-test.fr'");
    expect(a.password_hash).toBeNull();
    const [inv] = await db.query("select accepted_at from invitation where email = 'invitee@ville-test.fr'");
    expect(inv.accepted_at).not.toBeNull();
  });

  it('refuses someone without an account or invitation, and unverified e-mails, with a reason for the login page', async () => {
    const b = browser(app);
    const r = await signInAs('agent-3', b);
    expect(r.headers.get('location')).toBe('/login?error=oidc_no_account');
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await db.query("select count(*)::int as n from account where email = 'stranger@ailleurs.fr'"))[0].n).toBe(0);
    expect((await signInAs('agent-4')).headers.get('location')).toBe('/login?error=oidc_unverified_email');
    const fails = await db.query("select details from audit_log where action = 'sign_in_failed' order by id");
    expect(fails.map((f) => f.details.reason)).toEqual(['no_account', 'unverified_email']);
  });

  it('refuses a callback whose state is not bound to this browser', async () => {
    const b = browser(app);
    const start = await b.get('/auth/oidc/login');
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const stranger = browser(app);
    const r = await stranger.get(`/auth/oidc/callback?code=whatever&state=${state}`);
    expect(r.headers.get('location')).toBe('/login?error=oidc_state');
    expect((await stranger.get('/api/auth/me')).status).toBe(401);
  });
});
