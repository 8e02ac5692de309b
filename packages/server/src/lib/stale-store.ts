/**
 * The answers the visitors' cache (lib/response-cache.ts) dropped after a change, kept a short while to be served
 * instead of a 503 when the server is too busy to make them again (the admission valve, lib/admission.ts) — HTTP's
 * stale-if-error (RFC 5861): under a crowd that registers and edits, a visitor gets the page as it was a few seconds
 * ago, marked `X-Tandem-Cache: stale` with its `Age`, rather than "come back later". Never served otherwise; at most
 * maxStaleMs after it was dropped; at most maxBytes of bodies, the longest dropped first out.
 */

/** One kept answer (the body as sent: compressed when the request accepted it). */
export interface CachedAnswer { body: Uint8Array<ArrayBuffer>; status: number; headers: Array<[string, string]>; storedAt: number; event?: boolean; stale?: boolean }

export class StaleStore {
  private readonly entries = new Map<string, { answer: CachedAnswer; droppedAt: number }>(); // in order of dropping
  private bytes = 0;

  constructor(readonly maxBytes: number, readonly maxStaleMs: number) {}

  get size(): number { return this.entries.size; }

  /** An answer just dropped from the cache. */
  keep(key: string, answer: CachedAnswer, now = Date.now()): void {
    if (!(this.maxStaleMs > 0) || answer.status !== 200) return;
    this.forget(key);
    this.entries.set(key, { answer, droppedAt: now });
    this.bytes += answer.body.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes && now - v.droppedAt <= this.maxStaleMs) break;
      this.entries.delete(k);
      this.bytes -= v.answer.body.byteLength;
    }
  }

  /** The answer dropped for key, if it was dropped less than maxStaleMs ago. */
  take(key: string, now = Date.now()): CachedAnswer | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.droppedAt > this.maxStaleMs) { this.forget(key); return undefined; }
    return { ...e.answer, stale: true };
  }

  /** A fresh answer was made for key: the old one is no longer needed. */
  forget(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.answer.body.byteLength;
  }

  clear(): void { this.entries.clear(); this.bytes = 0; }
}
