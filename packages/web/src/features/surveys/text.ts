/** Survey texts in the page's language (French when missing), question numbers, and a condition in words. */
import { textIn, type QuestionView, type SurveyView } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';

export const tr = (t: Parameters<typeof textIn>[0], i: I18n): string => textIn(t, i.lang);

/** Every question of the survey in order, with its number (1, 2, … across sections). */
export function numbered(s: SurveyView): Array<{ q: QuestionView; n: number }> {
  let n = 0;
  return s.sections.flatMap((sec) => sec.questions.map((q) => ({ q, n: ++n })));
}

/** An answer value as the reader sees it: an option's label, Oui/Non, the number itself. */
export function valueText(i: I18n, q: QuestionView | undefined, v: string | number | boolean): string {
  if (typeof v === 'boolean') return i.t(v ? 'sv.yes' : 'sv.no');
  const o = q?.options.find((x) => x.value === String(v));
  return o ? tr(o.labels, i) : typeof v === 'number' ? i.num(v) : String(v);
}

/** « Répondez seulement si vous avez répondu « X » ou « Y » à la question N. » — null for a question always asked. */
export function conditionLine(i: I18n, s: SurveyView, q: QuestionView): string | null {
  if (!q.condition) return null;
  const all = numbered(s);
  const on = all.find((x) => x.q.key === q.condition!.question);
  const quote = (x: string) => (i.lang === 'fr' ? `« ${x} »` : `“${x}”`);
  const values = q.condition.equals.map((v) => quote(valueText(i, on?.q, v))).join(i.t('sv.or'));
  return i.t('sv.condition', { values, n: on ? String(on.n) : q.condition.question });
}
