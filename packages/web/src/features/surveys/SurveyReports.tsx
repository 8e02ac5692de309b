/**
 * On the sheet of a meeting where surveys' results were given back (their `restitution_event_id`): a link to each
 * survey's printable report, « Restitution de l’enquête « … » » — published results for everyone, drafts and
 * unpublished results for their organisers only.
 */
import type { Context } from 'hono';
import type { SurveySummary } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { listSurveys } from '../../../../server/src/features/surveys/surveys.service.js';
import type { I18n } from '../../i18n/index.js';
import { Section } from '../../components/Sheet.js';
import { labelOf } from './results.text.js';

/** The surveys whose results this event gave back, as the reader may see them. */
export async function surveyReportsOf(c: Context, db: Db, eventId: string): Promise<SurveySummary[]> {
  return (await listSurveys(db, getActor(c), { restitutionEventId: eventId })).filter((s) => (s.resultsPublic && s.status !== 'draft') || s.canManage);
}

export function SurveyReports(props: { i: I18n; surveys: SurveySummary[] | undefined }) {
  const { i } = props;
  const surveys = props.surveys ?? [];
  return (
    <Section id="survey-reports" title={i.t('event.surveyReports')} when={surveys.length > 0}>
      <ul class="link-list">{surveys.map((s) => {
        const t = labelOf(i, s.title);
        return <li><a href={i.path(`/surveys/${encodeURIComponent(s.id)}/report`)}>{i.t('event.surveyReport')} <q lang={t.lang}>{t.text}</q></a></li>;
      })}</ul>
    </Section>
  );
}
