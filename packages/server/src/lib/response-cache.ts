/**
 * The answers a visitor gets, kept in this process's memory until the records change: one record as JSON, a sheet,
 * a search, the home page, the statistics, the embeds — whatever paths the app registers. Only anonymous GETs
 * (lib/read-db.ts `isAnonymousRead`): a signed-in person or a script with a token always reads the database.
 *
 * Correctness rests on the change feed (lib/changes.ts): a change drops everything (pages show related records, so
 * finer invalidation would have to know every page's joins), except the two narrower scopes the feed knows — a sign-in
 * drops nothing, a registration or a survey answer only the answers of EVENT_PATHS; an answer begun before a change
 * that could touch it is not stored; nothing is
 * served or stored while changes made elsewhere could be missed. Belt and braces: entries expire after maxAgeMs (pages
 * that depend on the date), only 200 answers without Set-Cookie are kept, and with a read replica nothing is stored
 * for replicaGraceMs after a change (the replica may not have replayed it yet).
 * Keys: the full URL (host, path, query) and the compression the request accepts (the body is stored as sent).
 * Memory: at most maxBytes of bodies, least recently used first out. `X-Tandem-Cache: hit | miss` tells which.
 * Dropped answers are kept maxStaleMs longer (lib/stale-store.ts) and served, marked `stale`, only instead of a 503.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.js';
import { watchChanges, type ChangeFeed, type Scope } from './changes.js';
import { isAnonymousRead } from './read-db.js';
import { StaleStore, type CachedAnswer } from './stale-store.js';

export interface CacheOptions {
  maxBytes: number;
  maxAgeMs: number;
  /** With a read replica: no entry is stored this long after a change. 0 without one. */
  replicaGraceMs: number;
  /** How long a dropped answer may still be served instead of a 503 (lib/stale-store.ts); 0 or absent: never. */
  maxStaleMs?: number;
}

type Entry = CachedAnswer;

export const CACHE_HEADER = 'x-tandem-cache';
const REFRESH_HEADER = 'x-tandem-refresh';
/** Background refreshes under way at most: they wait in the admission queue like any request. */
const MAX_REFRESHING = 2;

/**
 * The answers that show registrations or survey answers (lib/changes.ts scope 'events'): an event's page and record
 * (places left, the reports of its surveys), a series' page and record (its events), embeds — in every language.
 */
export const EVENT_PATHS = [/^(\/(en|vi))?\/(events|series|embed)\//, /^\/api\/(events|event-series)\//];
export const isEventPath = (path: string): boolean => EVENT_PATHS.some((p) => p.test(path));

export class ResponseCache {
  private readonly entries = new Map<string, Entry>(); // in order of last use
  private readonly making = new Map<string, Promise<Entry | undefined>>(); // answers being made now, by key
  private bytes = 0;
  private readonly stale: StaleStore;
  private refreshing = 0;
  /** Marks this process's own background refreshes (a visitor cannot send it: it is random and never leaves). */
  private readonly refreshToken = randomBytes(16).toString('hex');
  readonly stats = { hits: 0, misses: 0, stored: 0, dropped: 0, stale: 0, refreshed: 0 };

  constructor(readonly feed: ChangeFeed, readonly opts: CacheOptions) {
    this.stale = new StaleStore(opts.maxBytes, opts.maxStaleMs ?? 0);
    feed.subscribe((scope) => (scope === 'all' ? this.clear() : this.drop(scope)));
  }

  get size(): number { return this.entries.size; }
  get storedBytes(): number { return this.bytes; }

  clear(): void {
    if (this.entries.size) this.stats.dropped++;
    const now = Date.now();
    if (this.feed.live) for (const [k, e] of this.entries) this.stale.keep(k, e, now);
    else this.stale.clear(); // changes may have been missed: what was kept may be older than anyone knows
    this.entries.clear();
    this.bytes = 0;
  }

  /** Drops the entries a change of this scope may have made stale. */
  drop(scope: Exclude<Scope, 'all'>): void {
    if (scope !== 'events') return;
    let n = 0;
    const now = Date.now();
    for (const [k, e] of this.entries) if (e.event) { this.entries.delete(k); this.bytes -= e.body.byteLength; this.stale.keep(k, e, now); n++; }
    if (n) this.stats.dropped++;
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (Date.now() - e.storedAt > this.opts.maxAgeMs) { this.bytes -= e.body.byteLength; return undefined; }
    this.entries.set(key, e);
    return e;
  }

  set(key: string, e: Entry): void {
    const size = e.body.byteLength;
    if (size > this.opts.maxBytes / 16) return; // a few large answers must not push out everything else
    const old = this.entries.get(key);
    if (old) { this.entries.delete(key); this.bytes -= old.body.byteLength; }
    for (const [k, v] of this.entries) {
      if (this.bytes + size <= this.opts.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
    }
    this.entries.set(key, e);
    this.bytes += size;
    this.stats.stored++;
    this.stale.forget(key);
  }

  /**
   * Serves and fills the cache for anonymous GETs of the paths given. While requests wait for their turn (busy,
   * lib/admission.ts), a visitor whose answer was dropped a moment ago gets that one at once, and the server makes the
   * fresh one in the background (refresh: the app's own fetch; at most MAX_REFRESHING at a time, one per answer).
   */
  middleware(paths: RegExp[], o: { busy?: () => boolean; refresh?: (req: Request) => Promise<Response> } = {}): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== 'GET' || !this.feed.live || !paths.some((p) => p.test(c.req.path)) || !isAnonymousRead(c)) return next();
      const encoding = encodingOf(c);
      const key = `${encoding} ${c.req.url}`;
      let hit = this.get(key);
      const refreshing = c.req.header(REFRESH_HEADER) === this.refreshToken;
      if (!hit && !refreshing && o.busy?.()) {
        const old = this.stale.take(key);
        if (old) {
          this.stats.stale++;
          if (o.refresh && !this.making.has(key) && this.refreshing < MAX_REFRESHING) this.refreshLater(c.req.url, encoding, o.refresh);
          return answerOf(old);
        }
      }
      // the same answer already being made for another visitor (a crowd on a cold page): wait for it rather than make
      // it again — the copies would all wait in the admission queue (lib/admission.ts) and redo the same queries
      // (a 503 — the server too busy to make it — is shared with them too: they would only queue behind it again)
      const leader = hit ? undefined : this.making.get(key);
      if (leader) hit = (await leader) ?? this.get(key);
      if (hit) {
        if (hit.stale) this.stats.stale++; else this.stats.hits++;
        return answerOf(hit);
      }
      this.stats.misses++;
      const event = isEventPath(c.req.path);
      const { generation } = this.feed.stamp(event);
      let made!: (busy: Entry | undefined) => void;
      if (!leader) this.making.set(key, new Promise((done) => { made = done; }));
      let busy: Entry | undefined;
      try { busy = await this.fill(c, next, key, generation, event); } finally { if (!leader) { this.making.delete(key); made(busy); } }
    };
  }

  /** Asks the app for url as an anonymous visitor would, to store its fresh answer; the answer itself is thrown away. */
  private refreshLater(url: string, encoding: string, refresh: (req: Request) => Promise<Response>): void {
    this.refreshing++;
    this.stats.refreshed++;
    const req = new Request(url, { headers: { 'accept-encoding': encoding, [REFRESH_HEADER]: this.refreshToken } });
    refresh(req).then((res) => res.arrayBuffer()).catch(() => {}).finally(() => { this.refreshing--; });
  }

  /** Makes the answer (next) and keeps it when it may be kept; returns a 503 to share with those who waited for it. */
  private async fill(c: Context, next: () => Promise<void>, key: string, generation: number, event: boolean): Promise<Entry | undefined> {
    const started = Date.now();
    await next();
    const res = c.res;
    res.headers.set(CACHE_HEADER, 'miss');
    if (res.status === 503) {
      // too busy to make it again: the answer dropped a moment ago rather than "come back later" (lib/stale-store.ts)
      const old = this.stale.take(key);
      if (old) { this.stats.stale++; c.res = undefined; c.res = answerOf(old); return old; }
      return { body: new Uint8Array(await res.clone().arrayBuffer()), status: 503, headers: [...res.headers], storedAt: Date.now() };
    }
    if (res.status !== 200 || res.headers.has('set-cookie') || /no-store|private/.test(res.headers.get('cache-control') ?? '')) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    // checked after the body is complete: a change during the rendering may be half in it
    const now = this.feed.stamp(event);
    const headers: Array<[string, string]> = [];
    res.headers.forEach((v, k) => { if (k !== CACHE_HEADER) headers.push([k, v]); });
    if (!this.feed.live) return;
    if (generation !== now.generation || (this.opts.replicaGraceMs && Date.now() - now.changedAt < this.opts.replicaGraceMs)) {
      // not fresh enough to keep, but the newest answer there is: a stale one (as of when it began) for a busy moment
      this.stale.keep(key, { body, status: res.status, headers, storedAt: started, event }, started);
      return;
    }
    this.set(key, { body, status: res.status, headers, storedAt: Date.now(), event });
  }
}

/** A cache kept in step with db's changes (and, given databaseUrl, other processes' through LISTEN); stop() ends the watch. */
export async function openVisitorCache(db: Db, opts: CacheOptions, databaseUrl?: string): Promise<{ cache: ResponseCache; stop(): Promise<void> }> {
  const watch = await watchChanges(db, databaseUrl);
  return { cache: new ResponseCache(watch.feed, opts), stop: () => watch.stop() };
}

/** A kept answer as a response: `X-Tandem-Cache` says hit, stale (with its Age) or miss (a shared 503). */
function answerOf(e: Entry): Response {
  const headers = new Headers(e.headers);
  headers.set(CACHE_HEADER, e.stale ? 'stale' : e.status === 200 ? 'hit' : 'miss');
  if (e.stale) headers.set('age', String(Math.max(0, Math.floor((Date.now() - e.storedAt) / 1000))));
  return new Response(e.body, { status: e.status, headers });
}

/** The compression hono's compress middleware would choose for this request (its order: gzip, then deflate). */
function encodingOf(c: Context): string {
  const accepted = c.req.header('accept-encoding') ?? '';
  return accepted.includes('gzip') ? 'gzip' : accepted.includes('deflate') ? 'deflate' : 'identity';
}

/**
 * TANDEM_CACHE_MB (default 64; 0 turns the cache off), TANDEM_CACHE_MAX_AGE_S (default 300) and TANDEM_CACHE_STALE_S
 * (default 30; 0: a busy server answers 503 rather than a page dropped a moment ago).
 */
export function cacheOptionsFromEnv(env: NodeJS.ProcessEnv, withReplica: boolean): CacheOptions | null {
  const mb = Number(env.TANDEM_CACHE_MB ?? 64);
  if (!(mb > 0)) return null;
  const staleS = Number(env.TANDEM_CACHE_STALE_S ?? 30);
  return { maxBytes: mb * 1024 * 1024, maxAgeMs: Number(env.TANDEM_CACHE_MAX_AGE_S ?? 300) * 1000, replicaGraceMs: withReplica ? 2000 : 0, maxStaleMs: staleS > 0 ? staleS * 1000 : 0 };
}
