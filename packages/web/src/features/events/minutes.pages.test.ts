/**
 * An event's minutes and decisions on its sheet (fr/en/vi) and in its edit form: the restitution of the 12th Assises
 * shows its minutes and the Sénat meeting due by the end of September 2023; a host's member adds a decision row
 * without JavaScript, an empty decision comes back with its error next to the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { client, TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser } from '../../../../server/src/features/auth/auth.testkit.js';
import { formBody, postRaw, signedInSite, type Browser } from '../edit/form-testkit.js';

describe('event minutes and decisions (pages)', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof signedInSite>>['app'];
  let member: Browser;
  beforeAll(async () => {
    db = await testDb();
    ({ app, browsers: { 'cr@cuf.example': member } } = await signedInSite(db, { 'cr@cuf.example': [{ role: 'member', organisationId: 'cuf' }] }, TOKEN));
  });
  afterAll(async () => { await db?.close(); });

  it('shows the restitution’s minutes and decisions in French, English and Vietnamese', async () => {
    const fr = (await browser(app).get('/events/restitution-assises-12')).text;
    expect(fr).toContain('<h2 id="minutes-h">Compte rendu</h2>');
    expect(fr).toContain('<h2 id="decisions-h">Décisions et suites</h2>');
    expect(fr.match(/<div class="minutes">([\s\S]*?)<\/div>/)![1].match(/<p>/g)!.length).toBeGreaterThanOrEqual(5);
    const row = fr.match(/<tr><td data-label="Décision">[^<]*Sénat[\s\S]*?<\/tr>/)![0];
    expect(row).toContain('href="/organisations/senat-groupe-amitie-vietnam"');
    expect(row).toContain('avant fin septembre 2023');
    expect(row).toContain('En cours');
    const en = (await browser(app).get('/en/events/restitution-assises-12')).text;
    expect(en).toContain('Decisions and follow-up');
    expect(en).toContain('by the end of September 2023');
    expect(en).toMatch(/<div class="minutes" lang="fr">/);
    const vi = (await browser(app).get('/vi/events/restitution-assises-12')).text;
    expect(vi).toContain('Quyết định và các bước tiếp theo');
    expect(vi).toContain('trước cuối tháng 9 năm 2023');
    // an event without minutes shows neither block
    const other = (await browser(app).get('/events/assises-11')).text;
    expect(other).not.toContain('id="minutes-h"');
    expect(other).not.toContain('id="decisions-h"');
  });

  it('edits the minutes and adds a decision row in the form, errors inline', async () => {
    const P = '/edit/events/restitution-assises-12';
    const html = (await member.get(P)).text;
    expect(html).toMatch(/<textarea[^>]*name="minutes"/);
    expect(html).toContain('name="decisions[0][text]"');
    expect(html).toContain('name="decisions[3][ownerOrganisationId]"');
    const bad = await postRaw(app, member, P, formBody(html, {}, [['decisions[4][text]', ''], ['decisions[4][ownerText]', 'Lorient'], ['decisions[4][status]', 'open']]));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="f-decisions-4-text-error"');
    const ok = await postRaw(app, member, P, formBody(html, { minutes: 'Compte rendu abrégé.\n\nSecond paragraphe.', 'decisions[1][status]': 'done' },
      [['decisions[4][text]', 'Inviter Lorient aux prochaines Assises'], ['decisions[4][ownerText]', 'Lorient'], ['decisions[4][due]', '2026'], ['decisions[4][status]', 'open']]));
    expect(ok.status, ok.text.slice(0, 400)).toBe(303);
    const e = (await client(db).get('/api/events/restitution-assises-12')).json;
    expect(e.minutes).toBe('Compte rendu abrégé.\n\nSecond paragraphe.');
    expect(e.decisions.map((d: any) => [d.status, d.due])).toEqual([['open', '2023-09'], ['done', null], ['open', null], ['open', null], ['open', '2026']]);
    expect(e.decisions[0].owner.id).toBe('senat-groupe-amitie-vietnam');
    const sheet = (await browser(app).get('/events/restitution-assises-12')).text;
    expect(sheet).toContain('Réalisée');
    expect(sheet).toContain('avant fin 2026');
  });
});
