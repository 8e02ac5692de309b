/** A small deterministic PRNG (mulberry32) and the draws the generator needs. */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A weighted choice, prepared once (cumulative weights, binary search). */
export interface Weighted<T> { items: T[]; cum: number[]; total: number }

export function weighted<T>(pairs: Array<[T, number]>): Weighted<T> {
  const items: T[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const [item, w] of pairs) {
    if (!(w > 0)) continue;
    total += w;
    items.push(item);
    cum.push(total);
  }
  if (!items.length) throw new Error('weighted: no item with a positive weight');
  return { items, cum, total };
}

export class Rng {
  private next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }

  /** Uniform in [0, 1). */
  float(): number { return this.next(); }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]; }

  from<T>(w: Weighted<T>): T {
    const x = this.next() * w.total;
    let lo = 0, hi = w.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (w.cum[mid] > x) hi = mid; else lo = mid + 1;
    }
    return w.items[lo];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(), v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number { return median * Math.exp(sigma * this.normal()); }

  /** A year in [from, to] skewed toward `to` (density grows toward recent years). */
  recentYear(from: number, to: number): number {
    const u = this.next();
    return Math.min(to, from + Math.floor((to - from + 1) * (1 - u * u)));
  }

  /** k distinct items of xs (k ≤ xs.length), in draw order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    const out: T[] = [];
    for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}
