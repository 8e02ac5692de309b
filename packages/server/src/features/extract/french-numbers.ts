/** French numerals in running text (issue 16): digits with French separators, words ("huit cents"), "millions" multipliers. */

/** One number found in a text: `end` covers its multiplier word ("1,5 million") when there is one. */
export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** the written number before any multiplier word (the number itself, without "millions") */
  numberEnd: number;
  words: boolean;
  /** a multiplier word followed: "millions", "milliards", "mille" */
  multiplied: boolean;
  /** digits only, no separator nor decimal: "2019", "93" */
  plainInteger: boolean;
}

/** The spaces French writes between thousands: plain, no-break, narrow no-break, thin. */
export const SPACE = '[ \\u00A0\\u202F\\u2009]';
const GROUPED = `\\d{1,3}(?:${SPACE}\\d{3})+(?:,\\d+)?(?!\\d|[.,]\\d)`;
const GROUPED_DOT = '\\d{1,3}(?:\\.\\d{3}){2,}(?:,\\d+)?(?!\\d|[.,]\\d)|\\d{1,3}\\.\\d{3}(?!\\d|[.,]\\d)(?=\\s*(?:€|euros?|EUR|\\$|dollars?|USD|F ?CFA|francs?|dirhams?|habitants?)\\b|\\s*€)';
const GROUPED_COMMA = '\\d{1,3}(?:,\\d{3}){2,}(?!\\d|[.,]\\d)';
const PLAIN = '\\d+(?:[.,]\\d+)?';
const DIGITS_RE = new RegExp(`(?<![\\p{L}\\d_])(?:${GROUPED}|${GROUPED_DOT}|${GROUPED_COMMA}|${PLAIN})`, 'gu');

const UNITS: Record<string, number> = {
  zero: 0, zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60,
};
const WORD = '(?:zéro|zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)';
const WORDS_RE = new RegExp(`(?<![\\p{L}\\d])${WORD}(?:(?:[\\s-]+et[\\s-]+|[\\s-]+)${WORD})*(?![\\p{L}\\d])`, 'giu');
const MULTIPLIER_RE = new RegExp(`^${SPACE}*(milliards?|millions?|mille)(?![\\p{L}])`, 'iu');
const MULTIPLIERS: Record<string, number> = { milliard: 1e9, milliards: 1e9, million: 1e6, millions: 1e6, mille: 1e3 };

/** "1 648" → 1648, "1.500.000" → 1500000, "3.3" → 3.3, "102,7" → 102.7. */
export function parseDigits(raw: string): number {
  const compact = raw.replace(/[ \u00A0\u202F\u2009]/g, '');
  if (/^\d{1,3}(,\d{3}){2,}$/.test(compact)) return Number(compact.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) return Number(compact.replace(/\./g, '').replace(',', '.'));
  return Number(compact.replace(',', '.'));
}

/** "huit cents" → 800, "deux mille trois cents" → 2300, "quatre-vingt-dix" → 90; NaN when the words are not a number. */
export function parseFrenchWords(raw: string): number {
  const words = raw.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== 'et');
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'cent' || w === 'cents') { current = (current || 1) * 100; seen = true; continue; }
    if (w === 'mille') { total += (current || 1) * 1000; current = 0; seen = true; continue; }
    const v = UNITS[w];
    if (v === undefined) return NaN;
    if (v === 20 && current % 100 === 4) current += 76; // quatre-vingt(s) = 80
    else current += v;
    seen = true;
  }
  return seen ? total + current : NaN;
}

/** Decimals that floating point would blur: 102.7 × 1e6 → 102700000. */
function times(value: number, factor: number): number {
  return Math.round(value * factor * 1000) / 1000;
}

/** Every number of a text, in order, digits and words, with a following "million(s)"/"milliard(s)"/"mille". */
export function scanNumbers(text: string): NumberToken[] {
  const found: NumberToken[] = [];
  for (const m of text.matchAll(DIGITS_RE)) {
    const start = m.index;
    const raw = m[0];
    found.push(withMultiplier(text, { start, end: start + raw.length, numberEnd: start + raw.length, value: parseDigits(raw), words: false, multiplied: false, plainInteger: /^\d+$/.test(raw) }));
  }
  for (const m of text.matchAll(WORDS_RE)) {
    const start = m.index;
    const raw = m[0];
    const value = parseFrenchWords(raw);
    if (Number.isNaN(value)) continue;
    if (found.some((t) => t.start < start + raw.length && start < t.end)) continue;
    found.push(withMultiplier(text, { start, end: start + raw.length, numberEnd: start + raw.length, value, words: true, multiplied: false, plainInteger: false }));
  }
  return found.sort((a, b) => a.start - b.start);
}

function withMultiplier(text: string, token: NumberToken): NumberToken {
  const m = MULTIPLIER_RE.exec(text.slice(token.end, token.end + 20));
  if (!m) return token;
  const factor = MULTIPLIERS[m[1]!.toLowerCase()]!;
  return { ...token, end: token.end + m[0].length, value: times(token.value, factor), multiplied: true };
}

/** Multiply by a compact prefix written before a currency: "k" 1e3, "M" 1e6, "Md"/"Mds"/"Mrd" 1e9. */
export function compactFactor(prefix: string): number {
  if (/^[kK]$/.test(prefix)) return 1e3;
  if (/^(M|Mio)$/.test(prefix)) return 1e6;
  if (/^(Md|Mds|Mrd|Mrds|md|mds|G)$/.test(prefix)) return 1e9;
  return 1;
}

export function scaled(value: number, factor: number): number {
  return factor === 1 ? value : times(value, factor);
}
