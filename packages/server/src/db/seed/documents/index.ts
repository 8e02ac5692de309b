import type { Db } from '../../client.js';

/** Loads the records stated by the five seed documents. */
export async function loadSeedDocuments(_db: Db): Promise<void> {
  // filled in by the seed-documents work
}
