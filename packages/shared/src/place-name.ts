/** A territory's name as a reader of one language writes it. */
import { fold } from './fold.js';

/**
 * A territory's name in the reader's language where known (Hanoï / Hanoi / Hà Nội). A name that is only the
 * territory's own name with its diacritics stripped ("Hai Duong" for "Hải Dương") is not a name of its own:
 * the territory's name is written as it is.
 */
export function localName(t: { name: string; names?: Record<string, string> | null }, lang: string): string {
  const named = t.names?.[lang];
  if (!named) return t.name;
  const stripped = named.normalize('NFD') === named.normalize('NFC') && named !== t.name && fold(named) === fold(t.name);
  return stripped ? t.name : named;
}

const regionNames = new Map<string, Intl.DisplayNames>();
/** A country's name in the reader's language from its ISO 3166-1 alpha-2 code (the code itself when unknown). */
export function countryNameIn(lang: string, code: string): string {
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, names = new Intl.DisplayNames([lang], { type: 'region' }));
  try { return names.of(code) ?? code; } catch { return code; }
}
