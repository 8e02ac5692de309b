/** A hand-written page about a cooperation (review tests), and the facts a reader finds in it: the expected answer the tests compare with. */
import type { Extraction } from './types.js';

export const REVIEW_TEXT = [
  'La Ville de Montreuil et la Ville de Hué ont signé une convention de coopération en mars 2019.',
  'Le programme d’assainissement représente 150 000 euros : 60 000 € du MAEE et 40 000 € de l’Association Bambou Solidaire.',
  'En deux ans, 120 techniciens ont suivi une formation.',
  'Une délégation de Montreuil s’est rendue à Hué en novembre 2023.',
].join('\n');

/** The span of the n-th occurrence of part in text (throws when it is missing: a test that cannot find its fact is wrong). */
function at(text: string, part: string, n = 0) {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { text: part, start, end: start + part.length };
}

/** The facts of REVIEW_TEXT (or of a text that contains its sentences), as a reader finds them (proposals.test.ts builds from them). */
export function reviewFacts(text: string = REVIEW_TEXT): Extraction {
  const has = (p: string) => text.includes(p);
  return {
    dates: [{ ...at(text, 'mars 2019'), value: '2019-03' }, ...(has('novembre 2023') ? [{ ...at(text, 'novembre 2023'), value: '2023-11' }] : [])],
    amounts: [{ ...at(text, '150 000 euros'), value: 150000, currency: 'EUR' }, { ...at(text, '60 000 €'), value: 60000, currency: 'EUR' },
      { ...at(text, '40 000 €'), value: 40000, currency: 'EUR' }],
    quantities: [{ ...at(text, '120 techniciens'), value: 120, unit: 'techniciens' }],
    organisations: [{ ...at(text, 'Ville de Montreuil'), name: 'Ville de Montreuil', id: 'ville-montreuil' }, { ...at(text, 'Ville de Hué'), name: 'Ville de Hué' },
      { ...at(text, 'MAEE'), name: 'MAEE', acronym: 'MAEE' }, { ...at(text, 'Association Bambou Solidaire'), name: 'Association Bambou Solidaire', kind: 'association', country: 'FR' }],
    territories: [{ ...at(text, 'Hué', 1), name: 'Huế', country: 'VN', id: 'VN-C-hue' }],
    partnerships: [{ ...at(text, 'La Ville de Montreuil et la Ville de Hué ont signé'), parties: ['Ville de Montreuil', 'Ville de Hué'], signed: '2019-03', partyIds: ['ville-montreuil', undefined] }],
  };
}
