/** Opens the database (migrated, seeded on first start) and serves the app: used by `npm start` and `tandem serve`. */
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import type { Hono } from 'hono';
import { openFromEnv, openReadDbFromEnv, type Db } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { migrate, schemaLocked } from './db/migrate.js';
import { needsSeed, seedAll } from './db/seed/index.js';
import { cacheOptionsFromEnv, openVisitorCache } from './lib/response-cache.js';
import { Admission, admissionOptionsFromEnv } from './lib/admission.js';
import { settleIndex } from './features/search/search.index.js';
import { localAccess } from './features/backup/local.js';
import { resolve } from 'node:path';
import { ensureSeedTemplate } from './db/seed/template.js';
import { collectGarbage } from './lib/gc.js';
import { expireOffers } from './features/registration/registration.queue.js';
import { scheduleDigests } from './features/funding/alerts.digest.js';
import { exitOnUnsafeProduction } from './features/hardening/production.js';

export interface Settings { port: number; host: string; adminToken?: string; maxBodyBytes: number }

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    adminToken: env.TANDEM_ADMIN_TOKEN || undefined,
    maxBodyBytes: Number(env.TANDEM_MAX_BODY_BYTES ?? 1024 * 1024),
  };
}

/** Migrate, and seed when the database is empty (on PostgreSQL one process at a time: `schemaLocked`). */
export async function prepareDb(db: Db, log = console.log): Promise<void> {
  let seeded = false;
  await schemaLocked(db, async (db) => {
    const applied = await migrate(db);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    if (await needsSeed(db)) {
      const t0 = Date.now();
      await seedAll(db);
      log(`reference data and seed documents loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await settleIndex(db);
      seeded = true;
    }
  });
  if (seeded) collectGarbage();
}

/** withTemplate: a new embedded database starts as a copy of the seeded template (db/seed/template.ts). */
export async function openDbOrExit(opts: { withTemplate?: boolean; startParams?: string[] } = {}): Promise<Db> {
  try {
    return await openFromEnv(process.env, { ...(opts.withTemplate ? { template: () => ensureSeedTemplate() } : {}), startParams: opts.startParams });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`tandem: ${err.message}`);
      process.exit(75);
    }
    throw err;
  }
}

/** build: the application to serve (the API alone, or the whole site with pages). */
export async function startServer(settings = settingsFromEnv(), build: (opts: AppOptions) => Hono = createApp) {
  const t0 = Date.now();
  exitOnUnsafeProduction(); // NODE_ENV=production: no public URL, insecure cookies over HTTPS, a weak token… stop here (features/hardening)
  const db = await openDbOrExit({ withTemplate: true });
  await prepareDb(db);
  // DATABASE_READ_URL: anonymous reads go to this replica's pool (lib/read-db.ts)
  const readDb = await openReadDbFromEnv();
  // visitors' answers kept until a change (lib/response-cache.ts); changes: this process's writes and, on PostgreSQL,
  // everyone's through LISTEN (lib/changes.ts). TANDEM_CACHE_MB=0 turns it off.
  const cacheOptions = cacheOptionsFromEnv(process.env, !!readDb);
  const visitors = cacheOptions ? await openVisitorCache(db, cacheOptions, process.env.DATABASE_URL || undefined) : undefined;
  const cache = visitors?.cache;
  // TANDEM_MAX_INFLIGHT requests at the database at once, the next ones queued TANDEM_QUEUE_WAIT_MS at most (lib/admission.ts)
  const admissionOptions = admissionOptionsFromEnv(process.env, db.engine);
  const admission = admissionOptions ? new Admission(admissionOptions) : undefined;
  // the embedded engine: `tandem backup` cannot open the data directory while we hold it, so it asks us (features/backup/local.ts)
  const local = db.engine === 'pglite' ? localAccess(resolve(process.env.DATA_DIR || 'data')) : undefined;
  const app = build({ db, readDb, cache, admission, adminToken: settings.adminToken, maxBodyBytes: settings.maxBodyBytes, localSecret: local?.secret });
  const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, (info) => {
    local?.publish(settings.host, info.port);
    console.log(`Tandem listening on http://localhost:${info.port} (${db.engine}${readDb ? ', anonymous reads on DATABASE_READ_URL' : ''}${cache ? `, cache ${cacheOptions!.maxBytes >> 20} MB` : ', no cache'}${admissionOptions ? `, at most ${admissionOptions.maxInflight} in flight` : ''}, ready in ${Date.now() - t0} ms)`);
    if (!settings.adminToken) console.log('no TANDEM_ADMIN_TOKEN: writes need a signed-in account or a personal API token');
  });
  // idle keep-alive connections live longer than a reverse proxy's (nginx keeps upstream ones 60 s): with Node's 5 s
  // default, a stalled event loop let the server close a connection the proxy was reusing (ECONNRESET, a 502 behind nginx)
  Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  // offers of freed places past their deadline pass to the next person waiting (features/registration)
  const offers = setInterval(() => { if (!closing) expireOffers(db).catch((err) => console.error(`expiring offers failed: ${(err as Error).message}`)); }, 60_000);
  offers.unref();
  const digests = scheduleDigests(db, () => closing); // saved searches of funding calls: the digests due, every hour
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    clearInterval(offers); clearInterval(digests);
    // stop accepting connections and let the requests under way finish (at most 10 s), so a rolling restart
    // behind the reverse proxy loses none; an unfinished write rolls back with its transaction
    local?.remove();
    await new Promise<void>((done) => { server.close(() => done()); setTimeout(done, 10_000).unref(); });
    await visitors?.stop();
    await readDb?.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { server, db, readDb, cache };
}
