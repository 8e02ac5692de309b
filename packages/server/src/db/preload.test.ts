/** `npm start` on PGlite: the engine read and compiled ahead by bin/pglite-preload.mjs is what the data layer opens with. */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { PGLITE_PRELOAD, preloadPglite } from '../../bin/pglite-preload.mjs';
import { openDb } from './client.js';

// on PGlite whatever the run's engine, from the run's seeded PGlite snapshot
const snapshot = inject('snapshotPath');
describe.skipIf(!snapshot)('PGlite opened with the engine read ahead', () => {
  const open = () => openDb({ loadDataDir: new Blob([readFileSync(snapshot)]) });
  const slot = globalThis as unknown as Record<symbol, { wasmModule: Promise<unknown>; fsBundle: Promise<unknown> } | undefined>;

  it('takes the compiled engine once, and answers with it', async () => {
    preloadPglite();
    const preload = slot[PGLITE_PRELOAD]!;
    expect(await preload.wasmModule).toBeInstanceOf(WebAssembly.Module);
    expect(await preload.fsBundle).toBeInstanceOf(Blob);
    const db = await open();
    try {
      expect(slot[PGLITE_PRELOAD]).toBeUndefined(); // taken: a second database of the process loads its own
      const [row] = await db.query<{ n: number }>('select count(*)::int as n from organisation');
      expect(row.n).toBeGreaterThan(0);
    } finally { await db.close(); }
  }, 120_000);

  it('opens as before when reading ahead failed', async () => {
    const failed = Promise.reject(new Error('no such file'));
    failed.catch(() => {});
    slot[PGLITE_PRELOAD] = { wasmModule: failed, fsBundle: failed };
    const db = await open();
    try {
      expect(slot[PGLITE_PRELOAD]).toBeUndefined();
      expect(await db.query('select 1 as one')).toEqual([{ one: 1 }]);
    } finally { await db.close(); }
  }, 120_000);
});
