/** Money as exact decimal strings (the database's numeric), never floats in storage. */
export const AMOUNT_RE = /^-?\d{1,14}(\.\d{1,2})?$/;

/** Normalise an amount given as number or string ("80 000", "80000.5") to "80000.50"-free canonical form "80000.5". */
export function parseAmount(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!AMOUNT_RE.test(s)) throw new RangeError(`not an amount: ${value}`);
  return normaliseAmount(s);
}

export function normaliseAmount(s: string): string {
  if (!s.includes('.')) return String(BigInt(s));
  const [int, frac] = s.split('.');
  const f = frac.replace(/0+$/, '');
  return f ? `${BigInt(int)}.${f}` : String(BigInt(int));
}

/** Sum exact amounts in cents. */
export function sumAmounts(amounts: Array<string | number>): string {
  let cents = 0n;
  for (const a of amounts) {
    const [int, frac = ''] = parseAmount(a).split('.');
    const neg = int.startsWith('-');
    const c = BigInt(int) * 100n + (neg ? -1n : 1n) * BigInt((frac + '00').slice(0, 2));
    cents += c;
  }
  const neg = cents < 0n; const abs = neg ? -cents : cents;
  return normaliseAmount(`${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
}

/** "230 000 €" in French, "€230,000" in English, "230.000 €" in Vietnamese. */
export function formatMoney(amount: string | number, currency: string, locale = 'fr'): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  return currencyFormat(locale, currency, Number.isInteger(n) ? 0 : 2).format(n);
}

const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}`;
  let f = currencyFormats.get(key);
  if (!f) { f = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: digits }); currencyFormats.set(key, f); }
  return f;
}
