/** From hand-built facts to proposals: matches by id, name and acronym, the partnership and its agreement, lines, results, delegation. */
import { describe, expect, it } from 'vitest';
import { buildProposals } from './proposals.js';
import { REVIEW_TEXT, reviewFacts } from './review.testkit.js';

const KNOWN = [
  { id: 'ville-montreuil', name: 'Ville de Montreuil', country: 'FR', kind: 'collectivite' },
  { id: 'ville-hue', name: 'Ville de Hué', country: 'VN', kind: 'collectivite' },
  { id: 'meae', name: 'Ministère de l’Europe et des Affaires étrangères', acronyms: ['MEAE', 'MAEE'], country: 'FR', kind: 'ministry' },
];

describe('buildProposals', () => {
  const ps = buildProposals(reviewFacts(), REVIEW_TEXT, KNOWN, 'Montreuil et Hué');
  const byKey = (k: string) => ps.find((p) => p.key === k)!;

  it('matches organisations by gazetteer id, by name (accents folded) and by acronym; proposes the others as new', () => {
    const orgs = ps.filter((p) => p.kind === 'organisation');
    expect(orgs.map((o) => o.match?.id ?? null)).toEqual(['ville-montreuil', 'ville-hue', 'meae', null]);
    expect(orgs[2]!.fields.name).toBe('Ministère de l’Europe et des Affaires étrangères');
    expect(orgs[3]!.fields).toMatchObject({ name: 'Association Bambou Solidaire', kind: 'association', country: 'FR' });
    expect(orgs[0]!.facts[0]).toMatchObject({ kind: 'organisations', index: 0, field: 'name' });
  });

  it('proposes the partnership between its parties and its agreement with the signed date and the word the text uses', () => {
    expect(byKey('partnership-0')).toMatchObject({ kind: 'partnership', fields: { title: 'Ville de Montreuil – Ville de Hué', started: '2019-03' }, refs: { parties: ['org-0', 'org-1'] } });
    expect(byKey('agreement-0')).toMatchObject({ fields: { kind: 'convention', signed: '2019-03' }, refs: { partnership: ['partnership-0'] } });
    const date = byKey('agreement-0').facts[0]!;
    expect(REVIEW_TEXT.slice(date.start, date.end)).toBe('mars 2019');
  });

  it('proposes a project with its budget (the total the other amounts make up), a line per other amount (its funder the organisation named right after) and a result per quantity', () => {
    expect(byKey('project-0')).toMatchObject({ fields: { title: 'Montreuil et Hué', start: '2019-03', budget: 150000, currency: 'EUR' }, refs: { partnership: ['partnership-0'] } });
    expect(byKey('project-0').facts.map((f) => f.field)).toEqual(['start', 'budget']);
    const lines = ps.filter((p) => p.kind === 'funding_line');
    expect(lines.map((l) => [l.key, l.fields.amount, l.fields.funder])).toEqual([['funding-1', 60000, 'Ministère de l’Europe et des Affaires étrangères'], ['funding-2', 40000, 'Association Bambou Solidaire']]);
    expect(lines[0]!.refs?.funder).toEqual(['org-2']);
    // no budget when the lines add up to more than the largest amount
    const f = reviewFacts(); f.amounts[0]!.value = 90000;
    expect(buildProposals(f, REVIEW_TEXT, KNOWN).filter((p) => p.kind === 'funding_line')).toHaveLength(3);
    expect(byKey('result-0')).toMatchObject({ fields: { value: 120, unit: 'techniciens' }, refs: { project: ['project-0'] } });
  });

  it('proposes a delegation dated by the first date after the word', () => {
    const m = ps.filter((p) => p.kind === 'mission');
    expect(m).toHaveLength(1);
    expect(m[0]!.fields).toMatchObject({ direction: 'outgoing', from: '2023-11' });
    expect(m[0]!.fields.title).toMatch(/^Une délégation|^délégation/);
  });

  it('proposes nothing from a text without facts, and no project without money or quantities', () => {
    const empty = { dates: [], amounts: [], quantities: [], organisations: [], territories: [], partnerships: [] };
    expect(buildProposals(empty, 'Rien ici.')).toEqual([]);
    const onlyOrgs = { ...reviewFacts(), amounts: [], quantities: [] };
    expect(buildProposals(onlyOrgs, REVIEW_TEXT, KNOWN).some((p) => p.kind === 'project')).toBe(false);
  });

  it('makes a new organisation of a party only the partnership names, and one proposal for two mentions', () => {
    const f = reviewFacts();
    f.organisations = [f.organisations[0]!, f.organisations[0]!];
    f.partnerships[0]!.parties = ['Ville de Montreuil', 'Province de Thừa Thiên Huế'];
    const out = buildProposals(f, REVIEW_TEXT, KNOWN).filter((p) => p.kind === 'organisation');
    expect(out.map((o) => [o.fields.name, o.match?.id ?? null])).toEqual([['Ville de Montreuil', 'ville-montreuil'], ['Province de Thừa Thiên Huế', null]]);
    expect(out[1]!.fields.kind).toBe('collectivite');
    expect(out[0]!.facts).toHaveLength(2);
  });

  it('matches a party to the local authority of the territory its name contains', () => {
    const f = reviewFacts();
    f.partnerships[0]!.parties = ['Ville de Montreuil', 'Province de Huế'];
    f.partnerships[0]!.partyIds = [undefined, undefined];
    const known = [...KNOWN, { id: 'hue-province', name: 'Comité populaire de Thừa Thiên Huế', kind: 'collectivite', territoryId: 'VN-C-hue', country: 'VN' }];
    const orgs = buildProposals(f, REVIEW_TEXT, known.filter((k) => k.id !== 'ville-hue')).filter((p) => p.kind === 'organisation');
    const party = orgs.find((o) => o.fields.name === 'Comité populaire de Thừa Thiên Huế')!;
    expect(party.match?.id).toBe('hue-province');
    expect(party.facts[0]).toMatchObject({ kind: 'territories', index: 0 });
    expect(buildProposals(f, REVIEW_TEXT, KNOWN.filter((k) => k.id !== 'ville-hue')).find((o) => o.fields.name === 'Province de Huế')?.match).toBeUndefined();
  });
});
