/**
 * Bad input found by probing gets a 400 naming the field, never a 5xx: NUL characters (PostgreSQL stores none)
 * in ids, filters and bodies; revision numbers and versions outside int4; malformed percent-encoding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import { client } from '../../test/http.js';
import type { Db } from '../db/client.js';
import { inputErrorOf } from './db-input-errors.js';

describe('bad input: 400 naming the field', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  const fields = (r: { json: any }) => (r.json?.issues ?? []).map((i: any) => i.path);

  it('NUL in an id, a search filter, a list filter or a JSON string', async () => {
    for (const [path, field] of [['/api/organisations/%00', 'id'], ['/api/projects/a%00b/revisions', 'id'], ['/api/search?country=%00', 'country'],
      ['/api/search?q=eau%00', 'q'], ['/api/organisations?q=%00', 'q'], ['/api/territories?parentId=FR%00', 'parentId']] as const) {
      const r = await api.get(path);
      expect([path, r.status, fields(r)]).toEqual([path, 400, [field]]);
      expect(r.json.error).toMatch(/NUL/);
    }
    const org = await api.post('/api/organisations', { kind: 'association', name: 'Amis\u0000', aliases: ['ok', 'x\u0000'] });
    expect([org.status, fields(org)]).toEqual([400, ['name', 'aliases.1']]);
    const key = await api.post('/api/organisations', { kind: 'association', name: 'Amis', names: { ['f\u0000r']: 'x' } });
    const deep = await api.post('/api/organisations', `{"kind":"association","name":"Amis","names":${'{"a":'.repeat(50_000)}"\\u0000"${'}'.repeat(50_000)}}`);
    expect([deep.status, fields(deep)[0]]).toEqual([400, `names${'.a'.repeat(50_000)}`]);
    expect([key.status, fields(key)]).toEqual([400, ['names.f\\u0000r']]);
  });

  it('revision numbers: non-numeric, fractional, past int4', async () => {
    for (const rev of ['abc', '1.5', '99999999999999999', '0', '-1', '2147483648']) {
      const r = await api.post(`/api/projects/innotech-master/revisions/${rev}/restore`, { version: 1 });
      expect([rev, r.status, [...new Set(fields(r))]]).toEqual([rev, 400, ['revision']]);
    }
    const missing = await api.post('/api/projects/innotech-master/revisions/2147483647/restore', { version: 1 });
    expect(missing.status).toBe(404);
  });

  it('versions: past int4, negative, fractional, a string', async () => {
    const org = (await api.get('/api/organisations/cd93')).json;
    const base = { kind: org.kind, name: org.name };
    for (const version of [2147483648, 1e300, -1, 0, 1.5, '1', null]) {
      const r = await api.put('/api/organisations/cd93', { ...base, version });
      expect([version, r.status, [...new Set(fields(r))]]).toEqual([version, 400, ['version']]);
    }
    for (const version of [2147483648, -1, 'x']) {
      const r = await api.post('/api/apd/cd93/2023/submit', { version });
      expect([version, r.status, fields(r)]).toEqual([version, 400, ['version']]);
    }
    const page = await api.get('/api/projects?page=99999999999');
    expect([page.status, [...new Set(fields(page))]]).toEqual([400, ['page']]);
    // found by the fuzzer: page × perPage past int4 in the search's result slice
    const deep = await api.get('/api/search?kind=mission&year=2134&page=1997230002&perPage=95');
    expect([deep.status, fields(deep)]).toEqual([400, ['page']]);
    expect((await api.get('/api/search?q=eau&page=1000000&perPage=100')).status).toBe(200);
  });

  it('malformed percent-encoding in a path or a query', async () => {
    const path = await api.get('/api/projects/%ff');
    expect([path.status, fields(path)]).toEqual([400, ['path']]);
    const query = await api.get('/api/search?q=%E0%A4%A');
    expect([query.status, fields(query)]).toEqual([400, ['q']]);
  });

  it('a body that is no JSON object is named "body"', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`; // valid JSON, checked for NUL without recursion
    for (const body of ['', '{', '"x"', '[1]', '42', deep]) {
      const r = await api.post('/api/organisations', body);
      expect([body.slice(0, 10), r.status, fields(r)]).toEqual([body.slice(0, 10), 400, ['body']]);
    }
  });

  it('the safety net knows input errors from the database from other errors', async () => {
    const nul = await db.query('select $1::text as t', ['a\u0000']).catch((e) => e);
    expect(inputErrorOf(nul)).toMatch(/NUL/);
    const range = await db.query('select $1::int as n', ['99999999999']).catch((e) => e);
    expect(inputErrorOf(range)).toMatch(/range/);
    const bug = await db.query('select 1 / 0').catch((e) => e);
    expect(inputErrorOf(bug)).toBeNull();
  });
});
