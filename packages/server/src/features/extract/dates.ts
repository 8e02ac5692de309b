/** Dates in French text (issue 16): contract stub, filled by the numbers helper. */
import type { DateFact } from './types.js';

/** Every explicit calendar reference, each distinct value once (a range gives both ends); not durations nor ordinals. */
export function findDates(text: string): DateFact[] {
  void text;
  return [];
}
