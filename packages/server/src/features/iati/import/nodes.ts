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

export function isoDay(s: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s?.trim() ?? '');
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[0] ? null : m[0];
}

export function orgMention(n: XNode | undefined): OrgMention | null {
  if (!n) return null;
  const ref = n.attrs.ref?.trim() || undefined, name = pick(narratives(n)) ?? undefined;
  return ref || name ? { ref, name: name && cut(name, 300), type: n.attrs.type?.trim() || undefined } : null;
}

