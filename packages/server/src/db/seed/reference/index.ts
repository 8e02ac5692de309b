import type { Db } from '../../client.js';

/** Loads countries, France (COG), Vietnam 63→34, indicators and themes. */
export async function loadReference(_db: Db): Promise<void> {
  // filled in by the reference-data work
}
