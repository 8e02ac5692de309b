/**
 * The counting of `npm run bench:load`: answers per request kind sorted into ok (2xx), expected (409 stale version,
 * 429 rate limit), busy (503: the admission valve, lib/admission.ts), errors (other 5xx, timeouts, connection errors)
 * and unexpected (any other status: a defect of the script or of the server); latencies p50/p99; the RSS samples and
 * the soak's verdict.
 */
import { percentile } from './lib.js';

export const KINDS = ['page', 'search', 'api', 'register', 'survey-start', 'survey-submit', 'edit', 'edit-read'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindStats {
  count: number; ok: number; /** of ok: a page dropped a moment ago, served instead of a 503 */ stale: number; s409: number; s429: number; s503: number; errors: number; timeouts: number; unexpected: number;
  p50: number; p99: number; max: number; statuses: Record<string, number>;
}

export class Tally {
  private readonly ms = new Map<Kind, number[]>();
  private readonly counts = new Map<Kind, Omit<KindStats, 'p50' | 'p99' | 'max'>>();
  /** a few samples of unexpected answers, to say what went wrong */
  readonly samples: string[] = [];

  private of(kind: Kind) {
    let c = this.counts.get(kind);
    if (!c) { c = { count: 0, ok: 0, stale: 0, s409: 0, s429: 0, s503: 0, errors: 0, timeouts: 0, unexpected: 0, statuses: {} }; this.counts.set(kind, c); this.ms.set(kind, []); }
    return c;
  }

  /** status: the HTTP status, 'timeout' (no answer within the limit) or 'error' (connection refused, reset…). */
  add(kind: Kind, status: number | 'timeout' | 'error', ms: number, what = '', stale = false): void {
    const c = this.of(kind);
    c.count++;
    c.statuses[String(status)] = (c.statuses[String(status)] ?? 0) + 1;
    if (status === 'timeout') { c.timeouts++; c.errors++; return; }
    if (status === 'error') { c.errors++; if (this.samples.length < 10) this.samples.push(`${kind}: ${what}`); return; }
    this.ms.get(kind)!.push(ms);
    if (status >= 200 && status < 300) { c.ok++; if (stale) c.stale++; }
    else if (status === 409) c.s409++;
    else if (status === 429) c.s429++;
    else if (status === 503) c.s503++;
    else if (status >= 500) { c.errors++; if (this.samples.length < 10) this.samples.push(`${kind} ${status}: ${what}`); }
    else { c.unexpected++; if (this.samples.length < 10) this.samples.push(`${kind} ${status}: ${what}`); }
  }

  /** Per kind, and 'all': latencies of every answered request (whatever its status). */
  summary(): Record<string, KindStats> {
    const out: Record<string, KindStats> = {};
    const all: number[] = [];
    const total = { count: 0, ok: 0, stale: 0, s409: 0, s429: 0, s503: 0, errors: 0, timeouts: 0, unexpected: 0, statuses: {} as Record<string, number> };
    for (const kind of KINDS) {
      const c = this.counts.get(kind);
      if (!c) continue;
      const ms = this.ms.get(kind)!.sort((a, b) => a - b);
      all.push(...ms);
      out[kind] = { ...c, ...latencies(ms) };
      for (const k of ['count', 'ok', 'stale', 's409', 's429', 's503', 'errors', 'timeouts', 'unexpected'] as const) total[k] += c[k];
      for (const [s, n] of Object.entries(c.statuses)) total.statuses[s] = (total.statuses[s] ?? 0) + n;
    }
    out.all = { ...total, ...latencies(all.sort((a, b) => a - b)) };
    return out;
  }
}

function latencies(sorted: number[]) {
  const r = (x: number) => (Number.isNaN(x) ? NaN : Math.round(x));
  return { p50: r(percentile(sorted, 50)), p99: r(percentile(sorted, 99)), max: r(sorted[sorted.length - 1] ?? NaN) };
}

export interface RssSample { t: number; kb: number }

/**
 * The soak's rule: the plateau is the largest RSS of the first minute of load; memory is "steady" when the largest RSS
 * after that minute is at most the plateau × (1 + tolerance), 10 % by default.
 */
export function soakVerdict(samples: RssSample[], tolerance = 0.10, firstMs = 60_000) {
  const first = samples.filter((s) => s.t <= firstMs).map((s) => s.kb);
  const rest = samples.filter((s) => s.t > firstMs).map((s) => s.kb);
  const plateauMb = first.length ? Math.round(Math.max(...first) / 1024) : NaN;
  const restMaxMb = rest.length ? Math.round(Math.max(...rest) / 1024) : NaN;
  const lastMb = samples.length ? Math.round(samples[samples.length - 1].kb / 1024) : NaN;
  const steady = first.length > 0 && rest.length > 0 && Math.max(...rest) <= Math.max(...first) * (1 + tolerance);
  // each minute's largest RSS: a late plateau (caches filling) looks different from a steady climb
  const perMinuteMaxMb: number[] = [];
  for (const x of samples) { const m = Math.floor(Math.max(0, x.t - 1) / 60_000); perMinuteMaxMb[m] = Math.max(perMinuteMaxMb[m] ?? 0, Math.round(x.kb / 1024)); }
  return { plateauMb, restMaxMb, lastMb, perMinuteMaxMb: [...perMinuteMaxMb].map((v) => v ?? NaN), ratio: Math.round((restMaxMb / plateauMb) * 1000) / 1000, steady,
    rule: `steady when max RSS after minute 1 ≤ max RSS of minute 1 × ${1 + tolerance}` };
}

/** Max and last RSS of each process's samples, in MB. */
export function rssSummary(samples: RssSample[]) {
  const kb = samples.map((s) => s.kb);
  return { samples: kb.length, maxMb: kb.length ? Math.round(Math.max(...kb) / 1024) : NaN, lastMb: kb.length ? Math.round(kb[kb.length - 1] / 1024) : NaN };
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(w[i]) : x.padStart(w[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function kindsTable(summary: Record<string, KindStats>): string {
  const head = ['kind', 'count', '2xx', 'of which stale', '409', '429', '503 (valve)', 'errors', 'timeouts', 'unexpected', 'p50 ms', 'p99 ms', 'max ms'];
  const rows = Object.entries(summary).map(([k, s]) => [k, s.count, s.ok, s.stale, s.s409, s.s429, s.s503, s.errors, s.timeouts, s.unexpected, s.p50, s.p99, s.max].map(String));
  return table(head, rows);
}
