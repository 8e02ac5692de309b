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
  // BigInt('-0') is 0: keep the sign of "-0.5" by hand
  return f ? `${int.startsWith('-') ? '-' : ''}${BigInt(int.replace('-', ''))}.${f}` : String(BigInt(int));
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

/** a − b, exact. */
export function subtractAmounts(a: string | number, b: string | number): string {
  const nb = parseAmount(b);
  return sumAmounts([a, nb.startsWith('-') ? nb.slice(1) : `-${nb}`]);
}

/** Whether an exact amount is above zero. */
export const isPositive = (a: string) => !a.startsWith('-') && /[1-9]/.test(a);

export interface FundingLineLike { funderId: string | null; funderName?: string | null; amount: string; currency: string; kind: string }
export interface FunderShare { funderId: string | null; funderName: string | null; amount: string }
export interface MoneySummary { currency: string; total: string; budget: string; funders: FunderShare[]; unattributed: string }

const kindOrder = ['committed', 'budgeted', 'disbursed'];

/**
 * What a project's co-financing attributes, per funder and currency. Commitments, budgeted and disbursed amounts are
 * different things and are never added: a funder counts with its committed lines, else its budgeted, else its disbursed.
 */
export function attributedByFunder(lines: FundingLineLike[]): Array<FunderShare & { currency: string }> {
  const groups = new Map<string, { line: FundingLineLike; byKind: Map<string, string[]> }>();
  for (const l of lines) {
    const key = `${l.funderId ?? ''}|${l.currency}`;
    const g = groups.get(key) ?? { line: l, byKind: new Map<string, string[]>() };
    g.byKind.set(l.kind, [...(g.byKind.get(l.kind) ?? []), l.amount]);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ line, byKind }) => {
    const kind = kindOrder.find((k) => byKind.has(k)) ?? [...byKind.keys()][0];
    return { funderId: line.funderId, funderName: line.funderName ?? null, currency: line.currency, amount: sumAmounts(byKind.get(kind)!) };
  });
}

/**
 * The money of a set of projects, one summary per currency: the budgets, each funder's attributed amount summed over
 * the projects, what no line attributes (each project's budget minus its lines, when positive) and the total the shares
 * are of (each project's budget, or its lines when they exceed it or there is no budget).
 */
export function summariseMoney(projects: Array<{ budget: { amount: string; currency: string } | null; funding: FundingLineLike[] }>): MoneySummary[] {
  const out = new Map<string, { total: string[]; budget: string[]; unattributed: string[]; funders: Map<string, FunderShare & { amounts: string[] }> }>();
  const of = (c: string) => {
    let s = out.get(c);
    if (!s) { s = { total: [], budget: [], unattributed: [], funders: new Map() }; out.set(c, s); }
    return s;
  };
  for (const p of projects) {
    const shares = attributedByFunder(p.funding);
    const currencies = new Set([...shares.map((s) => s.currency), ...(p.budget ? [p.budget.currency] : [])]);
    for (const c of currencies) {
      const s = of(c);
      const lines = sumAmounts(shares.filter((x) => x.currency === c).map((x) => x.amount));
      const budget = p.budget?.currency === c ? p.budget.amount : null;
      const rest = budget ? subtractAmounts(budget, lines) : '0';
      if (budget) s.budget.push(budget);
      if (isPositive(rest)) s.unattributed.push(rest);
      s.total.push(budget && !isPositive(subtractAmounts(lines, budget)) ? budget : lines);
      for (const x of shares.filter((y) => y.currency === c)) {
        const key = x.funderId ?? '';
        const f = s.funders.get(key) ?? { funderId: x.funderId, funderName: x.funderName, amount: '0', amounts: [] };
        f.amounts.push(x.amount);
        s.funders.set(key, f);
      }
    }
  }
  return [...out.entries()].map(([currency, s]) => ({
    currency, total: sumAmounts(s.total), budget: sumAmounts(s.budget), unattributed: sumAmounts(s.unattributed),
    funders: [...s.funders.values()].map(({ amounts, ...f }) => ({ ...f, amount: sumAmounts(amounts) })),
  }));
}

/** Exact totals per currency, in order of first appearance. */
export function totalsByCurrency(items: Array<{ amount: string; currency: string }>): Array<{ amount: string; currency: string }> {
  const by = new Map<string, string[]>();
  for (const x of items) by.set(x.currency, [...(by.get(x.currency) ?? []), x.amount]);
  return [...by.entries()].map(([currency, amounts]) => ({ currency, amount: sumAmounts(amounts) }));
}
