/**
 * An event's minutes and decisions through the API: written with the event (create and update), read back with the
 * owner as {id, name} or words and the due date at its precision, 400 naming the field, kept in revisions and restored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

describe('event minutes and decisions (API)', () => {
  let db: Db;
  let member: ReturnType<typeof browser>;
  let csrf: Record<string, string>;
  beforeAll(async () => {
    db = await testDb();
    member = browser(createApp({ db }));
    await makeAccount(db, 'cr@toulouse.example', [{ role: 'member', organisationId: 'ville-toulouse' }]);
    csrf = { 'x-csrf-token': await member.login('cr@toulouse.example') };
  });
  afterAll(async () => { await db.close(); });

  const base = { title: 'Réunion du comité de jumelage', kind: 'meeting', start: '2027-03-04', hosts: ['ville-toulouse'] };
  const decisions = [
    { text: 'Envoyer le compte rendu aux partenaires', ownerOrganisationId: 'ville-toulouse', due: '2027-04', status: 'open' },
    { text: 'Préparer la mission à Hanoï', ownerText: 'le service des relations internationales', due: '2027-09-15', duePrecision: 'month', status: 'done' },
    { text: 'Abandonner le stand commun', status: 'dropped' },
  ];

  it('creates an event with its minutes and decisions and reads them back', async () => {
    const r = await member.post('/api/events', { ...base, minutes: 'Premier point.\n\nSecond point.', decisions }, csrf);
    expect(r.status, r.text).toBe(201);
    expect(r.json.minutes).toBe('Premier point.\n\nSecond point.');
    expect(r.json.decisions).toEqual([
      { text: 'Envoyer le compte rendu aux partenaires', owner: { id: 'ville-toulouse', name: 'Ville de Toulouse' }, ownerText: null, due: '2027-04', duePrecision: 'month', status: 'open' },
      { text: 'Préparer la mission à Hanoï', owner: null, ownerText: 'le service des relations internationales', due: '2027-09', duePrecision: 'month', status: 'done' },
      { text: 'Abandonner le stand commun', owner: null, ownerText: null, due: null, duePrecision: null, status: 'dropped' },
    ]);
    const rows = await db.query(`select position, due::text as due, due_precision from event_decision where event_id = $1 order by position`, [r.json.id]);
    expect(rows).toEqual([{ position: 0, due: '2027-04-01', due_precision: 'month' }, { position: 1, due: '2027-09-01', due_precision: 'month' },
      { position: 2, due: null, due_precision: null }]);
  });

  it('answers 400 naming the decision’s field, and writes nothing', async () => {
    const id = 'reunion-du-comite-de-jumelage';
    const e = (await member.get(`/api/events/${id}`)).json;
    const put = (body: object) => member.put(`/api/events/${id}`, { ...base, version: e.version, ...body }, csrf);
    const cases: Array<[object, string]> = [
      [{ decisions: [{ text: '', status: 'open' }] }, 'decisions.0.text'],
      [{ decisions: [decisions[0], { text: 'x'.repeat(1001) }] }, 'decisions.1.text'],
      [{ decisions: [{ text: 'Une date', due: '2027-13' }] }, 'decisions.0.due'],
      [{ decisions: [{ text: 'Un état', status: 'maybe' }] }, 'decisions.0.status'],
      [{ decisions: [{ text: 'Trop précis', due: '2027', duePrecision: 'day' }] }, 'decisions.0.duePrecision'],
      [{ decisions: [{ text: 'Inconnu', ownerOrganisationId: 'no-such-organisation' }] }, 'decisions.0.ownerOrganisationId'],
      [{ decisions: Array.from({ length: 51 }, () => ({ text: 'Une de trop' })) }, 'decisions'],
      [{ minutes: 'x'.repeat(20001) }, 'minutes'],
    ];
    for (const [body, path] of cases) {
      const r = await put(body);
      expect([r.status, r.json.issues?.[0]?.path], JSON.stringify(body).slice(0, 80)).toEqual([400, path]);
    }
    expect((await member.get(`/api/events/${id}`)).json.decisions).toHaveLength(3);
  });

  it('replaces them on update, keeps them in revisions, and restores them', async () => {
    const id = 'reunion-du-comite-de-jumelage';
    const e = (await member.get(`/api/events/${id}`)).json;
    const r = await member.put(`/api/events/${id}`, { ...base, version: e.version, minutes: 'Un seul point.',
      decisions: [{ ...decisions[0], status: 'done' }] }, csrf);
    expect(r.status, r.text).toBe(200);
    expect([r.json.minutes, r.json.decisions.map((d: any) => d.status)]).toEqual(['Un seul point.', ['done']]);
    const revs = (await member.get(`/api/events/${id}/revisions`)).json.items;
    expect(revs[0].changes).toContainEqual({ path: 'minutes', before: 'Premier point.\n\nSecond point.', after: 'Un seul point.' });
    expect(revs[0].changes.map((c: any) => c.path)).toContain('decisions.0.status');
    const restored = await member.post(`/api/events/${id}/revisions/${revs[1].id}/restore`, { version: r.json.version }, csrf);
    expect(restored.status, restored.text).toBe(200);
    expect([restored.json.minutes, restored.json.decisions.map((d: any) => [d.text, d.due, d.status])]).toEqual(['Premier point.\n\nSecond point.', [
      ['Envoyer le compte rendu aux partenaires', '2027-04', 'open'], ['Préparer la mission à Hanoï', '2027-09', 'done'], ['Abandonner le stand commun', null, 'dropped']]]);
  });
});
