/**
 * A survey as the services answer it (SurveyView, SurveySummary of the contract): settings, the event, group and
 * restitution meeting it belongs to, its sections and questions in order, how many answered, whether it takes
 * answers now, and `canManage` for its organisers.
 */
import { formatPartialDate, type QuestionView, type SectionView, type SurveySummary, type SurveyView } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { NotFoundError } from '../../lib/errors.js';
import { canManageSurvey } from './surveys.access.js';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const num = (v: unknown) => (v == null ? null : Number(v));

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (v: unknown): unknown => (typeof v === 'string' ? v.replace(LONE, '\ufffd')
  : Array.isArray(v) ? v.map(wellFormed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(LONE, '\ufffd'), wellFormed(x)])) : v);
/** JSON text for a jsonb column: a lone UTF-16 surrogate (which jsonb refuses) becomes U+FFFD, as in text columns. */
export const toJsonb = (v: unknown): string => JSON.stringify(wellFormed(v ?? {}));

/** Open now: status open, within its dates; a recorded survey never takes answers here. */
export function isAccepting(r: { status: string; source: string; opens_at: unknown; closes_at: unknown }, now = new Date()): boolean {
  return r.status === 'open' && r.source === 'tandem' && (!r.opens_at || new Date(r.opens_at as string) <= now) && (!r.closes_at || new Date(r.closes_at as string) > now);
}

/** Submitted answers per survey (recorded surveys: their recorded count). */
export const RESPONSES_SQL = `case when s.source = 'recorded' then coalesce(s.recorded_responses, 0)
  else (select count(*)::int from survey_response r where r.survey_id = s.id and r.submitted_at is not null) end`;

export async function surveyRowFull(db: Db, id: string) {
  const [s] = await db.query<any>(`select s.*, ${RESPONSES_SQL} as responses, o.name as organisation_name, g.name as group_name,
      e.title as event_title, e.start_on as event_start_on, e.start_precision as event_start_precision,
      re.title as restitution_title, re.start_on as restitution_start_on, re.start_precision as restitution_start_precision
    from survey s join organisation o on o.id = s.organisation_id left join organisation g on g.id = s.group_id
      left join event e on e.id = s.event_id left join event re on re.id = s.restitution_event_id where s.id = $1`, [id]);
  if (!s) throw new NotFoundError('survey', id);
  return s;
}

export function questionView(q: any): QuestionView {
  return {
    id: q.id, sectionId: q.section_id, position: q.position, key: q.key, type: q.type, required: q.required, labels: json(q.labels), help: json(q.help),
    options: json(q.options), allowOther: q.allow_other, scaleMin: q.scale_min, scaleMax: q.scale_max, scaleLabels: json(q.scale_labels),
    numberMin: num(q.number_min), numberMax: num(q.number_max), condition: json(q.condition) ?? null, category: q.category, comment: json(q.comment),
    recorded: json(q.recorded) ?? null,
  };
}

/** The questions of a survey in order (the rules' view: checkAnswers takes them). */
export async function questionsOf(db: Db, surveyId: string): Promise<QuestionView[]> {
  return (await db.query('select * from survey_question where survey_id = $1 order by position', [surveyId])).map(questionView);
}

/** The whole survey; `canManage` is set for its organisers (the caller checks whether the reader may see it). */
export async function loadSurveyView(db: Db, id: string, actor: Actor | null): Promise<SurveyView> {
  const s = await surveyRowFull(db, id);
  const sections = await db.query('select * from survey_section where survey_id = $1 order by position', [id]);
  const questions = await questionsOf(db, id);
  const secs: SectionView[] = sections.map((r) => ({ id: r.id, position: r.position, title: json(r.title), description: json(r.description),
    questions: questions.filter((q) => q.sectionId === r.id) }));
  const view: SurveyView = {
    id: s.id, organisation: { id: s.organisation_id, name: s.organisation_name },
    event: s.event_id ? { id: s.event_id, title: s.event_title, start: formatPartialDate(s.event_start_on, s.event_start_precision) } : null,
    group: s.group_id ? { id: s.group_id, name: s.group_name } : null,
    restitutionEvent: s.restitution_event_id ? { id: s.restitution_event_id, title: s.restitution_title, start: formatPartialDate(s.restitution_start_on, s.restitution_start_precision) } : null,
    title: json(s.title), intro: json(s.intro), mode: s.mode, source: s.source, status: s.status, opensAt: iso(s.opens_at), closesAt: iso(s.closes_at),
    resultsPublic: s.results_public, freeAnswersPublic: s.free_answers_public, conclusion: json(s.conclusion), recordedResponses: s.recorded_responses,
    version: s.version, createdAt: iso(s.created_at)!, updatedAt: iso(s.updated_at)!, accepting: isAccepting(s), responses: Number(s.responses), sections: secs,
  };
  if (await canManageSurvey(db, actor, s)) view.canManage = true;
  return view;
}

export function summaryOf(s: any, canManage: boolean): SurveySummary {
  return {
    id: s.id, title: json(s.title), status: s.status, mode: s.mode, source: s.source, accepting: isAccepting(s), responses: Number(s.responses),
    opensAt: iso(s.opens_at), closesAt: iso(s.closes_at), resultsPublic: s.results_public,
    event: s.event_id ? { id: s.event_id, title: s.event_title } : null, canManage,
  };
}
