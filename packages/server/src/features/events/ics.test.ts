import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendarOf, zonedInstant } from './ics.js';

const restitution = { id: 'restitution-assises-12', title: 'Restitution', start: '2023-06-09', startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Paris', location: 'En ligne' };

describe('iCalendar', () => {
  it('places local hours at the right instant across daylight saving', () => {
    expect(zonedInstant('2023-06-09', '10:00', 'Europe/Paris').toISOString()).toBe('2023-06-09T08:00:00.000Z');
    expect(zonedInstant('2023-01-09', '10:00', 'Europe/Paris').toISOString()).toBe('2023-01-09T09:00:00.000Z');
    expect(zonedInstant('2023-11-16', '09:00', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2023-11-16T02:00:00.000Z');
  });
  it('writes an invitation that a calendar reads back: method, organiser, attendee, 10:00–11:30 Paris time', () => {
    const text = calendarOf([restitution], { name: 'Tandem', method: 'REQUEST', organizer: { name: 'CUF', email: 'cuf@example.org' },
      attendee: { name: 'Lan', email: 'lan@example.org', status: 'accepted' } });
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2023-06-09T08:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2023-06-09T09:30:00.000Z');
    expect(ev.location).toBe('En ligne');
    expect(ev.organizer).toMatch(/mailto:cuf@example\.org/i);
    expect(ev.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:lan@example.org']);
  });
  it('makes all-day events of days, spans them to the end day, and leaves out events known to the month', () => {
    const text = calendarOf([{ id: 'assises-11', title: 'Assises', start: '2019-04-01', end: '2019-04-02' }, { id: 'x', title: 'Later', start: '2026-05' }], { name: 'S' });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect([events[0].startDate.isDate, events[0].startDate.toString(), events[0].endDate.toString()]).toEqual([true, '2019-04-01', '2019-04-03']);
  });
});
