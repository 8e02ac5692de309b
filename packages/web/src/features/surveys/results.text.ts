/** A survey text ({fr, en?, vi?}) in the page's language, with the lang attribute it needs when it falls back to French. */
import type { I18n } from '../../i18n/index.js';

type Texts = Partial<Record<'fr' | 'en' | 'vi', string | undefined>> | null | undefined;

export function labelOf(i: I18n, t: Texts): { text: string; lang: string | undefined } {
  const own = t?.[i.lang]?.trim();
  if (own) return { text: own, lang: undefined };
  return { text: t?.fr?.trim() ?? '', lang: i.lang === 'fr' ? undefined : 'fr' };
}
