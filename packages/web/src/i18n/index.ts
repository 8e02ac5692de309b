/** Interface strings in French (default), English and Vietnamese; numbers, money and dates per locale. */
import { countryNameIn, displayInstant, displayPartialDate, formatMoney } from '@tandem/shared';
import { fr, type MessageKey } from './fr.js';
import { en } from './en.js';
import { vi } from './vi.js';

export const langs = ['fr', 'en', 'vi'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'fr';
const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en, vi };
export const langNames: Record<Lang, string> = { fr: 'Français', en: 'English', vi: 'Tiếng Việt' };

export function isLang(x: string | undefined): x is Lang { return !!x && (langs as readonly string[]).includes(x); }

/** Messages that change with a count: 'search.results' for 'search.results.one' / 'search.results.other'. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export interface I18n {
  lang: Lang;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A label for an enum value, e.g. l('orgKind', 'ngo'); falls back to the value. */
  /** A count with its words, by the language's plural rules (Intl.PluralRules): "1 partenariat", "2 partenariats", "0 partenariat". */
  plural(key: PluralKey, n: number, params?: Record<string, string | number>): string;
  l(group: string, value: string | null | undefined): string;
  /** Every form of a plural message in this language ({one: '{n} activité', other: '{n} activités'}), for browser scripts. */
  forms(key: PluralKey): Record<string, string>;
  num(n: number | string, digits?: number): string;
  money(amount: string | number, currency: string): string;
  date(partial: string | null | undefined): string;
  /** A moment (timestamp) as read in Paris: its day, and its time when asked ("ngày 3 tháng 5 năm 2026 lúc 14:30"). */
  when(at: string | Date, withTime?: boolean): string;
  /** "mai 2006 – 2010", "depuis mai 2006", "depuis le 1er janvier 2025", or null when there is no date. */
  period(start: string | null | undefined, end?: string | null): string | null;
  /** Path in this language: '/search' → '/en/search'. */
  path(p: string): string;
}

export function i18n(lang: Lang): I18n {
  const cat = catalogues[lang];
  const nf = new Intl.NumberFormat(lang);
  const rules = new Intl.PluralRules(lang);
  const self: I18n = {
    lang,
    t: (key, params) => (cat[key] ?? fr[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(params?.[k] ?? `{${k}}`)),
    plural: (key, n, params) => {
      const form = `${key}.${rules.select(n)}` as MessageKey;
      return self.t(form in cat ? form : (`${key}.other` as MessageKey), { ...params, n: self.num(n) });
    },
    forms: (key) => Object.fromEntries(rules.resolvedOptions().pluralCategories
      .filter((c) => `${key}.${c}` in cat).map((c) => [c, cat[`${key}.${c}` as MessageKey]])),
    l: (group, value) => (value == null ? '' : ((cat as Record<string, string>)[`${group}.${value}`] ?? value)),
    num: (n, digits) => (digits === undefined ? nf : new Intl.NumberFormat(lang, { maximumFractionDigits: digits })).format(Number(n)),
    money: (amount, currency) => formatMoney(amount, currency, lang),
    date: (partial) => { if (!partial) return ''; try { return displayPartialDate(partial, lang); } catch { return partial; } },
    when: (at, withTime) => displayInstant(at, lang, withTime),
    period: (start, end) => {
      if (!start) return end ? self.date(end) : null;
      // a day takes the article in French (« depuis le 1er janvier 2025 », « depuis mai 2006 »)
      if (!end) return self.t(/^\d{4}-\d{2}-\d{2}$/.test(start) ? 'sheet.since.day' : 'sheet.since', { date: self.date(start) });
      return start === end ? self.date(start) : `${self.date(start)} – ${self.date(end)}`;
    },
    path: (p) => (lang === defaultLang ? p : `/${lang}${p === '/' ? '' : p}`),
  };
  return self;
}

/** A country's name in the reader's language from its ISO 3166-1 alpha-2 code (the code itself when unknown). */
export const countryName = (i: { lang: string }, code: string): string => countryNameIn(i.lang, code);

/** Splits '/en/search' into ['en', '/search']; French has no prefix. */

export function splitLang(pathname: string): [Lang, string] {
  const m = /^\/(en|vi)(\/.*)?$/.exec(pathname);
  return m ? [m[1] as Lang, m[2] || '/'] : ['fr', pathname];
}

/** Records carry no language of their own: their text (titles, descriptions, names) is written in French. */
export const RECORD_LANG: Lang = 'fr';

/** The lang attribute for text in `lang` (record text by default) on this page: unset when the page speaks it already. */
export function textLang(i: I18n, lang: string = RECORD_LANG): string | undefined {
  return lang === i.lang ? undefined : lang;
}

/** A territory's name in the reader's language (shared: the search's facets name places the same way). */
export { localName } from '@tandem/shared';

/** The language a territory's own name is written in, among the site's (Vietnamese for Vietnam and its provinces). */
export function ownLanguage(t: { id: string; country?: string | null }): Lang | null {
  const country = t.country ?? t.id;
  return country === 'VN' ? 'vi' : country === 'FR' ? 'fr' : null;
}
