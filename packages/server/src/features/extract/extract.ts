/** `extract(text, gazetteer)`: every fact of a text, in the shape the CLI prints and the review page highlights. */
import { findDates } from './dates.js';
import { findAmounts, findQuantities } from './numbers.js';
import { findOrganisations, findTerritories, type TerritoryFound } from './entities.js';
import { findPartnerships } from './partnerships.js';
import type { Gazetteer } from './gazetteer.js';
import type { AmountFact, Extraction, OrganisationFact, Span, TerritoryFact } from './types.js';

export function extract(text: string, gaz: Gazetteer): Extraction {
  const dates = findDates(text);
  const amounts = findAmounts(text);
  const quantities = findQuantities(text, [...dates, ...amounts]);
  const found = findTerritories(text, gaz);
  const organisations = findOrganisations(text, gaz, found);
  const territories = outsideNames(text, found, organisations);
  const partnerships = findPartnerships(text, { organisations, territories: found, dates });
  centralAfricanFranc(text, amounts, territories);
  // exactly the six keys of the issue, in its order; each list in reading order
  return {
    dates: once(dates, (d) => d.value),
    amounts: once(amounts, (a) => `${a.value} ${a.currency}`),
    quantities: once(quantities, (q) => `${q.value} ${q.unit.toLowerCase()}`),
    organisations: once(organisations, (o) => `${o.start}:${o.end}:${o.name}`),
    territories: once(territories, (t) => `${t.start}:${t.end}:${t.name}`),
    partnerships: once(partnerships, (p) => `${p.start}:${p.end}:${p.parties.join('|')}`),
  };
}

/** Sorted by position (a range's two ends keep their order), the first of each key kept. */
export function once<T extends Span>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => a.it.start - b.it.start || a.it.end - b.it.end || a.i - b.i)
    .map(({ it }) => it)
    .filter((it) => { const k = key(it); if (seen.has(k)) return false; seen.add(k); return true; });
}

/** CEMAC: the franc CFA of Central Africa (XAF); West Africa's (UEMOA) is XOF. */
const CEMAC = new Set(['CM', 'GA', 'TD', 'CF', 'CG', 'GQ']);
/** "francs CFA" is XAF when the text says so right after ("(XAF)") or when the page's foreign places are in Central Africa. */
function centralAfricanFranc(text: string, amounts: AmountFact[], territories: TerritoryFact[]): void {
  const abroad = new Map<string, number>();
  for (const t of territories) if (t.country !== 'FR') abroad.set(t.country, (abroad.get(t.country) ?? 0) + 1);
  const main = [...abroad.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const a of amounts) {
    if (a.currency !== 'XOF' || /XOF/.test(a.text)) continue;
    const after = text.slice(a.end, a.end + 16);
    if (/^\s*\(?\s*XAF\b/.test(after) || (!/^\s*\(?\s*XOF\b/.test(after) && main && CEMAC.has(main))) a.currency = 'XAF';
  }
}

/**
 * A place inside the name of an organisation that is not an authority ("Cités Unies France", "Agence de l'eau Rhône
 * Méditerranée Corse") is part of that name, not a place the text speaks of: countries, places the gazetteer does not
 * know, and regions or départements not introduced by "de" are dropped; known towns stay ("CHU de Nantes", "Institut
 * Agro Montpellier"). Authorities' places stay ("Département de la Gironde" speaks of the Gironde).
 */
function outsideNames(text: string, found: TerritoryFound[], organisations: (OrganisationFact & { mentions?: Span[] })[]): TerritoryFound[] {
  const names = organisations.filter((o) => !o.territoryId && o.kind !== 'collectivite').flatMap((o) => o.mentions?.length ? o.mentions : [o]);
  const keep = (t: TerritoryFound, m: Span) => {
    const name = names.find((n) => m.start >= n.start && m.end <= n.end && (m.start > n.start || m.end < n.end));
    if (!name) return true;
    if (!t.id || t.kind === 'country') return false;
    return !/^(?:region|departement|province)$/.test(t.kind ?? '') || /(?:\s(?:de|du|des)\s+|\sd['’]\s*)$/iu.test(text.slice(name.start, m.start));
  };
  const out: TerritoryFound[] = [];
  for (const t of found) {
    const mentions = t.mentions.filter((m) => keep(t, m));
    if (!mentions.length) continue;
    if (mentions.length === t.mentions.length) { out.push(t); continue; }
    const first = mentions.reduce((a, b) => (b.start < a.start ? b : a));
    out.push({ ...t, text: text.slice(first.start, first.end), start: first.start, end: first.end, mentions });
  }
  return out;
}
