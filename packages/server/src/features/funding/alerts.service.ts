/**
 * Saved searches of funding calls (issue 15): subscribing sends a confirmation e-mail and nothing else until its
 * link is followed (POST: mail scanners that open links must not confirm); unsubscribing through the link of any
 * digest. Tokens are 32 random bytes of which only the SHA-256 is stored (like registration links); the feed key is
 * the feeds' secret. Subscriptions are rate-limited per address and per client; unconfirmed ones are forgotten
 * after 7 days (`forgetUnconfirmed`, run with the digests).
 */
import { z } from 'zod';
import { callQuery, type CallQuery } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { HttpError, ValidationError } from '../../lib/errors.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { langPath } from '../auth/urls.js';
import { takeSlot } from '../auth/ratelimit.js';
import { sendInBackground, sendMail } from '../mail/mail.js';
import { renderConfirmMail } from './alerts.mail.js';

export const alertLangs = ['fr', 'en', 'vi'] as const;
export type AlertLang = (typeof alertLangs)[number];

export const alertInput = z.object({
  email: z.string().trim().toLowerCase().max(254).email(),
  query: callQuery.default({ open: '1' }),
  frequency: z.enum(['daily', 'weekly']).default('weekly'),
  lang: z.enum(alertLangs).default('fr'),
  organisationId: z.string().trim().min(1).max(200).optional(),
});
export type AlertInput = z.infer<typeof alertInput>;
export const alertTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a link token of 43 characters');
export const feedKeySchema = alertTokenSchema;

export interface AlertView {
  id: string; email: string; query: CallQuery; frequency: 'daily' | 'weekly'; lang: AlertLang; organisationId: string | null;
  confirmed: boolean; confirmedAt: string | null; lastSentAt: string | null; createdAt: string; feedKey: string;
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
export const toView = (r: any): AlertView => ({
  id: r.id, email: r.email, query: callQuery.parse(typeof r.query === 'string' ? JSON.parse(r.query) : r.query), frequency: r.frequency, lang: r.lang,
  organisationId: r.organisation_id, confirmed: !!r.confirmed_at, confirmedAt: iso(r.confirmed_at), lastSentAt: iso(r.last_sent_at),
  createdAt: iso(r.created_at)!, feedKey: r.feed_key,
});

/** The public origin of links in e-mails sent without a request (the digests). */
export const mailOrigin = (origin?: string) => (process.env.TANDEM_PUBLIC_URL || process.env.PUBLIC_URL || origin || 'http://localhost').replace(/\/+$/, '');
export const alertLink = (origin: string | undefined, lang: string, path: string) => `${mailOrigin(origin)}${langPath(lang, path)}`;

/** Per hour: 3 subscriptions to one address, 20 from one client. */
export const ALERT_LIMITS = { address: 3, client: 20 } as const;

/** Only the query's own fields, without empty ones: what is stored and compared. */
export function cleanQuery(q: CallQuery): CallQuery {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as CallQuery;
}

export async function subscribe(db: Db, input: AlertInput, ctx: { accountId?: string | null; client?: string | null; origin?: string }) {
  if (input.organisationId) {
    const [org] = await db.query('select 1 from organisation where id = $1', [input.organisationId]);
    if (!org) throw new ValidationError([{ path: 'organisationId', message: `no organisation with id "${input.organisationId}"` }]);
  }
  const over = await takeSlot(db, [
    { key: `alert-to:${input.email}`, max: ALERT_LIMITS.address, windowMinutes: 60 },
    ...(ctx.client ? [{ key: `alert-ip:${ctx.client}`, max: ALERT_LIMITS.client, windowMinutes: 60 }] : []),
  ]);
  if (over) throw new HttpError(429, `too many saved searches: at most ${over.limit.max} per hour; try again in ${Math.ceil(over.wait / 60)} minute(s)`, undefined, { retryAfter: over.wait });
  const confirm = randomToken();
  const id = `alert-${randomToken(12)}`;
  await db.query(`insert into funding_alert (id, email, account_id, organisation_id, query, frequency, lang, confirm_hash, unsubscribe_hash, feed_key)
    values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)`,
  [id, input.email, ctx.accountId ?? null, input.organisationId ?? null, JSON.stringify(cleanQuery(input.query)), input.frequency, input.lang,
    sha256(confirm), sha256(randomToken()), randomToken()]);
  const link = alertLink(ctx.origin, input.lang, `/funding-calls/alerts/confirm/${confirm}`);
  const mail = sendInBackground(() => sendMail({ to: input.email, lang: input.lang, ...renderConfirmMail(input.lang, cleanQuery(input.query), input.frequency, link) }));
  return { id, sent: mail };
}

/** An unsubscribe link of any recent digest (migration 0022), not only the last one. */
const UNSUBSCRIBES = 'unsubscribe_hash = $1 or earlier_unsubscribe_hashes @> array[$1]::text[]';

async function byHash(db: Db, column: 'confirm_hash' | 'unsubscribe_hash', token: string) {
  const [r] = await db.query(`select * from funding_alert where ${column === 'unsubscribe_hash' ? UNSUBSCRIBES : 'confirm_hash = $1'}`, [sha256(token)]);
  if (!r) throw new HttpError(404, 'this link is not valid (any more)');
  return r;
}

/** The alert a confirmation link opens (to show it before the button), or 404. */
export async function alertToConfirm(db: Db, token: string): Promise<AlertView> {
  return toView(await byHash(db, 'confirm_hash', token));
}

/** Confirms: the link works once; from now on the digests are sent and the feeds answer. */
export async function confirmAlert(db: Db, token: string): Promise<AlertView> {
  const [r] = await db.query(`update funding_alert set confirmed_at = now(), confirm_hash = null where confirm_hash = $1 returning *`, [sha256(token)]);
  if (!r) throw new HttpError(404, 'this link is not valid (any more)');
  return toView(r);
}

export async function alertToUnsubscribe(db: Db, token: string): Promise<AlertView> {
  return toView(await byHash(db, 'unsubscribe_hash', token));
}

/** Unsubscribes: the saved search is deleted, with its feeds. */
export async function unsubscribe(db: Db, token: string): Promise<{ unsubscribed: true; id: string }> {
  const [r] = await db.query(`delete from funding_alert where ${UNSUBSCRIBES} returning id`, [sha256(token)]);
  if (!r) throw new HttpError(404, 'this link is not valid (any more)');
  return { unsubscribed: true, id: r.id };
}

/** A signed-in person's saved searches: made with their account, or confirmed for their e-mail. */
export async function alertsOf(db: Db, who: { accountId: string; email: string }): Promise<AlertView[]> {
  const rows = await db.query(`select * from funding_alert where account_id = $1 or (confirmed_at is not null and lower(email) = lower($2))
    order by created_at desc, id`, [who.accountId, who.email || '\u0000none']);
  return rows.map(toView);
}

/** A signed-in person deletes one of their saved searches. */
export async function deleteMine(db: Db, who: { accountId: string; email: string }, id: string): Promise<void> {
  const [r] = await db.query(`delete from funding_alert where id = $1 and (account_id = $2 or (confirmed_at is not null and lower(email) = lower($3))) returning id`,
    [id, who.accountId, who.email || '\u0000none']);
  if (!r) throw new HttpError(404, `saved search not found: ${id}`);
}

/** The confirmed alert of a feed key, or 404 (an unconfirmed alert has no feeds yet). */
export async function alertByFeedKey(db: Db, feedKey: string): Promise<AlertView> {
  if (!feedKeySchema.safeParse(feedKey).success) throw new HttpError(404, 'no such feed');
  const [r] = await db.query('select * from funding_alert where feed_key = $1 and confirmed_at is not null', [feedKey]);
  if (!r) throw new HttpError(404, 'no such feed');
  return toView(r);
}

export async function forgetUnconfirmed(db: Db, now: Date): Promise<number> {
  const rows = await db.query(`delete from funding_alert where confirmed_at is null and created_at < $1::timestamptz - interval '7 days' returning id`, [now.toISOString()]);
  return rows.length;
}
