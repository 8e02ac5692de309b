/** `extract(text, gazetteer)`: every fact of a text, in the shape the CLI prints and the review page highlights. */
import { findDates } from './dates.js';
import { findAmounts, findQuantities } from './numbers.js';
import { findOrganisations, findTerritories } from './entities.js';
import { findPartnerships } from './partnerships.js';
import type { Gazetteer } from './gazetteer.js';
import type { Extraction } from './types.js';

export function extract(text: string, gaz: Gazetteer): Extraction {
  const dates = findDates(text);
  const amounts = findAmounts(text);
  const quantities = findQuantities(text, [...dates, ...amounts]);
  const territories = findTerritories(text, gaz);
  const organisations = findOrganisations(text, gaz, territories);
  const partnerships = findPartnerships(text, { organisations, territories, dates });
  return { dates, amounts, quantities, organisations, territories, partnerships };
}
