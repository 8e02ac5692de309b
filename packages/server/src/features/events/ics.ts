/**
 * iCalendar (RFC 5545) for events: a series' or an event's feed (METHOD:PUBLISH), an "add to calendar" file, and the
 * invitation attached to a registration's confirmation (METHOD:REQUEST with organiser and attendee), through
 * ical-generator. Timed events are written as UTC instants computed from their local hours in their time zone
 * (10:00–11:30 Europe/Paris on 9 June 2023 → 08:00Z–09:30Z), which every calendar shows in its user's zone; events
 * known to the day only are all-day; events known to the month or year only cannot be placed and are left out.
 */
import ical, { ICalCalendarMethod, ICalAttendeeRole, ICalAttendeeStatus } from 'ical-generator';

export interface IcsEvent {
  /** stable id: the event's or the session's, used for the UID */
  id: string;
  title: string;
  /** partial dates 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' */
  start: string | null;
  end?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timeZone?: string | null;
  location?: string | null;
  description?: string | null;
  /** the event's public page */
  url?: string | null;
  updatedAt?: Date | string | null;
}

export interface IcsOptions {
  name: string;
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** the host name used in UIDs (uid@domain) */
  domain?: string;
  organizer?: { name: string; email: string } | null;
  attendee?: { name: string; email: string; status?: 'accepted' | 'tentative' | 'declined' | 'needs-action' } | null;
  /** bumped on each change of the same invitation so calendars replace it */
  sequence?: number;
}

const isDay = (d: string | null | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The offset of a time zone from UTC at an instant, in ms (Intl only; no time zone database needed). */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const g = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')) - utcMs;
}

/** The instant of a local day and time ('HH:MM') in a time zone (UTC when the zone is unknown). */
export function zonedInstant(day: string, time: string, timeZone: string | null | undefined): Date {
  const local = Date.parse(`${day}T${time.slice(0, 5)}:00Z`);
  if (!timeZone) return new Date(local);
  try {
    let t = local - offsetMs(local, timeZone);
    t = local - offsetMs(t, timeZone); // the offset at the instant itself (daylight saving changes)
    return new Date(t);
  } catch { return new Date(local); }
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** The calendar text; events that cannot be placed on a day are skipped. */
export function calendarOf(events: IcsEvent[], opts: IcsOptions): string {
  const cal = ical({ name: opts.name, prodId: { company: 'Tandem', product: 'events', language: 'FR' },
    method: opts.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : opts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH });
  const domain = opts.domain ?? 'tandem';
  for (const e of events) {
    if (!isDay(e.start)) continue;
    const end = isDay(e.end) ? e.end : e.start;
    const timed = !!(e.startTime && e.endTime);
    const ev = cal.createEvent({
      id: `${e.id}@${domain}`,
      summary: e.title,
      start: timed ? zonedInstant(e.start, e.startTime!, e.timeZone) : new Date(`${e.start}T00:00:00Z`),
      end: timed ? zonedInstant(end, e.endTime!, e.timeZone) : nextDay(end),
      allDay: !timed,
      location: e.location ?? undefined,
      description: e.description ?? undefined,
      url: e.url ?? undefined,
      sequence: opts.sequence ?? 0,
      stamp: e.updatedAt ? new Date(e.updatedAt) : new Date(),
      organizer: opts.organizer ? { name: opts.organizer.name, email: opts.organizer.email } : undefined,
    });
    if (opts.attendee) {
      const s = opts.attendee.status;
      ev.createAttendee({ name: opts.attendee.name, email: opts.attendee.email, role: ICalAttendeeRole.REQ,
        status: s === 'accepted' ? ICalAttendeeStatus.ACCEPTED : s === 'declined' ? ICalAttendeeStatus.DECLINED
          : s === 'tentative' ? ICalAttendeeStatus.TENTATIVE : ICalAttendeeStatus.NEEDSACTION });
    }
  }
  return cal.toString();
}
