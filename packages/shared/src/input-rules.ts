/**
 * Rules every input obeys before it reaches the database, whatever the route: PostgreSQL refuses NUL (U+0000) in
 * text and jsonb, integer columns are int4, and a path segment must be valid percent-encoded UTF-8.
 */
import { z } from 'zod';

/** PostgreSQL's integer (int4) range: versions, revision numbers, page numbers. */
export const INT4_MAX = 2_147_483_647;

export const NUL_MESSAGE = 'contains a NUL character (U+0000), which cannot be stored';

/**
 * The paths (`a.b.0.c`) of every string in value, or object key, that holds a NUL character. Iterative: a body
 * nested 100,000 levels deep (1 MB of `[`) is walked without exhausting the stack.
 */
export function nulPaths(value: unknown): string[] {
  interface Node { value: unknown; key: string; parent: Node | null }
  const pathOf = (n: Node) => { const keys: string[] = []; for (let x: Node | null = n; x?.parent; x = x.parent) keys.push(x.key); return keys.reverse().join('.'); };
  const out: string[] = [];
  const stack: Node[] = [{ value, key: '', parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') { if (v.includes('\u0000')) out.push(pathOf(node)); }
    else if (v && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i];
        if (k.includes('\u0000')) out.push(pathOf({ value: x, key: k.replaceAll('\u0000', '\\u0000'), parent: node }));
        else stack.push({ value: x, key: k, parent: node });
      }
    }
  }
  return out;
}

/** A path segment as hono gives it (decoded when it could be): any record id, token or name, never NUL. */
export const pathParamSchema = z.string().min(1).max(300).refine((s) => !s.includes('\u0000'), NUL_MESSAGE);

/** A whole positive number in a path or query (`/revisions/3`), within int4. */
export const positiveInt4 = z.coerce.number().int('a whole number').min(1).max(INT4_MAX);

/** "q" when the name=value pairs of a raw query string (after `?`) hold a malformed percent-encoding, else null. */
export function badlyEncodedParam(search: string): string | null {
  for (const pair of search.split('&')) {
    const eq = pair.indexOf('=');
    const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    if (!decodes(name)) return name;
    if (!decodes(value)) return safeName(name);
  }
  return null;
}

function safeName(name: string): string {
  try { return decodeURIComponent(name.replace(/\+/g, ' ')); } catch { return name; }
}

/** true when s is valid percent-encoded UTF-8 */
export function decodes(s: string): boolean {
  if (!s.includes('%')) return true;
  try { decodeURIComponent(s); return true; } catch { return false; }
}
