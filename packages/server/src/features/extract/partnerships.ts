/** Cooperation relations a text states between parties (issue 16): cue sentences, their parties, not co-funding. */
import { fold } from '@tandem/shared';
import { keyOf } from './gazetteer.js';
import { COOPERATION, sentences } from './entities.text.js';
import type { DateFact, OrganisationFact, PartnershipFact, Span, TerritoryFact } from './types.js';

type WithMentions<T> = T & { mentions?: Span[] };
interface Party { key: string; name: string; id?: string; foreign: boolean; authority: boolean; mentions: Span[] }
interface Mention { party: Party; start: number; end: number }

/** Plans and wishes are not relations yet. */
const PLANNED = /envisag|potentiel|futur|pourrai|explor|souhait|perspective|en vue d/iu;
/** Co-funding and support: the organisations named after these are funders, not partners. */
const FUNDING = /(?:co-?financ\p{L}*[\s*_]+par|financ\p{L}*[\s*_]+par|soutien(?:[\s*_]+financier)?[\s*_]+(?:de|du|des|d['’])|avec[\s*_]+la[\s*_]+collaboration[\s*_]+(?:de|du|des|d['’])|concours[\s*_]+(?:de|du|des|d['’])|appui(?:[\s*_]+financier)?[\s*_]+(?:de|du|des|d['’])|subvention[\s*_]+(?:de|du|des|d['’]))/iu;
/** "étendue à la commune de X", "au cercle de X", "à Cergy": a place where things happen, not a party. */
const LOCATIVE = /(?:^|[\s(])(?:à|au|aux|dans|vers|sur)\s+(?:(?:la|le|les|l['’])\s*)?(?:\p{Ll}+\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?$/u;
/** Local bodies that govern a place: "Communauté d'Idjevan", "Municipalité de Sfax". */
const LOCAL_BODY = /^(?:Communauté|Commune|Municipalité|Mairie|Ville)\s+(?:de|du|d['’])/u;
const SIGNING = /sign|conclu|depuis|établi|débuté|lancé|né\b|officialis|scell|ratifi|paraph|\ben\s*$/iu;
/** "une convention lie X à Y": "à" joins the second party here, it is not a place. */
const BINDS = /(?<![\p{L}])(?:lie|lient|relie|relient|unit|unissent|associe|associent)(?![\p{L}])/iu;
const spansOf = (f: WithMentions<Span>) => f.mentions?.length ? f.mentions : [{ start: f.start, end: f.end }];
const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;

const norm = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();
/** A party's name: the canonical one when the page writes it, else the shortest way the page writes it (not a bare type word nor an acronym). */
function partyName(text: string, o: WithMentions<OrganisationFact>): string {
  if (norm(text).includes(norm(o.name))) return o.name;
  const written = spansOf(o).map((s) => text.slice(s.start, s.end)).filter((w) => /\s/.test(w) && w !== w.toUpperCase());
  return written.sort((a, b) => a.length - b.length)[0] ?? o.name;
}

/** Parties: organisations, and territories that are not countries nor part of an organisation's name (an authority's place is the authority). */
const territoryKey = (t: TerritoryFact) => t.id ?? `${t.country}:${keyOf(t.name)}`;

function partiesOf(text: string, organisations: WithMentions<OrganisationFact>[], territories: WithMentions<TerritoryFact>[]): Mention[] {
  const out: Mention[] = [];
  const orgSpans = organisations.flatMap(spansOf);
  const byTerritory = new Map<string, Party>();
  for (const o of organisations) {
    const placed = territories.find((t) => t.kind !== 'country' && spansOf(t).some((ts) => spansOf(o).some((os) => inside(ts, os))));
    const country = o.country ?? placed?.country;
    const party: Party = { key: `o:${o.id ?? keyOf(o.name)}`, name: partyName(text, o), id: o.id, foreign: !!country && country !== 'FR',
      authority: !!o.territoryId, mentions: spansOf(o) };
    // the first authority named for a place stands for it ("Département de l'Hérault", not the later "Préfecture de l'Hérault")
    if (o.territoryId) { if (!byTerritory.has(o.territoryId)) byTerritory.set(o.territoryId, party); }
    // an authority of a place the gazetteer does not know ("Région de Dnipropetrovsk", "Communauté d'Idjevan") stands for that place too
    else if ((o.kind === 'collectivite' || LOCAL_BODY.test(o.text)) && placed && !byTerritory.has(territoryKey(placed))) byTerritory.set(territoryKey(placed), party);
    for (const s of party.mentions) out.push({ party, ...s });
  }
  for (const t of territories) {
    if (t.kind === 'country') continue;
    const party = byTerritory.get(territoryKey(t)) || { key: `t:${territoryKey(t)}`, name: t.name, id: t.id, foreign: t.country !== 'FR', authority: true, mentions: [] };
    for (const s of spansOf(t)) {
      const before = text.slice(Math.max(0, s.start - 40), s.start);
      if (orgSpans.some((o) => inside(s, o)) || (LOCATIVE.test(before) && !BINDS.test(text.slice(Math.max(0, s.start - 90), s.start)))) continue;
      party.mentions.push(s);
      out.push({ party, ...s });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function signedDate(text: string, s: Span, dates: DateFact[]): string | undefined {
  const inSentence = dates.filter((d) => d.start >= s.start && d.end <= s.end);
  const near = inSentence.find((d) => SIGNING.test(d.text) || SIGNING.test(text.slice(Math.max(s.start, d.start - 30), d.start)));
  return near?.value;
}

export function findPartnerships(text: string, found: { organisations: OrganisationFact[]; territories: TerritoryFact[]; dates: DateFact[] }): PartnershipFact[] {
  const mentions = partiesOf(text, found.organisations, found.territories);
  const all = [...new Set(mentions.map((m) => m.party))].sort((a, b) => b.mentions.length - a.mentions.length);
  const mainHome = all.find((p) => !p.foreign && p.authority) ?? all.find((p) => !p.foreign);
  const mainAbroad = all.find((p) => p.foreign);
  const self = all.find((p) => p.key.startsWith('o:'));
  const out: PartnershipFact[] = [];
  const seen = new Map<string, PartnershipFact>();
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    if (!COOPERATION.test(sentence) || PLANNED.test(sentence)) continue;
    const funding = FUNDING.exec(sentence);
    const cut = funding ? s.start + funding.index : s.end;
    const parties: Party[] = [];
    for (const m of mentions) if (m.start >= s.start && m.end <= cut && !parties.includes(m.party)) parties.push(m.party);
    if (parties.length === 1 && parties[0].foreign && /\b(?:avec|entre)\b/iu.test(sentence) && mainHome) parties.unshift(mainHome);
    // "nous travaillons avec l'ONG AJED": "nous" is the page's own organisation, the one it names most
    else if (parties.length === 1 && self && self !== parties[0] && /(?<![\p{L}])(?:nous|notre|nos)(?![\p{L}])/iu.test(sentence) && /(?<![\p{L}])(?:avec|entre)(?![\p{L}])/iu.test(sentence)) parties.unshift(self);
    if (parties.length === 0 && /sign/iu.test(sentence) && /coop[éèe]r|partenari|jumel/iu.test(sentence) && mainHome && mainAbroad) parties.push(mainHome, mainAbroad);
    if (parties.length < 2) continue;
    const key = parties.map((p) => p.key).sort().join('|');
    const signed = signedDate(text, s, found.dates);
    const prior = seen.get(key);
    if (prior) { if (signed && !prior.signed) prior.signed = signed; continue; }
    const lead = sentence.length - sentence.trimStart().length;
    const body = sentence.trim();
    const p: PartnershipFact = { text: body, start: s.start + lead, end: s.start + lead + body.length, parties: parties.map((x) => x.name), partyIds: parties.map((x) => x.id) };
    if (signed) p.signed = signed;
    seen.set(key, p);
    out.push(p);
  }
  return out;
}
