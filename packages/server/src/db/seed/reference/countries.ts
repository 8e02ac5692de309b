/**
 * Countries: every ISO 3166-1 code known to i18n-iso-countries (names in fr/en/vi, alpha-2/alpha-3/numeric),
 * with centroids from world-countries (ODbL). Id = alpha-2.
 */
import type { Db } from '../../client.js';
import { readPackageJson, requirePackage } from './files.js';
import { insertTerritories, roundCoord, territory, uniqueStrings, type TerritoryRow } from './territories.js';

interface IsoCountries {
  registerLocale(locale: unknown): void;
  getAlpha2Codes(): Record<string, string>;
  getName(code: string, lang: string, opts?: { select: 'official' | 'alias' | 'all' }): string | string[] | undefined;
  alpha2ToAlpha3(code: string): string | undefined;
  alpha2ToNumeric(code: string): string | undefined;
}
interface WorldCountry { cca2: string; latlng: [number, number] }

export const COUNTRY_LANGS = ['fr', 'en', 'vi'] as const;

let isoCountries: IsoCountries | undefined;

/** i18n-iso-countries with the fr, en and vi locales registered. */
export function countryCodes(): IsoCountries {
  if (isoCountries) return isoCountries;
  const lib = requirePackage<IsoCountries>('i18n-iso-countries');
  for (const lang of COUNTRY_LANGS) lib.registerLocale(readPackageJson(`i18n-iso-countries/langs/${lang}.json`));
  isoCountries = lib;
  return lib;
}

/** Alpha-3 codes used by statistics producers for a code the package spells otherwise (Kosovo: XKK there). */
const ALPHA3_ALIASES: Record<string, string> = { XKX: 'XK' };

/** ISO alpha-3 → alpha-2, for joining statistics. */
export function alpha3Index(): Map<string, string> {
  const lib = countryCodes();
  const index = new Map(Object.keys(lib.getAlpha2Codes()).map((a2) => [lib.alpha2ToAlpha3(a2)!, a2]));
  for (const [a3, a2] of Object.entries(ALPHA3_ALIASES)) if (!index.has(a3)) index.set(a3, a2);
  return index;
}

/** Country centroids (lat, lon) by alpha-2, from world-countries. */
export function countryCentroids(): Map<string, [number, number]> {
  const list = readPackageJson<WorldCountry[]>('world-countries/countries.json');
  return new Map(list.filter((c) => c.latlng?.length === 2).map((c) => [c.cca2, c.latlng]));
}

function countryRow(lib: IsoCountries, a2: string, centroid: [number, number] | undefined): TerritoryRow {
  const names = Object.fromEntries(COUNTRY_LANGS.map((lang) => [lang, lib.getName(a2, lang) as string]));
  const variants = COUNTRY_LANGS.flatMap((lang) => (lib.getName(a2, lang, { select: 'all' }) as string[] | undefined) ?? []);
  return territory({
    id: a2, kind: 'country', parent_id: null, country: a2, name: names.fr,
    names, aliases: uniqueStrings([...variants, lib.alpha2ToAlpha3(a2)], [names.fr]),
    codes: { iso3166_1_a2: a2, iso3166_1_a3: lib.alpha2ToAlpha3(a2)!, iso3166_1_num: lib.alpha2ToNumeric(a2)! },
    lat: roundCoord(centroid?.[0]), lon: roundCoord(centroid?.[1]),
  });
}

export function countryRows(): TerritoryRow[] {
  const lib = countryCodes();
  const centroids = countryCentroids();
  return Object.keys(lib.getAlpha2Codes()).sort().map((a2) => countryRow(lib, a2, centroids.get(a2)));
}

export async function loadCountries(db: Db): Promise<number> {
  return insertTerritories(db, countryRows());
}
