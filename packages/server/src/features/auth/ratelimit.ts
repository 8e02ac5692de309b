/**
 * Sign-in rate limiting, kept in the database so it holds across processes: after 5 failures for one
 * e-mail, or 20 from one address, within 15 minutes, further attempts get 429 until the oldest of those
 * failures is 15 minutes old. A success clears the e-mail's count.
 */
import type { Db } from '../../db/client.js';

export const WINDOW_MINUTES = 15;
export const EMAIL_LIMIT = 5;
export const IP_LIMIT = 20;

const keys = (email: string, ip: string | null) => [[`email:${email}`, EMAIL_LIMIT], ...(ip ? [[`ip:${ip}`, IP_LIMIT]] : [])] as Array<[string, number]>;

/** Seconds to wait before trying again, or null when an attempt is allowed now. */
export async function loginRetryAfter(db: Db, email: string, ip: string | null): Promise<number | null> {
  let wait: number | null = null;
  for (const [key, limit] of keys(email, ip)) {
    const [r] = await db.query(
      `select ceil(extract(epoch from (at + interval '${WINDOW_MINUTES} minutes' - now())))::int as wait
         from login_attempt where key = $1 and at > now() - interval '${WINDOW_MINUTES} minutes'
        order by at desc offset $2 limit 1`, [key, limit - 1]);
    if (r) wait = Math.max(wait ?? 0, Math.max(1, Number(r.wait)));
  }
  return wait;
}

export async function recordLoginFailure(db: Db, email: string, ip: string | null): Promise<void> {
  for (const [key] of keys(email, ip)) await db.query('insert into login_attempt (key) values ($1)', [key]);
  if (Math.random() < 0.02) await db.query(`delete from login_attempt where at < now() - interval '${WINDOW_MINUTES} minutes'`);
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.query('delete from login_attempt where key = $1', [`email:${email}`]);
}
