import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contactUrlSchema, isSafeUrl, safeHref, webUrlSchema } from './url.js';
import { organisationInput, partnershipInput, projectInput } from './schemas.js';
import { HOSTILE_URLS } from './url.testkit.js';


describe('the URL rule', () => {
  it('accepts plain http(s) addresses, with paths, queries, ports, IDN hosts', () => {
    for (const u of ['https://www.example.org/', 'http://example.org', 'HTTPS://Example.org/a?b=1#c', 'https://hué.example/x%20y', 'http://127.0.0.1:8080/'])
      expect(isSafeUrl(u), u).toBe(true);
  });
  it('refuses every other scheme and every disguise', () => {
    for (const u of HOSTILE_URLS) expect(isSafeUrl(u), JSON.stringify(u)).toBe(false);
    for (const u of [null, undefined, 42, '', {}]) expect(isSafeUrl(u)).toBe(false);
  });
  it('accepts mailto: only where an e-mail address is meant', () => {
    expect(isSafeUrl('mailto:someone@example.org', { mailto: true })).toBe(true);
    expect(isSafeUrl('mailto:javascript:alert(1)', { mailto: true })).toBe(false);
    expect(contactUrlSchema.safeParse('mailto:someone@example.org').success).toBe(true);
    expect(webUrlSchema.safeParse('mailto:someone@example.org').success).toBe(false);
  });
  it('safeHref gives the value back when it may be an href, null otherwise', () => {
    expect(safeHref('https://example.org/')).toBe('https://example.org/');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    for (const u of HOSTILE_URLS.filter((x) => !x.startsWith('mailto:'))) expect(safeHref(u), JSON.stringify(u)).toBeNull();
  });
  it('every URL field of the schemas names itself when refused', () => {
    const paths = (schema: z.ZodType, value: unknown) => {
      const r = schema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    const org = { kind: 'association', name: 'A' };
    expect(paths(organisationInput, { ...org, website: 'https://a.example/' })).toEqual([]);
    expect(paths(organisationInput, { ...org, website: ' JaVaScRiPt:alert(1)' })).toEqual(['website']);
    const parties = [{ organisationId: 'a', side: 'fr' }, { organisationId: 'b', side: 'foreign' }];
    expect(paths(partnershipInput, { title: 'P', kind: 'cooperation', parties, links: [{ url: 'https://a.example/' }, { url: 'vbscript:x' }] }))
      .toEqual(['links.1.url']);
    expect(paths(partnershipInput, { title: 'P', kind: 'cooperation', parties, agreements: [{ kind: 'convention', documentUrl: 'data:text/html,x' }] }))
      .toEqual(['agreements.0.documentUrl']);
    expect(paths(projectInput, { title: 'P', links: [{ url: 'java\tscript:alert(1)' }] })).toEqual(['links.0.url']);
  });
});
