/**
 * Which database serves a request, when there is a read replica (DATABASE_READ_URL, `openReadDbFromEnv`).
 *
 * The read pool takes anonymous reads only: GET/HEAD requests without a session cookie and without an
 * `Authorization` header — the public API (records, search, exports, themes), the atlas pages, sheets,
 * statistics and embeds, as a visitor sees them. They tolerate the replica's lag (a change shows up there a
 * moment later). Everything else stays on the primary: every write; every request of a signed-in person
 * or of a script with a token (they must read what they have just written: the sheet after a save, the 409
 * check of the next save); the auth middleware (sessions, tokens), sign-in, reset and invitation pages, SSO;
 * and the routes marked `primary` (the health check).
 *
 * Without a read pool every request uses the primary.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/client.js';
import { getActor } from './actor.js';
import { SESSION_COOKIE } from '../features/auth/sessions.js';

export interface Databases { db: Db; readDb?: Db }

/** True when the request is an anonymous read, the kind a replica may answer. */
export function isAnonymousRead(c: Context): boolean {
  const method = c.req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return false;
  return !getActor(c) && !c.req.header('authorization') && !getCookie(c, SESSION_COOKIE);
}

/** The read pool for an anonymous read when there is one, else the primary. */
export function requestDb(c: Context, dbs: Databases): Db {
  return dbs.readDb && isAnonymousRead(c) ? dbs.readDb : dbs.db;
}
