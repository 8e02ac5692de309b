/** Money and quantities in French text (issue 16): contract stub, filled by the numbers helper. */
import type { AmountFact, QuantityFact, Span } from './types.js';

/** Money only, each distinct (value, currency) once. */
export function findAmounts(text: string): AmountFact[] {
  void text;
  return [];
}

/** Counted things and measures that are neither money nor dates; `taken`: spans already read as dates or money. */
export function findQuantities(text: string, taken: Span[] = []): QuantityFact[] {
  void text; void taken;
  return [];
}
