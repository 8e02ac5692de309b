/** Organisations and territories named in a text (issue 16): gazetteer matches by a token index, then patterns. */
import { fold } from '@tandem/shared';
import { keyOf, type GazEntry, type Gazetteer } from './gazetteer.js';
import { acronymOfPlace, extendWithPlace } from './org-refine.js';
import { cuePlaces } from './territory-cues.js';
import { COOPERATION, overlaps, pick, scan, sentenceAt, sentences, tokenize, type GazMatch } from './entities.text.js';
import { NAME, acronymOrgs, authorityOrgs, listedOrgs, overlapsAny, typedOrgs, type OrgCandidate } from './org-patterns.js';
import type { OrganisationFact, Span, TerritoryFact } from './types.js';

/** The facts with every mention (the first one gives text/start/end). */
export interface TerritoryFound extends TerritoryFact { mentions: Span[] }
export interface OrganisationFound extends OrganisationFact { mentions: Span[] }

const cap = (w: string) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`;
const PLACE_TYPES = ['ville', 'commune', 'province', 'région', 'district', 'municipalité', 'village', 'département', 'préfecture', 'comté',
  'canton', 'gouvernorat', 'wilaya', 'cercle', 'état', 'île', 'oblast', 'voïvodie', 'voivodie', 'land', 'județ', 'judet', 'comitat', 'cité', 'mairie', 'maire', 'conseil départemental', 'conseil régional']
  .map((w) => `${cap(w)}s?`).join('|');
const PLACE_RE = new RegExp(`(?<![\\p{L}])(${PLACE_TYPES})\\s+(?:de\\s+la\\s+|de\\s+l['’]\\s*|du\\s+|des\\s+|d['’]\\s*|de\\s*['’]\\s*|de\\s+|(?<=(?:Région|Province)\\s+)(?!(?:Sud|Nord|Est|Ouest|Centre)(?![\\p{L}])))(${NAME})((?:\\s*(?:,|et)\\s+${NAME})*)`, 'gu');
/** "mer de Chine", "rue de Paris", "fleuve Rouge": a name after these is not the place itself. */
const NOT_PLACE_BEFORE = /(?:\b(?:mer|fleuve|rivière|golfe|océan|baie|lac|mont|rue|avenue|boulevard|place|quai)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])?\s*)$/iu;
/** The kinds a type word points to: "province de X" is the province, "ville de X" the city. */
function kindsOf(word: string): string[] {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w === 'ville' || w === 'cité' || w === 'commune' || w === 'municipalité') return ['city', 'commune'];
  if (w === 'province') return ['province'];
  if (w === 'région') return ['region'];
  if (w === 'département') return ['departement'];
  return [];
}
/** Unknown places: a name followed by its country ("Bat Yam (Israël)", "Tübingen, en Allemagne") or after "jumelée avec". */
const ABROAD_RE = new RegExp(`(?<![\\p{L}])(?:(${NAME})(?=\\s*(?:\\(|,\\s*(?:en|au|aux)\\s))()|(?:[Jj]umel\\p{L}*|[Cc]oopération|[Pp]artenariat|[Aa]miti\\p{L}+|coop[èé]r\\p{L}*)\\s+(?:\\p{Ll}+\\s+){0,2}?(?:avec|à)\\s+(?:(?:la\\s+)?(?:ville|commune|municipalité)\\s+(?:de\\s+|d['’]\\s*))?(${NAME})|[Jj]umelage\\s+(?:\\p{Ll}+\\s+){0,2}?entre\\s+(?:\\p{L}+\\s+){0,3}?${NAME}\\s+et\\s+(?:(?:la\\s+)?(?:ville|commune|municipalité)\\s+(?:de\\s+|d['’]\\s*))?(${NAME}))`, 'gu');
const NOT_PLACE = /^(?:Coopération|Développement|Projet|Programme|Partenaires?|Contact|Source|Photo|Crédit|France$|(?:La|Le|Les|L|Un|Une|Des|Ce|Cette|Ces|Notre|Nos|Son|Sa|Ses|Leur|Leurs|Depuis|Dans|Avec|Pour|En|Au|Et|Mais|Puis|Ainsi|Enfin|Il|Elle|Ils|Elles|On|Nous)(?![\p{L}]))/u;

function addMention<T extends { mentions: Span[]; start: number }>(map: Map<string, T>, key: string, make: () => T, span: Span) {
  const hit = map.get(key);
  if (!hit) map.set(key, make());
  else if (!hit.mentions.some((m) => m.start === span.start)) hit.mentions.push(span);
}

function territoryFact(e: GazEntry, text: string, start: number, end: number): TerritoryFound {
  const f: TerritoryFound = { text, start, end, name: e.name, country: e.country ?? 'FR', mentions: [{ start, end }] };
  if (e.id) f.id = e.id;
  if (e.kind) f.kind = e.kind;
  return f;
}

/** The country written right after a place: "(Sénégal)", ", Mali", "au Sénégal", "en Haïti". */
function countryAfter(text: string, end: number, gaz: Gazetteer): string | undefined {
  const m = /^\s*(?:\(\s*|,?\s*(?:au|en|aux)\s+|,\s*)([\p{Lu}][\p{L}\p{M}'’ -]{1,40})/u.exec(text.slice(end, end + 50));
  if (!m) return undefined;
  const words = m[1].split(/[\s'’-]+/);
  for (let n = Math.min(words.length, 5); n >= 1; n--) {
    const list = gaz.territories.get(keyOf(words.slice(0, n).join(' ')));
    const c = list?.map((i) => gaz.entries[i]).find((e) => e.kind === 'country');
    if (c) return c.country;
  }
  return undefined;
}

export function findTerritories(text: string, gaz: Gazetteer): TerritoryFound[] {
  const found = new Map<string, TerritoryFound>();
  const keyOfEntry = (e: GazEntry) => e.id ?? `${e.country}:${keyOf(e.name)}`;
  const toks = tokenize(text);
  const orgSpans = scan(text, toks, gaz, gaz.organisations).filter((m) => !m.key.split(' ').every((w) => gaz.territories.has(w)) && !gaz.territories.has(m.key));
  // "Fondation de France", "association France Vietnam": a country inside a name is not named as a place
  const named = typedOrgs(text);
  const e0 = (m: GazMatch) => gaz.entries[m.entries[0]];
  const accepted = new Set<GazEntry>();
  const rejected: GazMatch[] = [];
  for (const m of scan(text, toks, gaz, gaz.territories)) {
    if (NOT_PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
    const compound = /\p{L}-$/u.test(text.slice(Math.max(0, m.start - 2), m.start)) || /^-\p{L}/u.test(text.slice(m.end, m.end + 2));
    const inOrg = orgSpans.some((o) => o.start <= m.start && o.end >= m.end);
    if (e0(m)?.kind === 'country' && named.some((o) => o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start)) continue;
    const e = pick(gaz, text, m);
    if (!e) { rejected.push(m); continue; }
    if ((e.kind === 'country' || compound) && inOrg) continue;
    const inLonger = /^-\p{Lu}/u.test(text.slice(m.end, m.end + 2)) || /\p{Lu}[\p{L}]*-$/u.test(text.slice(Math.max(0, m.start - 12), m.start));
    if (compound && (e.ambiguous || (e.kind !== 'country' && inLonger))) continue; // "Baie-Saint-Paul" is not Saint-Paul
    if (e.ambiguous) accepted.add(e);
    // "Saint-Louis (Sénégal)", "Saint-Louis au Sénégal": a French name used abroad is the foreign place
    const abroad = e.kind !== 'country' && e.country === 'FR' ? countryAfter(text, m.end, gaz) : undefined;
    if (abroad && abroad !== 'FR') {
      const u: GazEntry = { ...e, id: undefined, country: abroad, kind: undefined };
      addMention(found, `${abroad}:${keyOf(e.name)}`, () => territoryFact(u, m.text, m.start, m.end), m);
    } else addMention(found, keyOfEntry(e), () => territoryFact(e, m.text, m.start, m.end), m);
  }
  // one sense per page: an ambiguous name read as the place once ("à Orange") is the place everywhere on the page
  for (const m of rejected) {
    const e = m.entries.map((i) => gaz.entries[i]).find((x) => accepted.has(x));
    if (e) addMention(found, keyOfEntry(e), () => territoryFact(e, m.text, m.start, m.end), m);
  }
  const unknown: Array<{ start: number; end: number; name: string }> = [];
  for (const m of text.matchAll(PLACE_RE)) {
    const plural = /s$/.test(m[1]);
    const names = [m[2], ...(m[3] && plural ? m[3].split(/\s*(?:,|et)\s+/).filter(Boolean) : [])];
    const city = /^(?:ville|cité)$/i.test(m[1]);
    let pos = m.index! + m[0].length - m[2].length - m[3].length;
    for (const name of names) {
      const start = text.indexOf(name, pos);
      const end = start + name.length;
      pos = end;
      const list = gaz.territories.get(keyOf(name));
      if (list) {
        const e = pick(gaz, text, { start, end, text: name, key: keyOf(name), entries: list }, true, kindsOf(m[1]));
        // "ville de Hai Duong": the city that shares its province's name is a place of its own
        if (e && city && e.kind === 'province') {
          const c: GazEntry = { ...e, id: undefined, kind: 'city' };
          addMention(found, `${e.country}:city:${keyOf(e.name)}`, () => territoryFact(c, name, start, end), { start, end });
        } else if (e) addMention(found, keyOfEntry(e), () => territoryFact(e, name, start, end), { start, end });
      } else if (!NOT_PLACE.test(name) && ![...found.values()].some((f) => f.mentions.some((s) => overlaps(s, { start, end })))) {
        unknown.push({ start, end, name });
      }
    }
  }
  for (const c of cuePlaces(text, gaz)) if (!gaz.territories.has(keyOf(c.name)) && ![...found.values()].some((f) => f.mentions.some((s) => overlaps(s, c))) && !unknown.some((u) => overlaps(u, c))) unknown.push(c);
  for (const m of text.matchAll(ABROAD_RE)) {
    const name = m[1] ?? m[3] ?? m[4];
    const start = m.index! + m[0].lastIndexOf(name);
    const span = { start, end: start + name.length, name };
    if (m[1] !== undefined && (countryAfter(text, span.end, gaz) ?? 'FR') === 'FR') continue;
    if (NOT_PLACE.test(name) || gaz.organisations.has(keyOf(name)) || gaz.territories.has(keyOf(name))) continue;
    if (![...found.values()].some((f) => f.mentions.some((s) => overlaps(s, span))) && !unknown.some((u) => overlaps(u, span))) unknown.push(span);
  }
  const sents = sentences(text);
  const all = [...found.values()];
  const countries = all.filter((t) => t.kind === 'country');
  const foreign = new Map<string, number>();
  for (const t of all) if (t.country !== 'FR') foreign.set(t.country, (foreign.get(t.country) ?? 0) + t.mentions.length);
  const main = [...foreign.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const countrySpans = countries.filter((c) => c.country !== 'FR').flatMap((c) => c.mentions.map((m) => ({ country: c.country, m })));
  const nearest = (pos: number) => countrySpans.map((x) => ({ ...x, d: Math.abs(x.m.start - pos) })).filter((x) => x.d < 400).sort((a, b) => a.d - b.d)[0]?.country;
  for (const u of unknown) {
    const s = sentenceAt(sents, u.start);
    const inSentence = countries.flatMap((c) => c.mentions.map((m) => ({ c, m }))).filter(({ m }) => m.start >= s.start && m.end <= s.end);
    const after = inSentence.filter(({ m }) => m.start >= u.end && m.start - u.end < 40).sort((a, b) => a.m.start - b.m.start)[0];
    const demonym = tokenize(text.slice(s.start, s.end)).map((t) => gaz.demonyms.get(t.key)).find(Boolean);
    // "MRC de Charlevoix, au Québec": a foreign region named right after gives its country
    const region = all.find((t) => t.kind !== 'country' && t.country !== 'FR' && t.mentions.some((m) => m.start >= u.end && m.start - u.end < 15 && m.end <= s.end));
    const country = region?.country ?? after?.c.country ?? inSentence.find(({ c }) => c.country !== 'FR')?.c.country ?? demonym ?? nearest(u.start) ?? main ?? 'FR';
    addMention(found, `${country}:${keyOf(u.name)}`, () => ({ text: u.name, start: u.start, end: u.end, name: u.name, country, mentions: [{ start: u.start, end: u.end }] }), u);
  }
  // the other mentions of a place found by its type word, written the same way
  for (const u of unknown) {
    const f = [...found.values()].find((t) => !t.id && t.name === u.name);
    if (!f) continue;
    const re = new RegExp(`(?<![\\p{L}-])${u.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}-])`, 'gu');
    for (const m of text.matchAll(re)) {
      const span = { start: m.index!, end: m.index! + u.name.length };
      if (!f.mentions.some((x) => overlaps(x, span))) f.mentions.push(span);
    }
  }
  // the first mention gives the fact its text and span
  for (const f of found.values()) {
    f.mentions.sort((a, b) => a.start - b.start);
    const first = f.mentions[0];
    Object.assign(f, { start: first.start, end: first.end, text: text.slice(first.start, first.end) });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

const CONNECTOR_WORDS = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'pour', 'et', 'à', 'a', 'au', 'aux', 'en', 'sur']);
/** Initials of a name: of its capitalised words, and of all its words but connectors. */
function initials(name: string): string[] {
  const words = name.split(/[\s'’-]+/).filter(Boolean);
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => fold(w[0]).toUpperCase()).join('');
  const content = words.filter((w) => !CONNECTOR_WORDS.has(w.toLowerCase())).map((w) => fold(w[0]).toUpperCase()).join('');
  return [caps, content];
}

/** The shortest run of words ending before an acronym's parenthesis, starting with a capital, whose initials spell it. */
function spelledBefore(text: string, acrStart: number, letters: string): { start: number; end: number; text: string } | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', acrStart) + 1, acrStart - 160);
  const before = text.slice(lineStart, acrStart).replace(/\s*\(\s*$/, '');
  const words = [...before.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu)];
  for (let i = words.length - 1; i >= Math.max(0, words.length - 12); i--) {
    const w = words[i];
    if (!/^\p{Lu}/u.test(w[0]) || CONNECTOR_WORDS.has(w[0].toLowerCase())) continue; // "L'Université …": the article is not the name
    const elided = /^[LD]['’]/u.test(w[0]) ? 2 : 0; // "L'Université Grenoble Alpes (UGA)": the article is not the name
    const phrase = before.slice(w.index! + elided);
    if (/[,;:.()]/.test(phrase)) break;
    if (initials(phrase).includes(letters) || spell(phrase) === letters) return { start: lineStart + w.index! + elided, end: lineStart + before.length, text: phrase };
  }
  return undefined;
}
const spell = (phrase: string) => phrase.split(/[\s'’-]+/).filter(Boolean).map((w) => fold(w[0]).toUpperCase()).join('');

const AUTHORITY_WORD = /^(?:ville|mairie|commune|municipalité|province|région|département|conseil|comité)(?![\p{L}])/iu;

function orgFact(c: OrgCandidate): OrganisationFound {
  const e = c.entry;
  const f: OrganisationFound = { text: c.text, start: c.start, end: c.end, name: e?.name ?? c.name, mentions: [{ start: c.start, end: c.end }] };
  const id = e?.id;
  if (id) f.id = id;
  const kind = e?.kind ?? c.kind;
  if (kind) f.kind = kind;
  const acronym = c.acronym ?? e?.acronym;
  if (acronym) f.acronym = acronym;
  const country = e?.country ?? c.country;
  if (country) f.country = country;
  const territoryId = e?.territoryId ?? c.territoryId;
  if (territoryId) f.territoryId = territoryId;
  return f;
}

/** A pattern candidate whose name the gazetteer knows becomes that organisation. */
function resolve(gaz: Gazetteer, c: OrgCandidate): OrgCandidate {
  if (c.entry) return c;
  const list = gaz.organisations.get(c.key);
  if (!list) return c;
  const e = [...list].map((i) => gaz.entries[i]).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
  return { ...c, entry: e, key: e.id ?? keyOf(e.name) };
}

export function findOrganisations(text: string, gaz: Gazetteer, territories: TerritoryFact[] = []): OrganisationFound[] {
  const toks = tokenize(text);
  const sents = sentences(text);
  const strong: OrgCandidate[] = [];
  const weak: OrgCandidate[] = [];
  for (const m of scan(text, toks, gaz, gaz.organisations)) {
    const e = [...m.entries].map((i) => gaz.entries[i]).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
    const c: OrgCandidate = { start: m.start, end: m.end, text: m.text, name: e.name, key: e.id ?? keyOf(e.name), entry: e };
    const places = gaz.territories.has(m.key) || m.key.split(' ').every((w) => gaz.territories.has(w));
    (places && !AUTHORITY_WORD.test(m.text) ? weak : strong).push(c);
  }
  const taken: OrgCandidate[] = [];
  const take = (list: OrgCandidate[], replaceShorter = false) => {
    for (const c of list) {
      const clash = taken.filter((t) => overlaps(t, c));
      if (clash.length && !(replaceShorter && clash.every((t) => t.start >= c.start && t.end <= c.end && t.end - t.start < c.end - c.start && !t.entry && !t.territoryId))) continue;
      for (const t of clash) taken.splice(taken.indexOf(t), 1);
      taken.push(resolve(gaz, c));
    }
  };
  take(strong);
  take(authorityOrgs(text, gaz, sents), true);
  take(typedOrgs(text).map((c) => resolve(gaz, c)), true);
  take(listedOrgs(text));
  const acronyms = acronymOrgs(text, gaz, toks);
  take(acronyms);
  // "Yvelines Coopération internationale et développement (YCID)": the words before the acronym that spell it are its name
  for (const a of acronyms) {
    if (!taken.includes(a) || !/\(\s*$/.test(text.slice(Math.max(0, a.start - 3), a.start))) continue;
    const full = spelledBefore(text, a.start, a.acronym!.replace(/[^A-Z]/g, ''));
    if (!full) continue;
    const inside = taken.filter((t) => t !== a && overlaps(t, full));
    if (inside.some((t) => t.entry || t.start < full.start || t.end > full.end)) continue;
    for (const t of inside) taken.splice(taken.indexOf(t), 1);
    const org = { ...full, name: full.text, key: keyOf(full.text), acronym: a.acronym };
    taken.push(org);
    for (const b of taken) if (b.acronym === a.acronym && !b.entry) b.key = org.key;
  }
  // "Full Name (ACR)": the acronym joins the organisation written just before it
  for (const a of acronyms) {
    const ai = taken.indexOf(a);
    if (ai < 0) continue;
    const prev = taken.find((t) => t !== a && t.end <= a.start && /^\s*\(\s*$/.test(text.slice(t.end, a.start)));
    if (prev) { taken[ai] = { ...a, key: prev.key, name: prev.name, entry: prev.entry }; prev.acronym ??= a.text; }
  }
  extendWithPlace(text, taken);
  acronymOfPlace(text, taken, (name) => gaz.territories.has(keyOf(name)) || territories.some((t) => t.text === name));
  const strongKeys = new Set(taken.map((t) => t.key));
  take(weak.filter((c) => strongKeys.has(c.key) || COOPERATION.test(text.slice(sentenceAt(sents, c.start).start, sentenceAt(sents, c.start).end))));
  // "Chambre de Métiers" and "Chambre de Métiers … du Val d'Oise": a pattern name that begins another is the same organisation
  const patterns = taken.filter((t) => !t.entry && !t.acronym);
  for (const t of patterns) {
    const longer = patterns.find((o) => o !== t && o.key.startsWith(`${t.key} `) && o.key.split(' ').length - t.key.split(' ').length <= 6);
    if (longer && t.key.split(' ').length >= 2) t.key = longer.key;
  }
  // an unknown acronym whose letters are the initials of a name found on the page ("CMA 95", "Chambre de Métiers et de l'Artisanat")
  for (const a of taken.filter((t) => t.acronym && !t.entry)) {
    const letters = a.acronym!.replace(/[^A-Z]/g, '');
    const named = patterns.find((p) => initials(p.text).some((i) => i === letters || (letters.length >= 3 && i.startsWith(letters))));
    if (named) a.key = named.key;
  }
  // "Les Ateliers": the first two capitalised words of a long name found on the page, written alone later
  for (const p of patterns) {
    const head = /^(\p{Lu}[\p{L}\p{M}]+ \p{Lu}[\p{L}\p{M}]+)(?= \p{L}+ \p{L})/u.exec(p.text)?.[1];
    if (!head) continue;
    for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
      const c = { ...p, start: i, end: i + head.length, text: head };
      if (!/[\p{L}]/u.test(text[i + head.length] ?? '') && !overlapsAny(c, taken)) taken.push(c);
    }
  }
  const found = new Map<string, OrganisationFound>();
  for (const c of taken.filter((t) => !/(?:^|\s)\p{L}$/u.test(t.text)).sort((a, b) => a.start - b.start)) {
    const key = c.entry?.id ?? c.key;
    addMention(found, key, () => orgFact(c), c);
    const f = found.get(key)!;
    if (!f.acronym && c.acronym) f.acronym = c.acronym;
    if (!c.entry && !c.acronym && !c.territoryId && c.name.length > f.name.length && f.name === f.text && !f.id) f.name = c.name;
  }
  // a capitalised "Département" / "Région" alone is the page's own: the one of that class named most, or first
  for (const [word, prefix] of [['Département', 'FR-D-'], ['Région', 'FR-R-']] as const) {
    const same = [...found.values()].filter((f) => f.territoryId?.startsWith(prefix)).sort((a, b) => b.mentions.length - a.mentions.length || a.start - b.start);
    if (!same.length) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu'))) {
      const span = { start: m.index!, end: m.index! + word.length };
      if (!overlapsAny(span, taken)) same[0].mentions.push(span);
    }
  }
  return [...found.values()];
}
