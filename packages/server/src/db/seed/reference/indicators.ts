/**
 * Country indicators: UNDP HDR 2023/24 composite indices (1990–2022) and World Bank population (1960–2024).
 * Rows are joined on ISO alpha-3; aggregates (regions, income or HDI groups, "World") have no ISO code and
 * are skipped.
 */
import type { Db } from '../../client.js';
import { alpha3Index } from './countries.js';
import { csvNumber, parseCsv } from './csv.js';
import { readReferenceText } from './files.js';
import { HDR_SOURCE, WB_POPULATION_SOURCE } from './sources.js';
import { insertIndicators, type IndicatorRow } from './territories.js';

export { HDR_SOURCE, WB_POPULATION_SOURCE };
const HDR_FILE = 'indicators/HDR23-24_Composite_indices_complete_time_series.csv';
const WB_FILE = 'indicators/worldbank-population-SP.POP.TOTL.csv';

/** HDR column prefix → indicator, unit and factor to Tandem's unit. */
const HDR_INDICATORS: Record<string, { indicator: string; unit: string; factor?: number }> = {
  hdi: { indicator: 'hdi', unit: 'index' },
  le: { indicator: 'life_expectancy', unit: 'years' },
  eys: { indicator: 'expected_schooling', unit: 'years' },
  mys: { indicator: 'mean_schooling', unit: 'years' },
  gnipc: { indicator: 'gni_per_capita', unit: 'PPP 2017 $' },
  pop_total: { indicator: 'population', unit: 'people', factor: 1e6 },
};
const HDR_COLUMN = /^(hdi|le|eys|mys|gnipc|pop_total)_(\d{4})$/;

export interface IndicatorLoad { rows: IndicatorRow[]; skipped: string[] }

function hdrValue(raw: string, factor: number | undefined): number | null {
  const n = csvNumber(raw);
  if (n === null) return null;
  return factor ? Math.round(n * factor) : n;
}

/** Rows of the HDR file for every ISO country, every year present; `skipped` lists the codes not joined. */
export function hdrRows(iso3: Map<string, string> = alpha3Index()): IndicatorLoad {
  const rows: IndicatorRow[] = [];
  const skipped: string[] = [];
  const records = parseCsv(readReferenceText(HDR_FILE));
  const columns = Object.keys(records[0] ?? {}).flatMap((c) => {
    const m = HDR_COLUMN.exec(c);
    return m ? [{ column: c, ...HDR_INDICATORS[m[1]], year: Number(m[2]) }] : [];
  });
  for (const rec of records) {
    const territory = iso3.get(rec.iso3);
    if (!territory) { skipped.push(rec.iso3); continue; }
    for (const col of columns) {
      const value = hdrValue(rec[col.column], col.factor);
      if (value !== null) rows.push({ territory_id: territory, indicator: col.indicator, year: col.year, value, unit: col.unit, source: HDR_SOURCE });
    }
  }
  return { rows, skipped };
}

/** World Bank population, every year present, ISO countries only. */
export function worldBankPopulationRows(iso3: Map<string, string> = alpha3Index()): IndicatorLoad {
  const rows: IndicatorRow[] = [];
  const skipped = new Set<string>();
  for (const rec of parseCsv(readReferenceText(WB_FILE))) {
    const territory = iso3.get(rec['Country Code']);
    const value = csvNumber(rec.Value);
    const year = csvNumber(rec.Year);
    if (!territory) { skipped.add(rec['Country Code']); continue; }
    if (value !== null && year !== null) {
      rows.push({ territory_id: territory, indicator: 'population', year, value, unit: 'people', source: WB_POPULATION_SOURCE });
    }
  }
  return { rows, skipped: [...skipped] };
}

/** Needs the countries. */
export async function loadIndicators(db: Db): Promise<{ hdr: number; worldBank: number }> {
  const iso3 = alpha3Index();
  const hdr = await insertIndicators(db, hdrRows(iso3).rows);
  const worldBank = await insertIndicators(db, worldBankPopulationRows(iso3).rows);
  return { hdr, worldBank };
}
