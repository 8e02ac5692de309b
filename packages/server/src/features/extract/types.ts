/**
 * Knowledge capture (issue 16): the facts `extract` finds in a text. Offsets `start`/`end` are UTF-16 indexes into the
 * text given to `extract` (after the readers turned a file into text), end exclusive: `text === source.slice(start, end)`.
 * The CLI prints these objects as they are (`tandem extract FILE --json`); the extra fields are allowed by the issue.
 */
export interface Span { start: number; end: number }

/** value: ISO 8601 with its precision: `2006`, `2006-05`, `2023-11-16`. */
export interface DateFact extends Span { text: string; value: string }
/** value in units (230 000 → 230000, 140 k€ → 140000), currency ISO 4217. */
export interface AmountFact extends Span { text: string; value: number; currency: string }
/** unit: the noun counted, lower case, as written ("stagiaires", "km²", "%", "habitants"). */
export interface QuantityFact extends Span { text: string; value: number; unit: string }
/** name: the canonical name when Tandem knows it, else the text as written (with its type word). id: a Tandem record id when matched. */
export interface OrganisationFact extends Span { text: string; name: string; id?: string; kind?: string; acronym?: string; country?: string; territoryId?: string }
/** name: the canonical name (with diacritics: "Hải Dương"), country ISO 3166-1 alpha-2, id: a Tandem territory id when matched. */
export interface TerritoryFact extends Span { text: string; name: string; country: string; id?: string; kind?: string }
/** parties: canonical names of two or more parties; signed: ISO partial date when the text gives one. */
export interface PartnershipFact extends Span { text: string; parties: string[]; signed?: string; partyIds?: (string | undefined)[] }

export interface Extraction {
  dates: DateFact[];
  amounts: AmountFact[];
  quantities: QuantityFact[];
  organisations: OrganisationFact[];
  territories: TerritoryFact[];
  partnerships: PartnershipFact[];
}

/** One name Tandem knows: a territory or an organisation, every form it may be written in (already folded by `fold`). */
export interface GazetteerEntry {
  type: 'territory' | 'organisation';
  name: string;
  forms: string[];
  country?: string;
  id?: string;
  kind?: string;
  /** a commune whose name is also a common word (Orange, Tours, Nice): only with a place context. */
  ambiguous?: boolean;
  /** larger is more important (population, a country over a commune): the tie-breaker between homonyms. */
  weight?: number;
  acronym?: string;
}
