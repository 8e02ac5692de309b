/** Scoring `extract` against annotated documents (GUIDELINES of issue 16): TP/FP/FN per category, micro P/R/F1. */
import { fold } from '@tandem/shared';
import type { Extraction } from './types.js';

export const CATEGORIES = ['dates', 'amounts', 'quantities', 'organisations', 'territories', 'partnerships'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One annotation file: the expected answers for the document `doc`. */
export interface Annotation {
  doc: string;
  dates: { text?: string; value: string }[];
  amounts: { text?: string; value: number; currency: string }[];
  quantities: { text?: string; value: number; unit: string }[];
  organisations: { forms: string[] }[];
  territories: { forms: string[]; country?: string }[];
  partnerships: { parties: string[][]; signed?: string }[];
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Scores extends Counts { precision: number; recall: number; f1: number }
/** A fact the extractor missed (fn) or found wrongly (fp), worded for a person. */
export interface Miss { category: Category; kind: 'fn' | 'fp'; what: string }
export interface DocumentScore { doc: string; counts: Record<Category, Counts>; misses: Miss[] }

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Names compared with case, accents, typographic apostrophes and French spaces ignored. */
export function sameName(s: string): string {
  return fold(s).replace(/[’‘ʼ`]/g, "'").replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export function prf(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : c.fn ? 0 : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : c.fp ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export function add(a: Counts, b: Counts): Counts { return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }; }

/** Facts compared by a key (dates by value, money by value and currency, quantities by value and folded unit), each key once. */
function byKey(category: Category, expected: Map<string, string>, got: Map<string, string>, misses: Miss[]): Counts {
  const c = zero();
  for (const [k, label] of got) if (expected.has(k)) c.tp++; else { c.fp++; misses.push({ category, kind: 'fp', what: label }); }
  for (const [k, label] of expected) if (!got.has(k)) { c.fn++; misses.push({ category, kind: 'fn', what: label }); }
  return c;
}

function keyed<T>(items: T[], key: (t: T) => string, label: (t: T) => string): Map<string, string> {
  const m = new Map<string, string>();
  for (const it of items) { const k = key(it); if (!m.has(k)) m.set(k, label(it)); }
  return m;
}

const num = (n: number) => String(Math.round(Number(n) * 1000) / 1000);

/**
 * Named things: an extracted item is right when its text or name equals one of an expected entry's forms; each expected
 * entry counts once (a second mention of a matched entry is neither right nor wrong); a wrong name counts once.
 */
function byForms(category: Category, expected: { forms: string[] }[], got: { text: string; name: string }[], misses: Miss[]): Counts {
  const c = zero();
  const forms = expected.map((e) => new Set(e.forms.map(sameName)));
  const matched = new Set<number>();
  const wrong = new Set<string>();
  for (const g of got) {
    const keys = [sameName(g.text), sameName(g.name)];
    const hits = forms.map((f, i) => (keys.some((k) => f.has(k)) ? i : -1)).filter((i) => i >= 0);
    const free = hits.find((i) => !matched.has(i));
    if (free !== undefined) { matched.add(free); c.tp++; }
    else if (!hits.length && !wrong.has(keys[1])) {
      wrong.add(keys[1]); c.fp++;
      misses.push({ category, kind: 'fp', what: g.text === g.name ? g.text : `${g.text} → ${g.name}` });
    }
  }
  expected.forEach((e, i) => { if (!matched.has(i)) { c.fn++; misses.push({ category, kind: 'fn', what: e.forms[0] ?? '?' }); } });
  return c;
}

/** Partnerships: right when two of its parties match two different expected parties of one expected partnership. */
function byParties(expected: Annotation['partnerships'], got: Extraction['partnerships'], misses: Miss[]): Counts {
  const c = zero();
  const parties = expected.map((p) => p.parties.map((forms) => new Set(forms.map(sameName))));
  const matched = new Set<number>();
  const wrong = new Set<string>();
  const twoMatch = (names: string[], exp: Set<string>[]) => {
    const used = new Set<number>();
    let n = 0;
    for (const name of names) {
      const i = exp.findIndex((forms, j) => !used.has(j) && forms.has(sameName(name)));
      if (i >= 0) { used.add(i); n++; }
    }
    return n >= 2;
  };
  for (const g of got) {
    const hits = parties.map((exp, i) => (twoMatch(g.parties, exp) ? i : -1)).filter((i) => i >= 0);
    const free = hits.find((i) => !matched.has(i));
    if (free !== undefined) { matched.add(free); c.tp++; continue; }
    const key = g.parties.map(sameName).sort().join(' + ');
    if (!hits.length && !wrong.has(key)) { wrong.add(key); c.fp++; misses.push({ category: 'partnerships', kind: 'fp', what: g.parties.join(' + ') }); }
  }
  expected.forEach((p, i) => {
    if (!matched.has(i)) { c.fn++; misses.push({ category: 'partnerships', kind: 'fn', what: p.parties.map((f) => f[0] ?? '?').join(' + ') }); }
  });
  return c;
}

/** One document's counts per category, and what was missed or wrong. */
export function scoreDocument(expected: Annotation, got: Extraction): DocumentScore {
  const misses: Miss[] = [];
  const counts: Record<Category, Counts> = {
    dates: byKey('dates', keyed(expected.dates ?? [], (d) => d.value, (d) => `${d.value} (${d.text ?? ''})`),
      keyed(got.dates, (d) => d.value, (d) => `${d.value} (${d.text})`), misses),
    amounts: byKey('amounts', keyed(expected.amounts ?? [], (a) => `${num(a.value)} ${a.currency}`, (a) => `${num(a.value)} ${a.currency} (${a.text ?? ''})`),
      keyed(got.amounts, (a) => `${num(a.value)} ${a.currency}`, (a) => `${num(a.value)} ${a.currency} (${a.text})`), misses),
    quantities: byKey('quantities', keyed(expected.quantities ?? [], (q) => `${num(q.value)} ${sameName(q.unit)}`, (q) => `${num(q.value)} ${q.unit} (${q.text ?? ''})`),
      keyed(got.quantities, (q) => `${num(q.value)} ${sameName(q.unit)}`, (q) => `${num(q.value)} ${q.unit} (${q.text})`), misses),
    organisations: byForms('organisations', expected.organisations ?? [], got.organisations, misses),
    territories: byForms('territories', expected.territories ?? [], got.territories, misses),
    partnerships: byParties(expected.partnerships ?? [], got.partnerships, misses),
  };
  return { doc: expected.doc, counts, misses };
}

export interface EvalReport {
  categories: Record<Category, Scores>;
  overall: Scores;
  documents: { doc: string; overall: Scores; categories: Record<Category, Scores>; misses: Miss[] }[];
}

/** Sums of the documents' counts: per category, then every category together (micro-averaged). */
export function summarise(docs: DocumentScore[]): EvalReport {
  const per = Object.fromEntries(CATEGORIES.map((k) => [k, zero()])) as Record<Category, Counts>;
  for (const d of docs) for (const k of CATEGORIES) per[k] = add(per[k], d.counts[k]);
  const all = CATEGORIES.reduce((s, k) => add(s, per[k]), zero());
  const scored = (c: Record<Category, Counts>) => Object.fromEntries(CATEGORIES.map((k) => [k, prf(c[k])])) as Record<Category, Scores>;
  return {
    categories: scored(per),
    overall: prf(all),
    documents: docs.map((d) => ({ doc: d.doc, overall: prf(CATEGORIES.reduce((s, k) => add(s, d.counts[k]), zero())), categories: scored(d.counts), misses: d.misses })),
  };
}

const f3 = (x: number) => x.toFixed(3);
const row = (cells: (string | number)[], widths: number[]) => cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');

/** The report as text tables: per category, overall, per document; `verbose` adds the misses and false positives. */
export function formatReport(r: EvalReport, opts: { verbose?: boolean } = {}): string {
  const w = [15, 5, 5, 5, 9, 9, 9];
  const lines = [row(['category', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'], w)];
  const line = (name: string, s: Scores) => row([name, s.tp, s.fp, s.fn, f3(s.precision), f3(s.recall), f3(s.f1)], w);
  for (const k of CATEGORIES) lines.push(line(k, r.categories[k]));
  lines.push('-'.repeat(w.reduce((a, b) => a + b + 2, -2)), line('overall (micro)', r.overall));
  const dw = [Math.max(8, ...r.documents.map((d) => d.doc.length)), 5, 5, 5, 9, 9, 9];
  lines.push('', row(['document', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'], dw));
  for (const d of r.documents) lines.push(row([d.doc, d.overall.tp, d.overall.fp, d.overall.fn, f3(d.overall.precision), f3(d.overall.recall), f3(d.overall.f1)], dw));
  if (opts.verbose) {
    for (const d of r.documents) {
      if (!d.misses.length) continue;
      lines.push('', `${d.doc}:`);
      for (const k of CATEGORIES) {
        for (const m of d.misses.filter((m) => m.category === k)) lines.push(`  ${m.kind === 'fn' ? 'missed' : 'wrong '} ${k.padEnd(13)} ${m.what}`);
      }
    }
  }
  return lines.join('\n');
}
