/** Drives the real app (createApp) in-process: requests go through routing, validation and the database. */
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';

export const TOKEN = 'test-admin-token';

export function client(db: Db, opts: { adminToken?: string | null } = {}) {
  const app = createApp({ db, adminToken: opts.adminToken === null ? undefined : opts.adminToken ?? TOKEN });
  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await app.request(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let json: any = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, json, text, headers: res.headers };
  };
  return {
    /** anonymous unless a token is given */
    get: (path: string, token: string | null = null) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string | null) => call('POST', path, body, token),
    put: (path: string, body: unknown, token?: string | null) => call('PUT', path, body, token),
    patch: (path: string, body: unknown, token?: string | null) => call('PATCH', path, body, token),
    del: (path: string, token?: string | null) => call('DELETE', path, undefined, token),
  };
}
