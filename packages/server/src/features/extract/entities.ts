/** Organisations and territories named in a text (issue 16): contract stub, filled by the entities helper. */
import type { Gazetteer } from './gazetteer.js';
import type { OrganisationFact, TerritoryFact } from './types.js';

export function findTerritories(text: string, gaz: Gazetteer): TerritoryFact[] {
  void text; void gaz;
  return [];
}

export function findOrganisations(text: string, gaz: Gazetteer, territories: TerritoryFact[] = []): OrganisationFact[] {
  void text; void gaz; void territories;
  return [];
}
