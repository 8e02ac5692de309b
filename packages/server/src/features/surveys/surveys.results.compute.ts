/**
 * Survey results computed from answers (pure, no database): per question who answered it (shown to them and not
 * empty), one bar per option / yes / no / scale point (count and percent of those who answered, one decimal),
 * « other » as its own bar with its texts, mean and median for scales and numbers, first places and mean ranks for
 * rankings. Recorded surveys (results entered from another tool) are read from each question's `recorded`.
 */
import {
  conditionHolds, isEmptyAnswer, type OptionalTexts, type QuestionResult, type QuestionRule, type QuestionType, type Recorded, type ResultBar,
  type SurveyAnswer, type SurveyAnswers, type Texts,
} from '@tandem/shared';

/** A question as results need it. */
export interface ResultQuestion extends QuestionRule {
  type: QuestionType; labels: Texts; comment: OptionalTexts; options: { value: string; labels: Texts }[];
  category: boolean; recorded: Recorded | null;
}

export const OTHER = '__other';
export const OTHER_LABELS: Texts = { fr: 'Autre', en: 'Other', vi: 'Khác' };
export const YES_NO: Array<{ value: 'yes' | 'no'; labels: Texts }> = [
  { value: 'yes', labels: { fr: 'Oui', en: 'Yes', vi: 'Có' } },
  { value: 'no', labels: { fr: 'Non', en: 'No', vi: 'Không' } },
];

/** count / total as a percent with one decimal (0 when nobody answered). */
export const percent = (count: number, total: number) => (total ? Math.round((count * 1000) / total) / 10 : 0);
const round2 = (n: number) => Math.round(n * 100) / 100;

export function mean(values: number[]): number | null {
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return round2(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2);
}

const empty = isEmptyAnswer;

/** The option values an answer picks (single, multiple, ranking), and its « other » text. */
function picked(a: SurveyAnswer): { values: string[]; other: string | null } {
  if (typeof a === 'string') return { values: [a], other: null };
  if (Array.isArray(a)) return { values: a, other: null };
  if (typeof a === 'object' && a) return { values: a.values ?? [], other: a.other?.trim() || null };
  return { values: [], other: null };
}

function scalePoints(q: ResultQuestion): Array<{ value: string; labels: Texts }> {
  const lo = q.scaleMin ?? 1; const hi = q.scaleMax ?? 5;
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => ({ value: String(lo + i), labels: { fr: String(lo + i) } }));
}

/** The bars a question has, in order, before counting. */
function barsOf(q: ResultQuestion): Array<{ value: string; labels: Texts }> {
  switch (q.type) {
    case 'single': case 'multiple': case 'ranking':
      return [...q.options.map((o) => ({ value: o.value, labels: o.labels })), ...(q.allowOther && q.type !== 'ranking' ? [{ value: OTHER, labels: OTHER_LABELS }] : [])];
    case 'yes_no': return YES_NO;
    case 'scale': return scalePoints(q);
    default: return [];
  }
}

const hasTexts = (q: ResultQuestion) => q.type === 'short_text' || q.type === 'long_text' || q.allowOther;

/** The results of one question over the given answer sheets (submitted ones only). `texts`: may the reader see free answers? */
export function computeQuestion(q: ResultQuestion, sheets: SurveyAnswers[], byKey: Map<string, QuestionRule>, texts: boolean): QuestionResult {
  const shape = barsOf(q);
  const counts = new Map(shape.map((b) => [b.value, 0]));
  const numbers: number[] = []; const free: string[] = [];
  const rankSums = new Map<string, { sum: number; n: number }>();
  let answered = 0;
  for (const answers of sheets) {
    const a = answers[q.key];
    if (empty(a) || !conditionHolds(q, answers, byKey)) continue;
    answered++;
    const add = (v: string) => { if (counts.has(v)) counts.set(v, counts.get(v)! + 1); };
    switch (q.type) {
      case 'single': case 'multiple': {
        const p = picked(a!);
        p.values.forEach(add);
        if (p.other) { add(OTHER); free.push(p.other); }
        break;
      }
      case 'ranking': {
        const list = picked(a!).values;
        if (list[0]) add(list[0]);
        list.forEach((v, i) => { const r = rankSums.get(v) ?? { sum: 0, n: 0 }; r.sum += i + 1; r.n++; rankSums.set(v, r); });
        break;
      }
      case 'yes_no': add(a === true ? 'yes' : 'no'); break;
      case 'scale': add(String(a)); numbers.push(Number(a)); break;
      case 'number': numbers.push(Number(a)); break;
      case 'short_text': case 'long_text': free.push(String(a).trim()); break;
      case 'date': break;
    }
  }
  const bars: ResultBar[] = shape.map((b) => ({ ...b, count: counts.get(b.value)!, percent: percent(counts.get(b.value)!, answered) }));
  const numeric = q.type === 'scale' || q.type === 'number';
  const out: QuestionResult = {
    key: q.key, type: q.type, labels: q.labels, comment: q.comment, answered, bars, undetailed: 0,
    mean: numeric ? mean(numbers) : null, median: numeric ? median(numbers) : null,
    texts: texts && hasTexts(q) ? free : null,
  };
  if (q.type === 'ranking') {
    out.ranks = q.options.filter((o) => rankSums.has(o.value))
      .map((o) => ({ value: o.value, labels: o.labels, meanRank: round2(rankSums.get(o.value)!.sum / rankSums.get(o.value)!.n) }))
      .sort((x, y) => x.meanRank - y.meanRank);
  }
  return out;
}

/** The results of one question of a recorded survey: what the other tool reported (`recorded`), nothing else. */
export function recordedQuestion(q: ResultQuestion, texts: boolean): QuestionResult {
  const r = q.recorded;
  const answered = r?.answered ?? 0;
  const given = r?.counts ?? {};
  const detailed = Object.keys(given).length > 0 || r?.other != null;
  const shape = detailed ? barsOf(q).filter((b) => b.value !== OTHER || r?.other != null) : [];
  const bars: ResultBar[] = shape.map((b) => {
    const count = b.value === OTHER ? r?.other ?? 0 : given[b.value] ?? 0;
    return { ...b, count, percent: percent(count, answered) };
  });
  const sum = bars.reduce((a, b) => a + b.count, 0);
  return {
    key: q.key, type: q.type, labels: q.labels, comment: q.comment, answered, bars,
    undetailed: q.type === 'multiple' && detailed ? 0 : Math.max(0, answered - sum),
    mean: r?.mean ?? null, median: r?.median ?? null,
    texts: texts ? [...(r?.texts ?? [])] : null,
  };
}
