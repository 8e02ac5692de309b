/** The saved searches' e-mails say the search in words, in the subscriber's language, as the site does. */
import { describe, expect, it } from 'vitest';
import { describeQuery } from './alerts.mail.js';

describe('a saved search in words', () => {
  const q = { q: 'eau', beneficiary: 'commune', aidType: 'grant', theme: 'env.eau-dechets.eau-potable', country: 'VN', open: '0' } as const;

  it('names the beneficiaries, the aid, the theme and the country rather than their codes', () => {
    expect(describeQuery('fr', q)).toBe('mots « eau » · bénéficiaire : communes · type d’aide : subvention · thème : Eau potable · pays : Viêt Nam · y compris les appels clos');
    expect(describeQuery('en', q)).toBe('words "eau" · beneficiary: municipalities · type of aid: grant · theme: Drinking water · country: Vietnam · closed calls included');
    const vi = describeQuery('vi', q);
    expect(vi).toContain('đối tượng: xã/thị trấn');
    expect(vi).toContain('loại hỗ trợ: tài trợ không hoàn lại');
    expect(vi).toContain('quốc gia: Việt Nam');
    expect(vi).not.toMatch(/commune|grant|VN|env\./);
  });

  it('keeps a code it does not know, and says "all open calls" for the default search', () => {
    expect(describeQuery('en', { theme: 'no.such.theme' } as never)).toBe('theme: no.such.theme');
    expect(describeQuery('fr', { open: '1' })).toBe('tous les appels ouverts');
  });
});
