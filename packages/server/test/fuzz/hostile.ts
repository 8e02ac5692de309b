/** Hostile values the fuzzer mixes into requests: in JSON bodies, and as raw (already percent-encoded) URL parts. */
import fc from 'fast-check';

/** A string standing for a JSON literal that JSON.stringify cannot write (1e400, 2^70): see toJson. */
const RAW = '\u0001RAW:';
export const rawJson = (literal: string) => `${RAW}${literal}`;

/** JSON text of value, with rawJson markers replaced by their literal. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001RAW:([^"]*)"/g, '$1');
}

/** An object whose own key is "__proto__" (as JSON.parse makes it), not a prototype change. */
const protoKey = (inner: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}}`);

export const hostileStrings = [
  '\u0000', 'a\u0000b', '%00', '\u0000'.repeat(3), 'x'.repeat(10_000), 'é'.repeat(301), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 \u202e\ufeff', '\ud800', '\udfff a',
  '<script>alert(1)</script>', "' or 1=1 --", '"; drop table project; --', '../../etc/passwd', ' ', '', '\t\r\n', 'NaN', 'Infinity',
  '1e400', '-1', '2147483648', '-2147483649', '9223372036854775808', '0x10', 'javascript:alert(1)', 'data:text/html,<b>x</b>', '\\', '%ff',
  '__proto__', 'constructor', 'null', 'true', '[]', '{}', '1.5', '٣', '２０２３',
];

const hostileNumbers = [2147483648, -2147483649, 9007199254740992, 1e308, -1e308, 5e-324, 1.5, -0, 0, -1, Number.MAX_SAFE_INTEGER, 2 ** 63];
const rawNumbers = ['1e400', '-1e400', '123456789012345678901234567890', '1.00000000000000000000001', '-0.0', '1E+2'].map(rawJson);

/** Any hostile JSON value: wrong types, out-of-range numbers, NUL, huge or strange strings, prototype keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...hostileNumbers, ...rawNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], { '': '' }) },
  { weight: 1, arbitrary: fc.constantFrom(protoKey({ polluted: 'yes' }), { constructor: { prototype: { polluted: 'yes' } } }, protoKey([1])) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Raw, already encoded parts of a URL (a path segment or a query value): bad percent-encoding, NUL, traversal… */
export const hostileUrlParts = [
  '%00', 'a%00', '%ff', '%E0%A4%A', '%', '%zz', '%C0%AE', '%ED%A0%80', '..', '%2e%2e', '%2F', 'a%2Fb', '%20', '+', 'x'.repeat(5000), '%F0%9F%98%80',
  '-1', '0', '1.5', '1e400', '2147483648', '99999999999999999999', 'NaN', '__proto__', 'constructor', '%3Cscript%3E', "'", '%27%20or%201%3D1', '',
];

/** encodeURIComponent, or the text as is where it cannot (a lone surrogate): the server gets it either way. */
export function enc(s: string): string {
  try { return encodeURIComponent(s); } catch { return s; }
}

/** A raw URL part: mostly hostile tokens, sometimes random text, encoded or not. */
export const hostileUrlPart: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileUrlParts) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map(enc) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }).map((s) => enc(s).replace(/%2F/gi, '/')) },
);
