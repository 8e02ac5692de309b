import { describe, expect, it } from 'vitest';
import { attributedByFunder, subtractAmounts, summariseMoney } from './money.js';

const line = (funderId: string | null, amount: string, kind = 'committed', currency = 'EUR') => ({ funderId, funderName: funderId, amount, currency, kind });

describe('money summaries', () => {
  it('subtracts exactly', () => {
    expect([subtractAmounts('230000', '160000'), subtractAmounts('0.3', '0.1'), subtractAmounts('1', '1.01')]).toEqual(['70000', '0.2', '-0.01']);
  });
  it('never adds commitments, budgeted and disbursed amounts of a funder', () => {
    expect(attributedByFunder([line('a', '100'), line('a', '40', 'disbursed'), line('b', '30', 'disbursed'), line('b', '20', 'disbursed')])
      .map((x) => [x.funderId, x.amount])).toEqual([['a', '100'], ['b', '50']]);
  });
  it('sums budgets and funders over projects, with each project\'s unattributed remainder, per currency', () => {
    const s = summariseMoney([
      { budget: { amount: '230000', currency: 'EUR' }, funding: [line('cd93', '80000'), line('meae', '80000')] },
      { budget: { amount: '1000', currency: 'EUR' }, funding: [line('cd93', '1500')] }, // over its budget: hides no gap elsewhere
      { budget: null, funding: [line('x', '500', 'committed', 'USD')] },
    ]);
    expect(s).toEqual([
      { currency: 'EUR', budget: '231000', total: '231500', unattributed: '70000', funders: [
        { funderId: 'cd93', funderName: 'cd93', amount: '81500' }, { funderId: 'meae', funderName: 'meae', amount: '80000' }] },
      { currency: 'USD', budget: '0', total: '500', unattributed: '0', funders: [{ funderId: 'x', funderName: 'x', amount: '500' }] },
    ]);
  });
});
