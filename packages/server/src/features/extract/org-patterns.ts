/** Organisation patterns: authorities ("Ville de X", "CD93"), type words + a name, partner lists, acronyms. */
import { keyOf, type GazEntry, type Gazetteer } from './gazetteer.js';
import { COOPERATION, overlaps, sentenceAt, type Token } from './entities.text.js';

export interface OrgCandidate {
  start: number; end: number; text: string; name: string; key: string;
  entry?: GazEntry; kind?: string; territoryId?: string; country?: string; acronym?: string;
}
type Sent = { start: number; end: number };

const cap = (w: string) => `[${w[0].toUpperCase()}${w[0].toLowerCase()}]${w.slice(1)}`;
const PART = "\\p{Lu}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*";
/** Capitalised words, with the particles of place names between them ("Pas de Calais", "Villeneuve d’Ascq"). */
export const NAME = `${PART}(?:(?:[ -]|[ -](?:de la|de|du|des|sur|lès|d['’]|l['’])(?:[ -]|(?<=['’])))${PART})*`;
const CONNECT = "(?:de\\s+la\\s+|de\\s+l['’]\\s*|du\\s+|des\\s+|d['’]\\s*|de\\s*['’]\\s*|de\\s+)";

/** Authority type words → a class: the same authority whatever the word ("Conseil départemental de X" = "Département de X"). */
const AUTHORITY: Array<[RegExp, string, string]> = [
  [/^(?:ville|mairie|commune|municipalité)(?: urbaine| rurale)?$/i, 'city', 'Ville'],
  [/^métropole$/i, 'metro', 'Métropole'],
  [/^(?:wilaya|gouvernorat|district|cercle|oblast|comté|préfecture|voïvodie|voivodie|land|état|etat|județ|judet|comitat|kraï)$/i, 'unit', ''],
  [/^(?:département|conseil départemental|conseil général)$/i, 'dept', 'Département'],
  [/^(?:région|conseil régional)$/i, 'region', 'Région'],
  [/^(?:province|comité populaire(?: de la province| de la ville)?)$/i, 'province', 'Province'],
];
const AUTH_RE = new RegExp(`(?<![\\p{L}])((?:Commune|commune)(?: urbaine| rurale)|Métropole|Wilaya|Gouvernorat|District|Cercle|Oblast|Comté|Préfecture|Voïvodie|Voivodie|Land|État|Etat|Județ|Judet|Comitat|Kraï|Ville|Mairie|Commune|Municipalité|Département|Conseil départemental|Conseil général|Conseil régional|Région|Province|Comité populaire(?: de la province| de la ville)?|ville|mairie|commune|municipalité|province|région|département|voïvodie|voivodie|județ|judet|comitat|comité populaire(?: de la province| de la ville)?)(?:\\s+${CONNECT}|\\s+)(?=\\p{Lu})(${NAME})`, 'gu');

/** "Rennes Métropole", "Grand Poitiers Agglomération". */
const METRO_RE = new RegExp(`(?<![\\p{L}])(${NAME}) (?:Métropole|Agglomération|Agglo)(?![\\p{L}])`, 'gu');

/** "située dans la région de X", "à la ville de": a place, not the authority. */
const LOCATIVE = /(?:dans|en|à|vers|depuis)\s+(?:la|le|l['’])?\s*$/iu;

/** "mobilisés par la commune de X", "avec la ville de X": the authority acts. */
const AGENT = /(?:^|\s)(?:par|avec|entre|et)\s+(?:la|le|l['’])\s*$/iu;

/** Territory id → the gazetteer organisation that governs it (seed or database). */
const governors = new WeakMap<Gazetteer, Map<string, GazEntry>>();
export function governorOf(gaz: Gazetteer, territoryId: string | undefined): GazEntry | undefined {
  if (!territoryId) return undefined;
  let map = governors.get(gaz);
  if (!map) {
    map = new Map();
    for (const e of gaz.entries) if (e.type === 'organisation' && e.territoryId && !map.has(e.territoryId)) map.set(e.territoryId, e);
    governors.set(gaz, map);
  }
  return map.get(territoryId);
}

function territoryOf(gaz: Gazetteer, name: string): GazEntry | undefined {
  const list = gaz.territories.get(keyOf(name));
  if (!list) return undefined;
  return [...list].map((i) => gaz.entries[i]).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
}

/** "Ville de Montreuil", "Conseil départemental du Val-de-Marne", "Comité populaire de Hai Duong", "CD93". */
export function authorityOrgs(text: string, gaz: Gazetteer, sents: Sent[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(AUTH_RE)) {
    const word = m[1];
    const lower = word[0] === word[0].toLowerCase();
    const s = sentenceAt(sents, m.index!);
    const before = text.slice(Math.max(0, m.index! - 25), m.index!);
    if (lower && !AGENT.test(before) && (!COOPERATION.test(text.slice(s.start, s.end)) || LOCATIVE.test(before))) continue;
    const cls = AUTHORITY.find(([re]) => re.test(word))!;
    const terr = territoryOf(gaz, m[2]);
    const connected = /\s(?:de|du|des|d['’])/u.test(m[0].slice(word.length, m[0].length - m[2].length + 1));
    if (!terr && !connected && !(/^(?:Région|Province)$/.test(word) && !/^(?:Sud|Nord|Est|Ouest|Centre)$/.test(m[2]))) continue;
    const gov = governorOf(gaz, terr?.id);
    const written = m[0][0].toUpperCase() + m[0].slice(1);
    const label = /^comité/i.test(word) ? 'Comité populaire' : cls[2] || word[0].toUpperCase() + word.slice(1);
    const name = gov?.name ?? (terr && terr.country !== 'FR' ? `${label} de ${terr.name}` : written);
    const start = m.index!;
    out.push({ start, end: start + m[0].length, text: m[0], name, key: gov?.id ?? `${cls[1]}:${terr?.id ?? keyOf(m[2])}`,
      entry: gov, kind: 'collectivite', territoryId: terr?.id, country: terr?.country });
  }
  for (const m of text.matchAll(METRO_RE)) {
    const terr = territoryOf(gaz, m[1]);
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], name: m[0], key: `metro:${terr?.id ?? keyOf(m[1])}`,
      kind: 'collectivite', territoryId: terr?.id, country: terr?.country });
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])CD\s?(\d{2}|2A|2B|97\d)(?![\p{L}\p{N}])/gu)) {
    const id = `FR-D-${m[1]}`;
    const i = gaz.byId.get(id);
    if (i === undefined) continue;
    const gov = governorOf(gaz, id);
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], name: gov?.name ?? `Département ${gaz.entries[i].name}`,
      key: gov?.id ?? `dept:${id}`, entry: gov, kind: 'collectivite', territoryId: id, country: 'FR', acronym: m[0] });
  }
  return out;
}

const ORG_TYPES = ['Ministère', 'Université', 'Association', 'Collège', 'Lycée', 'École', 'Ecole', 'Chambre', 'Fondation', 'Agence', 'Syndicat',
  'Office', 'Institut', 'Centre', 'Union', 'Fédération', 'Confédération', 'Comité', 'Conseil', 'Groupe', 'Groupement', 'Réseau', 'Coordination',
  'Collectif', 'Maison', 'Observatoire', 'Banque', 'Fonds', 'Caisse', 'Compagnie', 'Société', 'Mutuelle', 'Coopérative', 'Académie', 'Hôpital',
  'Musée', 'Théâtre', 'Orchestre', 'Club', 'Cercle', 'Amicale', 'Alliance', 'Conservatoire', 'Délégation', 'Secrétariat', 'Commission',
  'Assemblée', 'Direction', 'Consulat', 'Ambassade', 'Cour', 'Communauté', 'Établissement', 'Etablissement', 'Entreprise', 'Laboratoire', 'Parc'];
const TYPE_SET = new Set(ORG_TYPES.map((t) => t.toLowerCase()));
const TYPED_RE = new RegExp(`(?<![\\p{L}])(${ORG_TYPES.join('|')})(?![\\p{L}])`, 'gu');
/** lowercase type words that stay in the name when a capitalised name follows: "lycée Pierre Brossolette". */
const TYPED_LOWER = /(?<![\p{L}])(?:lycée|collège|école|université|institut|musée|théâtre|hôpital|conservatoire|centre hospitalier|centre de santé)(?=\s)/gu;
/** lowercase lead-ins: the name that follows is the organisation ("l'association Batik International" → "Batik International"). */
const LEAD_RE = new RegExp(`(?<![\\p{L}])(?:${['association', 'fondation', 'ONG', 'entreprise', 'société', 'réseau', 'collectif', 'coopérative', 'club', 'groupe', 'compagnie', 'start-up', 'structure']
  .map(cap).join('|')})s?(?:\\s+(?:locales?|partenaires?|culturelles?|françaises?|vietnamiennes?|caritatives?))?\\s+[*_]?(?=\\p{Lu})`, 'gu');
const CONNECTORS = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'pour', 'à', 'au', 'aux', 'en', 'sur', 'et']);
const ADJECTIVE = /(?:al|ale|aux|ales|el|elle|ien|ienne|ique|aire|ais|aise|ain|aine|é|ée|if|ive|ois|oise|eur|eure|ère|iste|ent|ente|ant|ante|ier|ière|able|ible)s?$/;
/** Months and years end a name: "Assemblée départementale en décembre 2023". */
const TIME_AFTER = /^[ \t\u00a0]+(?:en|de|d['’]|du|au)?[ \t\u00a0]*(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|\d{4}\b)/iu;
const WORD_AT = /^[ \t\u00a0]*([\p{L}\p{M}\p{N}]+(?:[-][\p{L}\p{M}\p{N}]+)*)(['’]?)/u;

/** The name that continues a type word: capitalised words, connectors, lowercase nouns after a connector, adjectives. */
export function scanName(text: string, pos: number, requireCapital: boolean, listMode = false): number {
  let end = pos;
  let cursor = pos;
  let prev: 'type' | 'cap' | 'conn' | 'low' = requireCapital ? 'conn' : 'type';
  let lowCount = 0;
  for (let guard = 0; guard < 16; guard++) {
    if (TIME_AFTER.test(text.slice(cursor, cursor + 24))) break;
    const m = WORD_AT.exec(text.slice(cursor, cursor + 80));
    if (!m) break;
    const w = m[1];
    const lw = w.toLowerCase();
    const wEnd = cursor + m[0].length - m[2].length;
    const isCap = /^[\p{Lu}\p{N}]/u.test(w);
    if (CONNECTORS.has(lw) && !isCap) {
      if (requireCapital && (/^(?:à|au|aux|en|sur)$/.test(lw) || (lw === 'et' && (listMode || !/^[ \t]+et[ \t]+\p{Lu}/u.test(text.slice(cursor, cursor + 8)))))) break;
      if (lw === 'et') {
        const rest = text.slice(cursor + m[0].length, cursor + m[0].length + 60);
        const next = WORD_AT.exec(rest)?.[1] ?? '';
        const after = /^(?:des|du|d|l|la|le)$/.test(next) ? /^[ \t]*[\p{L}]+['’]?[ \t]*([\p{L}\p{M}-]+)/u.exec(rest)?.[1] ?? '' : '';
        if (TYPE_SET.has(after.toLowerCase()) || TYPE_SET.has(next.toLowerCase())) break;
        if (!/^(?:de|des|du|d|l)$/.test(next) && !/^\p{Lu}/u.test(next)) break;
      }
      prev = 'conn';
      cursor += m[0].length;
      continue;
    }
    if (isCap) { prev = 'cap'; end = wEnd; cursor += m[0].length; continue; }
    if ((prev === 'conn' || (ADJECTIVE.test(lw) && prev !== 'cap')) && lowCount < 5 && !requireCapital) {
      lowCount++; prev = 'low'; end = wEnd; cursor += m[0].length; continue;
    }
    break;
  }
  return end;
}

/** Working bodies, not organisations: "Comité de pilotage", "Groupe de travail", "Conseil d'administration". */
const GENERIC = new Set(['travail', 'pilotage', 'suivi', 'administration', 'coordination', 'projet', 'réflexion', 'crise', 'presse', 'gestion',
  'surveillance', 'direction', 'sélection', 'lecture', 'rédaction', 'experts', 'jury', 'parole', 'discussion', 'contact', 'ressources', 'recherche',
  'quartier', 'loisirs', 'jeunes', 'personnes', 'santé', 'villes', 'communes', 'collectivités', 'générale', 'plénière', 'constitutive', 'ordinaire', 'extraordinaire']);

/** "Syndicat des travailleurs de …", "Fondation Abbé Pierre", "l'association La Nef de Pantin", "associations France Vietnam et Party Pris". */
export function typedOrgs(text: string): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(TYPED_RE)) {
    const start = m.index!;
    const end = scanName(text, start + m[0].length, false);
    if (end <= start + m[0].length) continue;
    const span = text.slice(start, end);
    const first = /^\S+\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?(\p{Ll}+)/u.exec(span)?.[1];
    if (first && GENERIC.has(first) && !/\s\p{Lu}/u.test(span.slice(m[0].length))) continue;
    out.push({ start, end, text: span, name: span, key: keyOf(span) });
  }
  for (const m of text.matchAll(TYPED_LOWER)) {
    const start = m.index!;
    let end = scanName(text, start + m[0].length, true);
    if (end <= start + m[0].length) {
      // "lycée provincial de Kaya", "centre hospitalier d'Orange": adjectives, then a place
      const tail = /^(?:\s+\p{Ll}+){0,3}?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?=\p{Lu})/u.exec(text.slice(start + m[0].length, start + m[0].length + 60));
      if (tail) end = scanName(text, start + m[0].length + tail[0].length, true);
    }
    if (end > start + m[0].length && /\p{Lu}/u.test(text.slice(start + m[0].length, end))) out.push({ start, end, text: text.slice(start, end), name: text.slice(start, end), key: keyOf(text.slice(start, end)) });
  }
  for (const m of text.matchAll(LEAD_RE)) {
    let pos = m.index! + m[0].length;
    for (let n = 0; n < 6; n++) {
      const plural = /s$/.test(m[0].trim().split(/\s+/)[0]);
      const end = scanName(text, pos, true, plural);
      if (end <= pos) break;
      const span = text.slice(pos, end);
      out.push({ start: pos, end, text: span, name: span, key: keyOf(span) });
      const more = /^\s*(?:,|et)\s+[*_]?(?=\p{Lu})/u.exec(text.slice(end, end + 10));
      if (!more || !/s$/.test(m[0].trim().split(/\s+/)[0])) break;
      pos = end + more[0].length;
    }
  }
  return out;
}

const LIST_SPLIT = new RegExp(`(,|;|\\s+et\\s+(?=(?:${ORG_TYPES.join('|')})(?![\\p{L}])))`, 'u');
const LIST_RE = /^[ \t]*(?:Partenaires?|Financeurs?|Cofinanceurs?|Soutiens?|Membres?|Avec le soutien de)[^:\n]{0,30}:[ \t]*(.+)$/gimu;

/** Items of "Partenaires : A, B, C et D" lines. */
export function listedOrgs(text: string): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(LIST_RE)) {
    let pos = m.index! + m[0].length - m[1].length;
    for (const part of m[1].split(LIST_SPLIT)) {
      const raw = part;
      const item = raw.replace(/\s*\([^)]*\)\s*$/, '').trim();
      const lead = raw.indexOf(item);
      if (item && /^[\p{Lu}\p{N}]/u.test(item) && item.length <= 90 && !/^(?:,|;|et)$/.test(item)) {
        out.push({ start: pos + lead, end: pos + lead + item.length, text: item, name: item, key: keyOf(item) });
      }
      pos += raw.length;
    }
  }
  return out;
}

const STOP_CAPS = new Set(['CFA', 'FCFA', 'XOF', 'XAF', 'HT', 'TTC', 'CT', 'CTF', 'CTV', 'OSC', 'GP', 'CL', 'CD', 'EPCI', 'ESS', 'AAP', 'SCIC', 'RI', 'DRI', 'SG', 'PDG', 'DG', 'CA', 'AG',
  'AMO', 'MOA', 'MOE', 'BTP', 'VIE', 'PAS', 'SIG', 'TIC', 'NTIC', 'ETC', 'EAU', 'DANS', 'NOUS', 'VOUS', 'ELLE', 'IL', 'SES', 'CES', 'QUOI', 'COMMENT', 'POURQUOI', 'QUAND', 'FIN', 'NEWS',
  'LIRE', 'SUITE', 'HAUT', 'BAS', 'NORD', 'SUD', 'EST', 'OUEST', 'ANS', 'AN', 'FOCUS', 'ZOOM', 'EDITO', 'AGENDA', 'DOSSIER', 'PROJET', 'PROJETS',
  'ACTION', 'ACTIONS', 'CULTURE', 'SANTE', 'SPORT', 'PAYS', 'VILLE', 'ZONE', 'CARTE', 'TITRE', 'NOTE', 'BILAN', 'AXE', 'AXES', 'PHASE', 'ETAPE',
  'OBJECTIF', 'BUDGET', 'DATE', 'DATES', 'LIEU', 'TEL', 'FAX', 'MAIL', 'EMAIL', 'WEB', 'SITE', 'NEW', 'THE', 'AND', 'OF', 'FOR', 'TOP', 'PAGE', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI',
  'ODD', 'PIB', 'IDH', 'AVEC', 'ET', 'LE', 'LA', 'LES', 'DES', 'DU', 'DE', 'POUR', 'EN', 'AU', 'AUX', 'UN', 'UNE', 'SUR', 'PAR', 'OU', 'QUI', 'NOS',
  'OK', 'TV', 'PDF', 'HTML', 'URL', 'FAQ', 'NB', 'PS', 'EUR', 'USD', 'HT', 'TTC', 'ETP', 'COVID', 'ONG', 'RSE', 'DOM', 'TOM', 'CEO', 'PME', 'TPE',
  'JANVIER', 'FEVRIER', 'MARS', 'AVRIL', 'MAI', 'JUIN', 'JUILLET', 'AOUT', 'SEPTEMBRE', 'OCTOBRE', 'NOVEMBRE', 'DECEMBRE', 'CV', 'RH', 'IA', 'QR',
  'NON', 'OUI', 'PLUS', 'TOUS', 'VOIR', 'INFO', 'INFOS', 'CONTACT', 'MENU', 'ACCUEIL', 'KM', 'CO2', 'GES', 'RGPD', 'TVA', 'SMS', 'GPS', 'ID', 'AM', 'PM',
  // ISO 4217 codes: money, not organisations
  'AMD', 'CAD', 'MAD', 'XAF', 'VND', 'TND', 'DZD', 'LBP', 'MGA', 'HTG', 'CHF', 'GNF', 'GBP', 'JPY', 'CNY', 'INR', 'UAH', 'GEL', 'RUB', 'PLN', 'RON', 'ZAR', 'NGN', 'GHS', 'ETB', 'KES', 'KHR', 'MRU', 'EGP', 'BRL']);
const EVENT_BEFORE = /(?:projets?|programmes?|festival|opération|dispositif|plan|initiative|label|salon|forum|concours|prix|fonds|appel|appels|facilité|outil|réunion|rencontres?|plateforme|logiciel|application|réseau social)\s*(?:«\s*)?$/iu;
const EVENT_NAME = /^(?:Conférence|Forum|Festival|Projet|Programme|Sommet|Assises|Salon|Objectifs?|Plan|Semaine|Journées?|Année|Contrat|Facilité|Fonds|Appel|Dispositif|Prix)(?![\p{L}])/u;

/** Acronyms in capitals (2–8, digits allowed, "CCI 93"); not a stop word, a place, a heading word nor a project's name. */
export function acronymOrgs(text: string, gaz: Gazetteer, toks: Token[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])([A-Z][A-Z0-9&]{1,7}(?:[ -]\d{2,3})?)(?![\p{L}\p{N}])/gu)) {
    const acr = m[1];
    if (STOP_CAPS.has(acr.replace(/[ -]\d+$/, '')) || /^[IVXLC]+$/.test(acr) || !/[A-Z].*[A-Z]|[A-Z]\d/.test(acr)) continue;
    const key = keyOf(acr);
    if (gaz.territories.has(key) && !gaz.organisations.has(key)) continue;
    const start = m.index!;
    const end = start + acr.length;
    const before = text.slice(Math.max(0, start - 30), start);
    if (EVENT_BEFORE.test(before) || /(?:^|\s)(?:les|des|aux|ces|nos|vos|leurs|plusieurs|certaines?|certains)\s+$/iu.test(before)) continue;
    const known = gaz.organisations.has(key);
    if (!known && acr.replace(/[^A-Z]/g, '').length > 5) continue;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
    // a heading in capitals, not a sentence naming three acronyms
    const line = text.slice(lineStart, lineEnd);
    const capsWords = line.match(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/gu)?.length ?? 0;
    if (!known && capsWords >= 3 && capsWords * 4 > (line.match(/\p{L}+/gu)?.length ?? 0)) continue;
    const near = toks.filter((t) => t.end <= start && t.end > start - 3 || t.start >= end && t.start < end + 3);
    if (near.some((t) => { const w = text.slice(t.start, t.end); return w.length > 1 && w === w.toUpperCase() && /[A-Z]{2}/.test(w) && !/^\d/.test(w); })) continue;
    if (/\(\s*$/.test(before)) {
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const phrase = text.slice(lineStart, start).split(/[,;:–]|\s-\s/).pop()?.replace(/^.*?\b(?:la|le|les|l['’]|du|des|de)\s+(?=\p{Lu})/u, '') ?? '';
      if (EVENT_NAME.test(phrase.trim())) continue;
    }
    out.push({ start, end, text: acr, name: acr, key, acronym: acr });
  }
  return out;
}

/** True when the candidate overlaps any of the spans. */
export const overlapsAny = (c: { start: number; end: number }, spans: Array<{ start: number; end: number }>) => spans.some((s) => overlaps(c, s));
