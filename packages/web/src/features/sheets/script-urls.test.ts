/** Script URLs: the edit forms refuse them inline in the reader's language; one already stored shows as text, never a link. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeHref } from '@tandem/shared';
import { testDb } from '../../../../server/test/db.js';
import { TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';
import { formBody, postRaw, type Browser } from '../edit/form-testkit.js';

const SCRIPT = 'javascript:alert(1)';
const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every href of a page: a path of this site, a fragment, or an address safeHref lets through. */
function unsafeHrefs(html: string): string[] {
  return [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => unescape(m[1]))
    .filter((h) => !(/^\/(?!\/)/.test(h) || h.startsWith('#') || h === '/' || safeHref(h)));
}

describe('script URLs in forms and pages', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let member: Browser;

  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    await makeAccount(db, 'url@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Url' });
    member = browser(app); await member.login('url@cd93.example');
  });
  afterAll(async () => { await db?.close(); });

  it('the edit forms refuse them next to the field, in French, English and Vietnamese, and save nothing', async () => {
    const expected: Record<string, string> = {
      '': 'Adresse web complète attendue', '/en': 'Expected a full web address', '/vi': 'Cần một địa chỉ web đầy đủ',
    };
    for (const [prefix, message] of Object.entries(expected)) {
      const path = `${prefix}/edit/organisations/cd93`;
      const html = (await member.get(path)).text;
      const r = await postRaw(app, member, path, formBody(html, { website: ' JaVaScRiPt:alert(1)' }));
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/<input[^>]*id="f-website"[^>]*aria-invalid="true"/);
      expect(r.text).toMatch(new RegExp(`id="f-website-error">${message}`));
    }
    const path = '/edit/projects/innotech-master';
    const html = (await member.get(path)).text;
    const r = await postRaw(app, member, path, formBody(html, {}, [['links[0][url]', 'data:text/html,<script>alert(1)</script>'], ['links[0][kind]', 'website']]));
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/id="f-links-0-url-error">Adresse web complète attendue/);
    const [org] = await db.query(`select website from organisation where id = 'cd93'`);
    expect(org.website ?? '').not.toMatch(/script/i);
    const [{ n }] = await db.query(`select count(*)::int as n from link where url like 'data:%'`);
    expect(n).toBe(0);
  });

  it('stored before the rule (inserted by SQL): sheets, embeds and JSON-LD show them as text', async () => {
    await db.query(`update organisation set website = $1 where id = 'cd93'`, [SCRIPT]);
    for (const [kind, id] of [['partnership', 'ssd-hai-duong'], ['project', 'innotech-master']]) {
      await db.query(`insert into link (owner_kind, owner_id, url, title, kind, position) values ($1, $2, $3, null, 'website', 0), ($1, $2, ' JaVaScRiPt:alert(2)', 'Piège', 'document', 1),
        ($1, $2, 'https://ok.example/doc', 'Bon document', 'document', 2)`, [kind, id, SCRIPT]);
    }
    const pages = ['/organisations/cd93', '/en/organisations/cd93', '/embed/organisations/cd93', '/vi/embed/organisations/cd93',
      '/partnerships/ssd-hai-duong', '/embed/partnerships/ssd-hai-duong', '/projects/innotech-master', '/en/embed/projects/innotech-master'];
    for (const path of pages) {
      const r = await app.request(path);
      expect(r.status, path).toBe(200);
      const html = await r.text();
      expect(unsafeHrefs(html), path).toEqual([]);
      expect(html, path).toContain(`<span class="unlinked">${SCRIPT}</span>`);
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1];
      if (ld) expect(ld, path).not.toMatch(/javascript:/i);
      if (!path.includes('organisations')) {
        expect(html, path).toContain('<span class="unlinked">Piège</span>');
        expect(html, path).toContain('<a href="https://ok.example/doc" rel="noopener">Bon document</a>');
      }
    }
    for (const path of ['/search?q=seine', '/search?q=innotech', '/']) expect(unsafeHrefs(await (await app.request(path)).text()), path).toEqual([]);
  });
});
