/** From the facts of a text (an `Extraction`) to the records a member may accept, edit or reject before they are created. */
import { fold, organisationKinds } from '@tandem/shared';
import type { Extraction } from './types.js';

export const proposalKinds = ['organisation', 'partnership', 'agreement', 'project', 'funding_line', 'result', 'mission'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export type FactKind = keyof Extraction;

/** One fact a proposal's field comes from: which list, its index there, its span, and the field it fills. */
export interface FactRef { kind: FactKind; index: number; start: number; end: number; field: string }

/**
 * key: stable for one extraction ("org-0", "partnership-0", …); fields: the editable values, as text or numbers;
 * match: the existing record an organisation proposal stands for (then nothing is created for it);
 * refs: the keys of the proposals it depends on (a partnership's parties, an agreement's partnership, …).
 */
export interface Proposal {
  key: string;
  kind: ProposalKind;
  fields: Record<string, string | number | null>;
  match?: { id: string; name: string };
  facts: FactRef[];
  refs?: Record<string, string[]>;
}

/** An organisation Tandem holds, for the name lookup. */
export interface KnownOrganisation { id: string; name: string; acronyms?: string[]; aliases?: string[]; country?: string | null; kind?: string; territoryId?: string | null }

const key = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** The organisations Tandem holds, by id and by every folded name, acronym and alias. */
function index(known: KnownOrganisation[]) {
  const byId = new Map(known.map((o) => [o.id, o]));
  const byName = new Map<string, KnownOrganisation>();
  for (const o of known) for (const n of [o.name, ...(o.acronyms ?? []), ...(o.aliases ?? [])]) if (key(n) && !byName.has(key(n))) byName.set(key(n), o);
  return { byId, byName };
}

const AGREEMENT_WORDS: Array<[RegExp, string]> = [[/protocole d.entente/i, 'protocole_d_entente'], [/protocole/i, 'protocole'], [/avenant/i, 'avenant'],
  [/m[ée]morandum|\bmou\b/i, 'mou'], [/convention|accord/i, 'convention']];
const MISSION_WORD = /\b(d[ée]l[ée]gation|mission|visite)s?\b/gi;
const INCOMING_WORD = /accueill|re[çc]u|venue/i;

/** Every proposal for one extraction: organisations (matched or new), partnerships with their agreement, a project with its lines and results, delegations. */
export function buildProposals(ex: Extraction, text: string, known: KnownOrganisation[] = [], title = ''): Proposal[] {
  const { byId, byName } = index(known);
  /** The territory a party's name is about: the longest territory name found in it. */
  const territoryIn = (name: string) => ex.territories.map((x, n) => ({ n, k: key(x.name) }))
    .filter((x) => x.k && ` ${key(name)} `.includes(` ${x.k} `)).sort((a, b) => b.k.length - a.k.length)[0]?.n ?? -1;
  const out: Proposal[] = [];
  const orgKeyOf = new Map<string, string>(); // folded name → proposal key

  const addOrg = (name: string, id: string | undefined, facts: FactRef[], extra: { kind?: string; country?: string; acronym?: string; territoryId?: string } = {}) => {
    // a local authority is also found by its territory ("Province de Hải Dương" → the organisation of VN-P-30)
    const local = extra.territoryId && extra.kind === 'collectivite' ? known.find((o) => o.territoryId === extra.territoryId && o.kind === 'collectivite') : undefined;
    const match = (id && byId.get(id)) || byName.get(key(name)) || (extra.acronym ? byName.get(key(extra.acronym)) : undefined) || local;
    const k = match ? `id:${match.id}` : key(name);
    const found = orgKeyOf.get(k) ?? orgKeyOf.get(key(name));
    if (found) { out.find((p) => p.key === found)!.facts.push(...facts); orgKeyOf.set(key(name), found); return found; }
    const pkey = `org-${out.filter((p) => p.kind === 'organisation').length}`;
    out.push({
      key: pkey, kind: 'organisation', facts,
      fields: { name: match?.name ?? name, kind: match?.kind ?? ((organisationKinds as readonly string[]).includes(extra.kind ?? '') ? extra.kind! : 'other'), country: match?.country ?? extra.country ?? null, acronym: extra.acronym ?? null, territoryId: match?.territoryId ?? extra.territoryId ?? null },
      ...(match ? { match: { id: match.id, name: match.name } } : {}),
    });
    orgKeyOf.set(k, pkey); orgKeyOf.set(key(name), pkey);
    return pkey;
  };

  ex.organisations.forEach((o, i) => addOrg(o.name, o.id, [{ kind: 'organisations', index: i, start: o.start, end: o.end, field: 'name' }],
    { kind: o.kind, country: o.country, acronym: o.acronym, territoryId: o.territoryId }));

  const dateOf = (value: string | undefined) => (value ? ex.dates.findIndex((d) => d.value === value) : -1);
  let firstPartnership: string | undefined;
  ex.partnerships.forEach((p, i) => {
    const parties = p.parties.map((name, j) => {
      const t = territoryIn(name);
      const facts: FactRef[] = t >= 0 ? [{ kind: 'territories', index: t, start: ex.territories[t]!.start, end: ex.territories[t]!.end, field: 'name' }] : [];
      return addOrg(name, p.partyIds?.[j], facts, { kind: 'collectivite', country: t >= 0 ? ex.territories[t]!.country : undefined, territoryId: t >= 0 ? ex.territories[t]!.id : undefined });
    });
    const names = parties.map((k) => out.find((x) => x.key === k)!.fields.name as string);
    const pkey = `partnership-${i}`;
    firstPartnership ??= pkey;
    const facts: FactRef[] = [{ kind: 'partnerships', index: i, start: p.start, end: p.end, field: 'parties' }];
    const d = dateOf(p.signed);
    if (d >= 0) facts.push({ kind: 'dates', index: d, start: ex.dates[d]!.start, end: ex.dates[d]!.end, field: 'started' });
    out.push({ key: pkey, kind: 'partnership', fields: { title: names.join(' – '), kind: 'cooperation', started: p.signed ?? null }, facts, refs: { parties } });
    if (p.signed) {
      const around = text.slice(Math.max(0, p.start - 120), p.end + 120);
      const kind = AGREEMENT_WORDS.find(([re]) => re.test(around))?.[1] ?? 'convention';
      out.push({ key: `agreement-${i}`, kind: 'agreement', fields: { kind, signed: p.signed }, refs: { partnership: [pkey] },
        facts: d >= 0 ? [{ kind: 'dates', index: d, start: ex.dates[d]!.start, end: ex.dates[d]!.end, field: 'signed' }] : [] });
    }
  });

  if (ex.amounts.length || ex.quantities.length) {
    const pkey = 'project-0';
    const dates = [...ex.dates].map((d, i) => ({ d, i })).sort((a, b) => a.d.value.localeCompare(b.d.value));
    const start = dates[0];
    // the funder of an amount: an organisation named right after it ("80 000 CD93", "80 000 € du MAEE")
    const funderOf = (a: { end: number }) => ex.organisations.findIndex((x) => x.start >= a.end && x.start - a.end <= 12 && !/[.;]/.test(text.slice(a.end, x.start)));
    // the budget: the largest amount, funded by nobody named, when the others add up to no more than it ("230 000 euros : 80 000 CD93 et …")
    const largest = ex.amounts.reduce((b, a, i) => (b < 0 || a.value > ex.amounts[b]!.value ? i : b), -1);
    const rest = ex.amounts.filter((_, i) => i !== largest);
    const budget = largest >= 0 && rest.length > 0 && funderOf(ex.amounts[largest]!) < 0 && rest.every((a) => a.currency === ex.amounts[largest]!.currency)
      && rest.reduce((n, a) => n + a.value, 0) <= ex.amounts[largest]!.value ? largest : -1;
    const b = budget >= 0 ? ex.amounts[budget]! : null;
    const facts: FactRef[] = start ? [{ kind: 'dates', index: start.i, start: start.d.start, end: start.d.end, field: 'start' }] : [];
    if (b) facts.push({ kind: 'amounts', index: budget, start: b.start, end: b.end, field: 'budget' });
    out.push({ key: pkey, kind: 'project', fields: { title: title.trim().slice(0, 300) || 'Projet', start: start?.d.value ?? null, budget: b?.value ?? null, currency: b?.currency ?? 'EUR' },
      facts, refs: firstPartnership ? { partnership: [firstPartnership] } : {} });
    ex.amounts.forEach((a, i) => {
      if (i === budget) return;
      const o = funderOf(a);
      const facts: FactRef[] = [{ kind: 'amounts', index: i, start: a.start, end: a.end, field: 'amount' }];
      if (o >= 0) facts.push({ kind: 'organisations', index: o, start: ex.organisations[o]!.start, end: ex.organisations[o]!.end, field: 'funder' });
      const funder = o >= 0 ? orgKeyOf.get(key(ex.organisations[o]!.name)) : undefined;
      out.push({ key: `funding-${i}`, kind: 'funding_line', fields: { amount: a.value, currency: a.currency, funder: funder ? (out.find((p) => p.key === funder)!.fields.name as string) : null },
        facts, refs: { project: [pkey], ...(funder ? { funder: [funder] } : {}) } });
    });
    ex.quantities.forEach((q, i) => out.push({ key: `result-${i}`, kind: 'result', fields: { label: q.unit, value: q.value, unit: q.unit },
      facts: [{ kind: 'quantities', index: i, start: q.start, end: q.end, field: 'value' }], refs: { project: [pkey] } }));
  }

  // a delegation: the word, then the first date within the next 200 characters
  let m = 0;
  for (const hit of text.matchAll(MISSION_WORD)) {
    const at = hit.index ?? 0;
    const d = ex.dates.findIndex((x) => x.start >= at && x.start - at <= 200);
    if (d < 0) continue;
    const date = ex.dates[d]!;
    if (out.some((p) => p.kind === 'mission' && p.fields.from === date.value)) continue;
    const sentence = text.slice(at, date.end);
    out.push({ key: `mission-${m++}`, kind: 'mission', fields: { title: sentence.replace(/\s+/g, ' ').slice(0, 120), direction: INCOMING_WORD.test(text.slice(Math.max(0, at - 80), date.end)) ? 'incoming' : 'outgoing', from: date.value },
      facts: [{ kind: 'dates', index: d, start: date.start, end: date.end, field: 'from' }], refs: firstPartnership ? { partnership: [firstPartnership] } : {} });
  }
  return out;
}
