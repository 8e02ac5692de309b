/** Test helpers (imported by *.test.ts only): the Content-Security-Policy every page must carry, and what it would block in a page. */
import { expect } from 'vitest';

/** directive → its sources */
export function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...v]) => [name.toLowerCase(), v]));
}

/** Scripts, styles and the rest from this origin only, no plugins, no <base>, forms posted here; framed by `ancestors`. */
export function expectStrict(csp: string | null, ancestors: string, path: string) {
  const d = directives(csp);
  expect(d.get('script-src'), path).toEqual(["'self'"]);
  expect(d.get('style-src'), path).toEqual(["'self'"]);
  expect(d.get('default-src'), path).toEqual(["'self'"]);
  expect(d.get('object-src'), path).toEqual(["'none'"]);
  expect(d.get('base-uri'), path).toEqual(["'self'"]);
  expect(d.get('form-action'), path).toEqual(["'self'"]);
  expect(d.get('frame-ancestors'), path).toEqual([ancestors]);
  expect(csp, path).not.toContain('unsafe');
}

/** What the policy would block in a page's HTML: inline scripts (JSON data blocks aside), on*= handlers, style=, <style>, javascript: URLs. */
export function blocked(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc="\/assets\/[a-z]+\.js"/.test(attrs) && !m[2].trim()) continue;
    if (/\btype="application\/(ld\+)?json"/.test(attrs)) continue;
    out.push(m[0].slice(0, 80));
  }
  for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+|style)=[^>]*>/gi)) out.push(m[0].slice(0, 80));
  for (const m of html.matchAll(/<style\b|\b(href|src|action)="javascript:/gi)) out.push(m[0]);
  return out;
}
