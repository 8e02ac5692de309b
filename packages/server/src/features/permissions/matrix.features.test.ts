/**
 * The role × endpoint matrix, the other writes (the roles: matrix.testkit.ts): records' deletions and restores,
 * groups (managed by their network's administrators: CUF's for the Groupe-Pays Vietnam, Lianes' for Lianes), news,
 * funding calls and saved searches, who-else messages, validations, people, contacts and documents of projects,
 * documents of partnerships and events, aid declarations, API tokens, grants and the IATI import. Allowed writes
 * succeed, the others are refused (401 signed out, 403 signed in, 404 where the target is not theirs to see) and
 * leave the database exactly as it was.
 */
import type { Db } from '../../db/client.js';
import { toInput } from '../history/to-input.js';
import { ALL_SIGNED_IN, NETWORK_ADMINS, ROLES, adminClient, version, writeMatrix, type Case, type Matrix, type Role } from './matrix.testkit.js';

const ADMIN: Role[] = ['platform_admin'];
const CD93: Role[] = ['member', 'platform_admin'];
const CUF: Role[] = ['network_admin', 'platform_admin'];
const LIANES: Role[] = ['other_network_admin', 'platform_admin'];
const groupVersion = (id: string) => async (db: Db) => (await db.query('select version from group_profile where organisation_id = $1', [id]))[0].version;
const contactVersion = async (db: Db) => (await db.query(`select version from record_contact where record_kind = 'project' and person_id = 'matrix-person2'`))[0]?.version ?? 1;
const docVersion = (table: string, id: string) => async (db: Db) => `?version=${await version(table, id)(db)}`;
const apdVersion = (year: number) => async (db: Db) => ({ version: (await db.query(`select version from apd_declaration where organisation_id = 'cd93' and year = $1`, [year]))[0].version });
const restore = (table: string, id: string) => async (db: Db) => ({ version: await version(table, id)(db) });
const doc = (table: string, id: string, url: string, kind = 'document') => async (db: Db) => ({ url, kind, version: await version(table, id)(db) });
const IATI = '<?xml version="1.0"?><iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">'
  + '<iati-activity><iati-identifier>XM-MATRIX-1</iati-identifier><title><narrative>Activité matrice</narrative></title></iati-activity></iati-activities>';

const CASES: Case[] = [
  { name: 'delete a territory', method: 'del', path: '/api/territories/matrix-territory', allowed: ADMIN },
  { name: 'restore a territory revision', method: 'post', path: '/api/territories/VN-P-30/revisions/TERRREV/restore', body: restore('territory', 'VN-P-30'), allowed: ADMIN },
  { name: 'restore a revision of cd93', method: 'post', path: '/api/organisations/cd93/revisions/ORGREV/restore', body: restore('organisation', 'cd93'), allowed: CD93 },
  { name: 'restore a mission revision of Cergy', method: 'post', path: '/api/missions/hue-cergy-2023-11/revisions/MISSREV/restore', body: restore('mission', 'hue-cergy-2023-11'), allowed: ADMIN },
  { name: 'delete a mission of cd93', method: 'del', path: '/api/missions/matrix-mission', allowed: CD93 },
  { name: 'restore a series revision', method: 'post', path: '/api/event-series/assises-franco-vietnamiennes/revisions/SERIESREV/restore', body: restore('event_series', 'assises-franco-vietnamiennes'), allowed: ADMIN },
  // groups: the Groupe-Pays Vietnam is managed by CUF's administrators, Lianes by its own
  { name: 'change the profile of the Groupe-Pays', method: 'put', path: '/api/groups/cuf-gp-vietnam/profile', body: async (db) => ({ version: await groupVersion('cuf-gp-vietnam')(db), groupKind: 'country_group', country: 'VN', parentId: 'cuf', agenda: 'Ordre du jour matrice' }), allowed: CUF },
  { name: 'change the profile of Lianes', method: 'put', path: '/api/groups/lianes/profile', body: async (db) => ({ version: await groupVersion('lianes')(db), groupKind: 'network', parentId: 'cirrma', agenda: 'Ordre du jour matrice' }), allowed: LIANES },
  { name: 'add a member to Lianes', method: 'post', path: '/api/groups/lianes/members', body: () => ({ organisationId: 'ville-toulouse' }), allowed: LIANES },
  { name: 'change a member of the Groupe-Pays', method: 'put', path: '/api/groups/cuf-gp-vietnam/members/cd94', body: () => ({ role: 'treasurer', since: '2020-01-01' }), allowed: CUF },
  { name: 'remove a member of the Groupe-Pays', method: 'del', path: '/api/groups/cuf-gp-vietnam/members/region-idf', allowed: CUF },
  { name: 'remove a member of Lianes', method: 'del', path: '/api/groups/lianes/members/asnbnf', allowed: LIANES },
  // news: a network's administrators publish for it
  { name: 'publish a news item of Lianes', method: 'post', path: '/api/news', body: () => ({ title: 'Nouvelle de Lianes', body: 'Texte', publishedOn: '2026-01-15', authorOrganisationId: 'lianes' }), allowed: LIANES },
  { name: 'publish a news item of Tandem', method: 'post', path: '/api/news', body: () => ({ title: 'Nouvelle de Tandem', body: 'Texte', publishedOn: '2026-01-15', authorOrganisationId: null }), allowed: ADMIN },
  { name: 'change a news item of Lianes', method: 'put', path: '/api/news/matrix-news', body: async (db) => ({ title: 'Nouvelle revue', body: 'Texte revu', publishedOn: '2026-01-16', authorOrganisationId: 'lianes', version: await version('news_item', 'matrix-news')(db) }), allowed: LIANES },
  { name: 'delete a news item of Lianes', method: 'del', path: '/api/news/matrix-news', allowed: LIANES },
  // funding calls (network and platform administrators) and saved searches (anyone, confirmed by e-mail)
  { name: 'change a funding call', method: 'put', path: '/api/funding-calls/matrix-call', body: async (db) => ({ title: 'Appel revu', version: await version('funding_call', 'matrix-call')(db) }), allowed: NETWORK_ADMINS },
  { name: 'delete a funding call', method: 'del', path: '/api/funding-calls/matrix-call', allowed: NETWORK_ADMINS },
  { name: 'save a search of funding calls', method: 'post', path: '/api/funding-alerts', body: () => ({ email: 'veille@example.org', query: { q: 'eau' } }), allowed: ROLES },
  { name: 'delete my saved search', method: 'del', path: '/api/me/funding-alerts/MYALERT', allowed: ALL_SIGNED_IN },
  { name: 'delete someone else\'s saved search', method: 'del', path: '/api/me/funding-alerts/matrix-alert', allowed: [], denied: 404 },
  { name: 'send the digests due', method: 'post', path: '/api/admin/funding-alerts/send', allowed: ADMIN },
  { name: 'write to the members of cd93', method: 'post', path: '/api/who-else/contact', body: () => ({ organisationId: 'cd93', message: 'Bonjour, travaillons ensemble.' }), allowed: ALL_SIGNED_IN },
  // a project of cd93 (Innotech: cd93 finances it): validation, contacts, documents
  { name: 'validate a project for cd93', method: 'post', path: '/api/projects/innotech-master/validations', body: () => ({ organisationId: 'cd93', state: 'validated' }), allowed: ['member'] },
  { name: 'withdraw the project validation of cd93', method: 'post', path: '/api/projects/innotech-master/validations/withdraw', body: () => ({ organisationId: 'cd93' }), allowed: ['member'] },
  { name: 'change a person of cd93', method: 'put', path: '/api/people/matrix-person2', body: async (db) => ({ name: 'Élu matrice revu', organisationId: 'cd93', version: await version('person', 'matrix-person2')(db) }), allowed: CD93, denied: 404 },
  { name: 'delete a person of cd93', method: 'del', path: '/api/people/matrix-person3', allowed: CD93, denied: 404 },
  { name: 'add a contact of cd93 to a project', method: 'post', path: '/api/projects/innotech-master/contacts', body: () => ({ personId: 'matrix-person2', role: 'élu' }), allowed: CD93, denied: 404 },
  { name: 'change a contact of a project', method: 'put', path: '/api/projects/innotech-master/contacts/matrix-person2', body: async (db) => ({ role: 'référent', version: await contactVersion(db) }), allowed: CD93, denied: 404 },
  { name: 'remove a contact of a project', method: 'del', path: '/api/projects/innotech-master/contacts/matrix-person2', allowed: CD93, denied: 404 },
  { name: 'add a document to a project', method: 'post', path: '/api/projects/innotech-master/documents', body: doc('project', 'innotech-master', 'https://cd93.example/rapport.pdf'), allowed: CD93 },
  { name: 'change a document of a project', method: 'put', path: '/api/projects/innotech-master/documents/1', body: doc('project', 'innotech-master', 'https://cd93.example/rapport-2.pdf'), allowed: CD93 },
  { name: 'delete a document of a project', method: 'del', path: '/api/projects/innotech-master/documents/1', query: docVersion('project', 'innotech-master'), allowed: CD93 },
  { name: 'change a document of a partnership', method: 'put', path: '/api/partnerships/ssd-hai-duong/documents/1', body: doc('partnership', 'ssd-hai-duong', 'https://cd93.example/convention-2.pdf', 'agreement'), allowed: CD93 },
  { name: 'delete a document of a partnership', method: 'del', path: '/api/partnerships/ssd-hai-duong/documents/1', query: docVersion('partnership', 'ssd-hai-duong'), allowed: CD93 },
  { name: 'change a document of an event hosted by cuf', method: 'put', path: '/api/events/restitution-assises-12/documents/1', body: doc('event', 'restitution-assises-12', 'https://cuf.example/cr-2.pdf'), allowed: CUF },
  { name: 'delete a document of an event hosted by cuf', method: 'del', path: '/api/events/restitution-assises-12/documents/1', query: docVersion('event', 'restitution-assises-12'), allowed: CUF },
  // aid declarations: submitted by the organisation's members, reopened by platform administrators
  { name: 'submit the APD declaration of cd93', method: 'post', path: '/api/apd/cd93/2021/submit', body: apdVersion(2021), allowed: CD93 },
  { name: 'reopen the APD declaration of cd93', method: 'post', path: '/api/apd/cd93/2022/reopen', body: apdVersion(2022), allowed: ADMIN },
  // accounts: one's own API tokens (from a session), grants (platform administrators), the IATI import (platform administrators)
  { name: 'create an API token', method: 'post', path: '/api/auth/tokens', body: () => ({ name: 'jeton matrice', scopes: ['read'] }), allowed: ALL_SIGNED_IN },
  { name: 'revoke my API token', method: 'del', path: '/api/auth/tokens/MYTOKEN', allowed: ALL_SIGNED_IN },
  { name: 'revoke someone else\'s API token', method: 'del', path: '/api/auth/tokens/matrix-token', allowed: [], denied: 404 },
  { name: 'grant a role', method: 'post', path: '/api/admin/grants', body: () => ({ accountId: 'acc-matrix-colleague', role: 'member', organisationId: 'ville-montreuil' }), allowed: ADMIN },
  { name: 'revoke a role', method: 'del', path: '/api/admin/grants', body: () => ({ accountId: 'acc-matrix-colleague', role: 'member', organisationId: 'cd93' }), allowed: ADMIN },
  // last: restoring the partnership's first revision takes away the document added above
  { name: 'restore a partnership revision of cd93', method: 'post', path: '/api/partnerships/ssd-hai-duong/revisions/PARTREV/restore', body: restore('partnership', 'ssd-hai-duong'), allowed: CD93 },
  { name: 'import an IATI file', method: 'post', path: '/api/import/iati', body: () => IATI, allowed: ADMIN },
];

/** The first revision of a record, made by an update through the API when the seed left none. */
async function firstRevision(m: Matrix, kind: string, path: string, id: string): Promise<string> {
  const find = async () => (await m.db.query(`select id::int as id from revision where record_kind = $1 and record_id = $2 order by id limit 1`, [kind, id]))[0]?.id;
  if (!await find()) {
    const r = (await adminClient(m).get(path)).json;
    await adminClient(m).put(path, { ...toInput(kind, r), version: r.version });
  }
  return String(await find());
}

async function prepare(m: Matrix) {
  const { db } = m, admin = adminClient(m);
  await db.query(`insert into territory (id, kind, name, parent_id, country) values ('matrix-territory', 'city', 'Ville matrice', 'VN', 'VN')`);
  await db.query(`insert into person (id, name, organisation_id) values ('matrix-person3', 'Personne à supprimer', 'cd93')`);
  await db.query(`insert into news_item (id, title, body_md, published_on, author_organisation_id) values ('matrix-news', 'Nouvelle matrice', 'Texte', '2026-01-15', 'lianes')`);
  await db.query(`insert into funding_call (id, title) values ('matrix-call', 'Appel matrice')`);
  const account = 'acc-matrix-colleague';
  const mine = (await db.query(`select id from account where email = $1`, [`${m.role}@example.org`]))[0]?.id ?? account;
  await db.query(`insert into funding_alert (id, email, account_id, query, frequency, unsubscribe_hash, feed_key) values
    ('matrix-alert', 'matrix-colleague@example.org', $1, '{}', 'weekly', 'matrix-u1', 'matrix-f1'), ('matrix-my-alert', 'me@example.org', $2, '{}', 'weekly', 'matrix-u2', 'matrix-f2')`, [account, mine]);
  await db.query(`insert into api_token (id, token_hash, account_id, name, scopes) values ('matrix-token', 'matrix-token-hash', $1, 'autre', '{read}'), ('matrix-my-token', 'matrix-my-token-hash', $2, 'mien', '{read}')`, [account, mine]);
  for (const [path, url, kind] of [['/api/partnerships/ssd-hai-duong', 'https://cd93.example/convention.pdf', 'agreement'], ['/api/projects/innotech-master', 'https://cd93.example/rapport-0.pdf', 'document'],
    ['/api/events/restitution-assises-12', 'https://cuf.example/cr.pdf', 'document']]) {
    const v = (await admin.get(path)).json.version;
    const r = await admin.post(`${path}/documents`, { url, kind, version: v });
    if (r.status !== 201 && r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
  }
  Object.assign(m.vars, {
    MYALERT: 'matrix-my-alert', MYTOKEN: 'matrix-my-token',
    TERRREV: await firstRevision(m, 'territory', '/api/territories/VN-P-30', 'VN-P-30'),
    ORGREV: await firstRevision(m, 'organisation', '/api/organisations/cd93', 'cd93'),
    PARTREV: await firstRevision(m, 'partnership', '/api/partnerships/ssd-hai-duong', 'ssd-hai-duong'),
    MISSREV: await firstRevision(m, 'mission', '/api/missions/hue-cergy-2023-11', 'hue-cergy-2023-11'),
    SERIESREV: await firstRevision(m, 'event_series', '/api/event-series/assises-franco-vietnamiennes', 'assises-franco-vietnamiennes'),
  });
}

writeMatrix(CASES, prepare);
