/** A block's rows with several currencies: a table row and a CSV line per currency, EUR first, amounts never added. */
import { describe, expect, it } from 'vitest';
import { csvDocument } from '@tandem/shared';
import { parseCsv } from '../../../../shared/src/csv.testkit.js';
import { i18n } from '../../i18n/index.js';
import { tableAfter, visibleText } from '../../../test/html.testkit.js';
import { StatBlock } from './StatsPage.js';
import { csvHeader, csvRows, measuresOf, type StatRow } from './stats.queries.js';

const money = (budget: Array<[string, string]>, committed: Array<[string, string]>) => ({
  budget: budget.map(([currency, amount]) => ({ currency, amount })), budgeted: [],
  committed: committed.map(([currency, amount]) => ({ currency, amount })), disbursed: [],
});
const rows: StatRow[] = [
  { key: 'evil', label: '=HYPERLINK("http://x")', none: false, partnerships: null, projects: 2, money: money([], [['XOF', '300'], ['EUR', '600'], ['USD', '100']]) },
  { key: 'plain', label: 'Plain', none: false, partnerships: null, projects: 1, money: money([], []) },
  { key: null, label: 'Financeur non renseigné', none: true, partnerships: null, projects: 1, money: money([], [['EUR', '-12.5']]) },
];

describe('statistics rows', () => {
  it('CSV: a line per currency (EUR first), exact amounts, a label that a spreadsheet would run behind a quote', () => {
    const csv = parseCsv(csvDocument(csvHeader, csvRows(rows)));
    expect(csv).toEqual([
      ['key', 'label', 'partnerships', 'projects', 'currency', 'budget', 'budgeted', 'committed', 'disbursed'],
      ['evil', `'=HYPERLINK("http://x")`, '', '2', 'EUR', '', '', '600', ''],
      ['evil', `'=HYPERLINK("http://x")`, '', '2', 'USD', '', '', '100', ''],
      ['evil', `'=HYPERLINK("http://x")`, '', '2', 'XOF', '', '', '300', ''],
      ['plain', 'Plain', '', '1', '', '', '', '', ''],
      ['', 'Financeur non renseigné', '', '1', 'EUR', '', '', '-12.5', ''],
    ]);
  });

  it('table: the group spans its currency rows; only the measures present are columns', () => {
    const i = i18n('en');
    expect(measuresOf(rows)).toEqual(['committed']);
    const html = (<StatBlock i={i} chart="by-funder" rows={rows} />).toString();
    expect(html).toContain('rowspan="3"');
    const t = tableAfter(html, '<details');
    const m = (a: string, c: string) => visibleText(i.money(a, c));
    expect(t).toEqual([
      [i.t('sheet.funder'), i.t('sheet.projects'), i.t('stats.m.committed')],
      ['=HYPERLINK("http://x")', '2', m('600', 'EUR')], [m('100', 'USD')], [m('300', 'XOF')],
      ['Plain', '1', '—'],
      ['Financeur non renseigné', '1', m('-12.5', 'EUR')],
    ]);
    expect(visibleText(html)).not.toContain(m('1000', 'EUR'));
  });
});
