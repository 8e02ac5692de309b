import type { Db } from '../client.js';
import { loadReference } from './reference/index.js';
import { loadSeedDocuments } from './documents/index.js';
import { reindexAll } from '../../features/search/search.index.js';

/** True when the database holds no reference data yet (first start). (Not a count: 0.2 s of every start on PGlite.) */
export async function needsSeed(db: Db): Promise<boolean> {
  const [row] = await db.query<{ seeded: boolean }>('select exists (select 1 from territory) as seeded');
  return !row.seeded;
}

/** Reference data, then the seed documents, then the search index, in one transaction: all or nothing. */
export async function seedAll(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await loadReference(tx);
    await loadSeedDocuments(tx);
    await reindexAll(tx);
  });
}
