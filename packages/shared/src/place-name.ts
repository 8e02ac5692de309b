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
