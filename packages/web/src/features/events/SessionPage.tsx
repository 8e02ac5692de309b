/**
 * A session's or workshop's own page, /events/:id/sessions/:sessionId: title, description, when (day and local hours
 * in the event's time zone), where (room, link, or the event's place), leads, capacity and places left, the way back
 * to the event; JSON-LD Event with its superEvent.
 */
import type { Session } from '../../../../server/src/features/events/programme.service.js';
import { zonedInstant } from '../../../../server/src/features/events/ics.js';
import { eventZone } from '../../../../server/src/features/events/calendar.js';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { ExternalLink, Facts, Section } from '../../components/Sheet.js';
import { EventPlace, eventWhen } from './EventSheet.js';
import { Leads, PlacesLeft, sessionPath } from './Programme.js';

export function SessionPage(props: { i: I18n; e: any; s: Session }) {
  const { i, e, s } = props;
  const lang = textLang(i);
  const path = sessionPath(e.id, s.id);
  const eventPath = `/events/${encodeURIComponent(e.id)}`;
  const zone = eventZone(e);
  const when = s.day ? eventWhen(i, { start: s.day, end: s.day, startTime: s.startTime, endTime: s.endTime, timeZone: zone }) : null;
  const online = !!s.onlineUrl || (!s.room && e.online);
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'Event', name: s.title, description: s.description ?? undefined,
    startDate: s.day ? (s.startTime ? zonedInstant(s.day, s.startTime, zone).toISOString() : s.day) : undefined,
    endDate: s.day && s.endTime ? zonedInstant(s.day, s.endTime, zone).toISOString() : undefined,
    eventAttendanceMode: `https://schema.org/${online ? 'Online' : 'Offline'}EventAttendanceMode`,
    location: s.onlineUrl ? { '@type': 'VirtualLocation', url: s.onlineUrl } : { '@type': 'Place', name: s.room ?? e.place?.name ?? e.placeText ?? undefined },
    organizer: s.leads.filter((l) => l.kind === 'organisation').map((l) => ({ '@type': 'Organization', name: l.name })),
    maximumAttendeeCapacity: s.capacity ?? undefined,
    remainingAttendeeCapacity: s.placesLeft ?? undefined,
    superEvent: { '@type': 'Event', name: e.title, url: eventPath, startDate: e.start ?? undefined },
  };
  return (
    <Layout i={i} meta={{ title: s.title, titleLang: lang, description: s.description ?? undefined, path, jsonLd }}>
      <article class="sheet">
        <header class="sheet-header">
          <p class="kicker">{i.l('sessionKind', s.kind)}</p>
          <h1 lang={lang}>{s.title}</h1>
          <p class="lead"><a href={i.path(eventPath)} lang={lang}>{e.title}</a></p>
        </header>
        <Facts items={[
          [i.t('session.event'), <a href={i.path(eventPath)} lang={lang}>{e.title}</a>],
          [i.t('session.when'), when ?? i.t('session.unscheduled')],
          [i.t('session.where'), s.room ? <span lang={lang}>{s.room}</span> : (e.place || e.online || e.placeText) ? <EventPlace i={i} e={e} /> : null],
          [i.t('event.onlineLink'), s.onlineUrl ? <ExternalLink url={s.onlineUrl} /> : null],
          [i.t('session.leads'), s.leads.length ? <Leads i={i} leads={s.leads} /> : null],
          [i.t('session.capacity'), s.capacity != null ? i.plural('programme.capacity', s.capacity) : null],
          [i.t('session.placesLeft'), s.capacity != null ? <PlacesLeft i={i} s={s} /> : null],
        ]} />
        <Section id="about" title={i.t('session.about')} when={!!s.description}>
          {(s.description ?? '').split(/\n{2,}/).map((p) => <p lang={lang}>{p}</p>)}
        </Section>
        <p><a href={i.path(`${eventPath}#programme-h`)}>{i.t('session.back')}</a></p>
      </article>
    </Layout>
  );
}
