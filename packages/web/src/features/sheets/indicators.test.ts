import { describe, expect, it } from 'vitest';
import { presentation, type IndicatorRow } from './indicators.js';

const row = (indicator: string, year: number, value: number, source: string, documentId: string | null = null): IndicatorRow =>
  ({ indicator, year, value, unit: null, source, documentId });

describe('presentation of indicators', () => {
  const rows = [
    row('population', 2020, 102_700_000, 'Doc', 'seed-000'), row('literacy_rate', 2020, 95.8, 'Doc', 'seed-000'),
    row('population', 2023, 100_352_192, 'WB'), row('population', 2024, 100_987_686, 'WB'),
    row('population', 2021, 98_000_000, 'UNDP'), row('population', 2022, 98_200_000, 'UNDP'), row('population', 2020, 97_000_000, 'UNDP'),
  ];

  it("keeps a country's figures to the reference datasets, and a region's to its documents too", () => {
    expect(presentation(rows, 'country').map((p) => [p.indicator, p.latest.year, p.latest.source])).toEqual([['population', 2024, 'WB']]);
    expect(presentation(rows, 'province').map((p) => [p.indicator, p.latest.year, p.latest.source])).toEqual([['population', 2024, 'WB'], ['literacy_rate', 2020, 'Doc']]);
  });

  it("charts the latest figure's own source, in year order, even when another source has more years", () => {
    expect(presentation(rows, 'country')[0].series).toEqual([{ year: 2023, value: 100_352_192 }, { year: 2024, value: 100_987_686 }]);
  });

  it('keeps to the indicators asked for, in their order', () => {
    expect(presentation(rows, 'province', ['literacy_rate', 'hdi']).map((p) => p.indicator)).toEqual(['literacy_rate']);
  });
});
