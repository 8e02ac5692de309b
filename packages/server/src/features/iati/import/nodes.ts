/** Reading narratives, dates and organisations out of activity trees. */
import type { Narr } from '../export.activity.js';
import { kids, text, type XNode } from './parse.js';
import type { Level, OrgMention } from './types.js';

export type Report = (level: Level, line: number, message: string) => void;

export const lang = (s: string | undefined) => (s ? s.toLowerCase() : undefined);
export function narratives(n: XNode | undefined, defaultLang?: string): Narr[] {
  if (!n) return [];
  const list = kids(n, 'narrative').map((x) => ({ lang: lang(x.attrs['xml:lang']) ?? defaultLang, text: text(x) })).filter((x) => x.text);
  return list.length ? list : text(n) ? [{ lang: defaultLang, text: text(n) }] : [];
}
/** French first, then English, then the first one. */
export const pick = (list: Narr[]) => (list.find((x) => x.lang === 'fr') ?? list.find((x) => x.lang === 'en') ?? list[0])?.text ?? null;
export const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** "2021-06-15…" → "2021-06-15" when it is a real day (arithmetic, not Date: it runs for every date of a file). */
export function isoDay(s: string | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]) return null;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function orgMention(n: XNode | undefined): OrgMention | null {
  if (!n) return null;
  const ref = n.attrs.ref?.trim() || undefined, name = pick(narratives(n)) ?? undefined;
  return ref || name ? { ref, name: name && cut(name, 300), type: n.attrs.type?.trim() || undefined } : null;
}

