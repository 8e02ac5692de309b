/**
 * Surveys: what an organiser builds (sections of typed questions with labels in fr/en/vi, conditions, categories,
 * comments for the restitution) and what a respondent sends. Pure rules shared by the server and the pages:
 * `conditionHolds`, `checkAnswers` (errors named `answers.<key>`).
 */
import { z } from 'zod';
import { idSchema, versionSchema } from './schemas.js';
import { fieldKeySchema, fieldOption } from './registration.js';

export const questionTypes = ['single', 'multiple', 'yes_no', 'scale', 'number', 'date', 'short_text', 'long_text', 'ranking'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const surveyModes = ['anonymous', 'registration'] as const;
export type SurveyMode = (typeof surveyModes)[number];
export const surveySources = ['tandem', 'recorded'] as const;
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
/** Questions whose answers are chosen among options (counted per option). */
export const choiceTypes: readonly QuestionType[] = ['single', 'multiple', 'ranking'];
/** Questions results may be broken down by. */
export const categoryTypes: readonly QuestionType[] = ['single', 'yes_no'];
/** A breakdown shows a group only when it holds at least this many answers (small groups stay anonymous). */
export const MIN_GROUP = 5;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;

const text = z.string().trim().max(2000);
/** A text in three languages: French required, the others optional (empty → French shown). */
export const texts = z.object({ fr: z.string().trim().min(1).max(2000), en: text.optional(), vi: text.optional() });
export type Texts = z.infer<typeof texts>;
/** The same, all optional (descriptions, comments). */
export const optionalTexts = z.object({ fr: text.optional(), en: text.optional(), vi: text.optional() });
export type OptionalTexts = z.infer<typeof optionalTexts>;

export const conditionSchema = z.object({
  question: fieldKeySchema,
  equals: z.array(z.union([z.string().max(40), z.boolean(), z.number().finite()])).min(1).max(100),
});
export type Condition = z.infer<typeof conditionSchema>;

/** What another tool reported for one question (recorded surveys). Counts need not add up to `answered`. */
export const recordedSchema = z.object({
  answered: z.number().int().min(0).max(1_000_000),
  counts: z.record(z.string().max(40), z.number().int().min(0).max(1_000_000)).optional(),
  other: z.number().int().min(0).max(1_000_000).optional(),
  texts: z.array(z.string().trim().min(1).max(5000)).max(1000).optional(),
  mean: z.number().finite().optional(),
  median: z.number().finite().optional(),
});
export type Recorded = z.infer<typeof recordedSchema>;

export const questionInput = z.object({
  key: fieldKeySchema,
  type: z.enum(questionTypes),
  required: z.boolean().default(false),
  labels: texts,
  help: optionalTexts.default({}),
  options: z.array(fieldOption).max(100).default([]),
  allowOther: z.boolean().default(false),
  scaleMin: z.number().int().min(0).max(1).optional(),
  scaleMax: z.number().int().min(2).max(10).optional(),
  scaleLabels: z.object({ min: optionalTexts.optional(), max: optionalTexts.optional() }).default({}),
  numberMin: z.number().finite().optional(),
  numberMax: z.number().finite().optional(),
  condition: conditionSchema.nullable().optional(),
  category: z.boolean().default(false),
  comment: optionalTexts.default({}),
  recorded: recordedSchema.nullable().optional(),
}).superRefine((q, ctx) => {
  const choice = choiceTypes.includes(q.type);
  if (choice && q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question needs at least 2 options` });
  if (!choice && q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question has no options` });
  const values = q.options.map((o) => o.value);
  const dup = values.findIndex((v, i) => values.indexOf(v) !== i);
  if (dup >= 0) ctx.addIssue({ code: 'custom', path: ['options', dup, 'value'], message: 'option values must be unique' });
  if (q.allowOther && q.type !== 'single' && q.type !== 'multiple') ctx.addIssue({ code: 'custom', path: ['allowOther'], message: 'only single and multiple questions take « other »' });
  if (q.type === 'scale' && (q.scaleMin == null || q.scaleMax == null)) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'a scale needs scaleMin (0 or 1) and scaleMax (2–10)' });
  if (q.numberMin != null && q.numberMax != null && q.numberMax < q.numberMin) ctx.addIssue({ code: 'custom', path: ['numberMax'], message: 'below numberMin' });
  if (q.category && !categoryTypes.includes(q.type)) ctx.addIssue({ code: 'custom', path: ['category'], message: 'only single and yes_no questions are categories' });
});
export type QuestionInput = z.infer<typeof questionInput>;
export type QuestionDraft = z.input<typeof questionInput>;

export const sectionInput = z.object({
  title: optionalTexts.default({}),
  description: optionalTexts.default({}),
  questions: z.array(questionInput).max(100),
});
export type SectionInput = z.infer<typeof sectionInput>;

const instant = z.iso.datetime({ offset: true }).nullable().optional();

/** The whole survey as the organiser saves it (create: no version; update: the version read, 409 if stale). */
export const surveyInput = z.object({
  id: idSchema.optional(),
  organisationId: idSchema,
  eventId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  restitutionEventId: idSchema.nullable().optional(),
  title: texts,
  intro: optionalTexts.default({}),
  mode: z.enum(surveyModes),
  source: z.enum(surveySources).default('tandem'),
  opensAt: instant,
  closesAt: instant,
  resultsPublic: z.boolean().default(false),
  freeAnswersPublic: z.boolean().default(false),
  conclusion: optionalTexts.default({}),
  recordedResponses: z.number().int().min(0).max(1_000_000).nullable().optional(),
  sections: z.array(sectionInput).min(1).max(30),
  version: versionSchema.optional(),
}).superRefine((s, ctx) => {
  const all = s.sections.flatMap((sec, si) => sec.questions.map((q, qi) => ({ q, path: ['sections', si, 'questions', qi] })));
  if (all.length > 200) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'at most 200 questions' });
  const seen = new Map<string, QuestionInput>();
  for (const { q, path } of all) {
    if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: 'question keys must be unique' });
    if (q.condition) {
      const on = seen.get(q.condition.question);
      if (!on) ctx.addIssue({ code: 'custom', path: [...path, 'condition', 'question'], message: 'a condition names an earlier question' });
      else if (!['single', 'multiple', 'yes_no', 'scale', 'number'].includes(on.type)) ctx.addIssue({ code: 'custom', path: [...path, 'condition', 'question'], message: `a condition cannot depend on a ${on.type} question` });
    }
    if (q.recorded && s.source !== 'recorded') ctx.addIssue({ code: 'custom', path: [...path, 'recorded'], message: 'only recorded surveys carry recorded results' });
    seen.set(q.key, q);
  }
  if (s.opensAt && s.closesAt && Date.parse(s.closesAt) < Date.parse(s.opensAt)) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'before opensAt' });
  if (s.source === 'recorded' && s.mode !== 'anonymous') ctx.addIssue({ code: 'custom', path: ['mode'], message: 'a recorded survey is anonymous' });
});
export type SurveyInput = z.infer<typeof surveyInput>;
export type SurveyDraft = z.input<typeof surveyInput>;

/**
 * One answer. single: an option value, or {other} · multiple: {values, other?} · yes_no: boolean · scale: integer ·
 * number: number · date: YYYY-MM-DD · short_text / long_text: string · ranking: option values, best first.
 */
export const surveyAnswer = z.union([
  z.string().max(LONG_TEXT_MAX),
  z.boolean(),
  z.number().finite(),
  z.array(z.string().max(40)).max(100),
  z.object({ values: z.array(z.string().max(40)).max(100).optional(), other: z.string().trim().max(SHORT_TEXT_MAX).optional() }),
]);
export type SurveyAnswer = z.infer<typeof surveyAnswer>;
export const surveyAnswers = z.record(fieldKeySchema, surveyAnswer.nullable())
  .refine((a) => Object.keys(a).length <= 200, 'at most 200 answers');
export type SurveyAnswers = Record<string, SurveyAnswer | null>;

/** Saving an answer sheet: `submit` false keeps it as a partial answer to resume later through the private link. */
export const responseInput = z.object({
  answers: surveyAnswers.default({}),
  submit: z.boolean().default(false),
  version: versionSchema.optional(),
});
export type ResponseInput = z.infer<typeof responseInput>;
/** A survey answer sheet's private link token: 32 random bytes, base64url. */
export const surveyTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a survey link token');
export const resultsQuery = z.object({
  /** a category question's key, or `org_kind` / `side` (registration surveys: the registrant's organisation) */
  by: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
});

/** The question as the rules need it (the service's view and the input share these fields). */
export interface QuestionRule {
  key: string; type: QuestionType; required: boolean; options: { value: string }[]; allowOther: boolean;
  scaleMin?: number | null; scaleMax?: number | null; numberMin?: number | null; numberMax?: number | null;
  condition?: Condition | null;
}

function matches(answer: SurveyAnswer | null | undefined, wanted: Condition['equals']): boolean {
  if (answer == null) return false;
  if (typeof answer === 'object' && !Array.isArray(answer)) return (answer.values ?? []).some((v) => wanted.includes(v));
  if (Array.isArray(answer)) return answer.some((v) => wanted.includes(v));
  return wanted.includes(answer);
}

/** Whether a question is shown, given the answers so far (a question whose condition's question is hidden is hidden). */
export function conditionHolds(q: QuestionRule, answers: SurveyAnswers, byKey: Map<string, QuestionRule>): boolean {
  if (!q.condition) return true;
  const on = byKey.get(q.condition.question);
  if (!on || !conditionHolds(on, answers, byKey)) return false;
  return matches(answers[q.condition.question], q.condition.equals);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Whether an answer says nothing (null, blank text, no value chosen and no « other »). */
export function isEmptyAnswer(a: SurveyAnswer | null | undefined): boolean {
  if (a == null) return true;
  if (typeof a === 'string') return a.trim() === '';
  if (Array.isArray(a)) return a.length === 0;
  if (typeof a === 'object') return !(a.values?.length) && !(a.other?.trim());
  return false;
}

/** The reason an answer does not fit its question, or null. */
export function answerProblem(q: QuestionRule, a: SurveyAnswer): string | null {
  const values = new Set(q.options.map((o) => o.value));
  switch (q.type) {
    case 'single':
      if (typeof a === 'string') return values.has(a) ? null : 'not one of the options';
      if (typeof a === 'object' && !Array.isArray(a) && q.allowOther && a.other?.trim() && !a.values?.length) return null;
      return 'one option value' + (q.allowOther ? ', or {other}' : '');
    case 'multiple': {
      const picked = Array.isArray(a) ? a : typeof a === 'object' ? a.values ?? [] : null;
      if (!picked) return 'a list of option values';
      if (picked.some((v) => !values.has(v))) return 'not one of the options';
      if (new Set(picked).size !== picked.length) return 'each option once';
      if (!Array.isArray(a) && typeof a === 'object' && a.other && !q.allowOther) return 'this question takes no « other »';
      return null;
    }
    case 'ranking': {
      if (!Array.isArray(a)) return 'option values, best first';
      if (a.some((v) => !values.has(v))) return 'not one of the options';
      return new Set(a).size === a.length ? null : 'each option once';
    }
    case 'yes_no': return typeof a === 'boolean' ? null : 'true or false';
    case 'scale':
      if (typeof a !== 'number' || !Number.isInteger(a)) return 'a whole number';
      return a >= (q.scaleMin ?? 1) && a <= (q.scaleMax ?? 5) ? null : `between ${q.scaleMin ?? 1} and ${q.scaleMax ?? 5}`;
    case 'number':
      if (typeof a !== 'number') return 'a number';
      if (q.numberMin != null && a < Number(q.numberMin)) return `at least ${q.numberMin}`;
      if (q.numberMax != null && a > Number(q.numberMax)) return `at most ${q.numberMax}`;
      return null;
    case 'date':
      return typeof a === 'string' && ISO_DAY.test(a) && !Number.isNaN(Date.parse(a)) ? null : 'a date YYYY-MM-DD';
    case 'short_text': return typeof a === 'string' ? (a.length <= SHORT_TEXT_MAX ? null : `at most ${SHORT_TEXT_MAX} characters`) : 'text';
    case 'long_text': return typeof a === 'string' ? null : 'text';
  }
}

/**
 * Checks answers against the questions: unknown keys, wrong shapes, and (when `submit`) required questions that are
 * shown and empty. Answers to hidden questions are dropped. Returns the kept answers and the errors, each named
 * `answers.<key>`.
 */
export function checkAnswers(questions: readonly QuestionRule[], answers: SurveyAnswers, submit: boolean):
  { answers: SurveyAnswers; errors: { path: string; message: string }[] } {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const errors: { path: string; message: string }[] = [];
  const kept: SurveyAnswers = {};
  for (const key of Object.keys(answers)) if (!byKey.has(key)) errors.push({ path: `answers.${key}`, message: 'no such question' });
  for (const q of questions) {
    const a = answers[q.key];
    if (!conditionHolds(q, answers, byKey)) continue;
    if (isEmptyAnswer(a)) {
      if (submit && q.required) errors.push({ path: `answers.${q.key}`, message: 'required' });
      continue;
    }
    const problem = answerProblem(q, a!);
    if (problem) errors.push({ path: `answers.${q.key}`, message: problem });
    else kept[q.key] = typeof a === 'string' ? a.trim() : a!;
  }
  return { answers: kept, errors };
}

/** A text in the reader's language, French when missing. */
export function textIn(t: Partial<Record<'fr' | 'en' | 'vi', string | undefined>> | null | undefined, lang: 'fr' | 'en' | 'vi'): string {
  return (t?.[lang]?.trim() || t?.fr?.trim() || '');
}

/** What the services answer (see the contract): a question as everyone sees it (comment and recorded included). */
export interface QuestionView extends QuestionRule {
  id: string; sectionId: string; position: number; labels: Texts; help: OptionalTexts;
  options: { value: string; labels: Texts }[]; scaleLabels: { min?: OptionalTexts; max?: OptionalTexts };
  category: boolean; comment: OptionalTexts; recorded: Recorded | null;
}
export interface SectionView { id: string; position: number; title: OptionalTexts; description: OptionalTexts; questions: QuestionView[] }
export interface SurveyView {
  id: string; organisation: { id: string; name: string }; event: { id: string; title: string; start: string | null } | null;
  group: { id: string; name: string } | null; restitutionEvent: { id: string; title: string; start: string | null } | null;
  title: Texts; intro: OptionalTexts; mode: SurveyMode; source: 'tandem' | 'recorded'; status: SurveyStatus;
  opensAt: string | null; closesAt: string | null; resultsPublic: boolean; freeAnswersPublic: boolean;
  conclusion: OptionalTexts; recordedResponses: number | null; version: number; createdAt: string; updatedAt: string;
  /** open now: status open and within the dates */
  accepting: boolean;
  /** submitted answers (recorded surveys: recordedResponses) */
  responses: number;
  sections: SectionView[];
  /** set for the survey's organisers only */
  canManage?: boolean;
}
/** An answer sheet as its respondent sees it through the private link. */
export interface ResponseView {
  id: string; surveyId: string; answers: SurveyAnswers; submittedAt: string | null; editable: boolean; version: number;
}
/** One bar: an option (or other, yes, no, a scale point) with its count and share of the question's answers. */
export interface ResultBar { value: string; labels: Texts; count: number; percent: number }
export interface QuestionResult {
  key: string; type: QuestionType; labels: Texts; comment: OptionalTexts;
  /** how many answered it (shown to them) */
  answered: number;
  /** choices, yes/no, scale points; ranking: how often each option was ranked first */
  bars: ResultBar[];
  /** recorded surveys: answers the source reports without detail (answered − Σ counts), else 0 */
  undetailed: number;
  /** scale and number */
  mean: number | null; median: number | null;
  /** ranking: mean rank per option (1 = best), best first */
  ranks?: { value: string; labels: Texts; meanRank: number }[];
  /** short and long texts, « other » texts: listed when the reader may see free answers, else null */
  texts: string[] | null;
}
export interface ResultsView {
  surveyId: string; responses: number; updatedAt: string | null; questions: QuestionResult[];
  /** with ?by=: one result set per group holding ≥ MIN_GROUP answers; smaller groups are counted in `hiddenGroups` */
  breakdown?: { by: string; labels: Texts; groups: { value: string; labels: Texts; responses: number; questions: QuestionResult[] }[]; hiddenGroups: number };
}

/** Opening or closing a survey (organisers), with the version read. */
export const surveyStatusInput = z.object({ status: z.enum(surveyStatuses), version: versionSchema });
/** Which surveys to list: those of an event (or held at a restitution meeting), of a group, of an organisation. */
export const surveyListQuery = z.object({
  eventId: idSchema.optional(), groupId: idSchema.optional(), organisationId: idSchema.optional(), restitutionEventId: idSchema.optional(),
});
/** A survey in a list (event and organisation sheets, /espace). */
export interface SurveySummary {
  id: string; title: Texts; status: SurveyStatus; mode: SurveyMode; source: 'tandem' | 'recorded'; accepting: boolean;
  responses: number; opensAt: string | null; closesAt: string | null; resultsPublic: boolean;
  event: { id: string; title: string } | null; canManage: boolean;
}
/** Where the organisers stand with a registration survey: who was invited, who started, who answered, who has not. */
export interface RespondentsView {
  invited: number; started: number; submitted: number;
  /** registrants without a submitted answer (organisers only): name, organisation, when invited and reminded */
  pending: { registrationId: string; name: string; organisation: string | null; invitedAt: string | null; remindedAt: string | null }[];
}
