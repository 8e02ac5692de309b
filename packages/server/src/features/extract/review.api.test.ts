/**
 * The review flow through the API (issue 16), with hand-built facts standing for the extractor: a member keeps a text
 * for their organisation (private: 404 for another's member), applies the accepted proposals in one transaction
 * (a failing one leaves nothing), the records carry their provenance (public quotes, never the text), 409 on a second apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { REVIEW_TEXT } from './review.testkit.js';


let db: Db; let member: ReturnType<typeof browser>; let outsider: ReturnType<typeof browser>; let anonymous: ReturnType<typeof browser>;
let hm: Record<string, string>; let ho: Record<string, string>;
beforeAll(async () => {
  db = await testDb();
  const app = createApp({ db, adminToken: 'x' });
  member = browser(app); outsider = browser(app); anonymous = browser(app);
  await makeAccount(db, 'montreuil@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }]);
  await makeAccount(db, 'cd93@example.org', [{ role: 'member', organisationId: 'cd93' }]);
  hm = { 'x-csrf-token': await member.login('montreuil@example.org') };
  ho = { 'x-csrf-token': await outsider.login('cd93@example.org') };
});
afterAll(async () => { await db?.close(); });

const counts = async () => (await db.query(`select (select count(*) from organisation)::int as o, (select count(*) from partnership)::int as p,
  (select count(*) from project)::int as pr, (select count(*) from mission)::int as m, (select count(*) from provenance)::int as pv, (select count(*) from revision)::int as r`))[0];

/** Every proposal accepted as proposed. */
const all = (x: any) => x.proposals.map((p: any) => ({ key: p.key, kind: p.kind, fields: p.fields }));

describe('knowledge capture: review and apply', () => {
  let ex: any;
  it('keeps a pasted text for the member\'s organisation with its facts and proposals', async () => {
    const r = await member.post('/api/extractions', { organisationId: 'ville-montreuil', title: 'Montreuil – Hué', text: REVIEW_TEXT }, hm);
    expect(r.status, r.text).toBe(201);
    ex = r.json;
    expect(ex).toMatchObject({ organisationId: 'ville-montreuil', title: 'Montreuil – Hué', format: 'text', status: 'draft', text: REVIEW_TEXT });
    expect(ex.facts.amounts).toHaveLength(3);
    expect(ex.proposals.filter((p: any) => p.kind === 'organisation').map((p: any) => p.match?.id ?? null)).toEqual(['ville-montreuil', 'ville-hue', 'meae', null]);
    expect(ex.proposals.map((p: any) => p.kind)).toEqual(expect.arrayContaining(['partnership', 'agreement', 'project', 'funding_line', 'result', 'mission']));
    const audit = await db.query(`select action from audit_log where target_kind = 'extraction' and target_id = $1`, [ex.id]);
    expect(audit.map((a) => a.action)).toEqual(['extraction_created']);
  });

  it('is private to the organisation: its members read it, another organisation\'s member and the signed out get 404', async () => {
    expect((await member.get(`/api/extractions/${ex.id}`)).json.id).toBe(ex.id);
    const other = await outsider.get(`/api/extractions/${ex.id}`);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('Bambou');
    expect((await anonymous.get(`/api/extractions/${ex.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/extractions/${ex.id}/apply`, { proposals: [] }, ho)).status).toBe(404);
    expect((await outsider.post('/api/extractions', { organisationId: 'ville-montreuil', text: 'x' }, ho)).status).toBe(403);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ organisationId: 'ville-montreuil' }, 'text'],
      [{ organisationId: 'ville-montreuil', text: 'a', html: '<p>b</p>' }, 'text'],
      [{ organisationId: 'nobody', text: 'a' }, 'organisationId'],
      [{ organisationId: 'ville-montreuil', text: 'a', colour: 'red' }, 'body'],
      [{ organisationId: 'ville-montreuil', file: { name: 'a.txt' } }, 'file.base64'],
    ];
    for (const [body, field] of cases) {
      const r = await member.post('/api/extractions', body, hm);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path), r.text).toContain(field);
    }
    const bad = await member.post(`/api/extractions/${ex.id}/apply`, { proposals: [{ key: 'nothing-0', kind: 'project', fields: {} }] }, hm);
    expect(bad.json.issues[0].path).toBe('proposals.0.key');
  });

  it('creates nothing when one accepted proposal fails, and names its field', async () => {
    const before = await counts();
    const proposals = all(ex).map((p: any) => (p.kind === 'result' ? { ...p, fields: { ...p.fields, value: 'beaucoup' } } : p));
    const r = await member.post(`/api/extractions/${ex.id}/apply`, { proposals }, hm);
    expect(r.status, r.text).toBe(400);
    const at = proposals.findIndex((p: any) => p.kind === 'result');
    expect(r.json.issues[0].path).toBe(`proposals.${at}.fields.value`);
    expect(await counts()).toEqual(before);
    expect((await member.get(`/api/extractions/${ex.id}`)).json.status).toBe('draft');
  });

  it('applies the accepted and edited proposals in one go, with their provenance; 409 the second time', async () => {
    const before = await counts();
    const proposals = all(ex).filter((p: any) => p.kind !== 'mission')
      .map((p: any) => (p.kind === 'project' ? { ...p, fields: { ...p.fields, title: 'Assainissement à Hué' } } : p));
    const r = await member.post(`/api/extractions/${ex.id}/apply`, { version: 1, proposals }, hm);
    expect(r.status, r.text).toBe(201);
    expect(r.json.created.map((c: any) => c.kind)).toEqual(['organisation', 'partnership', 'project']);
    const after = await counts();
    expect([after.o - before.o, after.p - before.p, after.pr - before.pr, after.m - before.m]).toEqual([1, 1, 1, 0]);
    const p = (await anonymous.get(`/api/partnerships/${r.json.partnershipId}`)).json;
    expect(p.parties.map((x: any) => [x.organisationId, x.side])).toEqual([['ville-montreuil', 'fr'], ['ville-hue', 'foreign']]);
    expect(p.agreements).toEqual([expect.objectContaining({ kind: 'convention', signed: '2019-03' })]);
    const projectId = r.json.created.find((c: any) => c.kind === 'project').id;
    const project = (await anonymous.get(`/api/projects/${projectId}`)).json;
    expect(project.title).toBe('Assainissement à Hué');
    expect(project.partnership?.id ?? project.partnershipId).toBe(r.json.partnershipId);
    expect(JSON.stringify(project)).toContain('meae');
    expect(project.budget).toMatchObject({ amount: '150000', currency: 'EUR' });
    expect(project.results).toEqual([expect.objectContaining({ value: 120, unit: 'techniciens' })]);

    const prov = await anonymous.get(`/api/provenance/partnership/${r.json.partnershipId}`);
    expect(prov.status, prov.text).toBe(200);
    expect(prov.json.sources).toHaveLength(1);
    expect(prov.json.sources[0]).toMatchObject({ extractionId: ex.id, title: 'Montreuil – Hué' });
    expect(prov.json.sources[0].quotes).toEqual(expect.arrayContaining([{ field: 'agreements.0.signed', quote: 'mars 2019', start: REVIEW_TEXT.indexOf('mars 2019'), end: REVIEW_TEXT.indexOf('mars 2019') + 9 }]));
    expect(prov.text).not.toContain('techniciens ont suivi');
    const pp = (await anonymous.get(`/api/provenance/project/${projectId}`)).json.sources[0].quotes.map((q: any) => `${q.field}=${q.quote}`);
    expect(pp).toEqual(expect.arrayContaining(['budget=150 000 euros', 'funding.0.amount=60 000 €', 'funding.0.funder=MAEE', 'results.0.value=120 techniciens']));
    expect((await anonymous.get('/api/provenance/project/no-such-project')).status).toBe(404);
    expect((await anonymous.get('/api/provenance/planet/earth')).json.issues[0].path).toBe('kind');

    const again = await member.post(`/api/extractions/${ex.id}/apply`, { proposals }, hm);
    expect(again.status).toBe(409);
    expect(await counts()).toEqual(after);
    const audit = await db.query(`select action from audit_log where target_kind = 'extraction' and target_id = $1 order by id`, [ex.id]);
    expect(audit.map((a) => a.action)).toEqual(['extraction_created', 'extraction_applied']);
    const revisions = await db.query(`select record_kind from revision where record_id = $1`, [r.json.partnershipId]);
    expect(revisions.map((x) => x.record_kind)).toEqual(['partnership']);
  });
});
