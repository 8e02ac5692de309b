/** Cooperation relations a text states between parties (issue 16): contract stub, filled by the entities helper. */
import type { DateFact, OrganisationFact, PartnershipFact, TerritoryFact } from './types.js';

export function findPartnerships(text: string, found: { organisations: OrganisationFact[]; territories: TerritoryFact[]; dates: DateFact[] }): PartnershipFact[] {
  void text; void found;
  return [];
}
