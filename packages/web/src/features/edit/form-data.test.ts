import { describe, expect, it } from 'vitest';
import { missionInput, partnershipInput, projectInput, territoryInput, withVersion } from '@tandem/shared';
import { addRow, coerce, fieldId, fieldName, isBlank, nest, parseForm, parseKey, schemaAt, valueAt } from './form-data.js';

const form = (pairs: Array<[string, string]>) => new URLSearchParams(pairs);
const projectUpdate = withVersion(projectInput).omit({ id: true });

describe('nest: bracketed names → nested objects and arrays', () => {
  it('parses keys', () => {
    expect(parseKey('funding[2][amount]')).toEqual(['funding', 2, 'amount']);
    expect(parseKey('agreements[1][axes][]')).toEqual(['agreements', 1, 'axes', '']);
    expect(parseKey('title')).toEqual(['title']);
    expect(parseKey('bad]name')).toBeNull();
    expect(fieldName('funding.1.amount')).toBe('funding[1][amount]');
    expect(fieldId('funding.1.amount')).toBe('f-funding-1-amount');
  });

  it('builds nested arrays, closing gaps in index order, and appends with []', () => {
    const { values } = nest(form([
      ['title', 'Eau'], ['funding[3][amount]', '3'], ['funding[0][amount]', '0'], ['funding[0][year]', '2024'],
      ['agreements[1][axes][]', 'Eau'], ['agreements[1][axes][]', 'Santé'], ['agreements[1][kind]', 'mou'],
      ['themes[]', 'env'], ['themes[]', 'edu'],
    ]));
    expect(values).toEqual({
      title: 'Eau',
      funding: [{ amount: '0', year: '2024' }, { amount: '3' }],
      agreements: [{ axes: ['Eau', 'Santé'], kind: 'mou' }],
      themes: ['env', 'edu'],
    });
  });

  it('takes out the rows named by _remove before closing the gaps, and reads the control fields', () => {
    const { values, control } = nest(form([
      ['funding[0][amount]', '10'], ['funding[1][amount]', '20'], ['funding[2][amount]', '30'],
      ['agreements[0][axes][0]', 'a'], ['agreements[0][axes][1]', 'b'],
      ['_remove', 'funding.1'], ['_remove', 'agreements.0.axes.0'], ['_add', 'results'], ['_csrf', 'tok'], ['_action', 'merge'],
    ]));
    expect(values).toEqual({ funding: [{ amount: '10' }, { amount: '30' }], agreements: [{ axes: ['b'] }] });
    expect(control).toEqual({ add: 'results', action: 'merge', meta: { _csrf: 'tok' } });
  });

  it('ignores malformed names instead of failing', () => {
    const { values } = nest(form([['funding[x][0]', '1'], ['title[0]', 'a'], ['title', 'b'], ['[x]', 'y']]));
    expect(values.title).toEqual(['a']); // title[0] made an array; the plain title then adds to nothing it can hold
    expect(values.funding).toEqual({ x: ['1'] }); // an object where the schema wants an array: zod names the field
  });
});

describe('coerce: what the schema wants', () => {
  it('numbers where the schema wants numbers, kept as typed when not a number', () => {
    const { values } = parseForm(form([
      ['title', 'P'], ['version', '3'], ['results[0][label]', 'Puits'], ['results[0][value]', '1 500,5'], ['results[0][unit]', 'm'],
      ['results[0][year]', '20x4'], ['funding[0][amount]', ' 80 000 '], ['funding[0][year]', '2024'],
    ]), projectUpdate, { dropBlank: true });
    expect(values.version).toBe(3);
    expect(values.results).toEqual([{ label: 'Puits', value: 1500.5, unit: 'm', year: '20x4' }]);
    expect(values.funding).toEqual([{ amount: '80 000', year: 2024 }]); // amounts stay decimal strings: the schema parses them exactly
    const r = projectUpdate.safeParse(values);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((x) => x.path.join('.'))).toEqual(['results.0.year']);
  });

  it('empty strings → null for nullable fields, undefined for required ones (zod then says required)', () => {
    const { values } = parseForm(form([
      ['title', ''], ['description', ''], ['partnershipId', ''], ['status', 'closed'], ['start', '2024-05'], ['end', ''],
      ['budget[amount]', ''], ['budget[currency]', 'EUR'], ['version', '1'],
    ]), projectUpdate, { dropBlank: true });
    expect(values).toEqual({ description: null, partnershipId: null, status: 'closed', start: '2024-05', end: null, budget: null, version: 1 });
    const r = projectUpdate.safeParse(values);
    expect(r.error!.issues.map((x) => [x.path.join('.'), x.code])).toEqual([['title', 'invalid_type']]);
  });

  it('a filled optional object is kept; a blank one with a default is left to the default', () => {
    expect(coerce(projectInput, { title: 'x', budget: { amount: '230000', currency: 'EUR' } })).toMatchObject({ budget: { amount: '230000', currency: 'EUR' } });
    const t = coerce(territoryInput, { name: 'X', kind: 'commune', names: { fr: '', en: '' }, codes: [{ key: 'insee', value: '95127' }, { key: '', value: '' }], lat: '49,03' }, { dropBlank: true });
    expect(t).toEqual({ name: 'X', kind: 'commune', codes: { insee: '95127' }, lat: 49.03 });
    expect(territoryInput.parse(t).names).toEqual({});
  });

  it('drops blank rows on save (defaults count as blank), keeps them while editing', () => {
    const pairs: Array<[string, string]> = [
      ['title', 'P'], ['funding[0][amount]', '10'], ['funding[0][currency]', 'EUR'], ['funding[0][kind]', 'committed'],
      ['funding[1][amount]', ''], ['funding[1][currency]', 'EUR'], ['funding[1][kind]', 'committed'], ['funding[1][funderId]', ''],
      ['places[0]', 'VN-HUE'], ['places[1]', ''],
    ];
    expect(parseForm(form(pairs), projectInput, { dropBlank: true }).values).toMatchObject({ funding: [{ amount: '10' }], places: ['VN-HUE'] });
    const editing = parseForm(form(pairs), projectInput).values;
    expect(editing.funding).toHaveLength(2);
    expect(editing.places).toEqual(['VN-HUE', '']);
    expect(isBlank(schemaAt(projectInput, 'funding.0')!, { amount: '', kind: 'committed', currency: 'EUR' })).toBe(true);
    expect(isBlank(schemaAt(projectInput, 'funding.0')!, { amount: '', kind: 'disbursed' })).toBe(false);
  });

  it('keeps the ids of existing agreements and nested axes', () => {
    const { values } = parseForm(form([
      ['title', 'Cergy – Huế'], ['kind', 'cooperation'], ['parties[0][organisationId]', 'cergy'], ['parties[0][side]', 'fr'],
      ['parties[1][organisationId]', 'hue'], ['parties[1][side]', 'foreign'],
      ['agreements[0][id]', 'a1'], ['agreements[0][kind]', 'convention'], ['agreements[0][durationMonths]', '36'],
      ['agreements[0][axes][]', 'Eau'], ['agreements[0][axes][]', ''], ['agreements[0][axes][]', 'Culture'],
      ['agreements[1][kind]', 'mou'], ['agreements[1][title]', ''], ['agreements[1][axes][]', ''],
    ]), partnershipInput, { dropBlank: true });
    expect(values.agreements).toEqual([
      { id: 'a1', kind: 'convention', durationMonths: 36, axes: ['Eau', 'Culture'] },
      { kind: 'mou', title: null, axes: [] },
    ]);
    expect(partnershipInput.safeParse(values).success).toBe(true);
  });

  it('mission organisations are a plain list of ids', () => {
    const { values } = parseForm(form([['title', 'M'], ['direction', 'outgoing'], ['organisations[0]', 'cergy'], ['organisations[2]', 'hue'], ['_remove', 'organisations.0']]), missionInput, { dropBlank: true });
    expect(values.organisations).toEqual(['hue']);
  });
});

describe('addRow', () => {
  it('adds an empty row to a group, also nested and when the group is still empty', () => {
    const v: Record<string, unknown> = { title: 'x', agreements: [{ kind: 'mou', axes: ['a'] }] };
    expect(addRow(partnershipInput, v, 'agreements.0.axes')).toBe(true);
    expect(addRow(partnershipInput, v, 'parties')).toBe(true);
    expect(addRow(partnershipInput, v, 'title')).toBe(false);
    expect(addRow(partnershipInput, v, 'nope')).toBe(false);
    expect(v).toEqual({ title: 'x', agreements: [{ kind: 'mou', axes: ['a', ''] }], parties: [{}] });
    expect(valueAt(v, 'agreements.0.axes.1')).toBe('');
  });
});
