/**
 * An event's programme on its sheet: a timetable by day (day headings, hours, kind, room or link, leads, places left
 * when a capacity is set), the sessions without a day after; each session links to its own page. Also the
 * « add to my calendar » link of the sheets (events and series) and the pieces the session page shares.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { isOrganiser } from '../../../../server/src/features/events/organisers.js';
import { listSessions, type Session, type SessionLead } from '../../../../server/src/features/events/programme.service.js';
import { textLang, type I18n } from '../../i18n/index.js';
import { ExternalLink, Section } from '../../components/Sheet.js';

export interface ProgrammeData { sessions: Session[]; canEdit: boolean }

/** What the sheet's programme needs, as the reader may see it (people leads only for those allowed). */
export async function programmeOf(c: Context, db: Db, eventId: string): Promise<ProgrammeData> {
  const actor = getActor(c);
  return { sessions: await listSessions(db, actor, eventId), canEdit: !!actor && await isOrganiser(db, actor, eventId) };
}

export const sessionPath = (eventId: string, sessionId: string) => `/events/${encodeURIComponent(eventId)}/sessions/${encodeURIComponent(sessionId)}`;
export const isDay = (d: string | null | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);

export function sessionHours(i: I18n, s: Pick<Session, 'startTime' | 'endTime'>): string | null {
  if (!s.startTime) return null;
  return s.endTime ? i.t('programme.hours', { start: s.startTime, end: s.endTime }) : s.startTime;
}

export function PlacesLeft(props: { i: I18n; s: Session }) {
  const { i, s } = props;
  if (s.capacity == null || s.placesLeft == null) return null;
  return s.placesLeft > 0 ? <>{i.plural('programme.places', s.placesLeft)}</> : <strong>{i.t('programme.full')}</strong>;
}

/** Organisations as links; people (only there for readers allowed to see them) as names with their role. */
export function Leads(props: { i: I18n; leads: SessionLead[] }) {
  const { i } = props;
  const lang = textLang(i);
  return <>{props.leads.map((l, n) => <>
    {n > 0 && ', '}
    {l.kind === 'organisation' ? <a href={i.path(`/organisations/${encodeURIComponent(l.id)}`)} lang={lang}>{l.name}</a>
      : <span class="lead-person">{l.name}{l.roleTitle && <span class="muted"> ({l.roleTitle})</span>}</span>}
  </>)}</>;
}

function SessionItem(props: { i: I18n; eventId: string; s: Session }) {
  const { i, s } = props;
  const lang = textLang(i);
  const hours = sessionHours(i, s);
  return (
    <li class={hours ? 'session' : 'session untimed'}>
      {hours && <p class="session-time">{hours}</p>}
      <div class="session-body">
        <p class="session-title"><a href={i.path(sessionPath(props.eventId, s.id))} lang={lang}>{s.title}</a>{' '}<span class="session-kind">{i.l('sessionKind', s.kind)}</span></p>
        {(s.room || s.onlineUrl || s.capacity != null) && <p class="muted session-where">
          {s.room && <span lang={lang}>{s.room}</span>}
          {s.room && s.onlineUrl && ' · '}
          {s.onlineUrl && <ExternalLink url={s.onlineUrl} text={i.t('programme.online')} />}
          {(s.room || s.onlineUrl) && s.capacity != null && ' · '}
          <PlacesLeft i={i} s={s} />
        </p>}
        {s.leads.length > 0 && <p class="session-leads">{i.t('programme.leads')}{i.t('search.colon')}<Leads i={i} leads={s.leads} /></p>}
      </div>
    </li>
  );
}

/** The sessions by day, in time order; those without a day last, in the programme's order. */
export function byDay(sessions: Session[]): { days: Array<[string, Session[]]>; undated: Session[] } {
  const days = new Map<string, Session[]>();
  for (const s of sessions) if (s.day) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  const time = (s: Session) => s.startTime ?? '99:99';
  return {
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([d, list]) => [d, list.sort((a, b) => time(a).localeCompare(time(b)) || a.position - b.position)]),
    undated: sessions.filter((s) => !s.day),
  };
}

export function Programme(props: { i: I18n; e: any }) {
  const { i, e } = props;
  const data: ProgrammeData = e.programme ?? { sessions: [], canEdit: false };
  const { days, undated } = byDay(data.sessions);
  const list = (items: Session[]) => <ol class="timetable">{items.map((s) => <SessionItem i={i} eventId={e.id} s={s} />)}</ol>;
  return (
    <Section id="programme" title={i.t('programme.title')} when={data.sessions.length > 0 || !!e.workshopsCount || data.canEdit}>
      {e.workshopsCount ? <p>{i.plural('event.workshops.count', e.workshopsCount)}</p> : null}
      {data.sessions.length === 0 && <p class="muted">{i.t(e.workshopsCount ? 'event.workshops.untitled' : 'programme.empty')}</p>}
      {days.map(([day, items]) => <><h3 class="timetable-day">{i.date(day)}</h3>{list(items)}</>)}
      {undated.length > 0 && <>{days.length > 0 && <h3 class="timetable-day">{i.t('programme.undated')}</h3>}{list(undated)}</>}
      {data.canEdit && <p><a href={i.path(`/espace/events/${encodeURIComponent(e.id)}/programme`)} class="button secondary">{i.t('programme.edit')}</a></p>}
    </Section>
  );
}

/** « Ajouter à mon agenda »: the event's or the series' iCalendar file (only when something in it is known to the day). */
export function AddToCalendar(props: { i: I18n; href: string; when: boolean }) {
  const { i } = props;
  if (!props.when) return null;
  return <p class="calendar-link"><a href={i.path(props.href)} type="text/calendar">{i.t('calendar.add')}</a> <span class="muted">— {i.t('calendar.hint')}</span></p>;
}
