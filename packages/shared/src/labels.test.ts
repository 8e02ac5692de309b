/** The enum labels both the pages and the server's readable CSV use: complete in each language, and the pages' own. */
import { describe, expect, it } from 'vitest';
import { enumLabel, enumLabels, grantPhrase, labelledVocabularies } from './labels.js';

describe('enum labels', () => {
  it('label every value of the vocabularies in French, English and Vietnamese', () => {
    for (const lang of ['fr', 'en', 'vi'] as const) for (const [group, values] of Object.entries(labelledVocabularies)) {
      for (const v of values) expect((enumLabels[lang] as Record<string, string>)[`${group}.${v}`], `${lang} ${group}.${v}`).toMatch(/\p{L}/u);
    }
    expect(Object.keys(enumLabels.en).sort()).toEqual(Object.keys(enumLabels.fr).sort());
    expect(Object.keys(enumLabels.vi).sort()).toEqual(Object.keys(enumLabels.fr).sort());
  });

  it('read as words in each language, and fall back to the value itself', () => {
    expect(enumLabel('fr', 'orgKind', 'ngo')).toBe('ONG');
    expect(enumLabel('en', 'status', 'implementation')).toBe('Ongoing');
    expect(enumLabel('vi', 'fundingKind', 'disbursed')).toBe('đã giải ngân');
    expect(enumLabel('fr', 'orgKind', 'unheard-of')).toBe('unheard-of');
  });

  it('say a role grant in words, with the organisation\'s name', () => {
    expect(grantPhrase('fr', 'member', 'Ville de Cergy')).toBe('membre de Ville de Cergy');
    expect(grantPhrase('en', 'network_admin', 'Cités Unies France')).toBe('administrator of the network Cités Unies France');
    expect(grantPhrase('vi', 'platform_admin', null)).toBe('quản trị viên nền tảng');
  });
});
