import { describe, expect, it } from 'vitest';
import { formatSize } from './format.js';

const fr = (n: number, digits = 0) => new Intl.NumberFormat('fr', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
const units = { kb: '{n} ko', mb: '{n} Mo', seconds: '{n} s' };

describe('file sizes on the import page', () => {
  it('shows ko below a thousand, Mo from there on, never "1 004 ko"', () => {
    expect(formatSize(10, fr, units)).toBe('1 ko');
    expect(formatSize(512 * 1024, fr, units)).toBe('512 ko');
    expect(formatSize(999 * 1024, fr, units)).toBe('999 ko');
    expect(formatSize(1004 * 1024, fr, units)).toBe('1,0 Mo');
    expect(formatSize(4_089_000, fr, units)).toBe('3,9 Mo');
  });
});
