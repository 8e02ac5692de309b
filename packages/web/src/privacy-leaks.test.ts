/**
 * Private data never shows where it must not (issue 17, item 1): unique markers planted in private data — a person's
 * name, e-mail and phone, the contact of a partnership, a registrant who did not consent to be listed, an identified
 * survey answer, a members-only meeting (title, place, document), a text kept for knowledge capture by cd93 — then
 * everything a visitor or a member of another organisation can fetch: public pages, feeds, exports, the search API,
 * embeds, open data, and cd93's extraction review. No marker anywhere. Each fetch also checks that the marker-free
 * answer is a real one (2xx, or the 404 of what one may not see).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { surveyInput } from '@tandem/shared';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { ADMIN_TOKEN_ACTOR } from '../../server/src/lib/actor.js';
import { browser, makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { register } from '../../server/src/features/registration/registration.service.js';
import { person, testEvent } from '../../server/src/features/registration/registration.testkit.js';
import { createSurvey, setSurveyStatus } from '../../server/src/features/surveys/surveys.service.js';
import { sampleSurvey } from '../../server/src/features/surveys/surveys.testkit.js';
import { createSite } from './site.js';

const MARKERS = {
  personName: 'Qzxpersonne Marqueur', personEmail: 'qzx.person@example.org', personPhone: '+33 6 98 76 54 32', contactRole: 'qzxrôle de contact',
  registrantName: 'Qzxinscrite Anonyme', registrantEmail: 'qzx.inscrite@example.org', answer: 'qzxréponse identifiée',
  meeting: 'Qzxréunion réservée', meetingPlace: 'Qzxsalle secrète', meetingDoc: 'qzx-compte-rendu', extraction: 'Qzxtexte privé de cd93',
};
const SECRETS = Object.values(MARKERS);

let db: Db; let site: ReturnType<typeof createSite>;
let ev = ''; let survey = ''; let extraction = '';

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  db = await testDb();
  site = createSite({ db });
  await db.query(`insert into person (id, name, email, phone, organisation_id) values ('qzx-person', $1, $2, $3, 'cd93')`, [MARKERS.personName, MARKERS.personEmail, MARKERS.personPhone]);
  await db.query(`insert into record_contact (record_kind, record_id, person_id, role) values ('partnership', 'ssd-hai-duong', 'qzx-person', $1), ('project', 'innotech-master', 'qzx-person', $1)`, [MARKERS.contactRole]);
  await db.query(`insert into event_session_lead (session_id, position, person_id) select id, 9, 'qzx-person' from event_session where event_id = 'assises-12' order by position limit 1`);
  // a public event of cd93 with a registrant who did not consent to be listed, and an identified answer to its survey
  ev = (await testEvent(db)).id;
  const reg = await register(db, ev, person('qzx', { name: MARKERS.registrantName, email: MARKERS.registrantEmail }));
  const s = await createSurvey(db, ADMIN_TOKEN_ACTOR, surveyInput.parse(sampleSurvey({ eventId: ev, mode: 'registration' })));
  survey = (await setSurveyStatus(db, ADMIN_TOKEN_ACTOR, s.id, { status: 'open', version: s.version })).id;
  await db.query(`insert into survey_response (id, survey_id, token_hash, registration_id, answers, submitted_at) values ('qzx-response', $1, 'qzx-hash', $2, $3, now())`,
    [survey, reg.registration.id, JSON.stringify({ attended: false, topic: 'water', remarks: MARKERS.answer })]);
  // a members-only meeting of the Groupe-Pays Vietnam, in the series, with a document
  await db.query(`insert into event (id, title, kind, start_on, start_precision, place_text, series_id, group_id, visibility) values
    ('qzx-meeting', $1, 'meeting', '2026-11-20', 'day', $2, 'assises-franco-vietnamiennes', 'cuf-gp-vietnam', 'members')`, [MARKERS.meeting, MARKERS.meetingPlace]);
  await db.query(`insert into event_host (event_id, organisation_id, position) values ('qzx-meeting', 'cd93', 0)`);
  await db.query(`insert into link (owner_kind, owner_id, position, url, title, kind) values ('event', 'qzx-meeting', 0, $1, $2, 'document')`, [`https://cuf.example/${MARKERS.meetingDoc}.pdf`, MARKERS.meetingDoc]);
  await db.query(`insert into extraction (id, organisation_id, title, text) values ('qzx-extraction', 'cd93', $1, $1)`, [MARKERS.extraction]);
  extraction = 'qzx-extraction';
  await makeAccount(db, 'toulouse@example.org', [{ role: 'member', organisationId: 'ville-toulouse' }]);
  await makeAccount(db, 'cd93@example.org', [{ role: 'member', organisationId: 'cd93' }]);
});
afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

/** [path, the statuses a marker-free answer may have] */
function paths(): Array<[string, number[]]> {
  const ok = [200];
  // the search page shows the words asked for: ask for each marker but its last three characters (the words still find it)
  const searches = SECRETS.map((s) => encodeURIComponent(s.slice(0, -3))).flatMap((q) => [`/search?q=${q}`, `/api/search?q=${q}`, `/api/export/search?format=csv&q=${q}`]);
  const kinds = ['partnerships', 'projects', 'funding', 'organisations', 'missions', 'events', 'territories'];
  return [
    ...['/', '/en', '/vi', '/search', '/search?q=Assises', '/statistics', '/open-data', '/groups', '/groups/cuf-gp-vietnam', '/news', '/funding-calls', '/who-else?territory=VN-P-30',
      '/organisations/cd93', '/partnerships/ssd-hai-duong', '/projects/innotech-master', '/events/assises-12', '/events/restitution-assises-12', '/series/assises-franco-vietnamiennes',
      `/events/${ev}`, `/events/${ev}/participants`, `/events/${ev}/register`, `/surveys/${survey}`, '/territories/VN-P-30',
      '/embed/map', '/embed/partnerships/ssd-hai-duong', '/embed/projects/innotech-master', '/embed/organisations/cd93', '/embed-code/partnerships/ssd-hai-duong',
      '/news/feed.rss', '/news/feed.atom', '/series/assises-franco-vietnamiennes/calendar.ics', `/events/${ev}/calendar.ics`, '/funding-calls/deadlines.ics',
      ...kinds.flatMap((k) => [`/api/export?format=csv&kind=${k}`, `/api/export?format=json&kind=${k}`]),
      '/api/export/iati', '/api/export/iati?organisation=cd93', '/api/export/partnerships/ssd-hai-duong?format=json', '/api/export/projects/innotech-master?format=csv',
      '/api/events?perPage=200', '/api/events/assises-12/sessions', '/api/event-series/assises-franco-vietnamiennes', '/api/organisations/cd93', '/api/partnerships/ssd-hai-duong',
      '/api/projects/innotech-master', `/api/events/${ev}/participants`, `/api/surveys?eventId=${ev}`, `/api/surveys/${survey}`, '/api/partnerships/ssd-hai-duong/revisions',
    ].map((p) => [p, ok] as [string, number[]]),
    ...searches.map((p) => [p, ok] as [string, number[]]),
    // what one may not see: not found, as if it did not exist
    ...['/events/qzx-meeting', '/api/events/qzx-meeting', '/api/events/qzx-meeting/documents', '/events/qzx-meeting/calendar.ics', '/api/people/qzx-person',
      `/espace/extractions/${extraction}`, `/en/espace/extractions/${extraction}`, `/api/extractions/${extraction}`, `/surveys/${survey}/results`, `/api/surveys/${survey}/results`,
    ].map((p) => [p, [303, 401, 403, 404]] as [string, number[]]),
    // organisers' pages and files: signed-out visitors are sent to sign in (the redirect carries no marker either), others refused
    ...[`/espace/events/${ev}/inscriptions`, `/api/events/${ev}/registrations.csv`, `/api/surveys/${survey}/answers.csv`, `/api/surveys/${survey}/respondents`]
      .map((p) => [p, [302, 303, 401, 403, 404]] as [string, number[]]),
  ];
}

describe.each(['anonymous', 'member of another organisation'])('as %s', (who) => {
  let get: (path: string) => Promise<{ status: number; text: string }>;
  beforeAll(async () => {
    const client = browser(site);
    if (who !== 'anonymous') await client.login('toulouse@example.org');
    get = (path) => client.get(path);
  });

  it('finds no private marker in pages, feeds, exports, search, embeds and open data', { timeout: 240_000 }, async () => {
    const leaks: string[] = [];
    // the whole public database (it takes seconds): once, signed out
    for (const [path, statuses] of [...paths(), ...(who === 'anonymous' ? [['/api/export/all', [200]] as [string, number[]]] : [])]) {
      const r = await get(path);
      expect(statuses, `${who} ${path}: ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
      for (const s of SECRETS) if (r.text.includes(s)) leaks.push(`${path} shows ${s}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('the markers are really there', () => {
  it('a member of cd93 sees what is theirs (a test that cannot fail is a defect)', async () => {
    const client = browser(site);
    await client.login('cd93@example.org');
    expect((await client.get('/api/people/qzx-person')).text).toContain(MARKERS.personEmail);
    expect((await client.get('/api/partnerships/ssd-hai-duong/contacts')).text).toContain(MARKERS.contactRole);
    expect((await client.get(`/api/events/${ev}/registrations`)).text).toContain(MARKERS.registrantEmail);
    expect((await client.get(`/api/surveys/${survey}/answers.csv`)).text).toContain(MARKERS.answer);
    expect((await client.get('/api/events/qzx-meeting')).text).toContain(MARKERS.meeting);
    expect((await client.get('/events/qzx-meeting')).text).toContain(MARKERS.meetingPlace);
    expect((await client.get('/api/events/qzx-meeting/documents')).text).toContain(MARKERS.meetingDoc);
    expect((await client.get(`/espace/extractions/${extraction}`)).text).toContain(MARKERS.extraction);
  });
});
