/**
 * Registration through the API with real SMTP: the state mails in the registrant's language with the private link,
 * the accepted mail's invitation (METHOD:REQUEST, 10:00–11:30 Paris time as UTC instants), moderation, answers
 * checked against the form (400 naming the field), the private link (only its hash stored), and privacy: the
 * public participant list shows consenting accepted people only, no registration leaks into search or exports.
 */
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { sha256 } from '../auth/secrets.js';
import { linkIn, smtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { getForm } from './registration.form.js';
import { person, testEvent } from './registration.testkit.js';

let db: Db; let sink: SmtpSink; let api: ReturnType<typeof httpClient>;
beforeAll(async () => {
  db = await testDb(); sink = await smtpSink(); api = httpClient(db);
  process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>'; process.env.TANDEM_PUBLIC_URL = 'https://tandem.test';
});
afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; delete process.env.TANDEM_PUBLIC_URL; await sink.close(); await db?.close(); });

const to = (addr: string) => (m: ParsedMail) => !Array.isArray(m.to) && m.to?.value[0].address === addr;
const FIELDS = [
  { key: 'diet', type: 'choice', required: true, labels: { fr: 'Régime', en: 'Diet' }, options: [{ value: 'veg', labels: { fr: 'Végétarien' } }, { value: 'all', labels: { fr: 'Tout' } }] },
  { key: 'photos', type: 'consent', required: true, labels: { fr: 'J’accepte les photos' } },
  { key: 'age', type: 'number', required: false, labels: { fr: 'Âge' } },
] as const;

describe('registering through the API', () => {
  it('confirms a place by mail in the registrant\'s language, with the private link and the calendar invitation', async () => {
    const ev = await testEvent(db, { capacity: 10, fields: FIELDS as any });
    const r = await api.post(`/api/events/${ev.id}/registrations`, person('mail', { lang: 'en', answers: { diet: 'veg', photos: true } }), null);
    expect(r.status, r.text).toBe(201);
    expect(r.json.registration.status).toBe('accepted');
    expect(r.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.query('select token_hash from registration where id = $1', [r.json.registration.id]);
    expect(row.token_hash).toBe(sha256(r.json.token)); // only the hash is kept
    expect(JSON.stringify(await db.query('select * from registration where id = $1', [r.json.registration.id]))).not.toContain(r.json.token);
    const m = await sink.next(to('pmail@example.org'));
    expect(m.subject).toMatch(/^Registration confirmed: Rencontre d’essai/);
    expect(m.headers.get('content-language')).toBe('en');
    expect(linkIn(m)).toBe(`https://tandem.test/en/registrations/${r.json.token}`);
    expect(m.text).toMatch(/Friday,? 11 June 2027 10:00–11:30 \(Europe\/Paris\)/);
    expect(m.text).toContain('Maison de la coopération, Montreuil');
    const ics = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics, 'an iCalendar part').toBeTruthy();
    const cal = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2027-06-11T08:00:00.000Z');
    expect(vevent.endDate.toJSDate().toISOString()).toBe('2027-06-11T09:30:00.000Z');
    expect(String(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('attendee'))).toMatch(/^mailto:pmail@example.org$/i);
    // the link reads the registration; a wrong token is 404, a malformed one 400 naming it
    const own = await api.get(`/api/registrations/${r.json.token}`);
    expect(own.status).toBe(200);
    expect(own.json.answers).toEqual({ diet: 'veg', photos: true });
    expect((await api.get(`/api/registrations/${'A'.repeat(43)}`)).status).toBe(404);
    const bad = await api.get('/api/registrations/short');
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('token');
  });

  it('refuses answers that do not fit the form, naming the field, and a second registration of the same e-mail', async () => {
    const ev = await testEvent(db, { fields: FIELDS as any, workshops: [5, 5], workshopsMin: 1, workshopsMax: 1 });
    const send = (extra: object) => api.post(`/api/events/${ev.id}/registrations`, person('bad', { sessions: [ev.sessions[0]], answers: { diet: 'veg', photos: true }, ...extra }), null);
    const cases: Array<[object, string]> = [
      [{ answers: { photos: true } }, 'answers.diet'], [{ answers: { diet: 'fish', photos: true } }, 'answers.diet'],
      [{ answers: { diet: 'veg', photos: false } }, 'answers.photos'], [{ answers: { diet: 'veg', photos: true, age: 'old' } }, 'answers.age'],
      [{ answers: { diet: 'veg', photos: true, shoe: 'x' } }, 'answers.shoe'], [{ sessions: [] }, 'sessions'], [{ sessions: ev.sessions }, 'sessions'],
      [{ sessions: ['nope'] }, 'sessions.0'], [{ email: 'not-an-email' }, 'email'], [{ organisationId: 'no-such-org' }, 'organisationId'],
    ];
    for (const [extra, field] of cases) {
      const r = await send(extra);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path)).toContain(field);
    }
    expect((await send({})).status).toBe(201);
    const again = await send({ name: 'Autre' });
    expect(again.status).toBe(409);
    expect(again.json.issues[0].path).toBe('email');
  });

  it('is closed outside the form\'s dates, and for the seed\'s past events', async () => {
    const ev = await testEvent(db, { closesAt: '2020-01-01T00:00:00Z' });
    const r = await api.post(`/api/events/${ev.id}/registrations`, person('late'), null);
    expect(r.status).toBe(400);
    expect(r.json.issues[0].path).toBe('closed');
    expect((await api.get(`/api/events/${ev.id}/registration-form`)).json.open).toBe(false);
    for (const id of ['restitution-assises-12', 'assises-12']) {
      expect(await getForm(db, id)).toBeNull();
      expect((await api.get(`/api/events/${id}/registration-form`)).status).toBe(404);
      expect((await api.post(`/api/events/${id}/registrations`, person(`seed-${id}`), null)).json.issues[0].path).toBe('closed');
    }
    // a form added to the past restitution (9 June 2023) does not open it
    await db.query(`insert into registration_form (event_id) values ('restitution-assises-12')`);
    expect((await getForm(db, 'restitution-assises-12'))!.open).toBe(false);
    expect((await api.post('/api/events/restitution-assises-12/registrations', person('seed-late'), null)).json.issues[0].path).toBe('closed');
  });

  it('moderates: pending holds no place; accepting takes one while left, then the waiting list, each with its mail', async () => {
    const ev = await testEvent(db, { capacity: 1, moderated: true });
    const a = await api.post(`/api/events/${ev.id}/registrations`, person('mod-a', { lang: 'vi' }), null);
    const b = await api.post(`/api/events/${ev.id}/registrations`, person('mod-b'), null);
    expect([a.json.registration.status, b.json.registration.status]).toEqual(['pending', 'pending']);
    expect((await sink.next(to('pmod-a@example.org'))).subject).toMatch(/^Đã nhận đăng ký/);
    expect((await api.get(`/api/events/${ev.id}/registration-form`)).json.placesLeft).toBe(1);
    const r = await api.post(`/api/events/${ev.id}/registrations/moderate`, { ids: [a.json.registration.id, b.json.registration.id], decision: 'accept' });
    expect(r.json).toEqual({ changed: 2 });
    const list = await api.get(`/api/events/${ev.id}/registrations`, 'test-admin-token');
    expect(list.json.counts).toMatchObject({ accepted: 1, waiting: 1, pending: 0 });
    const ma = await sink.next((m) => to('pmod-a@example.org')(m) && /^Xác nhận/.test(m.subject ?? ''));
    expect(ma.attachments.some((x) => x.contentType.startsWith('text/calendar'))).toBe(true);
    const mb = await sink.next((m) => to('pmod-b@example.org')(m) && /^Liste d’attente/.test(m.subject ?? ''));
    expect(mb.text).toContain('en position 1');
    // the mail's new link works
    expect((await api.get(new URL(linkIn(mb)).pathname.replace('/registrations/', '/api/registrations/'))).json.status).toBe('waiting');
    // cancelling frees the place: offered to b with its deadline, then taken
    await api.post(new URL(linkIn(ma)).pathname.replace('/vi/registrations/', '/api/registrations/') + '/cancel', undefined);
    const offer = await sink.next((m) => to('pmod-b@example.org')(m) && /^Une place vous attend/.test(m.subject ?? ''));
    expect(offer.text).toMatch(/jusqu’au .*2\d{3}.*\(Europe\/Paris\)/);
    const token = new URL(linkIn(offer)).pathname.split('/').pop();
    const taken = await api.post(`/api/registrations/${token}/accept`, {});
    expect(taken.status, taken.text).toBe(200);
    expect(taken.json.status).toBe('accepted');
  });

  it('lists publicly only the accepted who consented (name and organisation), and keeps registrations out of search and exports', async () => {
    const ev = await testEvent(db, { capacity: 2, moderated: false });
    await api.post(`/api/events/${ev.id}/registrations`, person('pub-yes', { name: 'Lan Nguyễn', publicConsent: true, organisationId: 'cd93' }), null);
    await api.post(`/api/events/${ev.id}/registrations`, person('pub-no', { name: 'Secret Person', publicConsent: false }), null);
    await api.post(`/api/events/${ev.id}/registrations`, person('pub-wait', { name: 'Waiting Person', publicConsent: true }), null);
    const r = await api.get(`/api/events/${ev.id}/participants`);
    expect(r.json).toEqual([{ name: 'Lan Nguyễn', organisation: { id: 'cd93', name: expect.any(String) } }]);
    for (const path of ['/api/search?q=Secret', '/api/search?q=ppub-no', `/api/events/${ev.id}`, '/api/export?format=json&kind=organisations', '/api/export?format=csv&kind=events', `/api/export/events/${ev.id}?format=json`, `/api/events/${ev.id}/revisions`]) {
      const x = await api.get(path);
      expect(x.status, path).toBe(200);
      expect(x.text, path).not.toMatch(/ppub-no@example.org|Secret Person|Waiting Person/);
    }
    expect((await api.get(`/api/events/${ev.id}/registrations`)).status).toBe(404); // anonymous: not told
  });

  it('links a registration to the organisation an « organisation » answer names, when Tandem holds it', async () => {
    const ev = await testEvent(db, { capacity: 5, fields: [{ key: 'org', type: 'organisation', required: true, labels: { fr: 'Organisation' } }] });
    const named = await api.post(`/api/events/${ev.id}/registrations`, person('org-name', { answers: { org: 'cités unies france' } }), null);
    expect(named.json.registration.organisation?.id, named.text).toBe('cuf');
    const acronym = await api.post(`/api/events/${ev.id}/registrations`, person('org-acr', { answers: { org: 'CUF' } }), null);
    expect(acronym.json.registration.organisation?.id).toBe('cuf');
    const other = await api.post(`/api/events/${ev.id}/registrations`, person('org-none', { answers: { org: 'Association des amis de Huế' } }), null);
    expect([other.json.registration.organisation, other.json.registration.answers.org]).toEqual([null, 'Association des amis de Huế']);
  });

  it('changes through the link with the version read (409 when stale), and cancels', async () => {
    const ev = await testEvent(db, { capacity: 5 });
    const r = await api.post(`/api/events/${ev.id}/registrations`, person('chg'), null);
    const t = r.json.token;
    const ok = await api.patch(`/api/registrations/${t}`, { name: 'Nouveau nom', publicConsent: true, version: r.json.registration.version }, null);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ name: 'Nouveau nom', publicConsent: true });
    expect((await api.patch(`/api/registrations/${t}`, { name: 'Trop tard', version: r.json.registration.version }, null)).status).toBe(409);
    const c = await api.post(`/api/registrations/${t}/cancel`, undefined, null);
    expect(c.json.status).toBe('cancelled');
    expect((await sink.next((m) => to('pchg@example.org')(m) && /^Inscription annulée/.test(m.subject ?? ''))).text).toContain('Nouveau nom');
  });
});
