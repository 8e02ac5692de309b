import { describe, expect, it } from 'vitest';
import { conflictUnits, jsonField, mergeVersions, picksFrom } from './conflict.js';

const base = { title: 'A', status: 'active', themes: ['env'], funding: [{ amount: '10', funderId: 'x' }, { amount: '20', funderId: 'y' }], budget: null };

describe('conflict units and merge', () => {
  it('splits lists of rows into one unit per row, says who changed what, and picks accordingly', () => {
    const theirs = { ...base, title: 'B', funding: [{ amount: '11', funderId: 'x' }, { amount: '20', funderId: 'y' }] };
    const mine = { ...base, status: 'ended', funding: [{ amount: '10', funderId: 'x' }, { amount: '25', funderId: 'y' }, { amount: '5', funderId: 'z' }], themes: ['edu'] };
    const units = conflictUnits(theirs, mine, base, ['title', 'status', 'themes', 'funding', 'budget']);
    expect(units.filter((u) => u.differs).map((u) => [u.key, u.changedBy, u.pick, u.changed])).toEqual([
      ['title', 'theirs', 'theirs', ['']],
      ['status', 'mine', 'mine', ['']],
      ['themes', 'mine', 'mine', ['0']],
      ['funding.0', 'theirs', 'theirs', ['amount']],
      ['funding.1', 'mine', 'mine', ['amount']],
      ['funding.2', 'mine', 'mine', ['amount', 'funderId']],
    ]);
    expect(units.find((u) => u.key === 'budget')).toMatchObject({ differs: false });
    const merged = mergeVersions(theirs, mine, Object.fromEntries(units.map((u) => [u.key, u.pick])));
    expect(merged).toEqual({ title: 'B', status: 'ended', themes: ['edu'], funding: [{ amount: '11', funderId: 'x' }, { amount: '25', funderId: 'y' }, { amount: '5', funderId: 'z' }], budget: null });
  });

  it('without the base every difference is "different" and keeps mine by default; rows only theirs can be kept or dropped', () => {
    const theirs = { title: 'T', funding: [{ amount: '1' }, { amount: '2' }] };
    const mine = { title: 'M', funding: [{ amount: '1' }] };
    const units = conflictUnits(theirs, mine, null);
    expect(units.filter((u) => u.differs).map((u) => [u.key, u.changedBy, u.pick])).toEqual([['title', 'unknown', 'mine'], ['funding.1', 'unknown', 'mine']]);
    expect(mergeVersions(theirs, mine, {})).toEqual({ title: 'M', funding: [{ amount: '1' }] });
    expect(mergeVersions(theirs, mine, { 'funding.1': 'theirs' })).toEqual({ title: 'M', funding: [{ amount: '1' }, { amount: '2' }] });
  });

  it('null and absent are the same; changes on both sides are flagged', () => {
    const units = conflictUnits({ a: null, b: 'x' }, { b: 'y' }, { b: 'z' });
    expect(units.map((u) => [u.key, u.differs, u.changedBy])).toEqual([['a', false, null], ['b', true, 'both']]);
  });

  it('reads the picks and the JSON fields of the conflict form', () => {
    expect(picksFrom({ '_pick:title': 'theirs', '_pick:funding.1': 'mine', '_pick:x': 'other', _csrf: 't' })).toEqual({ title: 'theirs', 'funding.1': 'mine' });
    expect(jsonField('{"a":1}')).toEqual({ a: 1 });
    expect(jsonField('[1]')).toBeNull();
    expect(jsonField('nope')).toBeNull();
    expect(jsonField(undefined)).toBeNull();
  });
});
