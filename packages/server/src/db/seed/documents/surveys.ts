/**
 * The seed documents' surveys: parsed by the same schema as the API's (`surveyInput`), then written in plain SQL
 * with stable ids (sections `<survey>-s<n>`, questions `<survey>-<key>`) and the status the document implies.
 */
import { surveyInput, type SurveyDraft, type SurveyStatus } from '@tandem/shared';
import type { Db } from '../../client.js';
import { d002Survey } from './d002-survey.js';

export const seedSurveys: Array<{ doc: string; status: SurveyStatus; draft: SurveyDraft & { id: string } }> = [d002Survey];

const json = (v: unknown) => JSON.stringify(v ?? {});

export async function insertSurvey(db: Db, draft: SurveyDraft & { id: string }, status: SurveyStatus): Promise<void> {
  const s = surveyInput.parse(draft);
  await db.query(`insert into survey (id, organisation_id, event_id, group_id, restitution_event_id, title, intro, mode, source, status,
      opens_at, closes_at, results_public, free_answers_public, conclusion, recorded_responses)
    values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)`, [
    draft.id, s.organisationId, s.eventId ?? null, s.groupId ?? null, s.restitutionEventId ?? null, json(s.title), json(s.intro), s.mode, s.source,
    status, s.opensAt ?? null, s.closesAt ?? null, s.resultsPublic, s.freeAnswersPublic, json(s.conclusion), s.recordedResponses ?? null]);
  let position = 0;
  for (const [si, sec] of s.sections.entries()) {
    const sectionId = `${draft.id}-s${si + 1}`;
    await db.query('insert into survey_section (id, survey_id, position, title, description) values ($1, $2, $3, $4::jsonb, $5::jsonb)',
      [sectionId, draft.id, si, json(sec.title), json(sec.description)]);
    for (const q of sec.questions) {
      await db.query(`insert into survey_question (id, survey_id, section_id, position, key, type, required, labels, help, options, allow_other,
          scale_min, scale_max, scale_labels, number_min, number_max, condition, category, comment, recorded)
        values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13, $14::jsonb, $15, $16, $17::jsonb, $18, $19::jsonb, $20::jsonb)`, [
        `${draft.id}-${q.key}`, draft.id, sectionId, position++, q.key, q.type, q.required, json(q.labels), json(q.help), JSON.stringify(q.options),
        q.allowOther, q.scaleMin ?? null, q.scaleMax ?? null, json(q.scaleLabels), q.numberMin ?? null, q.numberMax ?? null,
        q.condition ? JSON.stringify(q.condition) : null, q.category, json(q.comment), q.recorded ? JSON.stringify(q.recorded) : null]);
    }
  }
}
