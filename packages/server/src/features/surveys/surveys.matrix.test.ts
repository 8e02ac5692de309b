/**
 * The role × endpoint matrix of surveys (the rows of features/permissions/matrix.test.ts for these routes), through
 * the real app with sessions and CSRF as a browser. The surveys are cd93's, about an event hosted by Toulouse:
 * managed by cd93's members, the event's organisers (Toulouse's members) and platform administrators; a network
 * administrator manages the surveys of its network's organisations only (not those of another network's). Refused writes change nothing; refused
 * reads show no registrant.
 */
import { surveyInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { ADMIN_TOKEN_ACTOR, type Grant } from '../../lib/actor.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { register } from '../registration/registration.service.js';
import { person, testEvent } from '../registration/registration.testkit.js';
import { createSurvey, setSurveyStatus } from './surveys.service.js';
import { startResponse } from './surveys.responses.js';
import { sampleSurvey } from './surveys.testkit.js';

type Role = 'anonymous' | 'outsider' | 'member' | 'organiser' | 'other_network_admin' | 'network_admin' | 'platform_admin';
const ROLES: Role[] = ['anonymous', 'outsider', 'member', 'organiser', 'other_network_admin', 'network_admin', 'platform_admin'];
const GRANTS: Record<Role, Grant[]> = {
  anonymous: [], outsider: [{ role: 'member', organisationId: 'ville-montreuil' }], member: [{ role: 'member', organisationId: 'cd93' }],
  organiser: [{ role: 'member', organisationId: 'ville-toulouse' }], network_admin: [{ role: 'network_admin', organisationId: 'cuf' }],
  other_network_admin: [{ role: 'network_admin', organisationId: 'lianes' }], // a network cd93 does not belong to
  platform_admin: [{ role: 'platform_admin', organisationId: null }],
};
const MANAGERS: Role[] = ['member', 'organiser', 'platform_admin'];

interface Ids { event: string; open: string; reg: string; draft: string; spare: string; token: string }
interface Case { name: string; method: 'get' | 'post' | 'put' | 'del'; path: string; body?: (ids: Ids, db: Db) => unknown; allowed: Role[]; ok?: number; denied?: 403 | 404 }
const version = async (db: Db, id: string) => (await db.query('select version from survey where id = $1', [id]))[0].version;
const ALL = ROLES;

const CASES: Case[] = [
  { name: 'list the event\'s surveys', method: 'get', path: '/api/surveys?eventId=EV', allowed: ALL },
  { name: 'read an open survey', method: 'get', path: '/api/surveys/OPEN', allowed: ALL },
  { name: 'read a draft', method: 'get', path: '/api/surveys/DRAFT', allowed: MANAGERS, denied: 404 },
  { name: 'read the respondents', method: 'get', path: '/api/surveys/REG/respondents', allowed: MANAGERS },
  { name: 'download the identified answers', method: 'get', path: '/api/surveys/REG/answers.csv', allowed: MANAGERS },
  { name: 'read the results before they are published', method: 'get', path: '/api/surveys/OPEN/results', allowed: MANAGERS, denied: 404 },
  { name: 'download the results before they are published', method: 'get', path: '/api/surveys/OPEN/results.csv', allowed: MANAGERS, denied: 404 },
  { name: 'download the report before it is published', method: 'get', path: '/api/surveys/OPEN/report.pdf', allowed: MANAGERS, denied: 404 },
  { name: 'read an answer sheet through its link', method: 'get', path: '/api/survey-responses/TOKEN', allowed: ALL },
  { name: 'download the anonymous answers', method: 'get', path: '/api/surveys/OPEN/answers.csv', allowed: MANAGERS },
  { name: 'start an anonymous answer', method: 'post', path: '/api/surveys/OPEN/responses', allowed: ALL, ok: 201 },
  { name: 'save an answer through its link', method: 'put', path: '/api/survey-responses/TOKEN', body: () => ({ answers: { topic: 'water' } }), allowed: ALL },
  { name: 'create a survey for cd93', method: 'post', path: '/api/surveys', body: () => sampleSurvey({ title: { fr: 'Enquête matrice' } }), allowed: ['member', 'platform_admin'], ok: 201 },
  { name: 'create a survey of the event', method: 'post', path: '/api/surveys', body: (ids) => sampleSurvey({ organisationId: 'ville-montreuil', eventId: ids.event }), allowed: ['outsider', 'organiser', 'platform_admin'], ok: 201 },
  { name: 'create a survey for a network\'s member', method: 'post', path: '/api/surveys', body: () => sampleSurvey({ organisationId: 'cuf-gp-vietnam' }), allowed: ['network_admin', 'platform_admin'], ok: 201 },
  { name: 'update a survey', method: 'put', path: '/api/surveys/OPEN', body: async (ids, db) => sampleSurvey({ eventId: ids.event, title: { fr: 'Revu' }, version: await version(db, ids.open) }), allowed: MANAGERS },
  { name: 'update a draft', method: 'put', path: '/api/surveys/DRAFT', body: async (ids, db) => sampleSurvey({ eventId: ids.event, version: await version(db, ids.draft) }), allowed: MANAGERS, denied: 404 },
  { name: 'close a survey', method: 'post', path: '/api/surveys/SPARE/status', body: async (ids, db) => ({ status: 'closed', version: await version(db, ids.spare) }), allowed: MANAGERS },
  { name: 'invite the registrants', method: 'post', path: '/api/surveys/REG/invitations', allowed: MANAGERS },
  { name: 'remind the registrants', method: 'post', path: '/api/surveys/REG/reminders', allowed: MANAGERS },
  { name: 'delete a survey', method: 'del', path: '/api/surveys/SPARE', allowed: MANAGERS, ok: 204 },
];

async function fingerprint(db: Db): Promise<string> {
  const [row] = await db.query(`select json_build_array((select count(*) from survey), (select sum(version) from survey), (select count(*) from survey_question),
    (select count(*) from survey_response), (select coalesce(sum(version), 0) from survey_response), (select count(*) filter (where invited_at is not null or reminded_at is not null) from survey_response),
    (select string_agg(token_hash, ',' order by id) from survey_response), (select count(*) from audit_log where target_kind = 'survey'))::text as f`);
  return row.f;
}

describe.each(ROLES)('as %s', (role) => {
  let db: Db; let ids: Ids;
  let client: ReturnType<typeof browser>;
  let auth: Record<string, string> = {};
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    db = await testDb();
    client = browser(createApp({ db, adminToken: 'matrix-admin-token' }));
    const ev = await testEvent(db, { host: 'ville-toulouse' });
    for (const i of [1, 2]) await register(db, ev.id, person(`survey-matrix-${i}`));
    const make = async (extra: object, open: boolean) => {
      const s = await createSurvey(db, ADMIN_TOKEN_ACTOR, surveyInput.parse(sampleSurvey({ eventId: ev.id, ...extra })));
      return open ? (await setSurveyStatus(db, ADMIN_TOKEN_ACTOR, s.id, { status: 'open', version: s.version })).id : s.id;
    };
    const open = await make({}, true);
    ids = { event: ev.id, open, reg: await make({ mode: 'registration' }, true), draft: await make({}, false), spare: await make({}, true), token: (await startResponse(db, open)).token };
    if (role !== 'anonymous') {
      await makeAccount(db, `${role}@example.org`, GRANTS[role]);
      auth = { 'x-csrf-token': await client.login(`${role}@example.org`) };
    }
  });
  afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = c.path.replace('EV', ids.event).replace('OPEN', ids.open).replace('REG', ids.reg).replace('DRAFT', ids.draft).replace('SPARE', ids.spare).replace('TOKEN', ids.token);
    const body = c.body ? await c.body(ids, db) : undefined;
    const before = await fingerprint(db);
    const r = c.method === 'get' ? await client.get(path, auth) : c.method === 'put' ? await client.put(path, body, auth)
      : c.method === 'del' ? await client.del(path, undefined, auth) : await client.post(path, body, auth);
    const allowed = c.allowed.includes(role);
    const expected = allowed ? c.ok ?? 200 : role === 'anonymous' ? (c.method === 'get' ? 404 : 401) : c.denied ?? 403;
    expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(expected);
    if (!allowed) {
      expect(r.text).not.toMatch(/Personne \d|psurvey-matrix/);
      expect(await fingerprint(db)).toBe(before);
    }
  });
});
