/**
 * The role × endpoint matrix, reads (the roles: matrix.testkit.ts). Reads of private data (people, accounts, the
 * audit log, aid declaration drafts, extractions, members-only meetings, a backup): allowed reads succeed, the others
 * are 401 signed out (404 where a visitor may read the kind but not this one), 404 for a record one may not see (its
 * existence does not leak), 403 for administrators' pages; lists show only what one may read, and no person's e-mail
 * or phone appears in search, exports or records. Public reads answer everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CD93_READERS, GRANTS, ROLES, openMatrix, type Matrix, type Read, type Role } from './matrix.testkit.js';

const SIGNED_IN: Role[] = ROLES.filter((r) => r !== 'anonymous');
/** a members-only meeting of the Groupe-Pays Vietnam (cd93 and Montreuil are members; CUF is its parent network) */
const GP_MEETING: Role[] = ['read_token', 'member', 'outsider', 'network_admin', 'platform_admin'];
/** a members-only meeting of Lianes coopération (none of cd93, Montreuil, CUF belongs to it) */
const LIANES_MEETING: Role[] = ['other_network_admin', 'platform_admin'];
/** `anonymous`: the answer signed out when not 401 (records a visitor may read, this one hidden: 404) */
const READS: Array<Read & { anonymous?: 404 }> = [
  { name: 'a person of cd93', path: '/api/people/matrix-person', allowed: CD93_READERS },
  { name: 'a person of Montreuil', path: '/api/people/montreuil-person', allowed: ['outsider', 'platform_admin'] },
  { name: 'a person of no organisation', path: '/api/people/loose-person', allowed: ['platform_admin'] },
  { name: 'the RGPD export of a person of cd93', path: '/api/people/matrix-person/export', allowed: CD93_READERS },
  { name: 'the RGPD export of a person of Montreuil', path: '/api/people/montreuil-person/export', allowed: ['outsider', 'platform_admin'] },
  { name: 'the people one may read', path: '/api/people', allowed: SIGNED_IN },
  { name: 'the contacts of a partnership', path: '/api/partnerships/ssd-hai-duong/contacts', allowed: SIGNED_IN },
  { name: 'the contacts of a project', path: '/api/projects/innotech-master/contacts', allowed: SIGNED_IN },
  { name: 'every account', path: '/api/admin/accounts', allowed: ['platform_admin'], denied: 403 },
  { name: 'the audit log', path: '/api/admin/audit', allowed: ['platform_admin'], denied: 403 },
  { name: 'the accounts search', path: '/api/admin/accounts/search?q=matrix', allowed: ['platform_admin'], denied: 403 },
  { name: 'a backup of the whole database', path: '/api/admin/backup', allowed: ['platform_admin'], denied: 403 },
  // members of an organisation: its members, the administrators of a network it belongs to (the seed puts the
  // Groupe-Pays Vietnam in Cités Unies France, not in Lianes), platform administrators; 403 for others (the organisation is public)
  { name: 'the members of cd93', path: '/api/organisations/cd93/members', allowed: CD93_READERS, denied: 403 },
  { name: 'the members of a network\'s member organisation', path: '/api/organisations/cuf-gp-vietnam/members', allowed: ['network_admin', 'platform_admin'], denied: 403 },
  { name: 'my workspace', path: '/api/me/workspace', allowed: SIGNED_IN },
  { name: 'who I am', path: '/api/auth/me', allowed: SIGNED_IN },
  { name: 'my API tokens', path: '/api/auth/tokens', allowed: SIGNED_IN },
  { name: 'my saved searches of funding calls', path: '/api/me/funding-alerts', allowed: SIGNED_IN },
  // members-only meetings: 404 outside their group, signed out included; public events answer everyone
  { name: 'a members-only meeting of the Groupe-Pays', path: '/api/events/matrix-gp-meeting', allowed: GP_MEETING, anonymous: 404 },
  { name: 'the documents of a members-only meeting', path: '/api/events/matrix-gp-meeting/documents', allowed: GP_MEETING, anonymous: 404 },
  { name: 'the programme of a members-only meeting', path: '/api/events/matrix-gp-meeting/sessions', allowed: GP_MEETING, anonymous: 404 },
  { name: 'the revisions of a members-only meeting', path: '/api/events/matrix-gp-meeting/revisions', allowed: GP_MEETING, anonymous: 404 },
  { name: 'a members-only meeting of Lianes', path: '/api/events/matrix-lianes-meeting', allowed: LIANES_MEETING, anonymous: 404 },
  { name: 'the events', path: '/api/events?seriesId=assises-franco-vietnamiennes', allowed: ROLES },
  { name: 'an event', path: '/api/events/assises-11', allowed: ROLES },
  { name: 'a series of events', path: '/api/event-series/assises-franco-vietnamiennes', allowed: ROLES },
  { name: 'the series of events', path: '/api/event-series', allowed: ROLES },
  { name: 'the revisions of a series', path: '/api/event-series/assises-franco-vietnamiennes/revisions', allowed: ROLES },
  { name: 'the revisions of an event', path: '/api/events/assises-11/revisions', allowed: ROLES },
  { name: 'the programme of an event', path: '/api/events/restitution-assises-12/sessions', allowed: ROLES },
  { name: 'a session of an event', path: '/api/events/restitution-assises-12/sessions/matrix-session', allowed: ROLES },
  { name: 'the documents of an event', path: '/api/events/restitution-assises-12/documents', allowed: ROLES },
  // the public records, their history, validations, documents and exports
  { name: 'the search', path: '/api/search?q=eau', allowed: ROLES },
  { name: 'the territories', path: '/api/territories?country=VN', allowed: ROLES },
  { name: 'a territory', path: '/api/territories/VN-P-30', allowed: ROLES },
  { name: 'the revisions of a territory', path: '/api/territories/VN-P-30/revisions', allowed: ROLES },
  { name: 'the organisations', path: '/api/organisations', allowed: ROLES },
  { name: 'an organisation', path: '/api/organisations/cd93', allowed: ROLES },
  { name: 'the revisions of an organisation', path: '/api/organisations/cd93/revisions', allowed: ROLES },
  { name: 'the partnerships', path: '/api/partnerships', allowed: ROLES },
  { name: 'a partnership', path: '/api/partnerships/ssd-hai-duong', allowed: ROLES },
  { name: 'the revisions of a partnership', path: '/api/partnerships/ssd-hai-duong/revisions', allowed: ROLES },
  { name: 'the validations of a partnership', path: '/api/partnerships/ssd-hai-duong/validations', allowed: ROLES },
  { name: 'the documents of a partnership', path: '/api/partnerships/ssd-hai-duong/documents', allowed: ROLES },
  { name: 'the projects', path: '/api/projects', allowed: ROLES },
  { name: 'a project', path: '/api/projects/innotech-master', allowed: ROLES },
  { name: 'the revisions of a project', path: '/api/projects/innotech-master/revisions', allowed: ROLES },
  { name: 'the validations of a project', path: '/api/projects/innotech-master/validations', allowed: ROLES },
  { name: 'the documents of a project', path: '/api/projects/innotech-master/documents', allowed: ROLES },
  { name: 'the missions', path: '/api/missions', allowed: ROLES },
  { name: 'a mission', path: '/api/missions/matrix-mission', allowed: ROLES },
  { name: 'the revisions of a mission', path: '/api/missions/matrix-mission/revisions', allowed: ROLES },
  { name: 'an export of one kind', path: '/api/export?format=csv&kind=projects', allowed: ROLES },
  { name: 'the export of a search', path: '/api/export/search?q=eau&format=json', allowed: ROLES },
  { name: 'the export of one record', path: '/api/export/projects/innotech-master?format=json', allowed: ROLES },
  { name: 'the IATI export', path: '/api/export/iati?organisation=cd93', allowed: ROLES },
  // issue 15: groups, news, funding calls, who else works here (public)
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
  anonymous: null, read_token: ['matrix-person'], member: ['matrix-person'], outsider: ['montreuil-person'], other_network_admin: [], network_admin: [], platform_admin: MATRIX_PEOPLE,
};
/** public answers where a person's private fields must never appear */
const PUBLIC = ['/api/search?q=x%40example.org', '/api/search?q=Personne', '/api/organisations/cd93', '/api/organisations/ville-montreuil',
  '/api/export?format=json&kind=organisations', '/api/export?format=csv&kind=organisations', '/api/export/iati?organisation=cd93',
  '/api/partnerships/ssd-hai-duong', '/api/export?format=json&kind=partnerships', '/api/export/partnerships/ssd-hai-duong?format=json', '/api/partnerships/ssd-hai-duong/revisions'];
const PRIVATE = ['x@example.org', 'm@example.org', 'loose@example.org', '+33 6 00 00 00 01'];

describe.each(ROLES)('as %s', (role) => {
  let m: Matrix;
  beforeAll(async () => {
    m = await openMatrix(role);
    await m.db.query(`insert into event (id, title, kind, group_id, visibility) values ('matrix-gp-meeting', 'Réunion du groupe-pays', 'meeting', 'cuf-gp-vietnam', 'members'),
      ('matrix-lianes-meeting', 'Réunion de Lianes', 'meeting', 'lianes', 'members')`);
  });
  afterAll(async () => { await m.db.close(); });

  it.each(READS.map((c) => [c.name, c] as const))('reads %s', async (_name, c) => {
    const r = await m.client.get(c.path, m.auth);
    const expected = c.allowed.includes(role) ? 200 : role === 'anonymous' ? c.anonymous ?? 401 : c.denied ?? 404;
    expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(expected);
    if (expected === 404) expect(r.text).not.toMatch(/Personne|Réunion|example\.org/);
  });

  it.each(APD_READS.map((c) => [c.name, c] as const))('reads %s', async (_name, c) => {
    const r = await m.client.get(c.path, m.auth);
    expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(c.allowed.includes(role) ? 200 : 404);
    if (r.status === 404) expect(r.text).not.toMatch(/4321|refugees|privé/);
  });

  it('lists only the people it may read, whatever the filter', async () => {
    for (const q of ['', '&organisationId=cd93', '&organisationId=ville-montreuil']) {
      const r = await m.client.get(`/api/people?perPage=200${q}`, m.auth);
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
    const r = await m.client.get('/api/partnerships/ssd-hai-duong/contacts', m.auth);
    if (!LISTED[role]) { expect(r.status).toBe(401); return; }
    expect(r.json.items.map((x: any) => x.personId).sort(), role).toEqual(LISTED[role]!.filter((id) => id !== 'loose-person'));
  });

  it('lists a members-only meeting only to its group', async () => {
    const r = await m.client.get('/api/events?perPage=200', m.auth);
    const ids = r.json.items.map((e: any) => e.id).filter((id: string) => id.startsWith('matrix-') && id.endsWith('-meeting'));
    expect(ids.sort(), role).toEqual([...(LIANES_MEETING.includes(role) ? ['matrix-lianes-meeting'] : []), ...(GP_MEETING.includes(role) ? ['matrix-gp-meeting'] : [])].sort());
  });

  it('never shows a person\'s e-mail or phone in search, records or exports', async () => {
    for (const path of PUBLIC) {
      const r = await m.client.get(path, m.auth);
      expect(r.status, path).toBe(200);
      for (const secret of PRIVATE) expect(r.text, `${path} shows ${secret}`).not.toContain(secret);
    }
  });

  it('shows the person leading a session only to members of the person\'s organisation, the event\'s organisers and platform administrators', async () => {
    const r = await m.client.get('/api/events/restitution-assises-12/sessions/matrix-session', m.auth);
    const people = r.json.leads.filter((l: any) => l.kind === 'person').map((l: any) => l.id);
    expect(people, role).toEqual(['read_token', 'member', 'network_admin', 'platform_admin'].includes(role) ? ['matrix-person'] : []);
    if (!people.length) expect(r.text).not.toContain('Personne à effacer');
  });
});
