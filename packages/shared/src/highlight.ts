/**
 * Where the words of a query match a text, ignoring case and accents: "hue" matches "Huế" in
 * "Cergy ↔ Huế". Returns ranges over the original text (word-prefix matches, as search does).
 */
import { fold } from './fold.js';

export interface Part { text: string; match: boolean }

export function highlight(text: string, words: string[]): Part[] {
  const wanted = words.filter(Boolean);
  if (!wanted.length || !text) return [{ text, match: false }];
  // fold character by character, remembering where each folded character came from
  const origin: number[] = [];
  let folded = '';
  for (let k = 0; k < text.length; ) {
    const cp = text.codePointAt(k)!;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let j = 0; j < f.length; j++) origin.push(k);
    folded += f;
    k += ch.length;
  }
  origin.push(text.length);
  const marks = new Array<boolean>(text.length).fill(false);
  for (const w of wanted) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(w, from);
      if (at < 0) break;
      const startsWord = at === 0 || !/[a-z0-9]/.test(folded[at - 1]);
      if (startsWord) for (let k = origin[at]; k < origin[at + w.length]; k++) marks[k] = true;
      from = at + 1;
    }
  }
  const parts: Part[] = [];
  for (let k = 0; k < text.length; k++) {
    const last = parts[parts.length - 1];
    if (last && last.match === marks[k]) last.text += text[k];
    else parts.push({ text: text[k], match: marks[k] });
  }
  return parts;
}
