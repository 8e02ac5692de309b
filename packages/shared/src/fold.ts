/**
 * Accent- and case-folding for French and Vietnamese search.
 * "Huế" → "hue", "Hải Dương" → "hai duong", "Đà Nẵng" → "da nang", "Œuvre" → "oeuvre".
 */
const SPECIAL: Record<string, string> = { đ: 'd', Đ: 'd', œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l' };

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐœŒæÆßøØłŁ]/g, (c) => SPECIAL[c] ?? c)
    .toLowerCase();
}

/** Folded words of a text: letters and digits only, in order, duplicates kept. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** A URL-safe identifier from a name: "Coopération Cergy – Huế" → "cooperation-cergy-hue". */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldedWords(text).join('-');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'record';
}
