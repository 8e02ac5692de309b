/** The COG 2026 as shipped by @etalab/decoupage-administratif 6 (Licence Ouverte), and Tandem's ids for it. */
import { readPackageJson } from './files.js';

export interface CogRegion { code: string; nom: string; zone: string }
export interface CogDepartement { code: string; nom: string; region: string; zone: string }
export interface CogCommune {
  code: string; nom: string; type: string; zone: string; departement: string; region: string;
  siren?: string; codesPostaux?: string[]; population?: number; anciensCodes?: string[];
}
export interface CogEpci { code: string; nom: string; type: string; membres: Array<{ code: string; populationTotale?: number }> }

const PKG = '@etalab/decoupage-administratif/data';

export const regionId = (code: string) => `FR-R-${code}`;
export const departementId = (code: string) => `FR-D-${code}`;
export const comId = (code: string) => `FR-COM-${code}`;
export const communeId = (insee: string) => `FR-C-${insee}`;
export const epciId = (siren: string) => `FR-E-${siren}`;

/** All 26 "régions" of the package: 18 real ones plus the 8 overseas collectivités (zone 'com'). */
export const cogRegions = () => readPackageJson<CogRegion[]>(`${PKG}/regions.json`);
/** All 109 "départements": 101 real ones plus the overseas collectivités again (zone 'com'). */
export const cogDepartements = () => readPackageJson<CogDepartement[]>(`${PKG}/departements.json`);
/** Current communes only (no communes déléguées/associées, no municipal arrondissements). */
export const cogCommunes = () => readPackageJson<CogCommune[]>(`${PKG}/communes.json`).filter((c) => c.type === 'commune-actuelle');
export const cogEpcis = () => readPackageJson<CogEpci[]>(`${PKG}/epci.json`);
