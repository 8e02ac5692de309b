/**
 * Feeds of funding calls: RSS 2.0 of the calls a search selects (newest first), and iCalendar of their deadlines
 * (one all-day event per closing date and per pre-submission date). Per saved search through its secret feed key
 * (`/funding-calls/alerts/:feedKey/feed.rss`, `…/deadlines.ics`: confirmed alerts only, never cached by others), and
 * for any public search (`/funding-calls/feed.rss?<callQuery>`, `/funding-calls/deadlines.ics?<callQuery>`).
 */
import type { Context } from 'hono';
import { Feed } from 'feed';
import { callQuery, type CallQuery } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { ValidationError } from '../../../../server/src/lib/errors.js';
import { toIssues } from '../../../../server/src/lib/api.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import { calendarOf, type IcsEvent } from '../../../../server/src/features/events/ics.js';
import { searchCalls, type CallRow } from '../../../../server/src/features/funding/funding.query.js';
import { alertByFeedKey } from '../../../../server/src/features/funding/alerts.service.js';
import type { I18n } from '../../i18n/index.js';
import { describeSearch } from './AlertPages.js';

/** The search of a feed's query string (400 naming the field when it is not one). */
export function queryOf(c: Context): CallQuery {
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
  const r = callQuery.safeParse(raw);
  if (!r.success) throw new ValidationError(toIssues(r.error));
  return r.data;
}

function rss(c: Context, i: I18n, q: CallQuery, calls: CallRow[], self: string): Response {
  const origin = publicOrigin(c);
  const link = (path: string) => `${origin}${i.path(path)}`;
  const title = i.t('fa.feed.title', { query: describeSearch(i, q) });
  const feed = new Feed({
    title, description: title, id: self, link: link('/funding-calls'), language: i.lang, feedLinks: { rss: self }, copyright: 'Tandem',
    updated: calls.length ? new Date(Math.max(...calls.map((x) => Date.parse(x.updated_at)))) : new Date(),
  });
  const newest = [...calls].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)).slice(0, 100);
  for (const call of newest) {
    const dates = [call.closes_on ? i.t('fa.feed.deadline', { date: i.date(call.closes_on) }) : null,
      call.predeposit_on ? i.t('fa.feed.predeposit', { date: i.date(call.predeposit_on) }) : null].filter(Boolean).join(' · ');
    const url = link(`/funding-calls/${encodeURIComponent(call.id)}`);
    feed.addItem({ title: call.title, id: url, link: url, date: new Date(call.created_at), description: [dates, call.summary].filter(Boolean).join(' — ') });
  }
  return new Response(feed.rss2(), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}

function ics(c: Context, i: I18n, q: CallQuery, calls: CallRow[]): Response {
  const origin = publicOrigin(c);
  const events: IcsEvent[] = calls.flatMap((call) => {
    const url = `${origin}${i.path(`/funding-calls/${encodeURIComponent(call.id)}`)}`;
    const one = (kind: 'closes' | 'predeposit', day: string | null, key: 'fa.feed.deadline' | 'fa.feed.predeposit'): IcsEvent[] => (day
      ? [{ id: `funding-call-${call.id}-${kind}`, title: `${i.t(key, { date: '' }).replace(/[\s:]+$/, '')} — ${call.title}`, start: day, url, description: call.summary, updatedAt: call.updated_at }]
      : []);
    return [...one('closes', call.closes_on, 'fa.feed.deadline'), ...one('predeposit', call.predeposit_on, 'fa.feed.predeposit')];
  });
  const body = calendarOf(events, { name: i.t('fa.feed.title', { query: describeSearch(i, q) }), domain: new URL(origin).hostname });
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="deadlines.ics"' } });
}

const privateFeed = (res: Response) => { res.headers.set('cache-control', 'private, no-store'); res.headers.set('x-robots-tag', 'noindex'); return res; };

export async function publicRss(c: Context, i: I18n, db: Db): Promise<Response> {
  const q = queryOf(c);
  return rss(c, i, q, await searchCalls(db, q), new URL(c.req.url, publicOrigin(c)).toString());
}

export async function publicIcs(c: Context, i: I18n, db: Db): Promise<Response> {
  const q = queryOf(c);
  return ics(c, i, q, await searchCalls(db, q));
}

export async function alertRss(c: Context, i: I18n, db: Db): Promise<Response> {
  const a = await alertByFeedKey(db, c.req.param('feedKey') as string);
  return privateFeed(rss(c, i, a.query, await searchCalls(db, a.query), `${publicOrigin(c)}${i.path(`/funding-calls/alerts/${a.feedKey}/feed.rss`)}`));
}

export async function alertIcs(c: Context, i: I18n, db: Db): Promise<Response> {
  const a = await alertByFeedKey(db, c.req.param('feedKey') as string);
  return privateFeed(ics(c, i, a.query, await searchCalls(db, a.query)));
}
