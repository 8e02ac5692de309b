#!/usr/bin/env node
/**
 * `npm start`: the server's entry (packages/app/src/main.ts, the composition root) as a cached bundle (bundle.mjs), not through tsx.
 *
 *   node packages/server/bin/run.mjs [entry.ts]
 */
import { fromRoot, loadEntry } from './bundle.mjs';
import { preloadPglite } from './pglite-preload.mjs';

if (!process.env.DATABASE_URL) preloadPglite();

await loadEntry(fromRoot(process.argv[2] ?? 'packages/app/src/main.ts'));
