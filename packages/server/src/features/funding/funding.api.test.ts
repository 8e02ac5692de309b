/**
 * Funding calls through the API: the catalogue and its filters (seeded real programmes), writes by platform and
 * network administrators only (400 naming the field, http(s) URLs only, 409 on a stale version), and the calls for
 * a small commune ranked by fit with a fixed today: the call matching its Vietnamese partnership and its theme first,
 * the reasons structured, calls it may not apply to last with why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { sampleCall, smallCommune } from './funding.testkit.js';

let db: Db; let api: ReturnType<typeof httpClient>;
beforeAll(async () => { db = await testDb(); api = httpClient(db); await smallCommune(db, 'commune-essai'); });
afterAll(async () => { await db?.close(); });

describe('the catalogue', () => {
  it('lists the seeded programmes and filters them', async () => {
    const all = await api.get('/api/funding-calls');
    expect(all.status, all.text).toBe(200);
    const ids = all.json.items.map((c: any) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['daect-appel-a-projets', 'afd-ficol', 'un-pour-cent-eau', 'un-pour-cent-dechets', 'un-pour-cent-energie']));
    expect(all.json.items.find((c: any) => c.id === 'afd-ficol').funders.map((f: any) => f.id)).toEqual(['afd']);
    const water = await api.get('/api/funding-calls?theme=env.eau-dechets');
    expect(water.json.items.map((c: any) => c.id).sort()).toEqual(['un-pour-cent-dechets', 'un-pour-cent-eau']);
    const regions = await api.get('/api/funding-calls?beneficiary=region');
    expect(regions.json.items.map((c: any) => c.id)).not.toContain('un-pour-cent-eau');
    expect((await api.get('/api/funding-calls?country=vn')).status).toBe(400);
    const one = await api.get('/api/funding-calls/daect-appel-a-projets');
    expect(one.json).toMatchObject({ recurrence: 'yearly', area: { id: 'FR' }, funders: [{ id: 'meae' }], instructors: [{ id: 'daect' }], closes_on: null, amount_max: null });
    expect((await api.get('/api/funding-calls/nope')).status).toBe(404);
  });
});

describe('writing calls', () => {
  it('creates, refuses bad fields naming them, updates with the version read (409 when stale) and deletes', async () => {
    const c = await api.post('/api/funding-calls', sampleCall({ id: 'essai-eau' }));
    expect(c.status, c.text).toBe(201);
    expect(c.json).toMatchObject({ id: 'essai-eau', version: 1, rate_max: '50', closes_on: '2027-03-01', partner_countries: ['VN', 'LA'] });
    const cases: Array<[object, string]> = [
      [sampleCall({ url: 'javascript:alert(1)' }), 'url'], [sampleCall({ sourceUrl: 'data:text/html,x' }), 'sourceUrl'],
      [sampleCall({ funders: ['meae', 'no-such-org'] }), 'funders.1'], [sampleCall({ areaTerritoryId: 'no-where' }), 'areaTerritoryId'],
      [sampleCall({ closesOn: '2026-01-01' }), 'closesOn'], [sampleCall({ beneficiaries: ['king'] }), 'beneficiaries.0'],
      [sampleCall({ rateMax: 150 }), 'rateMax'], [sampleCall({ title: '' }), 'title'], [sampleCall({ id: 'essai-eau' }), 'id'],
    ];
    for (const [body, field] of cases) {
      const r = await api.post('/api/funding-calls', body);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path)).toContain(field);
    }
    const u = await api.put('/api/funding-calls/essai-eau', sampleCall({ title: 'Fonds eau (v2)', version: 1 }));
    expect(u.status, u.text).toBe(200);
    expect(u.json).toMatchObject({ version: 2, title: 'Fonds eau (v2)' });
    const stale = await api.put('/api/funding-calls/essai-eau', sampleCall({ version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.json.currentVersion).toBe(2);
    const spare = await api.post('/api/funding-calls', sampleCall({ id: 'essai-jetable' }));
    expect((await api.del(`/api/funding-calls/${spare.json.id}`)).status).toBe(204);
    expect((await api.get('/api/funding-calls/essai-jetable')).status).toBe(404);
  });

  it('lets network administrators write, not members or visitors', async () => {
    const app = createApp({ db, adminToken: 'x-admin' });
    const expectStatus = async (email: string | null, status: number) => {
      const b = browser(app);
      const headers: Record<string, string> = email ? { 'x-csrf-token': await b.login(email) } : {};
      const r = await b.post('/api/funding-calls', sampleCall({ id: `essai-${status}-${email?.split('@')[0] ?? 'anon'}` }), headers);
      expect(r.status, `${email}: ${r.text}`).toBe(status);
    };
    await makeAccount(db, 'fund-netadmin@example.org', [{ role: 'network_admin', organisationId: 'cuf' }]);
    await makeAccount(db, 'fund-member@example.org', [{ role: 'member', organisationId: 'commune-essai' }]);
    await expectStatus('fund-netadmin@example.org', 201);
    await expectStatus('fund-member@example.org', 403);
    await expectStatus(null, 401);
  });
});

describe('calls for an organisation', () => {
  it('ranks by fit with structured reasons; ineligible calls last, saying why', async () => {
    for (const extra of [
      { id: 'essai-regions', title: 'Réservé aux régions', beneficiaries: ['region'], partnerCountries: [], themes: [], minGroupSize: null, predepositOn: null, closesOn: '2027-01-20' },
      { id: 'essai-nord', title: 'Réservé au Nord', areaTerritoryId: 'FR-D-59', partnerCountries: [], themes: [], minGroupSize: null },
      { id: 'essai-passe', title: 'Clos', closesOn: '2027-01-10', predepositOn: null, minGroupSize: null },
    ]) expect((await api.post('/api/funding-calls', sampleCall(extra))).status).toBe(201);
    const r = await api.get('/api/organisations/commune-essai/funding-calls?today=2027-01-15');
    expect(r.status, r.text).toBe(200);
    expect(r.json.organisation).toMatchObject({ beneficiary: 'commune', countries: ['VN'], themes: ['env.eau-dechets.eau-potable'] });
    expect(r.json.organisation.places).toEqual(expect.arrayContaining(['FR-C-93048', 'FR']));
    const ids = r.json.calls.map((f: any) => f.call.id);
    expect(ids).not.toContain('essai-passe');
    expect(ids[0]).toBe('essai-eau');
    const first = r.json.calls[0];
    expect(first.eligible).toBe(true);
    const reason = (f: any, code: string) => f.reasons.find((x: any) => x.code === code);
    expect(reason(first, 'eligible_kind')).toMatchObject({ ok: true, params: { kind: 'commune' } });
    expect(reason(first, 'area')).toMatchObject({ ok: true, params: { area: { id: 'FR' } } });
    expect(reason(first, 'country')).toMatchObject({ ok: true, params: { matched: ['VN'] } });
    expect(reason(first, 'theme')).toMatchObject({ ok: true, params: { matched: ['env.eau-dechets'] } });
    expect(reason(first, 'min_group_size')).toMatchObject({ ok: false, params: { n: 3 } });
    expect(reason(first, 'deadline')).toMatchObject({ params: { days: 45, closesOn: '2027-03-01' } });
    expect(reason(first, 'rate')).toMatchObject({ params: { min: 20, max: 50 } });
    // the water 1 % (theme match, permanent) before the generic dated calls without a match
    expect(ids.indexOf('un-pour-cent-eau')).toBeLessThan(ids.indexOf('daect-appel-a-projets'));
    expect(ids.slice(-2).sort()).toEqual(['essai-nord', 'essai-regions']);
    const regions = r.json.calls.find((f: any) => f.call.id === 'essai-regions');
    expect(regions.eligible).toBe(false);
    expect(reason(regions, 'eligible_kind')).toMatchObject({ ok: false, params: { kind: 'commune', beneficiaries: ['region'] } });
    expect(reason(r.json.calls.find((f: any) => f.call.id === 'essai-nord'), 'area')).toMatchObject({ ok: false, params: { area: { id: 'FR-D-59' } } });
    expect((await api.get('/api/organisations/nope/funding-calls')).status).toBe(404);
  });
});
