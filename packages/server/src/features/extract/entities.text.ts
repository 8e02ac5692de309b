/** Text helpers of the entity finders: folded tokens with offsets, sentences, gazetteer lookups with the case rules. */
import { foldedWords } from '@tandem/shared';
import type { GazEntry, Gazetteer } from './gazetteer.js';

export interface Token { start: number; end: number; key: string }
export interface GazMatch { start: number; end: number; text: string; key: string; entries: number[] }

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    for (const key of foldedWords(m[0])) out.push({ start: m.index!, end: m.index! + m[0].length, key });
  }
  return out;
}

/** Sentence spans: split after . ! ? followed by a space and a capital, and at line breaks. */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[.!?]+(?=\s+[\p{Lu}«"(\[*])|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index! + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

export function sentenceAt(sents: Array<{ start: number; end: number }>, pos: number) {
  return sents.find((s) => pos >= s.start && pos < s.end) ?? { start: 0, end: 0 };
}

/** Separators allowed inside a multi-word name: spaces (no line break), hyphens, apostrophes. */
const JOIN = /^[ \t\u00a0\-'’]*$/;
const UPPER_START = /^[\p{Lu}\p{N}]/u;

/** A span written as a name: an exact written form, else a capital first letter; acronyms in capitals. */
export function writtenAsName(gaz: Gazetteer, entries: number[], key: string, span: string): boolean {
  if (entries.some((i) => gaz.entries[i].written.includes(span))) return true;
  if (gaz.strict.has(key)) return !/\p{Ll}/u.test(span);
  // "ministère de l'Europe et des Affaires étrangères": a type word in lower case, then capitalised words
  if (/^(?:ministère|agence|office|institut|université|fondation)\s\S.*\s\p{Lu}/u.test(span)) return true;
  return UPPER_START.test(span);
}

const PLACE_BEFORE = /(?:\b(?:ville|commune|mairie|municipalité|département|région|agglomération|maire|habitants?|préfecture|canton|arrondissement|territoire)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*|(?:^|\s)à\s+)$/iu;
const PLACE_AFTER = /^\s*\((?:\d{2,3}|2A|2B|\p{Lu}[\p{L}\s'’-]{2,40})\)/u;

/** A place context for an ambiguous name: "ville de Tours", "à Orange", "Nice (Alpes-Maritimes)". */
export function placeContext(text: string, start: number, end: number): boolean {
  return PLACE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || PLACE_AFTER.test(text.slice(end, end + 50));
}

/** Longest matches of the index over the tokens, left to right; candidates that fail the case rule are dropped. */
export function scan(text: string, toks: Token[], gaz: Gazetteer, map: Map<string, number[]>): GazMatch[] {
  const out: GazMatch[] = [];
  for (let i = 0; i < toks.length;) {
    let found: GazMatch | undefined;
    let n = Math.min(gaz.maxTokens, toks.length - i);
    for (; n >= 1; n--) {
      let ok = true;
      for (let k = i + 1; k < i + n && ok; k++) ok = JOIN.test(text.slice(toks[k - 1].end, toks[k].start));
      if (!ok) continue;
      const key = toks.slice(i, i + n).map((t) => t.key).join(' ');
      const entries = map.get(key);
      if (!entries) continue;
      const start = toks[i].start;
      const end = toks[i + n - 1].end;
      const span = text.slice(start, end);
      if (!writtenAsName(gaz, entries, key, span)) continue;
      found = { start, end, text: span, key, entries };
      break;
    }
    if (found) { out.push(found); i += n; } else i++;
  }
  return out;
}

/** The best entry of a match: the heaviest that is not ambiguous, or ambiguous with a place context. */
export function pick(gaz: Gazetteer, text: string, m: GazMatch, forceContext = false, kinds: string[] = []): GazEntry | undefined {
  const rank = (i: number) => (kinds.includes(gaz.entries[i].kind ?? '') ? 1e12 : 0) + (gaz.entries[i].weight ?? 0);
  const sorted = [...m.entries].sort((a, b) => rank(b) - rank(a));
  const context = forceContext || placeContext(text, m.start, m.end);
  for (const i of sorted) if (!gaz.entries[i].ambiguous || context) return gaz.entries[i];
  return undefined;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Partnership cue words: the sentence states a cooperation. */
export const COOPERATION = /coop[éèe]r(?!ativ)|partenari|partenaires?\s+(?:de|du|des)\b|jumel|convention|protocole|accord|charte|collabor|correspondance|échanges?\b[^.\n]{0,40}\bentre|ont\s+signé|nou\p{L}+\s+des\s+liens|liens\s+d['’]amiti|villes?\s+(?:jumelles|sœurs|soeurs|amies)/iu;
