/**
 * A survey's results as its readers may see them (`resultsAccess`: organisers always; others once published, free
 * answers only when those are published too). Computed on every read from the submitted answer sheets (no cache:
 * a new answer shows at once), or read from `recorded` for surveys whose answers were collected elsewhere.
 * A breakdown (`by`) splits the answers by a category question, or for registration surveys by the registrant's
 * organisation kind or side; a group with fewer than MIN_GROUP answers is not shown, only counted.
 */
import {
  csvDocument, enumLabel, MIN_GROUP, organisationKinds, textIn, type LabelLang, type QuestionResult, type QuestionRule,
  type ResultsView, type SurveyAnswers, type Texts,
} from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { ValidationError } from '../../lib/errors.js';
import { resultsAccess } from './surveys.access.js';
import { computeQuestion, OTHER, OTHER_LABELS, recordedQuestion, YES_NO, type ResultQuestion } from './surveys.results.compute.js';

interface SurveyRow { id: string; mode: string; source: string; recorded_responses: number | null; updated_at: Date | string }

export async function resultQuestions(db: Db, id: string): Promise<ResultQuestion[]> {
  const rows = await db.query<any>(`select key, type, required, labels, comment, options, allow_other, scale_min, scale_max,
      condition, category, recorded from survey_question where survey_id = $1 order by position`, [id]);
  return rows.map((r) => ({
    key: r.key, type: r.type, required: r.required, labels: r.labels, comment: r.comment ?? {}, options: r.options ?? [],
    allowOther: r.allow_other, scaleMin: r.scale_min, scaleMax: r.scale_max, condition: r.condition, category: r.category, recorded: r.recorded,
  }));
}

interface Sheet { answers: SurveyAnswers; orgKind: string | null; side: string | null }

async function submittedSheets(db: Db, id: string): Promise<{ sheets: Sheet[]; last: string | null }> {
  const rows = await db.query<any>(`select r.answers, r.submitted_at, o.kind as org_kind, coalesce(o.country, t.country) as country
      from survey_response r
      left join registration g on g.id = r.registration_id
      left join organisation o on o.id = g.organisation_id
      left join territory t on t.id = o.territory_id
     where r.survey_id = $1 and r.submitted_at is not null order by r.submitted_at, r.id`, [id]);
  let last: string | null = null;
  for (const r of rows) {
    const at = new Date(r.submitted_at).toISOString();
    if (!last || at > last) last = at;
  }
  return {
    sheets: rows.map((r) => ({ answers: r.answers ?? {}, orgKind: r.org_kind ?? null, side: r.country === 'FR' || r.country === 'VN' ? r.country : null })),
    last,
  };
}

const allLangs = (f: (l: LabelLang) => string): Texts => ({ fr: f('fr'), en: f('en'), vi: f('vi') });
const BY_LABELS: Record<'org_kind' | 'side', Texts> = {
  org_kind: { fr: 'Type d’organisation', en: 'Kind of organisation', vi: 'Loại tổ chức' },
  side: { fr: 'Côté', en: 'Side', vi: 'Phía' },
};

interface Grouping { labels: Texts; groups: Array<{ value: string; labels: Texts }>; of(s: Sheet): string | null }

/** How `by` splits the sheets, or a 400 naming `by`. */
function grouping(by: string, mode: string, questions: ResultQuestion[]): Grouping {
  if (by === 'org_kind' || by === 'side') {
    if (mode !== 'registration') throw new ValidationError([{ path: 'by', message: `${by}: only a registration survey knows its respondents' organisations` }]);
    if (by === 'org_kind') {
      return { labels: BY_LABELS.org_kind, groups: organisationKinds.map((k) => ({ value: k, labels: allLangs((l) => enumLabel(l, 'orgKind', k)) })), of: (s) => s.orgKind };
    }
    return { labels: BY_LABELS.side, groups: ['FR', 'VN'].map((k) => ({ value: k, labels: allLangs((l) => enumLabel(l, 'eventSide', k)) })), of: (s) => s.side };
  }
  const q = questions.find((x) => x.key === by);
  if (!q || !q.category) throw new ValidationError([{ path: 'by', message: `${by}: not a category question of this survey (nor org_kind, side)` }]);
  if (q.type === 'yes_no') {
    return { labels: q.labels, groups: YES_NO, of: (s) => (typeof s.answers[by] === 'boolean' ? (s.answers[by] ? 'yes' : 'no') : null) };
  }
  return {
    labels: q.labels,
    groups: [...q.options.map((o) => ({ value: o.value, labels: o.labels })), ...(q.allowOther ? [{ value: OTHER, labels: OTHER_LABELS }] : [])],
    of: (s) => {
      const a = s.answers[by];
      if (typeof a === 'string') return a;
      if (a && typeof a === 'object' && !Array.isArray(a) && a.other?.trim()) return OTHER;
      return null;
    },
  };
}

export async function surveyResults(db: Db, actor: Actor | null, id: string, opts: { by?: string } = {}): Promise<ResultsView> {
  const access = await resultsAccess(db, actor, id);
  const [s] = await db.query<SurveyRow>('select id, mode, source, recorded_responses, updated_at from survey where id = $1', [id]);
  const questions = await resultQuestions(db, id);
  if (s.source === 'recorded') {
    if (opts.by) throw new ValidationError([{ path: 'by', message: 'a recorded survey has no answers to break down' }]);
    return {
      surveyId: id, responses: s.recorded_responses ?? 0, updatedAt: new Date(s.updated_at).toISOString(),
      questions: questions.map((q) => recordedQuestion(q, access.texts)),
    };
  }
  const byKey = new Map<string, QuestionRule>(questions.map((q) => [q.key, q]));
  const compute = (sheets: Sheet[]): QuestionResult[] =>
    questions.map((q) => computeQuestion(q, sheets.map((x) => x.answers), byKey, access.texts));
  const { sheets, last } = await submittedSheets(db, id);
  const view: ResultsView = { surveyId: id, responses: sheets.length, updatedAt: last, questions: compute(sheets) };
  if (opts.by) {
    const g = grouping(opts.by, s.mode, questions);
    const split = new Map<string, Sheet[]>();
    for (const sheet of sheets) {
      const v = g.of(sheet);
      if (v != null) split.set(v, [...(split.get(v) ?? []), sheet]);
    }
    const groups = []; let hiddenGroups = 0;
    for (const { value, labels } of g.groups) {
      const members = split.get(value) ?? [];
      if (!members.length) continue;
      if (members.length < MIN_GROUP) { hiddenGroups++; continue; }
      groups.push({ value, labels, responses: members.length, questions: compute(members) });
    }
    view.breakdown = { by: opts.by, labels: g.labels, groups, hiddenGroups };
  }
  return view;
}

const CSV_HEAD: Record<LabelLang, string[]> = {
  fr: ['question', 'option', 'nombre', 'pourcentage', 'moyenne', 'médiane'],
  en: ['question', 'option', 'count', 'percent', 'mean', 'median'],
  vi: ['câu hỏi', 'lựa chọn', 'số lượng', 'tỷ lệ phần trăm', 'trung bình', 'trung vị'],
};
const CSV_WORDS: Record<LabelLang, { answered: string; undetailed: string; responses: string }> = {
  fr: { answered: '(réponses)', undetailed: '(sans détail)', responses: 'Nombre de réponses au questionnaire' },
  en: { answered: '(answers)', undetailed: '(no detail)', responses: 'Number of answers to the survey' },
  vi: { answered: '(số câu trả lời)', undetailed: '(không có chi tiết)', responses: 'Số người trả lời khảo sát' },
};

/** The results as CSV: per question a line with how many answered (and mean, median), then one line per bar. */
export async function summaryCsv(db: Db, actor: Actor | null, id: string, lang: LabelLang): Promise<string> {
  const r = await surveyResults(db, actor, id);
  const w = CSV_WORDS[lang];
  const rows: unknown[][] = [[w.responses, '', r.responses, '', '', '']];
  for (const q of r.questions) {
    const label = textIn(q.labels, lang);
    rows.push([label, w.answered, q.answered, '', q.mean ?? '', q.median ?? '']);
    for (const b of q.bars) rows.push([label, textIn(b.labels, lang), b.count, b.percent, '', '']);
    if (q.undetailed) rows.push([label, w.undetailed, q.undetailed, '', '', '']);
    for (const rk of q.ranks ?? []) rows.push([label, textIn(rk.labels, lang), '', '', rk.meanRank, '']);
  }
  return csvDocument(CSV_HEAD[lang], rows, { bom: true });
}
