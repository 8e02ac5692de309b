/** A series' chronology: the agreement it opens with, then its events in date order, each linked to its sheet. */
import type { Child } from 'hono/jsx';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, Section } from '../../components/Sheet.js';
import { EventPlace, eventWhen } from './EventSheet.js';
import { RecordBar } from './record-bar.js';

/** after: the series' history (and what else the route adds below it). */
export function SeriesPage(props: { i: I18n; s: any; after?: Child }) {
  const { i, s } = props;
  const lang = textLang(i);
  const editions = s.events.filter((e: any) => e.edition).length;
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'EventSeries', name: s.name, description: s.description ?? undefined,
    startDate: s.periodFrom ? String(s.periodFrom) : undefined, endDate: s.periodTo ? String(s.periodTo) : undefined,
    subEvent: s.events.map((e: any) => ({ '@type': 'Event', name: e.title, startDate: e.start ?? undefined })),
  };
  return (
    <Layout i={i} meta={{ title: s.name, titleLang: lang, description: s.description ?? undefined, path: `/series/${s.id}`, jsonLd }}>
      <article class="sheet">
        <header class="sheet-header">
          <p class="kicker">{i.t('kind.eventSeries')}</p>
          <h1 lang={lang}>{s.name}</h1>
          {s.description && <p class="lead" lang={lang}>{s.description}</p>}
          <RecordBar i={i} />
        </header>
        <Facts items={[
          [i.t('series.period'), s.periodFrom ? i.period(String(s.periodFrom), s.periodTo ? String(s.periodTo) : null) : null],
          [i.t('kind.event'), i.plural('series.editions', editions)],
        ]} />
        <Section id="chronology" title={i.t('series.chronology')}>
          <ol class="chronology">
            {s.opening && <li>
              <span class="chronology-date">{i.date(s.opening.signed)}</span>{' '}
              <span lang={lang}>{s.opening.title}</span>{' — '}
              <a href={i.path(`/partnerships/${s.opening.partnership.id}`)} lang={lang}>{s.opening.partnership.title}</a>
            </li>}
            {s.events.map((e: any) => <li>
              <span class="chronology-date">{eventWhen(i, e)}</span>{' '}
              <a href={i.path(`/events/${e.id}`)} lang={lang}>{e.title}</a>
              {(e.place || e.online || e.placeText) && <>{' — '}<EventPlace i={i} e={e} /></>}
              {e.side && <span class="muted"> ({i.l('eventSide', e.side)})</span>}
            </li>)}
          </ol>
        </Section>
        {props.after}
      </article>
    </Layout>
  );
}
