/**
 * Admission control: at most `maxInflight` requests past this point at once (they reach the database: on PGlite one
 * thread runs every query and the event loop, on PostgreSQL the pool has a few connections); the next ones wait in
 * arrival order, at most `maxQueue` of them and at most `maxWaitMs` each. Past either bound the answer is a prompt
 * 503 with `Retry-After` — never a request left hanging until the client gives up. Served first without waiting:
 * what the visitors' cache answers (mounted before this), the static assets and the health check.
 * Requests run one after another instead of all at once, so each finishes sooner and a crowd is served in order
 * (PGlite interleaves the statements of everything under way: under 200 connections some requests waited over 10 s).
 *
 * TANDEM_MAX_INFLIGHT (default 1 on PGlite, 4 × DATABASE_POOL_SIZE on PostgreSQL; 0 turns admission off),
 * TANDEM_QUEUE_WAIT_MS (default 5000: a form sent in a crowd is better saved after a few seconds than refused; visitors
 * rarely wait, lib/response-cache.ts serving them the page dropped a moment ago), TANDEM_MAX_QUEUE (default 1000).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Engine } from '../db/client.js';

export interface AdmissionOptions { maxInflight: number; maxQueue: number; maxWaitMs: number }

/** How the app answers a request it turns away: JSON on the API; pages may get the site's page (AppOptions.busyPage). */
export type BusyPage = (c: Context, retryAfterS: number) => Response | Promise<Response>;

export class Admission {
  private inflight = 0;
  private readonly waiting = new Map<number, () => void>(); // in arrival order
  private nextId = 0;
  readonly stats = { admitted: 0, waited: 0, refusedFull: 0, refusedWait: 0, peakInflight: 0, peakWaiting: 0 };

  constructor(readonly opts: AdmissionOptions) {}

  get running(): number { return this.inflight; }
  get queued(): number { return this.waiting.size; }
  /** Seconds a turned-away client is told to wait: the queue's own bound, at least 1. */
  get retryAfterS(): number { return Math.max(1, Math.ceil(this.opts.maxWaitMs / 1000)); }

  /** Resolves true once admitted (then call release() exactly once), false when refused (queue full or waited too long). */
  acquire(): Promise<boolean> {
    if (this.inflight < this.opts.maxInflight && !this.waiting.size) { this.admit(); return Promise.resolve(true); }
    if (this.waiting.size >= this.opts.maxQueue) { this.stats.refusedFull++; return Promise.resolve(false); }
    this.stats.waited++;
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => { this.waiting.delete(id); this.stats.refusedWait++; resolve(false); }, this.opts.maxWaitMs);
      this.waiting.set(id, () => { clearTimeout(timer); this.admit(); resolve(true); });
      this.stats.peakWaiting = Math.max(this.stats.peakWaiting, this.waiting.size);
    });
  }

  release(): void {
    this.inflight--;
    for (const [id, admit] of this.waiting) {
      if (this.inflight >= this.opts.maxInflight) break;
      this.waiting.delete(id);
      admit();
    }
  }

  private admit(): void {
    this.inflight++;
    this.stats.admitted++;
    this.stats.peakInflight = Math.max(this.stats.peakInflight, this.inflight);
  }

  /** The middleware: requests for which exempt() is true pass at once; the others are admitted, queued or refused. */
  middleware(opts: { exempt?: (c: Context) => boolean; busyPage?: BusyPage } = {}): MiddlewareHandler {
    return async (c, next) => {
      if (opts.exempt?.(c)) return next();
      const t0 = performance.now();
      const waits = this.inflight >= this.opts.maxInflight || this.waiting.size > 0;
      if (!(await this.acquire())) return this.busy(c, opts.busyPage);
      try {
        // Back to the event loop before the work: on PGlite a request's queries run on this thread and their promises
        // resolve without returning to it, so without this pause one request after another would run to the end while
        // new arrivals sit unread in their sockets — unseen by the queue, unbounded in wait. Now they join the queue
        // (or are refused) while this one runs, and the waiting ones' deadlines can fire.
        await new Promise((resume) => setImmediate(resume));
        // a deadline that passed while the thread was busy: refused all the same, the bound is the bound
        if (performance.now() - t0 > this.opts.maxWaitMs) { this.stats.refusedWait++; return this.busy(c, opts.busyPage); }
        // a client that left while waiting gets nothing done for it (the signal is only read then: reading it costs)
        if (waits && c.req.raw.signal?.aborted) return this.busy(c, opts.busyPage);
        await next();
      } finally {
        this.release();
      }
    };
  }

  private async busy(c: Context, busyPage?: BusyPage): Promise<Response> {
    const s = this.retryAfterS;
    const res = !c.req.path.startsWith('/api/') && busyPage
      ? await busyPage(c, s)
      : c.json({ error: `the server is busy; try again in ${s} s`, retryAfter: s }, 503);
    res.headers.set('Retry-After', String(s));
    res.headers.set('Cache-Control', 'no-store');
    return res;
  }
}

/** Static assets and the health check never wait (a load balancer must not take a busy process for a dead one). */
export const ADMISSION_EXEMPT = (c: Context) => c.req.path.startsWith('/assets/') || c.req.path === '/api/health';

const int = (v: string | undefined, dflt: number) => (v == null || v.trim() === '' ? dflt : Number(v));

/** TANDEM_MAX_INFLIGHT, TANDEM_QUEUE_WAIT_MS, TANDEM_MAX_QUEUE; null when admission is off (TANDEM_MAX_INFLIGHT=0). */
export function admissionOptionsFromEnv(env: NodeJS.ProcessEnv, engine: Engine): AdmissionOptions | null {
  const pool = int(env.DATABASE_POOL_SIZE, 10);
  const o = {
    maxInflight: int(env.TANDEM_MAX_INFLIGHT, engine === 'pglite' ? 1 : 4 * pool),
    maxWaitMs: int(env.TANDEM_QUEUE_WAIT_MS, 5000),
    maxQueue: int(env.TANDEM_MAX_QUEUE, 1000),
  };
  for (const [name, v] of [['TANDEM_MAX_INFLIGHT', o.maxInflight], ['TANDEM_QUEUE_WAIT_MS', o.maxWaitMs], ['TANDEM_MAX_QUEUE', o.maxQueue]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${JSON.stringify(env[name])}`);
  }
  return o.maxInflight > 0 ? o : null;
}
