/**
 * Rate limits on the e-mails Tandem sends on request (features/auth/ratelimit.ts keeps the counts in the
 * database), per target address and per client address, within one hour:
 * - password reset: 3 e-mails per address; past it the request is answered as usual (202, nothing revealed)
 *   and nothing more is sent. 10 requests per client (any e-mail, known or not); past it 429 with Retry-After
 *   (it says nothing about accounts either).
 * - invitations: 3 per address and 30 per client; past either, 429 with Retry-After naming the limit.
 * The client address is `clientIp` (TANDEM_TRUST_PROXY=1: the last X-Forwarded-For entry); without one
 * (in-process tests) only the per-address limits apply.
 */
import { HttpError } from '../../lib/errors.js';
import { takeSlot, type Limit } from './ratelimit.js';
import type { Db } from '../../db/client.js';

export const MAIL_WINDOW_MINUTES = 60;
export const MAIL_LIMITS = {
  reset: { address: 3, client: 10 },
  invitation: { address: 3, client: 30 },
} as const;
export type MailPurpose = keyof typeof MAIL_LIMITS;
type Scope = 'address' | 'client';

const NOUN: Record<MailPurpose, string> = { reset: 'password reset requests', invitation: 'invitations' };
const SCOPE: Record<Scope, string> = { address: 'to one e-mail address', client: 'from one client address' };

export class MailRateLimitedError extends HttpError {
  constructor(readonly purpose: MailPurpose, readonly scope: Scope, readonly retryAfter: number) {
    const max = MAIL_LIMITS[purpose][scope];
    super(429, `too many ${NOUN[purpose]}: at most ${max} per hour ${SCOPE[scope]}; try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
      undefined, { retryAfter, limit: { purpose, scope, max, windowMinutes: MAIL_WINDOW_MINUTES } });
  }
}

const limit = (purpose: MailPurpose, scope: Scope, who: string): Limit & { scope: Scope } =>
  ({ key: `${purpose === 'reset' ? 'reset' : 'invite'}-${scope === 'address' ? 'to' : 'ip'}:${who}`, max: MAIL_LIMITS[purpose][scope], windowMinutes: MAIL_WINDOW_MINUTES, scope });

/**
 * Counts one e-mail (or request) of this purpose against the limits of the given scopes; throws
 * MailRateLimitedError naming the first limit exceeded (nothing is counted then).
 */
export async function countMail(db: Db, purpose: MailPurpose, who: { address?: string; client?: string | null }): Promise<void> {
  const limits = [
    ...(who.address ? [limit(purpose, 'address', who.address)] : []),
    ...(who.client ? [limit(purpose, 'client', who.client)] : []),
  ];
  if (!limits.length) return;
  const over = await takeSlot(db, limits);
  if (over) throw new MailRateLimitedError(purpose, (over.limit as Limit & { scope: Scope }).scope, over.wait);
}
