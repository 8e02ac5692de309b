/** Places the gazetteer does not know, found by how the text speaks of them. */
import { keyOf, type Gazetteer } from './gazetteer.js';
import { tokenize } from './entities.text.js';
import { NAME } from './org-patterns.js';

export interface Cue { start: number; end: number; name: string }
const CONNECT = "(?:de\\s+la\\s+|de\\s+l['’]\\s*|du\\s+|des\\s+|d['’]\\s*|de\\s+)";
/** "Centre hospitalier régional (CHR) de Kpalimé": after an organisation's acronym, "de" names its place. */
const ACR_PLACE = new RegExp(`\\((?:[A-Z][A-Z0-9&]{1,7})\\)[ \\t]+${CONNECT}(${NAME})`, 'gu');
/** "la ville tunisienne de Sfax", "les villages voisins d'Aghavnavank et d'Enokavan", "la commune rurale de Smimou". */
const TYPED_PLACE = new RegExp(`(?<![\\p{L}])(?:villes?|villages?|communes?|[Cc]ommunauté|localités?|bourgs?|quartiers?|régions?|provinces?|districts?|cercles?|oblasts?|gouvernorats?|wilayas?|préfectures?|voïvodies?|voivodies?|județs?|judets?|comitats?|krais?)(?:\\s+(\\p{Ll}+))?\\s+${CONNECT}(${NAME})((?:\\s*(?:,|et)\\s+${CONNECT}?${NAME})*)`, 'gu');
/** Adjectives between a type word and "de": where (demonyms), nearby, rural. */
const TYPE_ADJ = /^(?:voisin|voisine|environnant|environnante|proche|rural|rurale|urbain|urbaine|jumelle|jumeau|partenaire|natal|natale|frontalier|frontalière)s?$|^(?:jumeaux)$/u;
/** "vers Lviv", "à Baie-Saint-Paul": one capitalised word after "à"/"vers", on a page that speaks of another country near it. */
const AT_PLACE = new RegExp(`(?<![\\p{L}])(?:à|vers|depuis)\\s+(\\p{Lu}[\\p{Ll}\\p{M}]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}]+)*)(?![\\p{L}\\p{N}'’-]|\\s+\\p{Lu})`, 'gu');
const NOT_NAME = /^(?:(?:Coopération|Développement|Projet|Programme|Partenaires?|Madame|Monsieur|Mme|Maître|Noël|Pâques|Toussaint|Internet|Facebook)$|(?:Les?|La|L['’]|Un|Une|Des|Région|Province|Département|Ville|Commune|District|Cercle|Préfecture|République|Royaume)(?![\p{L}]))/u;

function namesOf(first: string, rest: string | undefined): string[] {
  const more = rest ? rest.split(/\s*(?:,|et)\s+/).map((s) => s.replace(/^(?:de\s+la|de\s+l['’]|du|des|d['’]|de)\s*/u, '')).filter(Boolean) : [];
  return [first, ...more];
}

export function cuePlaces(text: string, gaz: Gazetteer): Cue[] {
  const out: Cue[] = [];
  const push = (name: string, from: number) => {
    const start = text.indexOf(name, from);
    if (start < 0 || NOT_NAME.test(name) || gaz.organisations.has(keyOf(name))) return start;
    out.push({ start, end: start + name.length, name });
    return start + name.length;
  };
  for (const m of text.matchAll(ACR_PLACE)) push(m[1], m.index!);
  for (const m of text.matchAll(TYPED_PLACE)) {
    const adj = m[1];
    if (adj && !TYPE_ADJ.test(adj) && !gaz.demonyms.has(keyOf(adj))) continue;
    let pos = m.index! + m[0].length - m[2].length - (m[3]?.length ?? 0);
    for (const name of namesOf(m[2], m[3])) pos = push(name, pos);
  }
  const foreign = tokenize(text).filter((t) => gaz.demonyms.has(t.key) || (gaz.territories.get(t.key) ?? []).some((i) => gaz.entries[i].kind === 'country' && gaz.entries[i].country !== 'FR'));
  for (const m of text.matchAll(AT_PLACE)) {
    const at = m.index! + m[0].length - m[1].length;
    if (!foreign.some((t) => Math.abs(t.start - at) < 300) || gaz.territories.has(keyOf(m[1]))) continue;
    if (/\p{Lu}[\p{L}\p{M}]*\s+$/u.test(text.slice(Math.max(0, m.index! - 30), m.index!))) continue; // "Collège du Moulin à Vent": inside a name
    push(m[1], at);
  }
  return out;
}
