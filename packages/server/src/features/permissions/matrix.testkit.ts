/**
 * The roles of the role × endpoint matrix (matrix.reads.test.ts, matrix.writes.test.ts, matrix.features.test.ts) and
 * what each file starts from: a seeded database with the matrix's records, the real app, one client signed in as
 * the role (a session with CSRF as a browser; a read-only API token as a script), and the database's fingerprint.
 * Imported by tests only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import type { Grant } from '../../lib/actor.js';
import { createApiToken } from '../auth/api-tokens.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

export type Role = 'anonymous' | 'read_token' | 'member' | 'outsider' | 'other_network_admin' | 'network_admin' | 'platform_admin';
export const ROLES: Role[] = ['anonymous', 'read_token', 'member', 'outsider', 'other_network_admin', 'network_admin', 'platform_admin'];
/**
 * read_token: an API token with the "read" scope of a member of cd93; outsider: a member of Montreuil (another
 * organisation); network_admin: of Cités Unies France, whose Groupe-Pays Vietnam holds cd93; other_network_admin:
 * of Lianes coopération (the Hauts-de-France network), which cd93 and the Groupe-Pays do not belong to.
 */
export const GRANTS: Record<Role, Grant[]> = {
  anonymous: [], read_token: [{ role: 'member', organisationId: 'cd93' }], member: [{ role: 'member', organisationId: 'cd93' }], outsider: [{ role: 'member', organisationId: 'ville-montreuil' }],
  other_network_admin: [{ role: 'network_admin', organisationId: 'lianes' }], network_admin: [{ role: 'network_admin', organisationId: 'cuf' }],
  platform_admin: [{ role: 'platform_admin', organisationId: null }],
};
/** the signed-in roles that may write (not read_token: it lacks the write scope) */
export const ALL_SIGNED_IN: Role[] = ['member', 'outsider', 'other_network_admin', 'network_admin', 'platform_admin'];
export const CD93_READERS: Role[] = ['read_token', 'member', 'platform_admin'];
export const NETWORK_ADMINS: Role[] = ['other_network_admin', 'network_admin', 'platform_admin'];

/** `denied`: the answer to a signed-in role that may not read (404 when existence must not leak). */
export interface Read { name: string; path: string; allowed: Role[]; denied?: 403 | 404 }
/** `field`: the field a member's 403 names; `denied`: the answer to a signed-in role with the write scope that may not write. */
export interface Case {
  name: string; method: 'post' | 'put' | 'del'; path: string; body?: (db: Db) => Promise<unknown> | unknown; allowed: Role[]; field?: string; denied?: 404;
  /** appended to the path, read when the case runs (a version in the query) */
  query?: (db: Db) => Promise<string>;
}

export const version = (table: string, id: string) => async (db: Db) => (await db.query(`select version from ${table} where id = $1`, [id]))[0].version;

export type Client = ReturnType<typeof browser>;
/** `vars`: words of the cases' paths replaced by ids known once the database is ready (REV, EVREV, PERSON, and what a file's `prepare` adds) */
export interface Matrix { role: Role; db: Db; app: Hono; client: Client; auth: Record<string, string> | undefined; vars: Record<string, string> }

/** A fresh database with the matrix's records, and a client acting as `role`. */
export async function openMatrix(role: Role): Promise<Matrix> {
  const db = await testDb();
  const app = createApp({ db, adminToken: 'matrix-admin-token' });
  let client = browser(app);
  let auth: Record<string, string> | undefined;
  const [{ id: rev }] = await db.query(`select id::int as id from revision where record_kind = 'project' and record_id = 'innotech-master' order by id limit 1`);
  const [{ id: evRev }] = await db.query(`select id::int as id from revision where record_kind = 'event' and record_id = 'restitution-assises-12' order by id limit 1`);
  await db.query(`insert into person (id, name, email, phone, organisation_id) values ('matrix-person', 'Personne à effacer', 'x@example.org', '+33 6 00 00 00 01', 'cd93'),
    ('montreuil-person', 'Personne de Montreuil', 'm@example.org', null, 'ville-montreuil'), ('loose-person', 'Personne sans organisation', 'loose@example.org', null, null)`);
  await db.query(`insert into person (id, name, organisation_id) values ('matrix-person2', 'Élu matrice', 'cd93')`);
  await db.query(`insert into record_contact (record_kind, record_id, person_id, role) values ('partnership', 'ssd-hai-duong', 'matrix-person', 'contact'),
    ('partnership', 'ssd-hai-duong', 'montreuil-person', 'contact')`);
  await db.query(`insert into organisation (id, kind, name) values ('matrix-org', 'association', 'Association sans lien')`);
  await db.query(`insert into mission (id, title, direction, partnership_id) values ('matrix-mission', 'Mission matrice', 'outgoing', 'ssd-hai-duong')`);
  await db.query(`insert into mission_participant (mission_id, organisation_id) values ('matrix-mission', 'cd93')`);
  await db.query(`insert into event (id, title, kind) values ('matrix-event', 'Évènement matrice', 'meeting')`);
  await db.query(`insert into event_host (event_id, organisation_id) values ('matrix-event', 'cd93')`);
  await db.query(`insert into event_series (id, name) values ('matrix-old-series', 'Série ancienne')`);
  await db.query(`insert into extraction (id, organisation_id, title, text) values ('matrix-extraction', 'cd93', 'Texte matrice', 'Un texte privé de matrice.')`);
  await db.query(`insert into account (id, email, name) values ('acc-matrix-colleague', 'matrix-colleague@example.org', 'Collègue matrice')`);
  await db.query(`insert into role_grant (account_id, role, organisation_id) values ('acc-matrix-colleague', 'member', 'cd93'), ('acc-matrix-colleague', 'member', 'cuf-gp-vietnam')`);
  await db.query(`insert into invitation (token_hash, email, grants, expires_at) values ('matrix-invitation', 'invited@example.org', '[{"role":"member","organisationId":"cd93"}]', now() + interval '1 day')`);
  await db.query(`insert into apd_declaration (id, organisation_id, year, status, submitted_at) values ('cd93-2021', 'cd93', 2021, 'draft', null), ('cd93-2022', 'cd93', 2022, 'submitted', now())`);
  await db.query(`insert into apd_line (declaration_id, category, country, amount) values ('cd93-2021', 'refugees', 'VN', 4321), ('cd93-2022', 'awareness', null, 1234)`);
  await db.query(`insert into event_session (id, event_id, kind, position, title) values ('matrix-session', 'restitution-assises-12', 'session', 0, 'Session matrice'),
    ('matrix-session-b', 'restitution-assises-12', 'session', 1, 'Session suivante'), ('matrix-session-7', 'assises-7', 'workshop', 0, 'Atelier matrice')`);
  await db.query(`insert into event_session_lead (session_id, position, person_id) values ('matrix-session', 0, 'matrix-person')`);
  if (role === 'read_token') {
    const account = await makeAccount(db, `${role}@example.org`, GRANTS[role]);
    client = browser(app, { origin: null });
    auth = { authorization: `Bearer ${(await createApiToken(db, account.id, 'lecture', ['read'])).token}` };
  } else if (role !== 'anonymous') {
    await makeAccount(db, `${role}@example.org`, GRANTS[role]);
    auth = { 'x-csrf-token': await client.login(`${role}@example.org`) };
  }
  return { role, db, app, client, auth, vars: { EVREV: String(evRev), REV: String(rev), PERSON: 'matrix-person' } };
}

/** Sends a write as the matrix's client (a string body: raw XML, as an IATI file is sent). */
export async function send(m: Matrix, method: Case['method'], path: string, body: unknown) {
  const { client, auth } = m;
  if (typeof body === 'string') {
    const cookie = [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await m.app.request(path, { method: 'POST', body, headers: { ...auth, ...(cookie ? { cookie } : {}), origin: 'http://localhost', 'content-type': 'application/xml' } });
    const text = await res.text();
    return { status: res.status, text, json: null as any };
  }
  return method === 'post' ? client.post(path, body ?? {}, auth) : method === 'put' ? client.put(path, body, auth) : client.del(path, body, auth);
}

/** A client acting with TANDEM_ADMIN_TOKEN, to prepare what the cases need. */
export const adminClient = (m: Matrix) => {
  const c = browser(m.app, { origin: null });
  const h = { authorization: 'Bearer matrix-admin-token' };
  return { get: (p: string) => c.get(p, h), post: (p: string, b: unknown) => c.post(p, b, h), put: (p: string, b: unknown) => c.put(p, b, h) };
};

/** Everything a refused write could have touched, as one comparable value. */
export async function fingerprint(db: Db): Promise<string> {
  const [row] = await db.query(`select json_build_array(
    (select count(*) from territory), (select coalesce(sum(version), 0) from territory where kind <> 'commune'), (select version from territory where id = 'FR-C-95127'),
    (select count(*) from organisation), (select sum(version) from organisation), (select count(*) from partnership), (select sum(version) from partnership),
    (select count(*) from project), (select sum(version) from project), (select count(*) from mission), (select sum(version) from mission),
    (select count(*) from person), (select coalesce(sum(version), 0) from person), (select count(*) from revision), (select count(*) from validation),
    (select count(*) from apd_declaration), (select coalesce(sum(version), 0) from apd_declaration), (select count(*) from apd_line), (select count(*) from funding_line), (select count(*) from search_doc),
    (select count(*) from role_grant), (select count(*) from invitation), (select count(*) from account where disabled_at is not null), (select count(*) from api_token where revoked_at is null),
    (select count(*) from record_contact), (select coalesce(sum(version), 0) from record_contact), (select count(*) from link), (select count(*) from audit_log),
    (select count(*) from event), (select sum(version) from event), (select count(*) from event_host), (select count(*) from event_related), (select count(*) from event_series), (select sum(version) from event_series),
    (select count(*) from event_session), (select coalesce(sum(version + position), 0) from event_session), (select count(*) from event_session_lead),
    (select count(*) from survey), (select coalesce(sum(version), 0) from survey), (select count(*) from survey_question),
    (select count(*) from group_membership), (select coalesce(sum(version), 0) from group_profile), (select count(*) from news_item), (select coalesce(sum(version), 0) from news_item),
    (select count(*) from funding_call), (select coalesce(sum(version), 0) from funding_call),
    (select count(*) from funding_alert), (select count(*) from extraction), (select count(*) from extraction where status = 'applied'), (select count(*) from provenance))::text as f`);
  return row.f;
}

/** Runs CASES as each role: allowed writes succeed, the others are refused and change nothing. */
export function writeMatrix(cases: Case[], prepare?: (m: Matrix) => Promise<void>) {
  describe.each(ROLES)('as %s', (role) => {
    let m: Matrix;
    beforeAll(async () => { m = await openMatrix(role); await prepare?.(m); });
    afterAll(async () => { await m.db.close(); });

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const path = Object.keys(m.vars).sort((a, b) => b.length - a.length).reduce((p, k) => p.replace(k, m.vars[k]), c.path) + (c.query ? await c.query(m.db) : '');
      const body = c.body ? await c.body(m.db) : undefined;
      const before = await fingerprint(m.db);
      const r = await send(m, c.method, path, body);
      if (c.allowed.includes(role)) {
        expect(r.status, `${role} ${c.name}: ${r.text}`).toBeLessThan(300);
      } else {
        expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(role === 'anonymous' ? 401 : role === 'read_token' ? 403 : c.denied ?? 403);
        expect(await fingerprint(m.db)).toBe(before);
        if (c.field && role === 'member') expect(r.json.issues, r.text).toEqual([expect.objectContaining({ path: c.field })]);
      }
    });
  });
}

