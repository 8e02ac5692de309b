/**
 * The one rule for URLs that come from people or files: an `http(s)://` address (or `mailto:` where an e-mail
 * address is meant), written plainly. Every URL field of the schemas uses `webUrlSchema` (or `contactUrlSchema`),
 * and every place that turns stored data into an href goes through `safeHref`, so a value stored before the rule
 * (or by hand) is shown as text, never followed.
 *
 * "Plainly" means: no whitespace or control characters anywhere (browsers strip tabs and newlines from
 * `java\tscript:` before reading the scheme) and the scheme written at the very start, so what we check is what a
 * browser follows. `new URL` then proves the rest parses, with a host for http(s).
 */
import { z } from 'zod';

export const URL_MAX = 2000;
const WEB = /^https?:\/\//i;
const MAILTO = /^mailto:[^@\s]+@[^@\s]+$/i;
// C0 controls, space, DEL, C1 controls, and the Unicode spaces and invisible separators
const UNPLAIN = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

export interface UrlRule { mailto?: boolean }

/** True when `value` is an http(s) address with a host (or, with `mailto`, a mailto: address). */
export function isSafeUrl(value: unknown, rule: UrlRule = {}): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > URL_MAX || UNPLAIN.test(value)) return false;
  let u: URL;
  try { u = new URL(value); } catch { return false; }
  if (WEB.test(value)) return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  return !!rule.mailto && MAILTO.test(value) && u.protocol === 'mailto:';
}

/** The value to put in an href, or null when it must be shown as text (any scheme but http(s) and mailto:). */
export function safeHref(value: unknown): string | null {
  return isSafeUrl(value, { mailto: true }) ? value : null;
}

const WEB_MESSAGE = `an http:// or https:// address of at most ${URL_MAX} characters (javascript:, data: and other schemes are refused)`;

/** A web address field: http:// or https:// only. */
export const webUrlSchema = z.string()
  .refine((v) => isSafeUrl(v), WEB_MESSAGE)
  .meta({ format: 'uri', description: 'an http:// or https:// address', example: 'https://www.example.org/' });

/** A contact address field: http(s):// or mailto:. */
export const contactUrlSchema = z.string()
  .refine((v) => isSafeUrl(v, { mailto: true }), `an http://, https:// or mailto: address of at most ${URL_MAX} characters`)
  .meta({ format: 'uri', description: 'an http://, https:// or mailto: address' });
