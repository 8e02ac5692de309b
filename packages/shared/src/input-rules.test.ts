/** Properties of the input rules every route applies (lib/api.ts, lib/input-guard.ts). */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { badlyEncodedParam, decodes, nulPaths } from './input-rules.js';

const NUL = '\u0000';

describe('input rules', () => {
  test.prop([fc.jsonValue()])('no NUL is reported in a value that holds none', (v) => {
    expect(nulPaths(JSON.parse(JSON.stringify(v).replaceAll('\\u0000', '')))).toEqual([]);
  });

  test.prop([fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme-ascii' }), fc.array(fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 5 }), fc.nat(3)), { maxLength: 3 })])(
    'a NUL put at any path is reported at that path', (v, path) => {
      const value = { root: v };
      let at: any = value; const names = ['root'];
      for (const step of path) {
        const child = at[names[names.length - 1]];
        if (!child || typeof child !== 'object' || !Object.hasOwn(child, step) || step === '__proto__' || Array.isArray(child) !== (typeof step === 'number')) break;
        at = child; names.push(String(step));
      }
      at[names[names.length - 1]] = `x${NUL}`;
      expect(nulPaths(value)).toContain(names.join('.'));
    });

  test.prop([fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 })])('any query URLSearchParams writes decodes', (pairs) => {
    expect(badlyEncodedParam(new URLSearchParams(pairs).toString())).toBeNull();
  });

  test.prop([fc.string({ unit: 'grapheme' })])('encodeURIComponent output always decodes', (s) => {
    expect(decodes(encodeURIComponent(s))).toBe(true);
  });

  test('malformed encodings are named by their parameter', () => {
    expect(badlyEncodedParam('a=1&q=%ff')).toBe('q');
    expect(badlyEncodedParam('q=%E0%A4%A')).toBe('q');
    expect(badlyEncodedParam('%zz=1')).toBe('%zz');
    expect(decodes('/projects/%ff')).toBe(false);
    expect(nulPaths({ [`k${NUL}`]: 1 })).toEqual(['k\\u0000']);
  });
});
