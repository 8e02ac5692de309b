import type { Db } from '../client.js';
import { loadReference } from './reference/index.js';
import { loadSeedDocuments } from './documents/index.js';
import { reindexAll } from '../../features/search/search.index.js';

/** True when the database holds no reference data yet (first start). */
export async function needsSeed(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from territory');
  return row.n === 0;
}

/** Reference data, then the seed documents, then the search index, in one transaction: all or nothing. */
export async function seedAll(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await loadReference(tx);
    await loadSeedDocuments(tx);
    await reindexAll(tx);
  });
}
