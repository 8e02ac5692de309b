/** Money and quantities in French text (issue 16): numbers read by french-numbers, classified by what surrounds them. */
import { findDates } from './dates.js';
import { compactFactor, scaled, scanNumbers, type NumberToken } from './french-numbers.js';
import type { AmountFact, QuantityFact, Span } from './types.js';

const CURRENCIES: [RegExp, string][] = [
  [/^(?:€|euros?|eur)$/i, 'EUR'],
  [/^(?:f ?cfa|francs? cfa|xof|cfa)$/i, 'XOF'],
  [/^(?:xaf|f ?cfa beac)$/i, 'XAF'],
  [/^(?:\$|us ?\$|usd|dollars?(?: américains| us)?)$/i, 'USD'],
  [/^(?:dollars? canadiens|cad|\$ ?can?|can ?\$|ca ?\$)$/i, 'CAD'],
  [/^(?:drams?(?: arméniens)?|amd)$/i, 'AMD'],
  [/^(?:hryvnias?|hryvnas?|uah)$/i, 'UAH'],
  [/^(?:laris?|gel)$/i, 'GEL'],
  [/^(?:roubles?|rub)$/i, 'RUB'],
  [/^(?:zlotys?|pln)$/i, 'PLN'],
  [/^(?:lei|leus?|ron)$/i, 'RON'],
  [/^(?:rands?|zar)$/i, 'ZAR'],
  [/^(?:nairas?|ngn)$/i, 'NGN'],
  [/^(?:cedis?|ghs)$/i, 'GHS'],
  [/^(?:birrs?|etb)$/i, 'ETB'],
  [/^(?:shillings? kényans?|kes)$/i, 'KES'],
  [/^(?:riels?|khr)$/i, 'KHR'],
  [/^(?:kips?|lak)$/i, 'LAK'],
  [/^(?:ouguiyas?|mru)$/i, 'MRU'],
  [/^(?:livres? égyptiennes?|egp)$/i, 'EGP'],
  [/^(?:dollars? haïtiens?)$/i, 'HTG'],
  [/^(?:réals?|reais|brl)$/i, 'BRL'],
  [/^(?:dirhams?|dh|mad)$/i, 'MAD'],
  [/^(?:dongs?|vnd)$/i, 'VND'],
  [/^(?:livres? sterling|livres?|£|gbp)$/i, 'GBP'],
  [/^(?:livres? libanaises?|lbp)$/i, 'LBP'],
  [/^(?:dinars? tunisiens?|tnd)$/i, 'TND'],
  [/^(?:dinars? algériens?|dzd)$/i, 'DZD'],
  [/^(?:ariary|mga)$/i, 'MGA'],
  [/^(?:gourdes?|htg)$/i, 'HTG'],
  [/^(?:francs? suisses?|chf)$/i, 'CHF'],
  [/^(?:francs? guinéens?|gnf)$/i, 'GNF'],
  [/^(?:yuans?|cny|renminbis?)$/i, 'CNY'],
  [/^(?:yens?|jpy)$/i, 'JPY'],
  [/^(?:roupies?|inr)$/i, 'INR'],
];
const CURRENCY_WORDS = 'drams?(?: arméniens)?|amd|hryvnias?|hryvnas?|uah|laris?|roubles?|rub|zlotys?|pln|lei|ron|rands?|zar|nairas?|ngn|cedis?|ghs|birrs?|etb|shillings? kényans?|kes|riels?|khr|ouguiyas?|mru|livres? égyptiennes?|egp|réals?|reais|brl|\\$[ \\u00A0\\u202F]?ca|can[ \\u00A0\\u202F]?\\$|dollars? canadiens|dollars? américains|dollars? us|livres? libanaises?|livres? sterling|dinars? tunisiens?|dinars? algériens?|francs? cfa(?: beac)?|francs? suisses?|francs? guinéens?|f ?cfa(?: beac)?|euros?|eur|dollars?|usd|us ?\\$|\\$ ?can|cad|dirhams?|dh|mad|dongs?|vnd|livres?|gbp|lbp|tnd|dzd|ariary|mga|gourdes?|htg|chf|gnf|xof|xaf|yuans?|renminbis?|cny|yens?|jpy|roupies?|inr|€|\\$|£';
/** After a number: optional compact prefix (k, M, Md) then a currency, or "de"/"d'" then a currency word after "millions". */
const AFTER_CURRENCY = new RegExp(`^(?:\\*\\*|_)?[ \\u00A0\\u202F\\u2009]?(?:(k|K|M|Mio|Md|Mds|Mrd|Mrds|md|mds)[ \\u00A0\\u202F\\u2009]?)?((?:de|d['’])[ \\u00A0\\u202F\\u2009]*)?(${CURRENCY_WORDS})(?![\\p{L}\\d])`, 'iu');
const BEFORE_CURRENCY = /(€|US ?\$|\$|£|USD|EUR|GBP)[ \u00A0\u202F\u2009]?$/;

/** Words after a number that are never the thing counted. */
const STOP = new Set(('et ou à au aux de des du d en le la les l un une sur sous par pour avec dans entre chez vers contre sans selon dont que qu qui ce cet cette ces se sa son ses leur leurs il ils elle elles on nous vous je y ne pas plus moins très environ près soit ainsi aussi puis mais car donc est sont a ont était étaient été fut sera seront avait avaient fois oui non h min mn e er ère re ème eme è nd nde bis ter etc via dès depuis jusqu après avant pendant durant lors hors parmi ci là rue avenue av bd boulevard place allée chemin route impasse quai cours square bp cedex tél tel fax n° no p pp janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre janv févr fév avr juil sept oct nov déc dec ans an années année mois jours jour semaines semaine heures heure minutes secondes siècles siècle décennies fr com org').split(' '));
const DURATION = /^(?:ans?|années?|mois|jours?|semaines?|heures?|minutes?|siècles?|décennies?)$/i;
const ADJECTIVES = new Set('nouveaux nouvelles nouvel nouveau grands grandes grand petits petites premiers premières derniers dernières autres bons bonnes gros grosses vieux vieilles principaux principales anciens anciennes différents différentes divers diverses nombreux nombreuses seuls seules vrais véritables'.split(' '));
const SYMBOL_UNIT = /^(?:%|‰|km²|km2|m²|m2|m³|m3|ha|km|kg|t|l|hl|ml|m|cm|mm|g|mw|kw|gw|kwh|mwh|gwh|°c|hab\.?\/km²)$/i;
const UNIT_WORD = /^(?:km²|km2|m²|m2|m³|m3|hab\.?\/km²|[\p{Ll}][\p{L}'’]*(?:-[\p{L}]+)*(?:[.·•‧⋅][\p{Ll}]+)*(?:\([\p{L}]+\)[\p{L}]*)?(?:[²³])?(?:\/km²)?|km²|m²|m³|%|‰|MW|kW|GW|kWh|MWh|GWh|°C)/u;

interface Found { token: NumberToken; start: number; end: number; value: number; text: string }

function overlaps(a: Span, list: Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/** A number glued to an identifier, a URL, a time, an ordinal or a reference ("n° 12", "p. 4"). */
function isNotAValue(text: string, t: NumberToken): boolean {
  const before = text.slice(Math.max(0, t.start - 12), t.start);
  const after = text.slice(t.numberEnd, t.numberEnd + 6);
  if (/[\p{L}\d]-$|[\d][/.:]$|[#@/_^]$/u.test(before)) return true;
  if (/(?:n°|n[o°º]\.?|num\.?|p\.|pp\.|page|art\.|article|chapitre|tome|vol\.|version|v\.|cop|odd|tél\.?|tel\.?)\s*$/iu.test(before)) return true;
  if (!t.words && /^(?:\^?\{?(?:e|er|ère|re|ème|eme|è|nd|nde|es|èmes)\}?)(?![\p{L}])/u.test(after)) return true;
  if (!t.words && /^\s?h\s?\d|^[:/.]\d|^-\d/.test(after)) return true;
  if (!t.words && /^[\p{Lu}]/u.test(after) && !/^(?:M|Md|Mds|Mrd|Mio|MDH|MW|MWh|GW|GWh|EUR|USD|MAD|VND|XOF|XAF|FCFA|GBP|DH|CHF|K)(?![\p{Ll}])/u.test(after)) return true;
  const tokenStart = text.lastIndexOf(' ', t.start) + 1;
  const tokenEnd = text.indexOf(' ', t.numberEnd);
  const whole = text.slice(tokenStart, tokenEnd < 0 ? undefined : tokenEnd);
  return /https?:|www\.|@|[\p{L}]\/[\p{L}\d]|\.(?:fr|org|com|net)\b/u.test(whole) && !/^\d/.test(whole);
}

function currencyOf(word: string): string | undefined {
  const w = word.replace(/\s+/g, ' ').trim();
  return CURRENCIES.find(([re]) => re.test(w))?.[1];
}

function moneyAt(text: string, t: NumberToken): Found & { currency: string } | undefined {
  const m = AFTER_CURRENCY.exec(text.slice(t.end, t.end + 40));
  if (m && (!m[2] || t.multiplied)) {
    const currency = currencyOf(m[3]!);
    const books = /^livres?$/i.test(m[3]!) && !t.multiplied; // "500 livres" are books unless "sterling" or "millions de"
    if (currency && !books && !(t.multiplied && m[1])) {
      const end = t.end + m[0].length;
      return { token: t, start: t.start, end, value: scaled(t.value, compactFactor(m[1] ?? '')), text: text.slice(t.start, end), currency };
    }
  }
  const b = BEFORE_CURRENCY.exec(text.slice(Math.max(0, t.start - 5), t.start));
  if (b && !t.words) {
    const start = t.start - b[0].length;
    const c = /(\s?(?:k|M|Md|Mds)(?![\p{L}]))/u.exec(text.slice(t.end, t.end + 4));
    const end = c && c.index === 0 ? t.end + c[0].length : t.end;
    return { token: t, start, end, value: scaled(t.value, c && c.index === 0 ? compactFactor(c[0].trim()) : 1), text: text.slice(start, end), currency: currencyOf(b[1]!)! };
  }
  return undefined;
}

/** Money only, each distinct (value, currency) once. */
export function findAmounts(text: string): AmountFact[] {
  const tokens = scanNumbers(text);
  const amounts: (Found & { currency: string })[] = [];
  const skip = new Set<NumberToken>();
  for (const t of tokens) {
    if (isNotAValue(text, t)) continue;
    const money = moneyAt(text, t);
    if (money && !(money.token.words && money.value < 2 && !money.token.multiplied)) { amounts.push(money); skip.add(t); }
  }
  // bare numbers in the parenthesis after an amount, or after "dont": "230 000 euros (80 000 CD93 et 80 000 MAEE)"
  for (const a of [...amounts]) {
    const rest = text.slice(a.end, a.end + 200);
    const open = /^[^.!?\n()]{0,40}?(\(|\bdont\b)/.exec(rest);
    if (!open) continue;
    const from = a.end + open[0].length;
    if (amounts.some((b) => b.start >= a.end && b.start < from)) continue; // the nearest amount gives the currency
    const close = open[1] === '(' ? text.indexOf(')', from) : from + (/[.;!?\n]/.exec(text.slice(from))?.index ?? text.length - from);
    if (close < 0 || close - from > 160) continue;
    for (const t of tokens) {
      if (t.start < from || t.end > close || skip.has(t) || t.words || isNotAValue(text, t)) continue;
      if (t.plainInteger && t.value >= 1900 && t.value <= 2099) continue;
      if (readUnit(text, t)) continue;
      amounts.push({ token: t, start: t.start, end: t.end, value: t.value, text: text.slice(t.start, t.end), currency: a.currency });
      skip.add(t);
    }
  }
  amounts.sort((x, y) => x.start - y.start);
  const seen = new Set<string>();
  const out: AmountFact[] = [];
  for (const a of amounts) {
    const key = `${a.value}|${a.currency}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text: a.text, start: a.start, end: a.end, value: a.value, currency: a.currency });
  }
  return out;
}

/** Lower case, inclusive writing folded: "habitant.e.s" → "habitants", "étudiant(e)s" → "étudiants". */
export function normaliseUnit(word: string): string {
  return word.toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[.·•‧⋅][\p{L}]+[.·•‧⋅]s$/u, 's')
    .replace(/[.·•‧⋅]e$/u, '')
    .replace(/\(e\)s$/, 's').replace(/\(e\)$/, '')
    .replace(/^km2$/, 'km²').replace(/^m2$/, 'm²').replace(/^m3$/, 'm³');
}

/** The noun counted after a number, or undefined: skips markdown emphasis, "de"/"d'" after "millions", adjectives. */
function readUnit(text: string, t: NumberToken): { unit: string; end: number } | undefined {
  let pos = t.end;
  const skipSpaces = () => { const m = /^(?:[ \u00A0\u202F\u2009]|\*\*|__)*/.exec(text.slice(pos, pos + 10)); pos += m ? m[0].length : 0; };
  skipSpaces();
  const pct = /^(?:%|‰|pour ?cent\b|p\. ?100\b)/i.exec(text.slice(pos, pos + 12));
  if (pct) return { unit: pct[0] === '‰' ? '‰' : '%', end: pos + pct[0].length };
  if (t.multiplied || (t.value >= 1e6 && t.value % 1e6 === 0)) { const de = /^(?:de |d['’])/i.exec(text.slice(pos, pos + 4)); if (de) pos += de[0].length; }
  for (let i = 0; i < 2; i++) {
    const m = UNIT_WORD.exec(text.slice(pos, pos + 60));
    if (!m) return undefined;
    const word = m[0].replace(/['’]$/, '');
    const low = word.toLowerCase();
    if (ADJECTIVES.has(low) && i === 0) { pos += m[0].length; skipSpaces(); continue; }
    if (SYMBOL_UNIT.test(word)) return { unit: normaliseUnit(word), end: pos + word.length };
    if (low.length < 2 || /['’]/.test(word) || (STOP.has(low) && !DURATION.test(low))) return undefined;
    return { unit: normaliseUnit(word), end: pos + word.length };
  }
  return undefined;
}

/** A plural noun or a unit symbol: what a year-like "2000" must be followed by to be a count ("2000 habitants"). */
export function looksCounted(word: string): boolean {
  return /[sx]$/i.test(word) || SYMBOL_UNIT.test(word);
}

/** "Espérance de vie : 75,2 ans": durations count only as measures, with a label or "d'espérance de vie". */
function isMeasureOfTime(text: string, t: NumberToken, end: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', t.start) + 1, t.start);
  if (/^[\s\-•·*]*[\p{L}][\p{L}'’ ]{1,40}\s?:\s*(?:environ\s+)?$/u.test(line) && !/durée|délai|période/i.test(line)) return true;
  return /esp[ée]rance|[âa]ge (?:moyen|m[ée]dian)/i.test(text.slice(Math.max(0, t.start - 30), end + 25));
}

/** "IDH : 0,704": a bare number after a short label at the start of a line takes the label as unit. */
function labelUnit(text: string, t: NumberToken): string | undefined {
  const line = text.slice(text.lastIndexOf('\n', t.start) + 1, t.start);
  const m = /^[\s\-•·*]*([\p{L}][\p{L}'’ ]{0,60}?)\s?:\s*$/u.exec(line);
  if (!m) return undefined;
  const after = text.slice(t.end, t.end + 3);
  if (!/^\s*(?:$|\n|[;,)(]|\.(?!\d))/.test(after)) return undefined;
  const label = m[1]!.trim().toLowerCase();
  const counted = /^nombre (?:total )?(?:de |d['’])\s*([\p{L}]+)/u.exec(label); // "Nombre de projets : 312" → "projets"
  if (counted) return normaliseUnit(counted[1]!);
  if (label.split(/\s+/).length > 3 || /t[ée]l|fax|code|cp|date|publi|version|page|ann[ée]e|n°|siret|siren|r[ée]f|budget|montant|co[uû]t|contact|adresse|horaire|heure/.test(label)) return undefined;
  if (t.plainInteger && t.value >= 1900 && t.value <= 2099) return undefined;
  return /^population$/.test(label) ? 'habitants' : label;
}

/** Counted things and measures that are neither money nor dates; `taken`: spans already read as dates or money. */
export function findQuantities(text: string, taken: Span[] = []): QuantityFact[] {
  const busy: Span[] = [...taken, ...findDates(text), ...findAmounts(text)];
  const out: QuantityFact[] = [];
  const seen = new Set<string>();
  const tokens = scanNumbers(text);
  for (const [i, t] of tokens.entries()) {
    if (overlaps({ start: t.start, end: t.numberEnd }, busy) || isNotAValue(text, t)) continue;
    let found = readUnit(text, t);
    let start = t.start;
    if (found && DURATION.test(found.unit) && !isMeasureOfTime(text, t, found.end)) continue;
    if (!found) {
      // "entre 20 et 30 personnes", "de 2 à 3 ateliers": the first number takes the second's unit
      const next = tokens[i + 1];
      const link = next ? text.slice(t.end, next.start) : '';
      const shared = next && /^\s*(?:à|et|ou|-|–)\s*$/.test(link) ? readUnit(text, next) : undefined;
      if (shared && !DURATION.test(shared.unit)) found = { unit: shared.unit, end: t.end };
      else {
        const label = labelUnit(text, t);
        if (label) {
          const lineStart = text.lastIndexOf('\n', t.start) + 1;
          start = lineStart + Math.max(0, text.slice(lineStart, t.start).search(/\p{L}/u));
          found = { unit: label, end: t.end };
        }
      }
    }
    if (!found) continue;
    if (t.plainInteger && t.value >= 1900 && t.value <= 2099 && !looksCounted(found.unit)) continue;
    if (t.words && t.value < 100 && !t.multiplied) continue;
    const key = `${t.value}|${found.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text: text.slice(start, found.end), start, end: found.end, value: t.value, unit: found.unit });
  }
  return out;
}
