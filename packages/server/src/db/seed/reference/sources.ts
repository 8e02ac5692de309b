/**
 * The `source` labels the reference loaders store on indicator rows (the data's own words, in English or French).
 * Pages translate them through a label map (web: features/sheets/indicators.tsx); docs/DATA-LICENSES.md credits them.
 */
export const HDR_SOURCE = 'UNDP Human Development Report 2023/24';
export const WB_POPULATION_SOURCE = 'World Bank WDI SP.POP.TOTL';
export const INSEE_POPULATION_SOURCE = 'INSEE, découpage administratif COG 2026 (@etalab/decoupage-administratif)';
