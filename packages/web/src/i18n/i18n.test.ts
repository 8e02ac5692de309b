/** The i18n helpers: counts through the language's plural rules, and dates in one form per language (Vietnamese included). */
import { describe, expect, it } from 'vitest';
import { i18n } from './index.js';

const fr = i18n('fr'), en = i18n('en'), vi = i18n('vi');

describe('plural', () => {
  it('follows French rules: 0 and 1 are singular', () => {
    expect(fr.plural('figures.partnerships', 0)).toBe('0 partenariat');
    expect(fr.plural('figures.partnerships', 1)).toBe('1 partenariat');
    expect(fr.plural('figures.partnerships', 2)).toBe('2 partenariats');
    expect(fr.plural('search.results', 1)).toBe('1 résultat');
    expect(fr.plural('sheet.years', 1)).toBe('1 an');
    expect(fr.plural('sheet.years', 3)).toBe('3 ans');
    expect(fr.plural('figures.projects', 12000)).toBe(`${new Intl.NumberFormat('fr').format(12000)} projets`);
  });
  it('follows English rules: only 1 is singular', () => {
    expect(en.plural('figures.partnerships', 1)).toBe('1 partnership');
    expect(en.plural('figures.partnerships', 0)).toBe('0 partnerships');
    expect(en.plural('search.results', 2)).toBe('2 results');
    expect(en.plural('sheet.months', 1)).toBe('1 month');
    expect(en.plural('edit.errors.title', 1)).toBe('Nothing was saved: 1 field to correct.');
  });
  it('has one form in Vietnamese', () => {
    expect(vi.plural('figures.partnerships', 1)).toBe('1 quan hệ đối tác');
    expect(vi.plural('figures.partnerships', 5)).toBe('5 quan hệ đối tác');
    expect(vi.plural('search.results', 1)).toBe('1 kết quả');
  });
  it('leaves no "(s)" in any language\'s counts', () => {
    for (const i of [fr, en, vi]) for (const n of [0, 1, 2]) expect(i.plural('search.results', n)).not.toMatch(/\(s\)/);
  });
});

describe('dates', () => {
  it('read one way in Vietnamese: "ngày D tháng M năm YYYY", "tháng M năm YYYY"', () => {
    expect(vi.date('2023-11-16')).toBe('ngày 16 tháng 11 năm 2023');
    expect(vi.date('2006-05')).toBe('tháng 5 năm 2006');
    expect(vi.date('2018')).toBe('2018');
    expect(vi.period('2006-05', '2010')).toBe('tháng 5 năm 2006 – 2010');
  });
  it('keep French and English forms', () => {
    expect(fr.date('2023-11-16')).toBe('16 novembre 2023');
    expect(en.date('2023-11-16')).toBe('November 16, 2023');
  });
  it('show moments as the day in Paris, with the time when asked', () => {
    const at = '2026-05-03T22:30:00Z'; // already 4 May in Paris
    expect(vi.when(at)).toBe('ngày 4 tháng 5 năm 2026');
    expect(vi.when(at, true)).toBe('ngày 4 tháng 5 năm 2026 lúc 00:30');
    expect(fr.when(at, true)).toBe('4 mai 2026 à 00:30');
    expect(en.when(at)).toBe('May 4, 2026');
  });
});
