/**
 * Rate limits on registering to events (each registration sends an e-mail): per e-mail address, so no one is
 * flooded with confirmations, and per client address, so no one fills an event's places and waiting list from one
 * machine. Counted like the other limits (features/auth/ratelimit.ts: rows in `login_attempt`, atomic across
 * processes); the keys hold SHA-256 hashes, not the addresses, and name no event. Past either limit: 429 with
 * `retryAfter` (the API adds Retry-After; the page says it in the visitor's language), nothing is registered. Counted
 * inside the registration's transaction once its input is accepted (`register(…, { limits })`): refused attempts do not count.
 * The client address is `clientIp` (TANDEM_TRUST_PROXY=1 behind a reverse proxy); in-process tests have none.
 */
import type { Db } from '../../db/client.js';
import { HttpError } from '../../lib/errors.js';
import { sha256 } from '../auth/secrets.js';
import { takeSlot, type Limit } from '../auth/ratelimit.js';

export const REGISTRATION_WINDOW_MINUTES = 60;
/** address: registrations of one e-mail address (to any events) an hour; client: from one client address an hour. */
export const REGISTRATION_LIMITS = { address: 5, client: 100 } as const;

export class RegistrationRateLimitedError extends HttpError {
  constructor(readonly scope: 'address' | 'client', readonly retryAfter: number) {
    const max = REGISTRATION_LIMITS[scope];
    super(429, `too many registrations ${scope === 'address' ? 'for this e-mail address' : 'from this client address'}: at most ${max} per hour; try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
      scope === 'address' ? [{ path: 'email', message: `at most ${max} registrations per hour` }] : undefined,
      { retryAfter, limit: { scope, max, windowMinutes: REGISTRATION_WINDOW_MINUTES } });
  }
}

/** Counts one registration; throws RegistrationRateLimitedError (nothing counted) past a limit. */
export async function countRegistration(db: Db, who: { email: string; client: string | null }): Promise<void> {
  const limits: Array<Limit & { scope: 'address' | 'client' }> = [
    { key: `register-to:${sha256(who.email.trim().toLowerCase())}`, max: REGISTRATION_LIMITS.address, windowMinutes: REGISTRATION_WINDOW_MINUTES, scope: 'address' },
    ...(who.client ? [{ key: `register-ip:${sha256(who.client)}`, max: REGISTRATION_LIMITS.client, windowMinutes: REGISTRATION_WINDOW_MINUTES, scope: 'client' as const }] : []),
  ];
  const over = await takeSlot(db, limits);
  if (over) throw new RegistrationRateLimitedError((over.limit as (typeof limits)[number]).scope, over.wait);
}
