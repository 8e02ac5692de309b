/**
 * The survey builder's posted forms ↔ the survey's input: the settings (titles fr/en/vi, intro, mode, Paris
 * wall-clock dates, publication, restitution event), one question's form (labels, help, options one per line
 * « value | fr | en | vi » or the label alone, other, scale, condition, category, comment), and the survey read back
 * as the whole input `updateSurvey` takes (sections and questions, with the version read).
 */
import { fold, type QuestionDraft, type QuestionView, type SurveyDraft, type SurveyView } from '@tandem/shared';
import { fromParisLocal, parisLocal } from '../registration/builder-form.js';

type Body = Record<string, string | File | Array<string | File>>;
export const one = (body: Body, k: string) => { const v = body[k]; const s = Array.isArray(v) ? v[0] : v; return typeof s === 'string' ? s.trim() : ''; };
const LANGS = ['fr', 'en', 'vi'] as const;
type Tri = { fr: string; en: string; vi: string };
const tri = (t: Partial<Record<string, string | undefined>> | undefined): Tri => ({ fr: t?.fr ?? '', en: t?.en ?? '', vi: t?.vi ?? '' });
const readTri = (body: Body, prefix: string): Tri => ({ fr: one(body, `${prefix}.fr`), en: one(body, `${prefix}.en`), vi: one(body, `${prefix}.vi`) });
/** A text in three languages as the schema takes it: empty languages left out. */
const texts = (t: Tri) => Object.fromEntries(LANGS.filter((l) => t[l]).map((l) => [l, t[l]])) as { fr: string; en?: string; vi?: string };
const pipes = (t: Tri) => [t.fr, t.en, t.vi].join(' | ').replace(/( \| )+$/, '');
const unpipe = (s: string): Tri => { const [fr = '', en = '', vi = ''] = s.split('|').map((x) => x.trim()); return { fr, en, vi }; };

export interface Settings {
  organisationId: string; title: Tri; intro: Tri; mode: string; opensAt: string; closesAt: string;
  resultsPublic: boolean; freeAnswersPublic: boolean; restitutionEventId: string; conclusion: Tri;
}

export function settingsOf(s: SurveyView | null, organisationId = ''): Settings {
  return {
    organisationId: s?.organisation.id ?? organisationId, title: tri(s?.title), intro: tri(s?.intro), mode: s?.mode ?? 'anonymous',
    opensAt: parisLocal(s?.opensAt ?? null), closesAt: parisLocal(s?.closesAt ?? null), resultsPublic: s?.resultsPublic ?? false,
    freeAnswersPublic: s?.freeAnswersPublic ?? false, restitutionEventId: s?.restitutionEvent?.id ?? '', conclusion: tri(s?.conclusion),
  };
}

export function readSettings(body: Body): Settings {
  return {
    organisationId: one(body, 'organisationId'), title: readTri(body, 'title'), intro: readTri(body, 'intro'), mode: one(body, 'mode'),
    opensAt: one(body, 'opensAt'), closesAt: one(body, 'closesAt'), resultsPublic: one(body, 'resultsPublic') === 'yes',
    freeAnswersPublic: one(body, 'freeAnswersPublic') === 'yes', restitutionEventId: one(body, 'restitutionEventId'), conclusion: readTri(body, 'conclusion'),
  };
}

/** The settings' part of the input (the schema names what is wrong: `title.fr`, `closesAt`…). */
export function settingsInput(x: Settings) {
  return {
    title: texts(x.title), intro: texts(x.intro), mode: x.mode, opensAt: fromParisLocal(x.opensAt), closesAt: fromParisLocal(x.closesAt),
    resultsPublic: x.resultsPublic, freeAnswersPublic: x.freeAnswersPublic, restitutionEventId: x.restitutionEventId || null, conclusion: texts(x.conclusion),
  };
}

/** A question's form, as typed. */
export interface QForm {
  original: string; section: string; key: string; type: string; required: boolean; labels: Tri; help: Tri; options: string; allowOther: boolean;
  scaleMin: string; scaleMax: string; scaleLabelMin: string; scaleLabelMax: string; condQuestion: string; condValues: string; category: boolean; comment: Tri;
}

export const emptyQForm = (section = 0): QForm => ({
  original: '', section: String(section), key: '', type: 'single', required: false, labels: tri({}), help: tri({}), options: '', allowOther: false,
  scaleMin: '1', scaleMax: '5', scaleLabelMin: '', scaleLabelMax: '', condQuestion: '', condValues: '', category: false, comment: tri({}),
});

export function qFormOf(q: QuestionView, section: number): QForm {
  return {
    original: q.key, section: String(section), key: q.key, type: q.type, required: q.required, labels: tri(q.labels), help: tri(q.help),
    options: q.options.map((o) => [o.value, pipes(tri(o.labels))].join(' | ')).join('\n'), allowOther: q.allowOther,
    scaleMin: q.scaleMin == null ? '' : String(q.scaleMin), scaleMax: q.scaleMax == null ? '' : String(q.scaleMax),
    scaleLabelMin: pipes(tri(q.scaleLabels.min)), scaleLabelMax: pipes(tri(q.scaleLabels.max)),
    condQuestion: q.condition?.question ?? '', condValues: (q.condition?.equals ?? []).map((v) => (typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v))).join(' | '),
    category: q.category, comment: tri(q.comment),
  };
}

export function readQForm(body: Body): QForm {
  return {
    original: one(body, 'q.original'), section: one(body, 'q.section'), key: one(body, 'q.key'), type: one(body, 'q.type'), required: one(body, 'q.required') === 'yes',
    labels: readTri(body, 'q.labels'), help: readTri(body, 'q.help'), options: one(body, 'q.options'), allowOther: one(body, 'q.allowOther') === 'yes',
    scaleMin: one(body, 'q.scaleMin'), scaleMax: one(body, 'q.scaleMax'), scaleLabelMin: one(body, 'q.scaleLabelMin'), scaleLabelMax: one(body, 'q.scaleLabelMax'),
    condQuestion: one(body, 'q.condQuestion'), condValues: one(body, 'q.condValues'), category: one(body, 'q.category') === 'yes', comment: readTri(body, 'q.comment'),
  };
}

/** An option value from its label: folded, a-z 0-9 and _, at most 40 characters, unique in the list. */
function valueOf(label: string, taken: Set<string>): string {
  const base = fold(label).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36) || 'option';
  let v = base;
  for (let n = 2; taken.has(v); n++) v = `${base}_${n}`;
  taken.add(v);
  return v;
}

export function parseOptions(text: string): Array<{ value: string; labels: { fr: string; en?: string; vi?: string } }> {
  const taken = new Set<string>();
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
    const parts = l.split('|').map((x) => x.trim());
    if (parts.length === 1) return { value: valueOf(l, taken), labels: { fr: l } };
    const [value = '', fr = '', en = '', vi = ''] = parts;
    taken.add(value);
    return { value, labels: texts({ fr: fr || value, en, vi }) };
  });
}

const YES = new Set(['oui', 'yes', 'có', 'true']);
const NO = new Set(['non', 'no', 'không', 'false']);
const num = (s: string) => (s === '' ? undefined : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : (s as unknown as number));

/** The question's input from its form; a condition's values typed after the question it depends on. */
export function draftOf(f: QForm, questions: ReadonlyArray<{ key: string; type: string; options?: ReadonlyArray<{ value: string; labels: Record<string, string | undefined> }> }>): QuestionDraft {
  const on = questions.find((q) => q.key === f.condQuestion);
  // an option named by its label (in any language) stands for its value
  const option = (v: string) => on?.options?.find((o) => o.value === v || Object.values(o.labels).some((l) => l && fold(l) === fold(v)))?.value ?? v;
  const values = f.condValues.split('|').map((x) => x.trim()).filter(Boolean).map((v) => {
    if (on?.type === 'yes_no') return YES.has(v.toLowerCase()) ? true : NO.has(v.toLowerCase()) ? false : v;
    if (on?.type === 'scale' || on?.type === 'number') return Number.isFinite(Number(v)) ? Number(v) : v;
    return option(v);
  });
  const choice = ['single', 'multiple', 'ranking'].includes(f.type);
  const scaleLabels = { min: texts(unpipe(f.scaleLabelMin)), max: texts(unpipe(f.scaleLabelMax)) };
  return {
    key: f.key, type: f.type as QuestionDraft['type'], required: f.required, labels: texts(f.labels), help: texts(f.help),
    options: choice ? parseOptions(f.options) : [], allowOther: f.allowOther,
    ...(f.type === 'scale' ? { scaleMin: num(f.scaleMin), scaleMax: num(f.scaleMax), scaleLabels } : {}),
    condition: f.condQuestion ? { question: f.condQuestion, equals: values as Array<string | number | boolean> } : null,
    category: f.category, comment: texts(f.comment),
  };
}

const clean = <T extends object>(t: T) => Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === 'string' && v.trim())) as T;

/** A question as saved, back into its input (the service replaces sections and questions, keeping answers by key). */
export function questionDraft(q: QuestionView): QuestionDraft {
  return {
    key: q.key, type: q.type, required: q.required, labels: q.labels, help: clean(q.help), options: q.options.map((o) => ({ value: o.value, labels: o.labels })),
    allowOther: q.allowOther, ...(q.scaleMin != null ? { scaleMin: q.scaleMin } : {}), ...(q.scaleMax != null ? { scaleMax: q.scaleMax } : {}),
    scaleLabels: { ...(q.scaleLabels.min ? { min: clean(q.scaleLabels.min) } : {}), ...(q.scaleLabels.max ? { max: clean(q.scaleLabels.max) } : {}) },
    ...(q.numberMin != null ? { numberMin: Number(q.numberMin) } : {}), ...(q.numberMax != null ? { numberMax: Number(q.numberMax) } : {}),
    condition: q.condition ?? null, category: q.category, comment: clean(q.comment), recorded: q.recorded ?? null,
  };
}

/** The whole survey as `updateSurvey` takes it, with the version read. */
export function surveyDraft(s: SurveyView): SurveyDraft & { sections: Array<{ title: object; description: object; questions: QuestionDraft[] }> } {
  return {
    organisationId: s.organisation.id, eventId: s.event?.id ?? null, groupId: s.group?.id ?? null, restitutionEventId: s.restitutionEvent?.id ?? null,
    title: s.title, intro: clean(s.intro), mode: s.mode, source: s.source, opensAt: s.opensAt, closesAt: s.closesAt,
    resultsPublic: s.resultsPublic, freeAnswersPublic: s.freeAnswersPublic, conclusion: clean(s.conclusion), recordedResponses: s.recordedResponses,
    sections: s.sections.map((sec) => ({ title: clean(sec.title), description: clean(sec.description), questions: sec.questions.map(questionDraft) })),
    version: s.version,
  };
}
