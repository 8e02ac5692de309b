/** The names Tandem knows (issue 16): contract stub, filled by the entities helper. */
import type { Db } from '../../db/client.js';
import type { GazetteerEntry } from './types.js';

export interface Gazetteer { entries: GazetteerEntry[] }

/** From the reference data files (countries, France's COG, Vietnam 63→34) and, given a database, its organisations and territories. */
export async function loadGazetteer(opts: { db?: Db } = {}): Promise<Gazetteer> {
  void opts;
  return { entries: [] };
}
