/**
 * iCalendar feeds (features/events/ics.ts): a series' feed (every event of the series that is known to the day) and an
 * event's (the event and its timed sessions), the « add to my calendar » file of the sheets. Public data only: a
 * session's people never appear. Times are local hours in the event's time zone, written as UTC instants.
 */
import type { Db } from '../../db/client.js';
import { calendarOf, type IcsEvent } from './ics.js';
import { getPublicEvent, getEventSeries } from './events.service.js';
import { listSessions } from './programme.service.js';

export interface CalendarFile { filename: string; body: string }

/** The time zone of an event's local hours: its own, else its host country's (the Assises in Vietnam or in France). */
export function eventZone(e: { timeZone?: string | null; side?: string | null }): string | null {
  return e.timeZone ?? (e.side === 'VN' ? 'Asia/Ho_Chi_Minh' : e.side === 'FR' ? 'Europe/Paris' : null);
}

/** The place as one line: the place's text or its territory, or the online link. */
export function eventLocation(e: { placeText?: string | null; place?: { name: string } | null; online?: boolean; onlineUrl?: string | null }): string | null {
  if (e.online) return [e.placeText, e.onlineUrl].filter(Boolean).join(' — ') || null;
  return e.placeText ?? e.place?.name ?? null;
}

const asIcs = (e: any, origin: string, prefix: string): IcsEvent => ({
  id: e.id, title: e.title, start: e.start, end: e.end, startTime: e.startTime, endTime: e.endTime, timeZone: e.timeZone,
  location: eventLocation(e), description: e.theme ?? null, url: `${origin}${prefix}/events/${encodeURIComponent(e.id)}`, updatedAt: e.updatedAt,
});

const domainOf = (origin: string) => { try { return new URL(origin).hostname || 'tandem'; } catch { return 'tandem'; } };

/** origin: 'https://host'; prefix: '' | '/en' | '/vi' (the pages the events link to). */
export async function eventCalendar(db: Db, eventId: string, origin: string, prefix = ''): Promise<CalendarFile> {
  const e = await getPublicEvent(db, eventId); // a members-only meeting has no public feed
  const sessions = (await listSessions(db, null, eventId)).filter((s) => s.day && s.startTime && s.endTime);
  const where = eventLocation(e);
  const items: IcsEvent[] = [asIcs(e, origin, prefix), ...sessions.map((s) => ({
    id: s.id, title: `${s.title} — ${e.title}`, start: s.day, startTime: s.startTime, endTime: s.endTime, timeZone: eventZone(e),
    location: [s.room, s.onlineUrl].filter(Boolean).join(' — ') || where, description: s.description,
    url: `${origin}${prefix}/events/${encodeURIComponent(e.id)}/sessions/${encodeURIComponent(s.id)}`,
  }))];
  return { filename: `${eventId}.ics`, body: calendarOf(items, { name: e.title, domain: domainOf(origin) }) };
}

export async function seriesCalendar(db: Db, seriesId: string, origin: string, prefix = ''): Promise<CalendarFile> {
  const s = await getEventSeries(db, seriesId);
  return { filename: `${seriesId}.ics`, body: calendarOf(s.events.map((e: any) => asIcs(e, origin, prefix)), { name: s.name, domain: domainOf(origin) }) };
}
