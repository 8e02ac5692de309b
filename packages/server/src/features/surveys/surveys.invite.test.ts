/**
 * Registration surveys with a real SMTP sink: invitations to the event's accepted registrants in their language with
 * the private link, one answer per link (editable until the survey closes), reminders only to those who have not
 * submitted, each with a new link (the old one stops working), the respondents' view and the answers' CSV.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { linkIn, smtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { register } from '../registration/registration.service.js';
import { person, testEvent } from '../registration/registration.testkit.js';
import { sampleSurvey } from './surveys.testkit.js';

let db: Db; let sink: SmtpSink; let api: ReturnType<typeof httpClient>;
beforeAll(async () => {
  db = await testDb(); sink = await smtpSink(); api = httpClient(db);
  process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>'; process.env.TANDEM_PUBLIC_URL = 'https://tandem.test';
});
afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; delete process.env.TANDEM_PUBLIC_URL; await sink.close(); await db?.close(); });

const to = (addr: string, subject: RegExp) => (m: ParsedMail) => !Array.isArray(m.to) && m.to?.value[0].address === addr && subject.test(m.subject ?? '');
const tokenOf = (m: ParsedMail) => new URL(linkIn(m)).pathname.split('/').pop()!;

describe('a registration survey', () => {
  it('invites, takes one answer per link until closing, reminds the others with new links, and reports', async () => {
    const ev = await testEvent(db, { capacity: 3 });
    const regs = [];
    for (const [i, lang] of [['fr', 'fr'], ['en', 'en'], ['vi', 'vi'], ['wait', 'fr']] as const) regs.push(await register(db, ev.id, person(`srv-${i}`, { lang, name: `Invité ${i}` })));
    expect(regs.map((r) => r.registration.status)).toEqual(['accepted', 'accepted', 'accepted', 'waiting']);
    for (const r of regs) await sink.next(to(r.registration.email, /./)); // the registration mails
    const created = await api.post('/api/surveys', sampleSurvey({ mode: 'registration', eventId: ev.id, closesAt: '2099-01-01T00:00:00Z' }));
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    expect((await api.post(`/api/surveys/${id}/invitations`, undefined)).status).toBe(409); // a draft takes no answers yet
    await api.post(`/api/surveys/${id}/status`, { status: 'open', version: 1 });
    expect((await api.post(`/api/surveys/${id}/responses`, undefined, null)).status).toBe(409); // no anonymous start

    const inv = await api.post(`/api/surveys/${id}/invitations`, undefined);
    expect(inv.status, inv.text).toBe(200);
    expect(inv.json).toEqual({ invited: 3 });
    const fr = await sink.next(to('psrv-fr@example.org', /^Votre avis sur « Rencontre d’essai/));
    const en = await sink.next(to('psrv-en@example.org', /^Your feedback on "Rencontre d’essai/));
    const vi = await sink.next(to('psrv-vi@example.org', /^Ý kiến của bạn về/));
    expect(linkIn(fr)).toMatch(/^https:\/\/tandem\.test\/survey-responses\/[A-Za-z0-9_-]{43}$/);
    expect(linkIn(en)).toMatch(/^https:\/\/tandem\.test\/en\/survey-responses\/[A-Za-z0-9_-]{43}$/);
    expect(linkIn(vi)).toMatch(/^https:\/\/tandem\.test\/vi\/survey-responses\/[A-Za-z0-9_-]{43}$/);
    expect(en.text).toContain('Workshops review');
    expect(en.headers.get('content-language')).toBe('en');
    expect(sink.messages.some((m) => to('psrv-wait@example.org', /avis/)(m))).toBe(false);
    expect((await api.post(`/api/surveys/${id}/invitations`, undefined)).json).toEqual({ invited: 0 }); // once each

    // fr answers and submits; then changes the answer (still open): one answer per link, editable
    const t = tokenOf(fr);
    const first = await api.put(`/api/survey-responses/${t}`, { answers: { attended: true, useful: 3 }, submit: true }, null);
    expect(first.status, first.text).toBe(200);
    expect(first.json.editable).toBe(true);
    expect(first.json.submittedAt).not.toMatch(/T00:00:00\.000Z$/);
    const edit = await api.put(`/api/survey-responses/${t}`, { answers: { attended: true, useful: 5, remarks: 'Très utile' }, submit: false, version: first.json.version }, null);
    expect(edit.status, edit.text).toBe(200);
    expect(edit.json.submittedAt).toBe(first.json.submittedAt); // stays submitted
    expect((await api.put(`/api/survey-responses/${t}`, { answers: { attended: true }, version: edit.json.version }, null)).json.issues[0].path).toBe('answers.useful');
    expect(await db.query('select count(*)::int as n from survey_response where survey_id = $1', [id])).toEqual([{ n: 3 }]);
    // en saves a partial answer
    await api.put(`/api/survey-responses/${tokenOf(en)}`, { answers: { topic: 'culture' } }, null);

    const resp = await api.get(`/api/surveys/${id}/respondents`, 'test-admin-token');
    expect(resp.json).toMatchObject({ invited: 3, started: 2, submitted: 1 });
    expect(resp.json.pending.map((p: any) => p.name)).toEqual(['Invité en', 'Invité vi']);

    // reminders: only en and vi, each with a new link; the old link stops working
    const rem = await api.post(`/api/surveys/${id}/reminders`, undefined);
    expect(rem.json).toEqual({ reminded: 2 });
    const en2 = await sink.next(to('psrv-en@example.org', /^Reminder: your feedback/));
    await sink.next(to('psrv-vi@example.org', /^Nhắc nhở/));
    expect(tokenOf(en2)).not.toBe(tokenOf(en));
    expect((await api.get(`/api/survey-responses/${tokenOf(en)}`)).status).toBe(404);
    const resumed = await api.get(`/api/survey-responses/${tokenOf(en2)}`);
    expect(resumed.json.response.answers).toEqual({ topic: 'culture' }); // the partial answer is kept
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.some((m) => to('psrv-fr@example.org', /^Rappel/)(m))).toBe(false);
    expect((await api.get(`/api/surveys/${id}/respondents`, 'test-admin-token')).json.pending.every((p: any) => p.remindedAt)).toBe(true);

    // the answers' CSV: the submitted one, with name and organisation, option labels in the language asked
    const csv = await api.get(`/api/surveys/${id}/answers.csv?lang=en`, 'test-admin-token');
    expect(csv.status).toBe(200);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('no.,submitted at,name,organisation,Did you attend a workshop?,Utilité de l’atelier,Thème à approfondir,Remarques');
    expect(lines[1]).toMatch(/^1,\d{4}-.*,Invité fr,,yes,5,,Très utile$/);
    expect((await db.query(`select count(*)::int as n from audit_log where action = 'survey_answers_exported' and target_id = $1`, [id]))[0].n).toBe(1);

    // closing: no more changes
    const cur = (await api.get(`/api/surveys/${id}`, 'test-admin-token')).json;
    await api.post(`/api/surveys/${id}/status`, { status: 'closed', version: cur.version });
    expect((await api.put(`/api/survey-responses/${t}`, { answers: { attended: false }, submit: true }, null)).status).toBe(409);
    expect((await api.post(`/api/surveys/${id}/reminders`, undefined)).status).toBe(409);
  });

  it('is only for registration surveys', async () => {
    const s = await api.post('/api/surveys', sampleSurvey());
    await api.post(`/api/surveys/${s.json.id}/status`, { status: 'open', version: 1 });
    expect((await api.post(`/api/surveys/${s.json.id}/invitations`, undefined)).status).toBe(409);
    expect((await api.get(`/api/surveys/${s.json.id}/respondents`, 'test-admin-token')).json).toEqual({ invited: 0, started: 0, submitted: 0, pending: [] });
  });
});
