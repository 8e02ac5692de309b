/**
 * The digests of saved searches. `sendDigests(db, mailer, now)`: for each confirmed alert due (daily: last sent a day
 * ago or more, weekly: a week; never sent: due), the calls of its search created since the last digest (since the
 * subscription for the first) and those whose deadline (or pre-submission date) falls within 14 days and was not yet
 * inside that window at the last digest — so each deadline is announced once. Nothing to say: no mail, and the alert
 * stays due. Otherwise one mail in the alert's language with a new unsubscribe link (its hash replaces the previous
 * one: only the latest mail's link works, like registration links) and List-Unsubscribe headers; last_sent_at is set
 * in the same transaction as the mail is sent, so a failed mail is retried at the next run and two processes never
 * send the same digest (the row is locked, others skip it). The server runs it every hour (`scheduleDigests`).
 */
import type { Db } from '../../db/client.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { sendMail, type MailMessage } from '../mail/mail.js';
import { searchCalls, type CallRow } from './funding.query.js';
import { alertLink, forgetUnconfirmed, toView } from './alerts.service.js';
import { renderDigest } from './alerts.mail.js';

export type Mailer = (msg: MailMessage) => Promise<void>;
export const SOON_DAYS = 14;
/** runs an hour apart should not drift a digest by an hour each day */
const SLACK = "interval '5 minutes'";
const DUE = `confirmed_at is not null and (last_sent_at is null
  or (frequency = 'daily' and last_sent_at <= $1::timestamptz - interval '1 day' + ${SLACK})
  or (frequency = 'weekly' and last_sent_at <= $1::timestamptz - interval '7 days' + ${SLACK}))`;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** Whether one of the call's dates falls in (after, until]. */
const dateIn = (c: CallRow, after: string, until: string) => [c.closes_on, c.predeposit_on].some((d) => !!d && d > after && d <= until);

export interface DigestReport { sent: string[]; empty: string[]; failed: string[]; forgotten: number }

export async function sendDigests(db: Db, mailer: Mailer = sendMail, now = new Date()): Promise<DigestReport> {
  const report: DigestReport = { sent: [], empty: [], failed: [], forgotten: await forgetUnconfirmed(db, now) };
  const due = await db.query<{ id: string }>(`select id from funding_alert where ${DUE} order by id`, [now.toISOString()]);
  const today = dayOf(now);
  for (const { id } of due) {
    try {
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx.query(`select * from funding_alert where id = $2 and ${DUE} for update skip locked`, [now.toISOString(), id]);
        if (!row) return null; // sent meanwhile by another process, or unsubscribed
        const a = toView(row);
        const since = new Date(a.lastSentAt ?? a.createdAt);
        const fresh = (await searchCalls(tx, a.query, { today, since })).filter((c) => new Date(c.created_at) <= now);
        const seen = new Set(fresh.map((c) => c.id));
        // the window of deadlines the last digest already covered: (today - 1, lastSent + 14]
        const covered = a.lastSentAt ? addDays(dayOf(new Date(a.lastSentAt)), SOON_DAYS) : addDays(today, -1);
        const after = [covered, addDays(today, -1)].sort().at(-1)!;
        const soon = (await searchCalls(tx, a.query, { today })).filter((c) => !seen.has(c.id) && dateIn(c, after, addDays(today, SOON_DAYS)));
        if (!fresh.length && !soon.length) return 'empty' as const;
        const token = randomToken();
        // the new link's hash replaces the current one, which joins the earlier ones: every recent digest's link still works
        await tx.query(`update funding_alert set last_sent_at = $2, unsubscribe_hash = $3,
          earlier_unsubscribe_hashes = (array[unsubscribe_hash] || earlier_unsubscribe_hashes)[1:30] where id = $1`, [id, now.toISOString(), sha256(token)]);
        const unsubscribe = alertLink(undefined, a.lang, `/funding-calls/alerts/unsubscribe/${token}`);
        const mail = renderDigest({ lang: a.lang, query: a.query, fresh, soon, unsubscribe, linkOf: (c) => alertLink(undefined, a.lang, `/funding-calls/${encodeURIComponent(c.id)}`) });
        await mailer({ to: a.email, lang: a.lang, ...mail, headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
        return 'sent' as const;
      });
      if (outcome === 'sent') report.sent.push(id);
      else if (outcome === 'empty') report.empty.push(id);
    } catch (err) {
      console.error(`funding alert digest ${id} not sent: ${(err as Error).message}`);
      report.failed.push(id);
    }
  }
  return report;
}

/** Every hour (and once a minute after start), unless stopped; returns the timer to clear. */
export function scheduleDigests(db: Db, stopped: () => boolean): NodeJS.Timeout {
  const run = () => { if (!stopped()) sendDigests(db).catch((err) => console.error(`funding alert digests failed: ${(err as Error).message}`)); };
  setTimeout(run, 60_000).unref();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return timer;
}
