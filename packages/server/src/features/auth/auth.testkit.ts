/**
 * Test helpers for the accounts feature (imported by *.test.ts only): a cookie-keeping client over the
 * real app, and accounts made through the real services.
 */
import type { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import type { Grant } from '../../lib/actor.js';
import { addGrant, createAccount, type Account } from './accounts.js';

export const PASSWORD = 'correct horse battery staple';

export async function makeAccount(db: Db, email: string, grants: Grant[] = [], opts: { name?: string; password?: string | null; lang?: string } = {}): Promise<Account> {
  const a = await createAccount(db, { email, name: opts.name ?? email.split('@')[0], password: opts.password === undefined ? PASSWORD : opts.password, lang: opts.lang });
  for (const g of grants) await addGrant(db, a.id, g, null);
  return a;
}

export interface Reply { status: number; json: any; text: string; headers: Headers; cookies: string[] }

/** Cookies kept by name, as a browser keeps them: the Cookie header to send, and what a response sets or clears. */
export function cookieJar() {
  const jar = new Map<string, string>();
  return {
    jar,
    header: (): string | undefined => (jar.size ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined),
    /** keeps what res sets; returns its Set-Cookie headers */
    take(res: Response): string[] {
      const cookies = res.headers.getSetCookie();
      for (const sc of cookies) {
        const [pair] = sc.split(';');
        const i = pair.indexOf('=');
        const name = pair.slice(0, i).trim(), value = pair.slice(i + 1).trim();
        if (!value || /max-age=0/i.test(sc)) jar.delete(name); else jar.set(name, value);
      }
      return cookies;
    },
  };
}

/** A browser-like client: keeps cookies (by name), sends Origin like a browser does on POST. */
export function browser(app: Hono, opts: { origin?: string | null } = {}) {
  const kept = cookieJar();
  const origin = opts.origin === undefined ? 'http://localhost' : opts.origin;
  async function send(method: string, path: string, o: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const cookie = kept.header();
    if (cookie) headers.cookie = cookie;
    if (origin && method !== 'GET' && !('origin' in headers)) headers.origin = origin;
    let body: string | undefined;
    if (o.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(o.json); }
    if (o.form) { headers['content-type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(o.form).toString(); }
    const res = await app.request(path, { method, headers, body });
    const cookies = kept.take(res);
    const text = await res.text();
    let json: any = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, json, text, headers: res.headers, cookies };
  }
  return {
    jar: kept.jar,
    get: (path: string, headers?: Record<string, string>) => send('GET', path, { headers }),
    post: (path: string, json?: unknown, headers?: Record<string, string>) => send('POST', path, { json, headers }),
    form: (path: string, form: Record<string, string>, headers?: Record<string, string>) => send('POST', path, { form, headers }),
    put: (path: string, json?: unknown, headers?: Record<string, string>) => send('PUT', path, { json, headers }),
    del: (path: string, json?: unknown, headers?: Record<string, string>) => send('DELETE', path, { json, headers }),
    /** signs in through the API; returns the CSRF token */
    async login(email: string, password = PASSWORD): Promise<string> {
      const r = await send('POST', '/api/auth/login', { json: { email, password } });
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
      return r.json.csrfToken;
    },
  };
}
