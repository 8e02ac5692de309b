/** Page routes of events (features/events): an event's sheet and a series' chronology. */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getEvent, getEventSeries, seriesOpenedBy } from '../../../../server/src/features/events/events.service.js';
import { assertRequestSeesEvent } from '../../../../server/src/features/groups/meetings.js';
import { textLang, type I18n } from '../../i18n/index.js';
import { LinkList, Section } from '../../components/Sheet.js';
import { EventSheet } from './EventSheet.js';
import { SeriesPage } from './SeriesPage.js';
import { withRecordBar } from './record-bar.js';
import { surveyReportsOf } from '../surveys/SurveyReports.js';
import { collaboration } from '../collab/collab.js';
import { programmeOf } from './Programme.js';
import { RegistrationBlock, registrationFacts } from '../registration/RegistrationBlock.js';
import { newsAbout } from '../news/blocks.js';
import { eventSurveys } from '../surveys/SurveysBlock.js';

/** An event's sheet, with its history (and restore), its edit link and saved notice for those who may edit it. */
export async function eventPage(c: Context, i: I18n, db: Db) {
  const id = c.req.param('id') as string;
  await assertRequestSeesEvent(c, db, id); // a members-only meeting: 404 outside its group
  const e = { ...await getEvent(db, id), programme: await programmeOf(c, db, id) };
  Object.assign(e, { surveyReports: await surveyReportsOf(c, db, id) }); // the reports of the surveys this meeting gave back
  const registration = <RegistrationBlock i={i} eventId={e.id} facts={await registrationFacts(c, db, e.id)} />;
  return c.html(await withRecordBar(c, i, db, 'event', e, <EventSheet i={i} e={e} registration={registration} surveys={await eventSurveys(c, i, db, e.id)} after={<>{await newsAbout(c, i, db, 'event', e.id)}{await collaboration(c, i, db, 'event', e)}</>} />));
}

/** A series' chronology and history; platform administrators get its edit link. */
export async function seriesPage(c: Context, i: I18n, db: Db) {
  const s = await getEventSeries(db, c.req.param('id') as string);
  return c.html(await withRecordBar(c, i, db, 'event_series', s, <SeriesPage i={i} s={s} after={await collaboration(c, i, db, 'event_series', s)} />));
}

/** On a partnership's sheet: the chronologies of the series that open with one of its agreements. */
export async function seriesOfPartnership(db: Db, i: I18n, partnershipId: string) {
  const series = await seriesOpenedBy(db, partnershipId);
  return <Section id="series" title={i.t('series.chronology')} when={series.length > 0}>
    <LinkList textLang={textLang(i)} items={series.map((s) => ({ href: i.path(`/series/${s.id}`), text: s.name }))} />
  </Section>;
}
