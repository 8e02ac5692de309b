/**
 * Dates whose precision matters: "mai 2006" is a month, "2018" a year, "16 novembre 2023" a day.
 * The API speaks ISO 8601 partial strings ("2006-05"); the database keeps the first day + a precision.
 */
export type DatePrecision = 'year' | 'month' | 'day';
export interface PartialDate { date: string; precision: DatePrecision }

export const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(value: string): PartialDate {
  const m = PARTIAL_DATE_RE.exec(value);
  if (!m) throw new RangeError(`not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): ${value}`);
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) throw new RangeError(`month out of range: ${value}`);
  if (d !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > last) throw new RangeError(`day out of range: ${value}`);
    return { date: value, precision: 'day' };
  }
  if (mo !== undefined) return { date: `${y}-${mo}-01`, precision: 'month' };
  return { date: `${y}-01-01`, precision: 'year' };
}

export function isPartialDate(value: string): boolean {
  try { parsePartialDate(value); return true; } catch { return false; }
}

/** Back to the ISO partial string; accepts a Date or "YYYY-MM-DD…" from the database. */
export function formatPartialDate(date: string | Date | null | undefined, precision: string | null | undefined): string | null {
  if (date == null) return null;
  const iso = typeof date === 'string' ? date.slice(0, 10) : toIsoDay(date);
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

export function toIsoDay(date: Date): string {
  const y = date.getFullYear(), m = date.getMonth() + 1, d = date.getDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The year of an ISO partial date. */
export function yearOf(value: string | null | undefined): number | null {
  return value ? Number(value.slice(0, 4)) : null;
}

/**
 * Human form in a locale: "mai 2006", "2018", "16 novembre 2023". Vietnamese in one form, the standard written one:
 * "ngày 16 tháng 11 năm 2023" and "tháng 5 năm 2006" (Intl alone mixes "16 tháng 11, 2023" with "tháng 5 năm 2006").
 */
export function displayPartialDate(value: string, locale = 'fr'): string {
  const { date, precision } = parsePartialDate(value);
  const d = new Date(`${date}T00:00:00Z`);
  if (precision === 'year') return date.slice(0, 4);
  if (locale === 'vi') return viDate(date, precision);
  const opts: Intl.DateTimeFormatOptions = precision === 'month'
    ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const f = formatter(locale, precision, opts);
  if (precision === 'day' && d.getUTCDate() === 1 && locale.startsWith('fr')) {
    // French writes the first day of a month as an ordinal: « 1er juillet 2025 », not « 1 juillet ».
    return f.formatToParts(d).map((p) => (p.type === 'day' ? `${p.value}er` : p.value)).join('');
  }
  return f.format(d);
}

function viDate(isoDay: string, precision: 'month' | 'day'): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return precision === 'month' ? `tháng ${m} năm ${y}` : `ngày ${d} tháng ${m} năm ${y}`;
}

/** A moment as people read it in Paris: its day (as displayPartialDate), and its time of day when asked ("3 mai 2026 à 14:30"). */
export function displayInstant(at: string | Date, locale = 'fr', withTime = false): string {
  const moment = new Date(at);
  const day = formatter('en-CA', 'paris-day', { timeZone: 'Europe/Paris' }).format(moment); // YYYY-MM-DD
  const date = displayPartialDate(day, locale);
  if (!withTime) return date;
  const time = formatter(locale, 'paris-time', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(moment);
  return `${date}${TIME_JOIN[locale] ?? ', '}${time}`;
}
const TIME_JOIN: Record<string, string> = { fr: ' à ', en: ' at ', vi: ' lúc ' };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Formatters are costly to build: one per locale and precision, kept. */
function formatter(locale: string, precision: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) { f = new Intl.DateTimeFormat(locale, opts); formatters.set(key, f); }
  return f;
}
