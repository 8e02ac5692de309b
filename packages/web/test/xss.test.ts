/**
 * XSS everywhere a record's text comes out (issue 17 item 2): one payload — a script, an attribute escape with an
 * event handler, a </title>, a CDATA end — in the text fields of an organisation, a partnership, a project, an event
 * (its session and document), a news article, a funding call, a group's profile, a survey (questions and an
 * answer), a person and a registration; a quote-and-bracket URL in URL fields. Then every output holding them: the
 * pages (parsed: nothing injected, the payload shown as text), the RSS and Atom feeds and the IATI export
 * (well-formed XML, the payload as text), the event's .ics (ical.js reads the payload back), the registration's
 * e-mail (its HTML part), the survey's PDF, the CSV (formula-safe) and JSON exports. A script URL in a URL field is
 * a 400 naming it.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import { TOKEN, client } from '../../server/test/http.js';
import type { Db } from '../../server/src/db/client.js';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { createSession, SESSION_COOKIE } from '../../server/src/features/auth/sessions.js';
import { smtpSink, type SmtpSink } from '../../server/src/features/mail/smtp-sink.js';
import { sampleCall } from '../../server/src/features/funding/funding.testkit.js';
import { sampleSurvey } from '../../server/src/features/surveys/surveys.testkit.js';
import { createSite } from '../src/site.js';
import { FORMULA, XSS, XSS_URL, htmlProblems, textOfHtml, xmlText } from './xss.testkit.js';

const parties = [{ organisationId: 'cd93', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }];
let db: Db; let sink: SmtpSink; let app: ReturnType<typeof createSite>; let api: ReturnType<typeof client>;
let cookie = '';
const ids = { survey: '', group: '', token: '' };

const get = async (path: string, signedIn = false) => {
  const r = await app.request(`http://tandem.test${path}`, { headers: signedIn ? { cookie } : {} });
  return { status: r.status, text: await r.text(), type: r.headers.get('content-type') ?? '' };
};
const created = (r: { status: number; text: string }, what: string) => expect(r.status, `${what}: ${r.text.slice(0, 300)}`).toBeLessThan(300);

beforeAll(async () => {
  db = await testDb(); sink = await smtpSink(); api = client(db);
  process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>'; process.env.TANDEM_PUBLIC_URL = 'https://tandem.test';
  app = createSite({ db, adminToken: TOKEN });
  const member = await makeAccount(db, 'xss-member@example.org', [{ role: 'member', organisationId: 'cd93' }]);
  cookie = `${SESSION_COOKIE}=${(await createSession(db, member.id)).token}`;

  created(await api.post('/api/organisations', { id: 'xss-org', kind: 'association', name: XSS, acronym: 'XSS', description: XSS, website: XSS_URL }), 'organisation');
  created(await api.post('/api/partnerships', { id: 'xss-partnership', title: XSS, kind: 'cooperation', description: XSS, parties: [...parties, { organisationId: 'xss-org', side: 'fr' }],
    links: [{ url: XSS_URL, title: XSS }], agreements: [{ kind: 'convention', title: XSS, documentUrl: XSS_URL }] }), 'partnership');
  created(await api.post('/api/projects', { id: 'xss-project', title: XSS, description: XSS, links: [{ url: XSS_URL, title: XSS }] }), 'project');
  created(await api.post('/api/projects', { id: 'xss-formula', title: FORMULA, description: FORMULA }), 'project with a formula');
  created(await api.post('/api/events', { id: 'xss-event', title: XSS, kind: 'meeting', start: '2027-06-11', startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Paris',
    placeText: XSS, theme: XSS, hosts: ['cd93'], agenda: [XSS], minutes: XSS, decisions: [{ text: XSS, ownerText: XSS }], onlineUrl: XSS_URL,
    links: [{ url: XSS_URL, title: XSS, kind: 'document' }] }), 'event');
  created(await api.post('/api/events/xss-event/sessions', { title: XSS, description: XSS, room: XSS, onlineUrl: XSS_URL }), 'session');
  created(await api.put('/api/events/xss-event/registration-form', { opensAt: null, closesAt: null, capacity: 10, moderated: false, workshopsMin: 0, fields: [
    { key: 'remarks', type: 'text', required: false, labels: { fr: XSS, en: XSS } }] }), 'registration form');
  created(await api.post('/api/news', { id: 'xss-news', title: XSS, summary: XSS, body: `${XSS}\n\n[lien](${XSS_URL})`, publishedOn: '2026-12-01', sourceUrl: XSS_URL,
    links: [{ kind: 'partnership', id: 'xss-partnership' }] }), 'news');
  created(await api.post('/api/funding-calls', sampleCall({ id: 'xss-call', title: XSS, summary: XSS, bodyMd: XSS, url: XSS_URL, sourceUrl: XSS_URL, requiredDocuments: [XSS, FORMULA] })), 'funding call');
  const [group] = await db.query<{ id: string }>(`select organisation_id as id from group_profile order by organisation_id limit 1`);
  ids.group = group.id;
  const g = await api.get(`/api/groups/${group.id}`, TOKEN);
  created(await api.put(`/api/groups/${group.id}/profile`, { version: g.json.version, groupKind: g.json.groupKind, country: g.json.country, themes: g.json.themes, parentId: g.json.parentId, agenda: XSS, vacantRoles: [XSS],
    offices: [{ name: XSS, address: XSS }] }), 'group profile');
  created(await api.post('/api/people', { id: 'xss-person', name: XSS, email: 'xss-person@example.org', organisationId: 'cd93', roleTitle: XSS, notes: XSS }), 'person');
  created(await api.post('/api/partnerships/xss-partnership/contacts', { personId: 'xss-person', role: XSS }), 'contact');
  const survey = sampleSurvey({ title: { fr: XSS, en: XSS }, intro: { fr: XSS }, resultsPublic: true, freeAnswersPublic: true, conclusion: { fr: XSS } } as never);
  survey.sections[1].questions[0].options![0].labels = { fr: XSS };
  survey.sections[1].questions[1].labels = { fr: XSS };
  const s = await api.post('/api/surveys', survey);
  created(s, 'survey');
  ids.survey = s.json.id;
  created(await api.post(`/api/surveys/${ids.survey}/status`, { status: 'open', version: s.json.version }), 'survey opened');
  const start = await api.post(`/api/surveys/${ids.survey}/responses`, undefined, null);
  created(start, 'survey answer started');
  created(await api.put(`/api/survey-responses/${start.json.token}`, { answers: { attended: false, topic: 'water', remarks: XSS }, submit: true }, null), 'survey answer');
}, 120_000);
afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; delete process.env.TANDEM_PUBLIC_URL; await sink?.close(); await db?.close(); });

describe('XSS payloads in every text field', () => {
  it('come out as text in the pages, which hold no injected element, attribute or script URL', async () => {
    const pages = ['/organisations/xss-org', '/partnerships/xss-partnership', '/projects/xss-project', '/events/xss-event', '/en/events/xss-event', '/news/xss-news', '/news',
      '/funding-calls/xss-call', '/funding-calls', `/groups/${ids.group}`, `/surveys/${ids.survey}`, `/surveys/${ids.survey}/results`, '/search?q=Zx', '/vi/search?q=Zx',
      '/embed/partnerships/xss-partnership', '/events/xss-event/register'];
    const signedIn = ['/edit/contacts/partnerships/xss-partnership', '/edit/partnerships/xss-partnership', '/edit/events/xss-event', '/espace/events/xss-event/programme'];
    for (const [path, member] of [...pages.map((p) => [p, false] as const), ...signedIn.map((p) => [p, true] as const)]) {
      const page = await get(path, member);
      expect(page.status, path).toBe(200);
      expect(htmlProblems(page.text), path).toEqual([]);
      expect(textOfHtml(page.text), path).toContain('onerror=alert(1)'); // the payload reached the page, as text
    }
  });

  it('the feeds and the IATI export stay well-formed XML with the payload as text', async () => {
    for (const path of ['/news/feed.rss', '/news/feed.atom', '/funding-calls/feed.rss']) {
      const feed = await get(path);
      expect(feed.status, path).toBe(200);
      expect(xmlText(feed.text), path).toContain(XSS);
    }
    const iati = await api.get('/api/export/search?q=Zx&format=iati');
    expect(iati.status).toBe(200);
    expect(xmlText(iati.text)).toContain(XSS);
  });

  it('the .ics files carry the payload as text that ical.js reads back', async () => {
    for (const path of ['/events/xss-event/calendar.ics', '/funding-calls/deadlines.ics']) {
      const ics = await get(path);
      expect(ics.status, path).toBe(200);
      const summaries = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
      expect(summaries.some((s) => s.includes(XSS)), path).toBe(true);
    }
  });

  it('the registration e-mail\'s HTML part is escaped', async () => {
    const r = await api.post('/api/events/xss-event/registrations', { name: XSS, email: 'xss-reg@example.org', lang: 'fr', answers: { remarks: XSS } }, null);
    created(r, 'registration');
    const m = await sink.next((x) => !Array.isArray(x.to) && x.to?.value[0].address === 'xss-reg@example.org');
    expect(typeof m.html).toBe('string');
    expect(htmlProblems(m.html as string)).toEqual([]);
    expect(textOfHtml(m.html as string)).toContain('onerror=alert(1)');
    expect(m.subject).toContain(XSS); // a header is text, not markup
  });

  it('the survey PDF is made, and the exports are valid JSON and formula-safe CSV', async () => {
    const pdf = await app.request(`http://tandem.test/surveys/${ids.survey}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const json = await api.get('/api/export/partnerships/xss-partnership');
    expect(json.status).toBe(200);
    expect(JSON.stringify(JSON.parse(json.text))).toContain(JSON.stringify(XSS).slice(1, -1));
    const csv = await api.get('/api/export?kind=projects&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('refuses a script URL in every URL field with a 400 naming it', async () => {
    const bad = 'javascript:alert(1)';
    const cases: Array<[string, string, object, string]> = [
      ['post', '/api/organisations', { kind: 'association', name: 'x', website: bad }, 'website'],
      ['post', '/api/events', { title: 'x', kind: 'meeting', onlineUrl: bad }, 'onlineUrl'],
      ['post', '/api/events', { title: 'x', kind: 'meeting', links: [{ url: bad }] }, 'links.0.url'],
      ['post', '/api/events/xss-event/sessions', { title: 'x', onlineUrl: bad }, 'onlineUrl'],
      ['post', '/api/news', { title: 'x', body: 'x', publishedOn: '2026-12-01', sourceUrl: bad }, 'sourceUrl'],
      ['post', '/api/funding-calls', sampleCall({ url: bad }), 'url'],
      ['post', '/api/funding-calls', sampleCall({ sourceUrl: bad }), 'sourceUrl'],
      ['post', '/api/projects', { title: 'x', links: [{ url: bad }] }, 'links.0.url'],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await (method === 'post' ? api.post(path, body) : api.put(path, body));
      expect(r.status, `${path} ${field}`).toBe(400);
      expect(r.json.issues.map((i: { path: string }) => i.path), `${path} ${field}`).toContain(field);
    }
  });
});
