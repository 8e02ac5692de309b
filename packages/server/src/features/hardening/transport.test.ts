/**
 * HSTS only over HTTPS (never over plain http, an untrusted X-Forwarded-Proto changes nothing) and the session
 * cookie's flags: HttpOnly and SameSite always, Secure by default and whenever the public address is https.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { HSTS } from './transport.js';

const ENV = ['TANDEM_PUBLIC_URL', 'TANDEM_TRUST_PROXY', 'TANDEM_INSECURE_COOKIES'] as const;
let db: Db; let app: Hono;
beforeAll(async () => {
  db = await testDb(); app = createApp({ db });
  await makeAccount(db, 'hsts@example.org', [{ role: 'member', organisationId: 'cd93' }]);
});
afterEach(() => { for (const k of ENV) delete process.env[k]; });
afterAll(async () => { await db?.close(); });

const hsts = async (url: string, headers: Record<string, string> = {}) => (await app.request(url, { headers })).headers.get('strict-transport-security');

describe('Strict-Transport-Security', () => {
  it('is absent over plain http, whatever an untrusted client claims', async () => {
    expect(await hsts('/api/health')).toBeNull();
    expect(await hsts('/api/health', { 'x-forwarded-proto': 'https' })).toBeNull();
    expect(await hsts('/no-such-path')).toBeNull();
  });

  it('is sent when the request itself is https', async () => {
    expect(await hsts('https://tandem.example.org/api/health')).toBe(HSTS);
    expect(HSTS).toMatch(/max-age=31536000/);
  });

  it('is sent to the https public address, not to another host reaching the process directly', async () => {
    process.env.TANDEM_PUBLIC_URL = 'https://tandem.example.org';
    expect(await hsts('http://tandem.example.org/api/health')).toBe(HSTS);
    expect(await hsts('http://10.0.0.5:3000/api/health')).toBeNull();
    process.env.TANDEM_PUBLIC_URL = 'http://tandem.example.org';
    expect(await hsts('http://tandem.example.org/api/health')).toBeNull();
  });

  it('follows X-Forwarded-Proto only from a trusted proxy (TANDEM_TRUST_PROXY=1), which wins when it says http', async () => {
    process.env.TANDEM_TRUST_PROXY = '1';
    expect(await hsts('/api/health', { 'x-forwarded-proto': 'https' })).toBe(HSTS);
    expect(await hsts('/api/health', { 'x-forwarded-proto': 'http' })).toBeNull();
    expect(await hsts('/api/health')).toBeNull();
    process.env.TANDEM_PUBLIC_URL = 'https://tandem.example.org';
    expect(await hsts('http://tandem.example.org/api/health', { 'x-forwarded-proto': 'http' })).toBeNull();
  });
});

describe('session cookie', () => {
  const sessionCookie = async () => {
    const b = browser(app);
    await b.login('hsts@example.org');
    const out = await b.post('/api/auth/logout', undefined, { 'x-csrf-token': (await b.get('/api/auth/me')).json.csrfToken });
    expect(out.status).toBe(204);
    const b2 = browser(app);
    const r = await b2.post('/api/auth/login', { email: 'hsts@example.org', password: 'correct horse battery staple' });
    return { set: r.cookies.find((c) => c.startsWith('tandem_session='))!, cleared: out.cookies.find((c) => c.startsWith('tandem_session='))! };
  };

  it('is HttpOnly, SameSite=Lax and Secure by default, when set and when cleared', async () => {
    const { set, cleared } = await sessionCookie();
    for (const c of [set, cleared]) { expect(c).toMatch(/; HttpOnly/); expect(c).toMatch(/; SameSite=Lax/); expect(c).toMatch(/; Secure/); }
  });

  it('drops Secure only for a plain-http deployment (TANDEM_INSECURE_COOKIES=1), never when the public address is https', async () => {
    process.env.TANDEM_INSECURE_COOKIES = '1';
    process.env.TANDEM_PUBLIC_URL = 'http://intranet.example.org';
    const plain = await sessionCookie();
    expect(plain.set).not.toMatch(/Secure/);
    expect(plain.set).toMatch(/; HttpOnly/);
    process.env.TANDEM_PUBLIC_URL = 'https://tandem.example.org';
    const tls = await sessionCookie();
    expect(tls.set).toMatch(/; Secure/);
    expect(tls.cleared).toMatch(/; Secure/);
  });
});
