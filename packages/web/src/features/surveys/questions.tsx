/**
 * A survey's questions as plain form controls (no JavaScript needed), by type: radios (+ « Autre : … »), checkboxes
 * (+ other), yes/no radios, a scale as a row of radios with its end labels, number, date, short text, textarea, and a
 * ranking as one select per rank; the posted form read back into answers (`answers.<key>`, `answers.<key>.other`,
 * `answers.<key>.rank.<n>`). A conditional question carries its condition in words, and `data-if` for the small
 * script that hides it live.
 */
import type { QuestionView, SurveyAnswer, SurveyAnswers, SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { conditionLine, tr, valueText } from './text.js';

/** The radio/checkbox value of « other » (never an option value: those are [a-z0-9_-]). */
export const OTHER = '*other';
export const fieldId = (key: string) => `f-answers-${key}`;

type Body = Record<string, string | File | Array<string | File>>;
const strings = (v: Body[string] | undefined): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')).map((s) => s.trim());

/** The posted answers as the server's schema takes them; empty answers are null (the server names what is required). */
export function readAnswers(s: SurveyView, body: Body): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const q of s.sections.flatMap((x) => x.questions)) {
    const name = `answers.${q.key}`;
    const got = strings(body[name]).filter(Boolean);
    const other = q.allowOther ? strings(body[`${name}.other`])[0] ?? '' : '';
    let a: SurveyAnswer | null = null;
    if (q.type === 'single') {
      const v = got[0];
      a = v && v !== OTHER ? v : other ? { other } : null;
    } else if (q.type === 'multiple') {
      const values = got.filter((v) => v !== OTHER);
      a = other ? { values, other } : values.length ? values : null;
    } else if (q.type === 'yes_no') a = got[0] === 'yes' ? true : got[0] === 'no' ? false : null;
    else if (q.type === 'scale' || q.type === 'number') {
      const v = got[0]?.replace(',', '.');
      a = v === undefined ? null : v !== '' && Number.isFinite(Number(v)) ? Number(v) : got[0];
    } else if (q.type === 'ranking') {
      const ranked = q.options.map((_, n) => strings(body[`${name}.rank.${n + 1}`])[0] ?? '').filter(Boolean);
      a = ranked.length ? ranked : null;
    } else a = got[0] ?? null;
    out[q.key] = a;
  }
  return out;
}

const picked = (a: SurveyAnswer | null | undefined): string[] => {
  if (a == null) return [];
  if (Array.isArray(a)) return a;
  if (typeof a === 'object') return [...(a.values ?? []), ...(a.other ? [OTHER] : [])];
  if (typeof a === 'boolean') return [a ? 'yes' : 'no'];
  return [String(a)];
};
const otherOf = (a: SurveyAnswer | null | undefined) => (a && typeof a === 'object' && !Array.isArray(a) ? a.other ?? '' : '');

/** An answer in words (the read-only sheet). */
export function answerText(i: I18n, q: QuestionView, a: SurveyAnswer | null | undefined): string {
  if (a == null || a === '' || (Array.isArray(a) && !a.length)) return i.t('sv.none');
  if (q.type === 'date' && typeof a === 'string') return i.date(a);
  if (typeof a === 'boolean' || typeof a === 'number') return valueText(i, q, a);
  if (typeof a === 'string') return q.options.length ? valueText(i, q, a) : a;
  const list = (Array.isArray(a) ? a : a.values ?? []).map((v) => valueText(i, q, v));
  const other = otherOf(a);
  return [...list, ...(other ? [`${i.t('sv.other')} ${other}`] : [])].join(q.type === 'ranking' ? ' > ' : ', ') || i.t('sv.none');
}

function Required(props: { i: I18n; on: boolean }) {
  return props.on ? <> <abbr class="required" title={props.i.t('sv.required')}>*</abbr></> : null;
}

interface QProps { i: I18n; s: SurveyView; q: QuestionView; n: number; value?: SurveyAnswer | null; error?: string }

/** What the client script reads to hide a conditional question live (yes/no as yes|no, as the radios post them). */
const conditionData = (q: QuestionView) => q.condition
  ? { 'data-if': q.condition.question, 'data-values': q.condition.equals.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v))).join('|') }
  : {};

function Choices(props: QProps & { id: string; described?: string }) {
  const { i, q, id } = props;
  const lang = textLang(i);
  const chosen = picked(props.value);
  const name = `answers.${q.key}`;
  if (q.type === 'ranking') {
    return <>
      <p class="field-hint">{i.t('sv.ranking.hint')}</p>
      {q.options.map((_, n) => <div class="rank-row">
        <label for={`${id}-rank-${n + 1}`}>{i.t('sv.rank', { n: n + 1 })}</label>
        <select id={`${id}-rank-${n + 1}`} name={`${name}.rank.${n + 1}`} aria-describedby={props.described}>
          <option value="">{i.t('sv.choose')}</option>
          {q.options.map((o) => <option value={o.value} selected={chosen[n] === o.value} lang={lang}>{tr(o.labels, i)}</option>)}
        </select>
      </div>)}
    </>;
  }
  const type = q.type === 'multiple' ? 'checkbox' : 'radio';
  const options = q.type === 'yes_no' ? [{ value: 'yes', text: i.t('sv.yes') }, { value: 'no', text: i.t('sv.no') }]
    : q.type === 'scale' ? Array.from({ length: (q.scaleMax ?? 5) - (q.scaleMin ?? 1) + 1 }, (_, k) => ({ value: String((q.scaleMin ?? 1) + k), text: i.num((q.scaleMin ?? 1) + k) }))
      : q.options.map((o) => ({ value: o.value, text: tr(o.labels, i) }));
  const boxes = options.map((o, n) => <div class="check">
    <input type={type} id={`${id}-${n}`} name={name} value={o.value} checked={chosen.includes(o.value)} aria-invalid={props.error ? 'true' : undefined} />
    <label for={`${id}-${n}`} lang={q.type === 'single' || q.type === 'multiple' ? lang : undefined}>{o.text}</label>
  </div>);
  if (q.type === 'scale') {
    const min = tr(q.scaleLabels.min, i), max = tr(q.scaleLabels.max, i);
    return <div class="scale-row">{min && <span class="scale-end" lang={lang}>{min}</span>}{boxes}{max && <span class="scale-end" lang={lang}>{max}</span>}</div>;
  }
  return <>
    {boxes}
    {q.allowOther && <div class="check other-row">
      <input type={type} id={`${id}-other`} name={name} value={OTHER} checked={chosen.includes(OTHER)} />
      <label for={`${id}-other`}>{i.t('sv.other')}</label>
      <input type="text" name={`${name}.other`} value={otherOf(props.value)} maxlength={300} aria-label={i.t('sv.other.label')} />
    </div>}
  </>;
}

/** One question: its number, label, required mark, help, condition line, error and control. */
export function Question(props: QProps) {
  const { i, s, q, n, error } = props;
  const id = fieldId(q.key);
  const lang = textLang(i);
  const help = tr(q.help, i);
  const cond = conditionLine(i, s, q);
  const described = [help ? `${id}-help` : '', cond ? `${id}-cond` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const head = <><span class="q-number">{i.t('sv.question.n', { n })}</span> <span lang={lang}>{tr(q.labels, i)}</span><Required i={i} on={q.required} /></>;
  const notes = <>
    {cond && <p class="field-hint q-condition" id={`${id}-cond`}>{cond}</p>}
    {help && <p class="field-hint" id={`${id}-help`} lang={lang}>{help}</p>}
    {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
  </>;
  const cls = `${error ? 'field field-invalid' : 'field'} question`;
  if (['single', 'multiple', 'yes_no', 'scale', 'ranking'].includes(q.type)) {
    return <fieldset class={cls} id={id} aria-describedby={described} {...conditionData(q)}>
      <legend>{head}</legend>
      {notes}
      <Choices {...props} id={id} described={described} />
    </fieldset>;
  }
  const v = props.value == null || typeof props.value === 'object' ? '' : String(props.value);
  const common = { id, name: `answers.${q.key}`, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described };
  return <div class={cls} {...conditionData(q)}>
    <label for={id}>{head}</label>
    {notes}
    {q.type === 'long_text' ? <textarea {...common} rows={5} maxlength={5000}>{v}</textarea>
      : <input {...common} type={q.type === 'number' ? 'number' : q.type === 'date' ? 'date' : 'text'} value={v}
        step={q.type === 'number' ? 'any' : undefined} min={q.numberMin ?? undefined} max={q.numberMax ?? undefined}
        maxlength={q.type === 'short_text' ? 300 : undefined} />}
  </div>;
}
