/** An event's sheet: series and number, dates at their precision (and hours), place, side, hosts, theme, workshops, agenda. */
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { ExternalLink, Facts, LinkList, Section } from '../../components/Sheet.js';
import type { Child } from 'hono/jsx';
import { PlaceLink } from '../sheets/place.js';
import { Downloads } from '../../components/Downloads.js';
import { RecordBar } from './record-bar.js';
import { AddToCalendar, isDay, Programme } from './Programme.js';
import { Minutes } from './Minutes.js';
import { SurveyReports } from '../surveys/SurveyReports.js';
import { Documents } from '../contacts/blocks.js';

/** "1er – 2 avril 2019", "novembre 2010", "2003"; with the hours when known. */
export function eventWhen(i: I18n, e: any): string | null {
  const dates = i.period(e.start, e.end ?? e.start);
  if (!dates || !e.startTime || !e.endTime) return dates;
  const hours = e.timeZone === 'Europe/Paris' ? i.t('event.hours.paris', { start: e.startTime, end: e.endTime })
    : i.t('event.hours', { start: e.startTime, end: e.endTime, zone: e.timeZone ?? 'UTC' });
  return `${dates}, ${hours}`;
}

export function EventPlace(props: { i: I18n; e: any }) {
  const { i, e } = props;
  if (e.place) return <PlaceLink i={i} t={e.place} />;
  if (e.online) return <>{i.t('event.online')}</>;
  return e.placeText ? <span lang={textLang(i)}>{e.placeText}</span> : null;
}

/** after: the history block (and what else the route adds below the record). */
export function EventSheet(props: { i: I18n; e: any; after?: Child; registration?: Child; surveys?: Child }) {
  const { i, e } = props;
  const path = `/events/${e.id}`;
  const lang = textLang(i);
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'Event', name: e.title, startDate: e.start ?? undefined, endDate: e.end ?? undefined,
    eventAttendanceMode: `https://schema.org/${e.online ? 'Online' : 'Offline'}EventAttendanceMode`,
    location: e.online ? { '@type': 'VirtualLocation', url: e.onlineUrl ?? undefined } : { '@type': 'Place', name: e.place?.name ?? e.placeText ?? undefined },
    organizer: e.hosts.map((h: any) => ({ '@type': 'Organization', name: h.name })),
    superEvent: e.series ? { '@type': 'EventSeries', name: e.series.name } : undefined,
    about: e.theme ?? undefined,
  };
  return (
    <Layout i={i} meta={{ title: e.title, titleLang: lang, path, jsonLd, calendar: { href: i.path(`${path}/calendar.ics`), title: i.t('calendar.feed', { name: e.title }) } }}>
      <article class="sheet">
        <header class="sheet-header">
          <p class="kicker">{i.l('eventKind', e.kind)}</p>
          <h1 lang={lang}>{e.title}</h1>
          {e.series && <p class="lead"><a href={i.path(`/series/${e.series.id}`)} lang={lang}>{e.series.name}</a></p>}
          <RecordBar i={i} />
        </header>
        <Facts items={[
          [i.t('event.series'), e.series ? <a href={i.path(`/series/${e.series.id}`)} lang={lang}>{e.series.name}</a> : null],
          [i.t('event.number'), e.edition ? i.t('event.edition', { n: e.edition }) : null],
          [i.t('event.dates'), eventWhen(i, e)],
          [i.t('sheet.place'), (e.place || e.online || e.placeText) ? <EventPlace i={i} e={e} /> : null],
          [i.t('event.onlineLink'), e.onlineUrl ? <ExternalLink url={e.onlineUrl} /> : null],
          [i.t('event.side'), e.side ? i.l('eventSide', e.side) : null],
          [i.t('event.theme'), e.theme ? <q lang={lang}>{e.theme}</q> : null],
        ]} />
        <AddToCalendar i={i} href={`${path}/calendar.ics`} when={isDay(e.start)} />
        {props.registration /* registration: features/registration/RegistrationBlock.tsx */}
        {props.surveys /* surveys: features/surveys/SurveysBlock.tsx */}
        <Section id="hosts" title={i.t('event.hosts')} when={e.hosts.length > 0}>
          <LinkList textLang={lang} items={e.hosts.map((h: any) => ({ href: i.path(`/organisations/${h.id}`), text: h.name }))} />
        </Section>
        <Programme i={i} e={e} />
        <Section id="agenda" title={i.t('event.agenda')} when={e.agenda.length > 0}>
          <ol>{e.agenda.map((a: string) => <li lang={lang}>{a}</li>)}</ol>
        </Section>
        <Minutes i={i} minutes={e.minutes} decisions={e.decisions} />
        <SurveyReports i={i} surveys={e.surveyReports /* the surveys this meeting gave back: events.page.tsx */} />
        <Section id="related" title={i.t('event.related')} when={(e.related ?? []).length > 0}>
          <ul class="link-list">{(e.related ?? []).map((r: any) => <li><a href={i.path(`/events/${encodeURIComponent(r.id)}`)} lang={lang}>{r.title}</a>
            {r.start && <span class="muted"> — {i.period(r.start, r.start)}</span>}</li>)}</ul>
        </Section>
        <Documents i={i} plural="events" id={e.id} links={e.links ?? []} />
        {e.series && <p><a href={i.path(`/series/${e.series.id}`)}>{i.t('event.chronology')}</a></p>}
        {props.after}
        <Downloads i={i} kind="events" id={e.id} />
      </article>
    </Layout>
  );
}
