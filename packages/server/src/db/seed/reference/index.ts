/**
 * Reference data: countries, France (COG 2026), Vietnam 63→34, country indicators and themes.
 * Sources and licences: docs/DATA-LICENSES.md. Idempotent: rows already present are left as they are.
 */
import type { Db } from '../../client.js';
import { loadCountries } from './countries.js';
import { loadFrance, type FranceCounts } from './france.js';
import { loadIndicators } from './indicators.js';
import { loadThemes } from './themes.js';
import { loadVietnam, type VietnamCounts } from './vietnam.js';

export interface ReferenceCounts {
  countries: number;
  france: FranceCounts;
  vietnam: VietnamCounts;
  indicators: { hdr: number; worldBank: number };
  themes: number;
}

/** Loads countries, France (COG), Vietnam 63→34, indicators and themes. */
export async function loadReference(db: Db): Promise<void> {
  await loadReferenceCounted(db);
}

/** Same as loadReference, returning how many rows each part inserted (0 everywhere on a second run). */
export async function loadReferenceCounted(db: Db): Promise<ReferenceCounts> {
  return db.transaction(async (tx) => {
    const countries = await loadCountries(tx);
    const france = await loadFrance(tx);
    const vietnam = await loadVietnam(tx);
    const indicators = await loadIndicators(tx);
    const themes = await loadThemes(tx);
    return { countries, france, vietnam, indicators, themes };
  });
}
