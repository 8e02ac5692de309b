/**
 * The role × endpoint matrix, through the real app (sessions with CSRF, as a browser does; a read-only API token
 * as a script does).
 * Reads of private data (people, accounts, the audit log): allowed reads succeed, the others are 401 signed out,
 * 404 for a person one may not see (its existence does not leak), 403 for administrators' pages; lists show only
 * what one may read, and no person's e-mail or phone appears in search, exports or records.
 * Writes: every write of the API; allowed writes succeed, the others are refused (401 signed out, 403 signed
 * in) and leave the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import type { Grant } from '../../lib/actor.js';
import { createApiToken } from '../auth/api-tokens.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

type Role = 'anonymous' | 'read_token' | 'member' | 'outsider' | 'network_admin' | 'platform_admin';
const ROLES: Role[] = ['anonymous', 'read_token', 'member', 'outsider', 'network_admin', 'platform_admin'];
/** read_token: an API token with the "read" scope of a member of cd93 */
const GRANTS: Record<Role, Grant[]> = {
  anonymous: [], read_token: [{ role: 'member', organisationId: 'cd93' }], member: [{ role: 'member', organisationId: 'cd93' }], outsider: [{ role: 'member', organisationId: 'ville-montreuil' }],
  network_admin: [{ role: 'network_admin', organisationId: 'cuf' }], platform_admin: [{ role: 'platform_admin', organisationId: null }],
};

/** `denied`: the answer to a signed-in role that may not read (404 for people: their existence does not leak). */
interface Read { name: string; path: string; allowed: Role[]; denied?: 403 | 404 }
const READS: Read[] = [
  { name: 'a person of cd93', path: '/api/people/matrix-person', allowed: ['read_token', 'member', 'platform_admin'] },
  { name: 'a person of Montreuil', path: '/api/people/montreuil-person', allowed: ['outsider', 'platform_admin'] },
  { name: 'a person of no organisation', path: '/api/people/loose-person', allowed: ['platform_admin'] },
  { name: 'the RGPD export of a person of cd93', path: '/api/people/matrix-person/export', allowed: ['read_token', 'member', 'platform_admin'] },
  { name: 'the RGPD export of a person of Montreuil', path: '/api/people/montreuil-person/export', allowed: ['outsider', 'platform_admin'] },
  { name: 'the contacts of a partnership', path: '/api/partnerships/ssd-hai-duong/contacts', allowed: ['read_token', 'member', 'outsider', 'network_admin', 'platform_admin'] },
  { name: 'every account', path: '/api/admin/accounts', allowed: ['platform_admin'], denied: 403 },
  { name: 'the audit log', path: '/api/admin/audit', allowed: ['platform_admin'], denied: 403 },
  { name: 'the accounts search', path: '/api/admin/accounts/search?q=matrix', allowed: ['platform_admin'], denied: 403 },
  // members of an organisation: its members, the administrators of a network it belongs to (the seed puts the
  // Groupe-Pays Vietnam in Cités Unies France), platform administrators; 403 for others (the organisation is public)
  { name: 'the members of cd93', path: '/api/organisations/cd93/members', allowed: ['read_token', 'member', 'platform_admin'], denied: 403 },
  { name: 'the members of a network\'s member organisation', path: '/api/organisations/cuf-gp-vietnam/members', allowed: ['network_admin', 'platform_admin'], denied: 403 },
  { name: 'my workspace', path: '/api/me/workspace', allowed: ['read_token', 'member', 'outsider', 'network_admin', 'platform_admin'] },
  // events are public records
  { name: 'the events', path: '/api/events?seriesId=assises-franco-vietnamiennes', allowed: ROLES },
  { name: 'an event', path: '/api/events/assises-11', allowed: ROLES },
  { name: 'a series of events', path: '/api/event-series/assises-franco-vietnamiennes', allowed: ROLES },
  { name: 'the series of events', path: '/api/event-series', allowed: ROLES },
  { name: 'the revisions of an event', path: '/api/events/assises-11/revisions', allowed: ROLES },
  { name: 'the programme of an event', path: '/api/events/restitution-assises-12/sessions', allowed: ROLES },
  { name: 'a session of an event', path: '/api/events/restitution-assises-12/sessions/matrix-session', allowed: ROLES },
  { name: 'the documents of an event', path: '/api/events/restitution-assises-12/documents', allowed: ROLES },
  // issue 15: groups, news, funding calls, who else works here (public); my saved searches (signed in)
  { name: 'the groups', path: '/api/groups', allowed: ROLES },
  { name: 'a country group', path: '/api/groups/cuf-gp-vietnam', allowed: ROLES },
  { name: 'the news', path: '/api/news?network=lianes', allowed: ROLES },
  { name: 'a news item', path: '/api/news/lianes-2024-12-trois-cooperations', allowed: ROLES },
  { name: 'the funding calls', path: '/api/funding-calls', allowed: ROLES },
  { name: 'a funding call', path: '/api/funding-calls/afd-ficol', allowed: ROLES },
  { name: 'the calls for cd93', path: '/api/organisations/cd93/funding-calls', allowed: ROLES },
  { name: 'who else works in Hải Dương', path: '/api/who-else?territory=VN-P-30', allowed: ROLES },
];
/** Aid declarations: drafts (stored or pre-filled) read by cd93's members and platform administrators only, 404 for everyone else (signed out included); public once submitted. */
const CD93_READERS: Role[] = ['read_token', 'member', 'platform_admin'];
const APD_READS: Read[] = [
  { name: 'a stored APD draft of cd93', path: '/api/apd/cd93/2021', allowed: CD93_READERS },
  { name: 'a stored APD draft of cd93 as CSV', path: '/api/apd/cd93/2021.csv', allowed: CD93_READERS },
  { name: 'a pre-filled APD draft of cd93', path: '/api/apd/cd93/2019?format=csv', allowed: CD93_READERS },
  { name: 'a submitted APD declaration of cd93', path: '/api/apd/cd93/2022', allowed: ROLES },
  { name: 'a submitted APD declaration of cd93 as CSV', path: '/api/apd/cd93/2022.csv?labels=fr', allowed: ROLES },
  // issue 16: a text kept for cd93 (private like a draft); the provenance of a record is public
  { name: 'an extraction of cd93', path: '/api/extractions/matrix-extraction', allowed: CD93_READERS },
  { name: 'the provenance of a partnership', path: '/api/provenance/partnership/ssd-hai-duong', allowed: ROLES },
];
const MATRIX_PEOPLE = ['loose-person', 'matrix-person', 'montreuil-person'];
/** what GET /api/people lists of MATRIX_PEOPLE (null: 401) */
const LISTED: Record<Role, string[] | null> = {
  anonymous: null, read_token: ['matrix-person'], member: ['matrix-person'], outsider: ['montreuil-person'], network_admin: [], platform_admin: MATRIX_PEOPLE,
};
/** public answers where a person's private fields must never appear */
const PUBLIC = ['/api/search?q=x%40example.org', '/api/search?q=Personne', '/api/organisations/cd93', '/api/organisations/ville-montreuil',
  '/api/export?format=json&kind=organisations', '/api/export?format=csv&kind=organisations', '/api/export/iati?organisation=cd93',
  '/api/partnerships/ssd-hai-duong', '/api/export?format=json&kind=partnerships', '/api/export/partnerships/ssd-hai-duong?format=json', '/api/partnerships/ssd-hai-duong/revisions'];
const PRIVATE = ['x@example.org', 'm@example.org', 'loose@example.org', '+33 6 00 00 00 01'];

/** `field`: the field a member's 403 names (attaching to a foreign partnership). */
/** `denied`: the answer to a signed-in role with the write scope that may not write (404 for a contact not theirs to see: its existence does not leak). */
interface Case { name: string; method: 'post' | 'put' | 'del'; path: string; body?: (db: Db) => Promise<unknown> | unknown; allowed: Role[]; field?: string; denied?: 404 }
const contactVersion = async (db: Db) => (await db.query(`select version from record_contact where person_id = 'matrix-person'`))[0]?.version ?? 1;

const sessionVersion = async (db: Db) => (await db.query(`select version from event_session where id = 'matrix-session'`))[0].version;
const sessionBody = (title: string) => async (db: Db) => ({ title, kind: 'session', leads: [{ organisationId: 'cuf' }], version: await sessionVersion(db) });
const version = (table: string, id: string) => async (db: Db) => (await db.query(`select version from ${table} where id = $1`, [id]))[0].version;
const ALL_SIGNED_IN: Role[] = ['member', 'outsider', 'network_admin', 'platform_admin']; // not read_token: it lacks the write scope

const CASES: Case[] = [
  { name: 'create territory', method: 'post', path: '/api/territories', body: () => ({ kind: 'city', name: 'Ville matrice', parentId: 'VN', country: 'VN' }), allowed: ['platform_admin'] },
  { name: 'update territory', method: 'put', path: '/api/territories/FR-C-95127', body: async (db) => ({ kind: 'commune', name: 'Cergy', parentId: 'FR-D-95', country: 'FR', version: await version('territory', 'FR-C-95127')(db) }), allowed: ['platform_admin'] },
  { name: 'create organisation', method: 'post', path: '/api/organisations', body: () => ({ kind: 'association', name: 'Association matrice' }), allowed: ALL_SIGNED_IN },
  { name: 'update own organisation', method: 'put', path: '/api/organisations/cd93', body: async (db) => ({ kind: 'collectivite', name: 'Département de la Seine-Saint-Denis', acronyms: ['CD93'], territoryId: 'FR-D-93', version: await version('organisation', 'cd93')(db) }), allowed: ['member', 'platform_admin'] },
  { name: 'create partnership', method: 'post', path: '/api/partnerships', body: () => ({ title: 'Matrice ↔ Hải Dương', kind: 'cooperation', parties: [{ organisationId: 'cd93', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }] }), allowed: ['member', 'platform_admin'] },
  { name: 'update partnership', method: 'put', path: '/api/partnerships/ssd-hai-duong', body: async (db) => ({ title: 'Seine-Saint-Denis – Hải Dương', kind: 'cooperation', status: 'active', parties: [{ organisationId: 'cd93', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }], version: await version('partnership', 'ssd-hai-duong')(db) }), allowed: ['member', 'platform_admin'] },
  { name: 'validate partnership for cd93', method: 'post', path: '/api/partnerships/ssd-hai-duong/validations', body: () => ({ organisationId: 'cd93', state: 'validated' }), allowed: ['member'] },
  // after the case above: cd93's member withdraws the validation just given
  { name: 'withdraw the validation of cd93', method: 'post', path: '/api/partnerships/ssd-hai-duong/validations/withdraw', body: () => ({ organisationId: 'cd93' }), allowed: ['member'] },
  { name: 'create project', method: 'post', path: '/api/projects', body: () => ({ title: 'Projet matrice', participants: [{ organisationId: 'cd93', role: 'lead' }] }), allowed: ['member', 'platform_admin'] },
  { name: 'update project', method: 'put', path: '/api/projects/innotech-master', body: async (db) => ({ title: 'Innotech', partnershipId: 'ssd-hai-duong', participants: [{ organisationId: 'innotech', role: 'lead' }, { organisationId: 'cd93', role: 'financial' }], version: await version('project', 'innotech-master')(db) }), allowed: ['member', 'platform_admin'] },
  { name: 'restore project revision', method: 'post', path: '/api/projects/innotech-master/revisions/REV/restore', body: async (db) => ({ version: await version('project', 'innotech-master')(db) }), allowed: ['member', 'platform_admin'] },
  { name: 'create mission', method: 'post', path: '/api/missions', body: () => ({ title: 'Mission matrice', direction: 'outgoing', organisations: ['cd93'] }), allowed: ['member', 'platform_admin'] },
  { name: 'update mission of another partnership', method: 'put', path: '/api/missions/hue-cergy-2023-11', body: async (db) => ({ title: 'Délégation', direction: 'incoming', partnershipId: 'cergy-hue', version: await version('mission', 'hue-cergy-2023-11')(db) }), allowed: ['platform_admin'] },
  { name: 'create person in cd93', method: 'post', path: '/api/people', body: () => ({ name: 'Personne matrice', organisationId: 'cd93', email: 'p@example.org' }), allowed: ['member', 'platform_admin'] },
  { name: 'save APD declaration of cd93', method: 'put', path: '/api/apd/cd93/2024', body: async (db) => ({ version: (await db.query(`select version from apd_declaration where organisation_id = 'cd93' and year = 2024`))[0]?.version ?? 0, lines: [{ category: 'cooperation', country: 'VN', amount: '1000' }] }), allowed: ['member', 'platform_admin'] },
  // attaching to a partnership: cd93 is a party to ssd-hai-duong, not to cergy-hue (Cergy ↔ Huế)
  { name: 'create project in own partnership', method: 'post', path: '/api/projects', body: () => ({ title: 'Projet rattaché', partnershipId: 'ssd-hai-duong', participants: [{ organisationId: 'cd93', role: 'lead' }] }), allowed: ['member', 'platform_admin'] },
  { name: 'create project under a foreign partnership', method: 'post', path: '/api/projects', body: () => ({ title: 'Projet greffé', partnershipId: 'cergy-hue', participants: [{ organisationId: 'cd93', role: 'lead' }] }), allowed: ['platform_admin'], field: 'partnershipId' },
  { name: 'create mission in own partnership', method: 'post', path: '/api/missions', body: () => ({ title: 'Mission rattachée', direction: 'outgoing', organisations: ['cd93'], partnershipId: 'ssd-hai-duong' }), allowed: ['member', 'platform_admin'] },
  { name: 'create mission under a foreign partnership', method: 'post', path: '/api/missions', body: () => ({ title: 'Mission greffée', direction: 'outgoing', organisations: ['cd93'], partnershipId: 'cergy-hue' }), allowed: ['platform_admin'], field: 'partnershipId' },
  { name: 'move own project into a foreign partnership', method: 'put', path: '/api/projects/salons-economiques-vietnam', body: async (db) => ({ title: 'Salons économiques', partnershipId: 'cergy-hue', participants: [{ organisationId: 'cd93', role: 'lead' }], version: await version('project', 'salons-economiques-vietnam')(db) }), allowed: ['platform_admin'], field: 'partnershipId' },
  { name: 'move own mission into a foreign partnership', method: 'put', path: '/api/missions/matrix-mission', body: async (db) => ({ title: 'Mission matrice', direction: 'outgoing', organisations: ['cd93'], partnershipId: 'cergy-hue', version: await version('mission', 'matrix-mission')(db) }), allowed: ['platform_admin'], field: 'partnershipId' },
  { name: 'edit own mission, partnership unchanged', method: 'put', path: '/api/missions/matrix-mission', body: async (db) => {
    const [m] = await db.query(`select partnership_id, version from mission where id = 'matrix-mission'`);
    return { title: 'Mission matrice revue', direction: 'outgoing', organisations: ['cd93'], partnershipId: m.partnership_id, version: m.version };
  }, allowed: ['member', 'platform_admin'] },
  // contacts (private: 404 for those who may not see the person) and documents (the record's rule) of a partnership
  { name: 'add a person of cd93 as a contact', method: 'post', path: '/api/partnerships/ssd-hai-duong/contacts', body: () => ({ personId: 'matrix-person2', role: 'élu' }), allowed: ['member', 'platform_admin'], denied: 404 },
  { name: 'add a new person of Montreuil as a contact of a cd93 partnership', method: 'post', path: '/api/partnerships/ssd-hai-duong/contacts', body: () => ({ person: { name: 'Contact matrice', organisationId: 'ville-montreuil' } }), allowed: ['platform_admin'] },
  { name: 'change a contact of cd93', method: 'put', path: '/api/partnerships/ssd-hai-duong/contacts/matrix-person', body: async (db) => ({ role: 'référent technique', version: await contactVersion(db) }), allowed: ['member', 'platform_admin'], denied: 404 },
  { name: 'remove a contact of cd93', method: 'del', path: '/api/partnerships/ssd-hai-duong/contacts/matrix-person', allowed: ['member', 'platform_admin'], denied: 404 },
  { name: 'add a document to a partnership', method: 'post', path: '/api/partnerships/ssd-hai-duong/documents', body: async (db) => ({ url: 'https://cd93.example/convention.pdf', kind: 'agreement', version: await version('partnership', 'ssd-hai-duong')(db) }), allowed: ['member', 'platform_admin'] },
  // an event's documents: those who may write the event (members of its hosts: cuf for the restitution) and platform administrators
  { name: 'add a document to an event hosted by cuf', method: 'post', path: '/api/events/restitution-assises-12/documents', body: async (db) => ({ url: 'https://cuf.example/restitution.pdf', kind: 'document', version: await version('event', 'restitution-assises-12')(db) }), allowed: ['network_admin', 'platform_admin'] },
  // the programme of an event: its organisers (members of its hosts: cuf for the restitution, Montreuil for the 7th Assises) and platform administrators
  { name: 'add a session to an event hosted by cuf', method: 'post', path: '/api/events/restitution-assises-12/sessions', body: () => ({ title: 'Session matrice', kind: 'session' }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'change a session of an event hosted by cuf', method: 'put', path: '/api/events/restitution-assises-12/sessions/matrix-session', body: sessionBody('Session revue'), allowed: ['network_admin', 'platform_admin'] },
  { name: 'move a session of an event hosted by cuf', method: 'post', path: '/api/events/restitution-assises-12/sessions/matrix-session/move', body: async (db) => ({ direction: 'down', version: await sessionVersion(db) }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'delete a session of an event hosted by Montreuil', method: 'del', path: '/api/events/assises-7/sessions/matrix-session-7', allowed: ['outsider', 'platform_admin'] },
  { name: 'erase a person', method: 'post', path: '/api/people/PERSON/erase', allowed: ['platform_admin'] },
  { name: 'delete project', method: 'del', path: '/api/projects/phu-nu', allowed: ['member', 'platform_admin'] },
  { name: 'delete a partnership of the outsider’s organisation', method: 'del', path: '/api/partnerships/montreuil-hai-duong', allowed: ['outsider', 'platform_admin'] },
  { name: 'delete organisation', method: 'del', path: '/api/organisations/matrix-org', allowed: ['platform_admin'] },
  // people: members invite colleagues into their organisation; network administrators into their network's organisations
  { name: 'invite a colleague into cd93', method: 'post', path: '/api/auth/invitations', body: () => ({ email: 'colleague@example.org', grants: [{ role: 'member', organisationId: 'cd93' }] }), allowed: ['member', 'platform_admin'] },
  { name: 'invite into a network\'s member organisation', method: 'post', path: '/api/auth/invitations', body: () => ({ email: 'gp@example.org', grants: [{ role: 'member', organisationId: 'cuf-gp-vietnam' }] }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'invite into an organisation outside one\'s network', method: 'post', path: '/api/auth/invitations', body: () => ({ email: 'far@example.org', grants: [{ role: 'member', organisationId: 'ville-montreuil' }] }), allowed: ['outsider', 'platform_admin'] },
  { name: 'cancel an invitation into cd93 sent by someone else', method: 'del', path: '/api/organisations/cd93/invitations/matrix-invitation', allowed: ['platform_admin'] },
  { name: 'change a role in cd93', method: 'put', path: '/api/organisations/cd93/members/acc-matrix-colleague', body: () => ({ role: 'member' }), allowed: ['platform_admin'] },
  { name: 'remove a member of cd93', method: 'del', path: '/api/organisations/cd93/members/acc-matrix-colleague', allowed: ['platform_admin'] },
  { name: 'remove a member of a network\'s member organisation', method: 'del', path: '/api/organisations/cuf-gp-vietnam/members/acc-matrix-colleague', allowed: ['network_admin', 'platform_admin'] },
  // events: their hosts' members (a network administrator's grant is on its network, Cités Unies France, host of the
  // online restitution) and platform administrators; series: platform administrators
  { name: 'create an event hosted by cd93', method: 'post', path: '/api/events', body: () => ({ title: 'Rencontre matrice', kind: 'meeting', hosts: ['cd93'], start: '2027-03' }), allowed: ['member', 'platform_admin'] },
  { name: 'create an event hosted by the network', method: 'post', path: '/api/events', body: () => ({ title: 'Webinaire matrice', kind: 'online', online: true, hosts: ['cuf'] }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'create an event hosted by no one', method: 'post', path: '/api/events', body: () => ({ title: 'Évènement orphelin', kind: 'other' }), allowed: ['platform_admin'] },
  { name: 'update an event of the network', method: 'put', path: '/api/events/restitution-assises-12', body: async (db) => ({ title: 'Restitution des 12es Assises', kind: 'online', online: true, seriesId: 'assises-franco-vietnamiennes', hosts: ['cuf'], version: await version('event', 'restitution-assises-12')(db) }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'restore an event revision of the network', method: 'post', path: '/api/events/restitution-assises-12/revisions/EVREV/restore', body: async (db) => ({ version: await version('event', 'restitution-assises-12')(db) }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'take over an event of the network', method: 'put', path: '/api/events/restitution-assises-12', body: async (db) => ({ title: 'Restitution', kind: 'online', hosts: ['cd93'], version: await version('event', 'restitution-assises-12')(db) }), allowed: ['platform_admin'] },
  { name: 'update an event hosted by Toulouse', method: 'put', path: '/api/events/assises-11', body: async (db) => ({ title: '11es Assises', kind: 'edition', hosts: ['ville-toulouse'], version: await version('event', 'assises-11')(db) }), allowed: ['platform_admin'] },
  { name: 'delete an event hosted by cd93', method: 'del', path: '/api/events/matrix-event', allowed: ['member', 'platform_admin'] },
  { name: 'create a series of events', method: 'post', path: '/api/event-series', body: () => ({ id: 'matrix-series', name: 'Série matrice' }), allowed: ['platform_admin'] },
  { name: 'delete a series of events', method: 'del', path: '/api/event-series/matrix-old-series', allowed: ['platform_admin'] },
  { name: 'update a series of events', method: 'put', path: '/api/event-series/assises-franco-vietnamiennes', body: async (db) => ({ name: 'Assises de la coopération décentralisée franco-vietnamienne', periodFrom: 2003, version: await version('event_series', 'assises-franco-vietnamiennes')(db) }), allowed: ['platform_admin'] },
  // surveys (more rows in features/surveys/surveys.matrix.test.ts): run by the organisation's members, its network's administrators, platform administrators
  { name: 'create a survey for cd93', method: 'post', path: '/api/surveys', body: () => ({ organisationId: 'cd93', mode: 'anonymous', title: { fr: 'Enquête matrice' }, sections: [{ questions: [{ key: 'avis', type: 'long_text', labels: { fr: 'Votre avis' } }] }] }), allowed: ['member', 'platform_admin'] },
  { name: 'create a survey for a network\'s member organisation', method: 'post', path: '/api/surveys', body: () => ({ organisationId: 'cuf-gp-vietnam', mode: 'anonymous', title: { fr: 'Enquête du groupe-pays' }, sections: [{ questions: [] }] }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'disable an account', method: 'post', path: '/api/admin/accounts/acc-matrix-colleague/disable', allowed: ['platform_admin'] },
  { name: 'enable an account', method: 'post', path: '/api/admin/accounts/acc-matrix-colleague/enable', allowed: ['platform_admin'] },
  // issue 15: a network's groups, news and calls are its administrators' and platform administrators'
  { name: 'add a member to the network\'s country group', method: 'post', path: '/api/groups/cuf-gp-vietnam/members', body: () => ({ organisationId: 'ville-toulouse' }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'publish a news item of the network', method: 'post', path: '/api/news', body: () => ({ title: 'Nouvelle matrice', body: 'Texte', publishedOn: '2026-01-15', authorOrganisationId: 'cuf' }), allowed: ['network_admin', 'platform_admin'] },
  { name: 'publish a funding call', method: 'post', path: '/api/funding-calls', body: () => ({ title: 'Appel matrice' }), allowed: ['network_admin', 'platform_admin'] },
  // issue 16: texts are kept and applied by the organisation's members (and platform administrators); others do not see them
  { name: 'keep a text for cd93', method: 'post', path: '/api/extractions', body: () => ({ organisationId: 'cd93', text: 'Un texte de matrice.' }), allowed: ['member', 'platform_admin'] },
  { name: 'apply an extraction of cd93', method: 'post', path: '/api/extractions/matrix-extraction/apply', body: () => ({ proposals: [] }), allowed: ['member', 'platform_admin'], denied: 404 },
];

/** Everything a refused write could have touched, as one comparable value. */
async function fingerprint(db: Db): Promise<string> {
  const [row] = await db.query(`select json_build_array(
    (select count(*) from territory), (select coalesce(sum(version), 0) from territory where kind <> 'commune'), (select version from territory where id = 'FR-C-95127'),
    (select count(*) from organisation), (select sum(version) from organisation), (select count(*) from partnership), (select sum(version) from partnership),
    (select count(*) from project), (select sum(version) from project), (select count(*) from mission), (select sum(version) from mission),
    (select count(*) from person), (select coalesce(sum(version), 0) from person), (select count(*) from revision), (select count(*) from validation),
    (select count(*) from apd_declaration), (select count(*) from apd_line), (select count(*) from funding_line), (select count(*) from search_doc),
    (select count(*) from role_grant), (select count(*) from invitation), (select count(*) from account where disabled_at is not null),
    (select count(*) from record_contact), (select coalesce(sum(version), 0) from record_contact), (select count(*) from link), (select count(*) from audit_log),
    (select count(*) from event), (select sum(version) from event), (select count(*) from event_host), (select count(*) from event_related), (select count(*) from event_series), (select sum(version) from event_series),
    (select count(*) from event_session), (select coalesce(sum(version + position), 0) from event_session), (select count(*) from event_session_lead),
    (select count(*) from survey), (select count(*) from survey_question),
    (select count(*) from group_membership), (select coalesce(sum(version), 0) from group_profile), (select count(*) from news_item), (select count(*) from funding_call),
    (select count(*) from funding_alert), (select count(*) from extraction), (select count(*) from extraction where status = 'applied'), (select count(*) from provenance))::text as f`);
  return row.f;
}

describe.each(ROLES)('as %s', (role) => {
  let db: Db;
  let client: ReturnType<typeof browser>;
  let auth: Record<string, string> | undefined;
  let rev = 0;
  let evRev = 0;
  let person = '';
  beforeAll(async () => {
    db = await testDb();
    const app = createApp({ db, adminToken: 'matrix-admin-token' });
    client = browser(app);
    [{ id: rev }] = await db.query(`select id::int as id from revision where record_kind = 'project' and record_id = 'innotech-master' order by id limit 1`);
    [{ id: evRev }] = await db.query(`select id::int as id from revision where record_kind = 'event' and record_id = 'restitution-assises-12' order by id limit 1`);
    await db.query(`insert into person (id, name, email, phone, organisation_id) values ('matrix-person', 'Personne à effacer', 'x@example.org', '+33 6 00 00 00 01', 'cd93'),
      ('montreuil-person', 'Personne de Montreuil', 'm@example.org', null, 'ville-montreuil'), ('loose-person', 'Personne sans organisation', 'loose@example.org', null, null)`);
    person = 'matrix-person';
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
  });
  afterAll(async () => { await db.close(); });

  it.each(READS.map((c) => [c.name, c] as const))('reads %s', async (_name, c) => {
    const r = await client.get(c.path, auth);
    const expected = c.allowed.includes(role) ? 200 : role === 'anonymous' ? 401 : c.denied ?? 404;
    expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(expected);
    if (expected === 404) expect(r.text).toBe((await client.get('/api/people/no-such-person', auth)).text.replace('no-such-person', c.path.split('/')[3]));
  });

  it.each(APD_READS.map((c) => [c.name, c] as const))('reads %s', async (_name, c) => {
    const r = await client.get(c.path, auth);
    expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(c.allowed.includes(role) ? 200 : 404);
    if (r.status === 404) expect(r.text).not.toMatch(/4321|refugees/);
  });

  it('lists only the people it may read, whatever the filter', async () => {
    for (const q of ['', '&organisationId=cd93', '&organisationId=ville-montreuil']) {
      const r = await client.get(`/api/people?perPage=200${q}`, auth);
      if (!LISTED[role]) { expect(r.status).toBe(401); continue; }
      expect(r.status, r.text).toBe(200);
      const org = q.split('=')[1];
      const ids = r.json.items.map((p: any) => p.id).filter((id: string) => MATRIX_PEOPLE.includes(id));
      const expected = LISTED[role]!.filter((id) => !org || id.includes(org === 'cd93' ? 'matrix' : 'montreuil'));
      expect(ids.sort(), `${role} ${q}`).toEqual(expected);
      expect(r.json.total).toBe(r.json.items.length);
      if (role !== 'platform_admin') expect(r.json.items.every((p: any) => GRANTS[role].some((g) => g.organisationId === p.organisationId))).toBe(true);
    }
  });

  it('lists only the contacts of a partnership it may read', async () => {
    const r = await client.get('/api/partnerships/ssd-hai-duong/contacts', auth);
    if (!LISTED[role]) { expect(r.status).toBe(401); return; }
    expect(r.json.items.map((x: any) => x.personId).sort(), role).toEqual(LISTED[role]!.filter((id) => id !== 'loose-person'));
  });

  it('never shows a person\'s e-mail or phone in search, records or exports', async () => {
    for (const path of PUBLIC) {
      const r = await client.get(path, auth);
      expect(r.status, path).toBe(200);
      for (const secret of PRIVATE) expect(r.text, `${path} shows ${secret}`).not.toContain(secret);
    }
  });

  it('shows the person leading a session only to members of the person\'s organisation, the event\'s organisers and platform administrators', async () => {
    const r = await client.get('/api/events/restitution-assises-12/sessions/matrix-session', auth);
    const people = r.json.leads.filter((l: any) => l.kind === 'person').map((l: any) => l.id);
    expect(people, role).toEqual(['read_token', 'member', 'network_admin', 'platform_admin'].includes(role) ? ['matrix-person'] : []);
    if (!people.length) expect(r.text).not.toContain('Personne à effacer');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = c.path.replace('EVREV', String(evRev)).replace('REV', String(rev)).replace('PERSON', person);
    const body = c.body ? await c.body(db) : undefined;
    const headers = auth;
    const before = await fingerprint(db);
    const r = c.method === 'post' ? await client.post(path, body ?? {}, headers) : c.method === 'put' ? await client.put(path, body, headers) : await client.del(path, undefined, headers);
    if (c.allowed.includes(role)) {
      expect(r.status, `${role} ${c.name}: ${r.text}`).toBeLessThan(300);
    } else {
      expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(role === 'anonymous' ? 401 : role === 'read_token' ? 403 : c.denied ?? 403);
      expect(await fingerprint(db)).toBe(before);
      if (c.field && role === 'member') expect(r.json.issues, r.text).toEqual([expect.objectContaining({ path: c.field })]);
    }
  });
});
