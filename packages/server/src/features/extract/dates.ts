/** Dates in French text (issue 16): full dates, months, years and their ranges, as ISO 8601 partial values. */
import type { DateFact } from './types.js';

const S = '[\\s\\u00A0\\u202F\\u2009]+';
const MONTH = '(janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?)(?![\\p{L}])';
const DAY = '(?<!\\d)(3[01]|[12]\\d|0?[1-9])(?:er|ᵉʳ|\\^\\{?er\\}?)?(?![\\d\\p{L}])';
const YEAR = '((?:19|20)\\d{2})(?![\\d\\p{L}])';
const DAY_LINK = '\\s*(?:,|et|au|à|-|–)\\s*';

interface Rule { re: RegExp; read: (m: RegExpExecArray) => string[] }

const MONTHS: [string, number][] = [['jan', 1], ['fev', 2], ['mar', 3], ['avr', 4], ['mai', 5], ['juin', 6], ['juil', 7], ['aou', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12]];

export function monthNumber(word: string): number {
  const w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return MONTHS.find(([p]) => w.startsWith(p))?.[1] ?? 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(y: string | number, m: number, d: string | number): string | undefined {
  const dd = Number(d);
  const date = new Date(Date.UTC(Number(y), m - 1, dd));
  if (m < 1 || m > 12 || date.getUTCDate() !== dd) return undefined;
  return `${y}-${pad(m)}-${pad(dd)}`;
}

const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);
const re = (source: string) => new RegExp(source, 'giu');

/** In priority order: a later rule never reads inside what an earlier one read. */
const RULES: Rule[] = [
  // 2023-11-16
  { re: re(`(?<![\\d\\p{L}])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?!\\d)`), read: (m) => defined([day(m[1]!, Number(m[2]), m[3]!)]) },
  // 16/11/2023, 16.11.2023, 16-11-2023
  { re: re(`(?<![\\d/.\\p{L}])(\\d{1,2})([/.-])(\\d{1,2})\\2((?:19|20)\\d{2})(?![\\d\\p{L}])`), read: (m) => defined([day(m[4]!, Number(m[3]), m[1]!)]) },
  // du 3 mars 2022 au 5 avril 2023, du 3 mars au 5 avril 2022
  {
    re: re(`${DAY}${S}${MONTH}(?:${S}${YEAR})?\\s*(?:au|à|-|–)\\s*${DAY}${S}${MONTH}${S}${YEAR}`),
    read: (m) => defined([day(m[3] ?? m[6]!, monthNumber(m[2]!), m[1]!), day(m[6]!, monthNumber(m[5]!), m[4]!)]),
  },
  // du 16 au 28 novembre 2023, 1er et 2 avril 2019, 1-2 avril 2019, 3, 4 et 5 mai 2020
  {
    re: re(`${DAY}((?:${DAY_LINK}${DAY.replace('(3[01]|[12]\\d|0?[1-9])', '(?:3[01]|[12]\\d|0?[1-9])')})+)${S}${MONTH}${S}${YEAR}`),
    read: (m) => {
      const month = monthNumber(m[3]!);
      const others = [...m[2]!.matchAll(/(\d{1,2})/g)].map((d) => d[1]!);
      return defined([m[1]!, ...others].map((d) => day(m[4]!, month, d)));
    },
  },
  // 16 novembre 2023, vendredi 9 juin 2023
  { re: re(`${DAY}${S}${MONTH}${S}${YEAR}`), read: (m) => defined([day(m[3]!, monthNumber(m[2]!), m[1]!)]) },
  // de janvier à mars 2020, de novembre 2019 à février 2020
  {
    re: re(`(?<![\\p{L}])${MONTH}(?:${S}${YEAR})?\\s*(?:à|au|-|–|et)\\s*${MONTH}${S}${YEAR}`),
    read: (m) => [`${m[2] ?? m[4]}-${pad(monthNumber(m[1]!))}`, `${m[4]}-${pad(monthNumber(m[3]!))}`],
  },
  // mai 2006, 11/2023
  { re: re(`(?<![\\p{L}])${MONTH}${S}${YEAR}`), read: (m) => [`${m[2]}-${pad(monthNumber(m[1]!))}`] },
  { re: re(`(?<![\\d/.])(0?[1-9]|1[0-2])/((?:19|20)\\d{2})(?![\\d/])`), read: (m) => [`${m[2]}-${pad(Number(m[1]))}`] },
  // 2023-2024, 2019/2020, 2023-24
  {
    re: re(`(?<![\\d\\p{L}.,/])((?:19|20)\\d{2})\\s*[-–—/]\\s*((?:19|20)\\d{2}|\\d{2})(?![\\d\\p{L}]|[.,]\\d)`),
    read: (m) => {
      const first = Number(m[1]);
      const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
      return second > first && second - first < 100 ? [String(first), String(second)] : [];
    },
  },
];

/** Words before a bare year that make it a date whatever follows: "en 2009", "depuis 2019", "jusqu'en 2030", "(2020)". */
const YEAR_CONTEXT = /(?:(?<![\p{L}])(?:en|depuis|dès|avant|après|apres|fin|début|debut|courant|ici|partir de|vers|année|annee|années|annees|an|printemps|été|automne|hiver|jusqu['’](?:en|à|au)|mi|rentrée|saison|exercice|budget|programme|plan|horizon|agenda|édition|edition|promotion|publié le|publié en)|\()[\s\u00A0\-]*$/iu;
/** Words after a year that read it as a count ("2000 habitants") unless a year context came first. */
const FUNCTION_WORD = /^(?:et|ou|à|au|aux|de|des|du|d|en|le|la|les|l|un|une|sur|par|pour|avec|dans|entre|chez|vers|sans|selon|dont|que|qui|ce|cette|ces|se|sa|son|ses|leur|il|ils|elle|elles|on|nous|ne|puis|mais|donc|est|sont|a|ont|était|été|sera|lors|grâce|afin|puis|jusqu|après|avant|pendant|durant|déjà|encore|aussi|ainsi|alors)$/i;

const COUNT_SYMBOL = /^(?:km|km²|km2|m²|m2|ha|kg|t|mw|kw|kwh|mwh|gwh)$/i;

function bareYears(text: string, used: { start: number; end: number }[]): DateFact[] {
  const out: DateFact[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\d.,/:+€$£#°_@\\])((?:19|20)\d{2})(?![\d\p{L}_]|[.,]\d|[\s\u00A0\u202F]?[%€$£]|\s?h\s?\d)/gu)) {
    const start = m.index;
    const end = start + 4;
    if (used.some((u) => start < u.end && u.start < end)) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    if (/(?:n°|n[o°º]\.?|p\.|pp\.|page|art\.|article|tél\.?|tel\.?|fax|bp|cp|code|cop|odd|version|v\.|©|\(c\)|copyright|(?<!\p{L})(?:loi|décret)|\d[\s\u00A0\u202F]*)\s*$/iu.test(before)) continue;
    if (/^[\s\u00A0\u202F\u2009]\d{3}(?!\d)/.test(text.slice(end, end + 5))) continue;
    const next = /^[\s\u00A0\u202F\u2009*]+([\p{L}][\p{L}’'.-]*)/u.exec(text.slice(end, end + 40));
    const word = next?.[1]?.replace(/['’].*$/, '').replace(/[.-]+$/, '') ?? '';
    const countedAfter = /^[\p{Ll}]/u.test(word) && !FUNCTION_WORD.test(word) && (/[sx]$/.test(word) || COUNT_SYMBOL.test(word));
    if (countedAfter && !YEAR_CONTEXT.test(before)) continue;
    out.push({ text: m[1]!, start, end, value: m[1]! });
  }
  return out;
}

/** Every explicit calendar reference, each distinct value once (a range gives both ends); not durations nor ordinals. */
export function findDates(text: string): DateFact[] {
  const found: DateFact[] = [];
  const used: { start: number; end: number }[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (used.some((u) => start < u.end && u.start < end)) continue;
      const values = rule.read(m);
      if (values.length === 0) continue;
      used.push({ start, end });
      for (const value of values) found.push({ text: m[0], start, end, value });
    }
  }
  found.push(...bareYears(text, used));
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return found.filter((d) => !seen.has(d.value) && seen.add(d.value));
}
