import { describe, expect, it } from 'vitest';
import { fold, foldedWords, slugify } from './fold.js';
import { displayPartialDate, formatPartialDate, isPartialDate, parsePartialDate, yearOf } from './partial-date.js';
import { formatMoney, parseAmount, sumAmounts } from './money.js';
import { flattenThemes, themeAncestry, themeTree } from './themes.js';

describe('fold', () => {
  it('removes case and accents in French and Vietnamese', () => {
    expect(fold('Huế')).toBe('hue');
    expect(fold('Hué')).toBe('hue');
    expect(fold('Hải Dương')).toBe('hai duong');
    expect(fold('Thừa Thiên Huế')).toBe('thua thien hue');
    expect(fold('Đà Nẵng')).toBe('da nang');
    expect(fold('Œuvre ÉCOLE Côte-d’Armor')).toBe('oeuvre ecole cote-d’armor');
    expect(fold('Tràn Cao Vân')).toBe('tran cao van');
  });
  it('splits into words and makes slugs', () => {
    expect(foldedWords("Seine-Saint-Denis ↔ Hải Dương (l'eau)")).toEqual(['seine', 'saint', 'denis', 'hai', 'duong', 'l', 'eau']);
    expect(slugify('Coopération Cergy – Huế')).toBe('cooperation-cergy-hue');
    expect(slugify('!!!')).toBe('record');
  });
});

describe('partial dates', () => {
  it('keeps the precision of what was written', () => {
    expect(parsePartialDate('2006-05')).toEqual({ date: '2006-05-01', precision: 'month' });
    expect(parsePartialDate('2018')).toEqual({ date: '2018-01-01', precision: 'year' });
    expect(parsePartialDate('2023-11-16')).toEqual({ date: '2023-11-16', precision: 'day' });
    expect(formatPartialDate('2006-05-01', 'month')).toBe('2006-05');
    expect(formatPartialDate('2018-01-01', 'year')).toBe('2018');
    expect(formatPartialDate(null, 'day')).toBeNull();
    expect(yearOf('2006-05')).toBe(2006);
  });
  it('refuses impossible dates', () => {
    for (const bad of ['2006-13', '2023-02-30', '2024-02-30', '06-05-2006', '2006-5', '']) expect(isPartialDate(bad)).toBe(false);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(() => parsePartialDate('mai 2006')).toThrow(/not an ISO date/);
  });
  it('displays per locale', () => {
    expect(displayPartialDate('2006-05', 'fr')).toBe('mai 2006');
    expect(displayPartialDate('2006-05', 'en')).toBe('May 2006');
    expect(displayPartialDate('2023-11-16', 'fr')).toBe('16 novembre 2023');
    expect(displayPartialDate('2018', 'vi')).toBe('2018');
    expect(displayPartialDate('2023-11-16', 'vi')).toBe('ngày 16 tháng 11 năm 2023');
    expect(displayPartialDate('2006-05', 'vi')).toBe('tháng 5 năm 2006');
  });
  it('writes the first of the month as an ordinal in French only', () => {
    expect(displayPartialDate('2025-07-01', 'fr')).toBe('1er juillet 2025');
    expect(displayPartialDate('2025-07-11', 'fr')).toBe('11 juillet 2025');
    expect(displayPartialDate('2025-07-01', 'en')).toBe('July 1, 2025');
    expect(displayPartialDate('2025-07-01', 'vi')).not.toContain('er');
  });
});

describe('money', () => {
  it('parses amounts exactly', () => {
    expect(parseAmount('80 000')).toBe('80000');
    expect(parseAmount(230000)).toBe('230000');
    expect(parseAmount('1234,50')).toBe('1234.5');
    expect(() => parseAmount('12.345')).toThrow();
    expect(() => parseAmount('abc')).toThrow();
  });
  it('sums without floating-point drift', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(sumAmounts([80000, 80000, '70000'])).toBe('230000');
    expect(sumAmounts(['-5.5', '2'])).toBe('-3.5');
  });
  it('formats per locale', () => {
    expect(formatMoney('230000', 'EUR', 'fr').replace(/\s/g, ' ')).toBe('230 000 €');
    expect(formatMoney('230000', 'EUR', 'en')).toBe('€230,000');
  });
});

describe('themes', () => {
  it('is a three-level tree whose ids name their parents', () => {
    const flat = flattenThemes();
    const ids = new Set(flat.map((t) => t.id));
    expect(ids.size).toBe(flat.length);
    for (const t of flat) {
      if (t.parentId) { expect(ids.has(t.parentId)).toBe(true); expect(t.id.startsWith(`${t.parentId}.`)).toBe(true); }
      expect(t.level).toBe(t.id.split('.').length);
      expect(t.sdg.every((g) => g >= 1 && g <= 17)).toBe(true);
    }
    expect(flat.find((t) => t.id === 'env.eau-dechets')?.labels.fr).toBe('Eau et déchets');
    expect(Math.max(...flat.map((t) => t.level))).toBe(3);
    expect(themeTree.length).toBeGreaterThan(8);
    expect(themeAncestry('env.eau-dechets.assainissement')).toEqual(['env', 'env.eau-dechets', 'env.eau-dechets.assainissement']);
  });
});

import { highlight } from './highlight.js';
describe('highlight', () => {
  it('marks word-prefix matches in the original text, accents and case ignored', () => {
    expect(highlight('Cergy ↔ Huế', ['hue'])).toEqual([{ text: 'Cergy ↔ ', match: false }, { text: 'Huế', match: true }]);
    expect(highlight('Thừa Thiên Huế', ['thua', 'hue']).filter((p) => p.match).map((p) => p.text)).toEqual(['Thừa', 'Huế']);
    expect(highlight('Đồng Cận', ['dong'])).toEqual([{ text: 'Đồng', match: true }, { text: ' Cận', match: false }]);
    expect(highlight('Chuế', ['hue'])).toEqual([{ text: 'Chuế', match: false }]);
    expect(highlight('abc', [])).toEqual([{ text: 'abc', match: false }]);
  });
});
