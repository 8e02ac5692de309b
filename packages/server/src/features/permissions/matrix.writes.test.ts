/**
 * The role × endpoint matrix, writes of the records, people, members, events and their programmes (the roles:
 * matrix.testkit.ts; more writes in matrix.features.test.ts). Allowed writes succeed, the others are refused (401
 * signed out, 403 signed in, 404 where the target is not theirs to see) and leave the database exactly as it was.
 */
import type { Db } from '../../db/client.js';
import { ALL_SIGNED_IN, NETWORK_ADMINS, version, writeMatrix, type Case } from './matrix.testkit.js';

const contactVersion = async (db: Db) => (await db.query(`select version from record_contact where person_id = 'matrix-person'`))[0]?.version ?? 1;
const sessionVersion = async (db: Db) => (await db.query(`select version from event_session where id = 'matrix-session'`))[0].version;
const sessionBody = (title: string) => async (db: Db) => ({ title, kind: 'session', leads: [{ organisationId: 'cuf' }], version: await sessionVersion(db) });

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
  { name: 'publish a funding call', method: 'post', path: '/api/funding-calls', body: () => ({ title: 'Appel matrice' }), allowed: NETWORK_ADMINS },
  // issue 16: texts are kept and applied by the organisation's members (and platform administrators); others do not see them
  { name: 'keep a text for cd93', method: 'post', path: '/api/extractions', body: () => ({ organisationId: 'cd93', text: 'Un texte de matrice.' }), allowed: ['member', 'platform_admin'] },
  { name: 'apply an extraction of cd93', method: 'post', path: '/api/extractions/matrix-extraction/apply', body: () => ({ proposals: [] }), allowed: ['member', 'platform_admin'], denied: 404 },
];

writeMatrix(CASES);
