/**
 * Rate limits kept in the database, so they hold across processes: one row per counted event in
 * `login_attempt` (key, at), keyed by purpose ('email:…' and 'ip:…' for failed sign-ins, 'reset-to:…',
 * 'invite-to:…', 'reset-ip:…', 'invite-ip:…' for e-mails sent: features/auth/mail-limits.ts).
 *
 * Sign-in: after 5 failures for one e-mail, or 20 from one address, within 15 minutes, further attempts get
 * 429 until the oldest of those failures is 15 minutes old. A success clears the e-mail's count.
 */
import type { Db } from '../../db/client.js';

export const WINDOW_MINUTES = 15;
export const EMAIL_LIMIT = 5;
export const IP_LIMIT = 20;
/** the longest window of any limit: older rows are pruned */
const KEEP_MINUTES = 60;

/** At most `max` events of `key` within `windowMinutes`. */
export interface Limit { key: string; max: number; windowMinutes: number }

/** Seconds until one more event of this limit is allowed, or null when it is allowed now. */
async function waitFor(db: Db, l: Limit): Promise<number | null> {
  const [r] = await db.query(
    `select ceil(extract(epoch from (at + make_interval(mins => $3) - now())))::int as wait
       from login_attempt where key = $1 and at > now() - make_interval(mins => $3)
      order by at desc offset $2 limit 1`, [l.key, l.max - 1, l.windowMinutes]);
  return r ? Math.max(1, Number(r.wait)) : null;
}

async function record(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) await db.query('insert into login_attempt (key) values ($1)', [key]);
  if (Math.random() < 0.02) await db.query(`delete from login_attempt where at < now() - interval '${KEEP_MINUTES} minutes'`);
}

/**
 * Counts one event against every limit, atomically (concurrent requests on any process queue on an advisory
 * lock per key): null when it was within all of them, else the first limit exceeded and the seconds to wait
 * (nothing is counted then).
 */
export async function takeSlot(db: Db, limits: Limit[]): Promise<{ limit: Limit; wait: number } | null> {
  const sorted = [...limits].sort((a, b) => a.key.localeCompare(b.key));
  return db.transaction(async (tx) => {
    for (const l of sorted) await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`ratelimit:${l.key}`]);
    for (const l of limits) {
      const wait = await waitFor(tx, l);
      if (wait !== null) return { limit: l, wait };
    }
    await record(tx, sorted.map((l) => l.key));
    return null;
  });
}

const loginLimits = (email: string, ip: string | null): Limit[] => [
  { key: `email:${email}`, max: EMAIL_LIMIT, windowMinutes: WINDOW_MINUTES },
  ...(ip ? [{ key: `ip:${ip}`, max: IP_LIMIT, windowMinutes: WINDOW_MINUTES }] : []),
];

/** Seconds to wait before trying again, or null when an attempt is allowed now. */
export async function loginRetryAfter(db: Db, email: string, ip: string | null): Promise<number | null> {
  let wait: number | null = null;
  for (const l of loginLimits(email, ip)) {
    const w = await waitFor(db, l);
    if (w !== null) wait = Math.max(wait ?? 0, w);
  }
  return wait;
}

export async function recordLoginFailure(db: Db, email: string, ip: string | null): Promise<void> {
  await record(db, loginLimits(email, ip).map((l) => l.key));
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.query('delete from login_attempt where key = $1', [`email:${email}`]);
}
