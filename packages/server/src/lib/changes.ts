/**
 * When the records change: the signal that drops this process's caches (lib/response-cache.ts).
 *
 * - Writes made by this process: at once, through `Db.onWrite` (a committed transaction, a write statement).
 * - Writes made by another process (a second Tandem behind the proxy, `tandem import` on the server): PostgreSQL's
 *   NOTIFY tandem_changed, sent by the triggers of migration 0008 when a write to a shown table commits, received on
 *   one LISTEN connection of this process. A change made elsewhere is seen here a moment after it commits (the time the
 *   notification takes, a millisecond or so on one machine).
 * - While that connection is down, notifications are lost: the feed says `live = false` (the cache then serves
 *   nothing and stores nothing), retries with a growing delay, and drops everything again once it listens anew.
 * PGlite is one process (its data directory is locked): its own writes are all there is.
 *
 * What a change drops depends on the tables written (`scopeOf`): a sign-in (sessions, attempts, tokens) drops nothing a
 * visitor sees; a registration or a survey answer only the event pages (places left, the reports of a meeting's
 * surveys); anything else, or a write whose tables are unknown, everything.
 */
import type { Db } from '../db/client.js';

/** What a change may have made stale: nothing a visitor sees, the event pages only, or anything. */
export type Scope = 'none' | 'events' | 'all';

/** Tables no cached answer reads (members' sessions and tokens, sign-in attempts, private alerts and extractions). */
const UNSEEN = new Set(['session', 'login_attempt', 'password_reset', 'invitation', 'api_token', 'oidc_login', 'oidc_identity',
  'audit_log', 'funding_alert', 'extraction']);
/** Tables only event pages read: the places left, and the reports of the surveys a meeting gave back. */
const EVENT_ONLY = new Set(['registration', 'registration_session', 'survey_response']);

export function scopeOf(tables: Iterable<string> | null): Scope {
  if (!tables) return 'all';
  let scope: Scope = 'none';
  for (const t of tables) {
    if (UNSEEN.has(t)) continue;
    if (!EVENT_ONLY.has(t)) return 'all';
    scope = 'events';
  }
  return scope;
}

export const CHANGE_CHANNEL = 'tandem_changed';
export const LISTEN_APPLICATION_NAME = 'tandem-listen';

export class ChangeFeed {
  /** Bumped by every change that may touch any page; an entry filled under an older generation is not stored. */
  generation = 0;
  /** Bumped by every change that may touch an event page (scope 'events' or 'all'). */
  eventGeneration = 0;
  /** When the last change of scope 'all' was seen (ms since the epoch). */
  changedAt = 0;
  /** When the last change touching event pages was seen. */
  eventChangedAt = 0;
  /** False while changes made elsewhere could be missed (the LISTEN connection is down). */
  live = true;
  private readonly fns = new Set<(scope: Scope) => void>();

  /** Something changed (or may have: the feed just came back): tell the subscribers what it may have made stale. */
  changed(scope: Scope = 'all'): void {
    if (scope === 'none') return;
    const now = Date.now();
    this.eventGeneration++;
    this.eventChangedAt = now;
    if (scope === 'all') { this.generation++; this.changedAt = now; }
    for (const fn of this.fns) fn(scope);
  }

  /** The generation and time of the last change that could touch an answer of this kind. */
  stamp(events: boolean): { generation: number; changedAt: number } {
    return events ? { generation: this.eventGeneration, changedAt: this.eventChangedAt } : { generation: this.generation, changedAt: this.changedAt };
  }

  subscribe(fn: (scope: Scope) => void): () => void {
    this.fns.add(fn);
    return () => { this.fns.delete(fn); };
  }

  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    this.changed();
  }
}

export interface Watch { feed: ChangeFeed; stop(): Promise<void> }

/**
 * Watches db's own writes and, on PostgreSQL (databaseUrl given), other processes' writes through LISTEN.
 * log: where connection losses are reported.
 */
export async function watchChanges(db: Db, databaseUrl?: string, log: (m: string) => void = console.warn): Promise<Watch> {
  const feed = new ChangeFeed();
  const offWrite = db.onWrite((tables) => feed.changed(scopeOf(tables)));
  if (!databaseUrl) return { feed, async stop() { offWrite(); } };

  const pg = (await import('pg')).default;
  let client: InstanceType<typeof pg.Client> | null = null;
  let stopped = false;
  let retryMs = 250;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: LISTEN_APPLICATION_NAME });
    c.on('notification', (n) => { if (n.channel === CHANGE_CHANNEL) feed.changed(scopeOf(n.payload ? [n.payload] : null)); });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, new Error('connection ended')));
    await c.connect();
    await c.query(`listen ${CHANGE_CHANNEL}`);
    if (stopped) { await c.end().catch(() => {}); return; }
    client = c;
    retryMs = 250;
    if (!feed.live) log('tandem: listening for changes again; caches are back on');
    feed.setLive(true); // and drop what was filled while notifications could have been missed
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch((err) => { log(`tandem: listening for changes failed (${err.message}); retrying`); retry(); });
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, 10_000);
  };
  function lost(c: InstanceType<typeof pg.Client>, err: Error) {
    if (stopped || client !== c) return;
    client = null;
    feed.setLive(false);
    log(`tandem: the connection listening for changes was lost (${err.message}); caches are off until it is back`);
    c.end().catch(() => {});
    retry();
  }

  await connect();
  return {
    feed,
    async stop() {
      stopped = true;
      offWrite();
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
