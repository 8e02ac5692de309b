/**
 * Privacy of survey answers. Anonymous surveys: a signed-in person answers, and afterwards no column of the answer
 * sheet nor any audit row holds their account, registration, e-mail, name or address; the submission time is the
 * day only; the answers' CSV has no identity column. Registration surveys: the public never gets the identified
 * answers, the respondents or the CSV (404 signed out, 403 for a signed-in member who does not organise), and the
 * private link's view carries no identity.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { surveyInput } from '@tandem/shared';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { ADMIN_TOKEN_ACTOR } from '../../lib/actor.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { register } from '../registration/registration.service.js';
import { person, testEvent } from '../registration/registration.testkit.js';
import { answersCsv, inviteRegistrants } from './surveys.invite.js';
import { createSurvey, setSurveyStatus } from './surveys.service.js';
import { sampleSurvey } from './surveys.testkit.js';

let db: Db; let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  db = await testDb(); app = createApp({ db, adminToken: 'privacy-admin-token' });
});
afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

async function openSurvey(extra: object) {
  const s = await createSurvey(db, ADMIN_TOKEN_ACTOR, surveyInput.parse(sampleSurvey(extra)));
  return setSurveyStatus(db, ADMIN_TOKEN_ACTOR, s.id, { status: 'open', version: s.version });
}

describe('an anonymous survey', () => {
  it('keeps nothing that ties a signed-in respondent to the answer, in the answer sheet or the audit log', async () => {
    const ev = await testEvent(db);
    const reg = await register(db, ev.id, person('anon-who', { name: 'Mai Trần' }));
    const s = await openSurvey({ eventId: ev.id });
    const account = await makeAccount(db, 'panon-who@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }], { name: 'Mai Trần' });
    const me = browser(app);
    const csrf = await me.login('panon-who@example.org');
    const [{ id: mark }] = await db.query('select coalesce(max(id), 0)::int as id from audit_log');
    const headers = { 'x-csrf-token': csrf, 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Privacy-Agent/1.0' };
    const start = await me.post(`/api/surveys/${s.id}/responses`, undefined, headers);
    expect(start.status, start.text).toBe(201);
    const done = await me.put(`/api/survey-responses/${start.json.token}`, { answers: { attended: true, useful: 4, remarks: 'Bonne organisation' }, submit: true }, headers);
    expect(done.status, done.text).toBe(200);
    const rows = await db.query('select * from survey_response where survey_id = $1', [s.id]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(Object.keys(row).sort()).toEqual(['answers', 'id', 'invited_at', 'registration_id', 'reminded_at', 'submitted_at', 'survey_id', 'token_hash', 'version']);
    expect([row.registration_id, row.invited_at, row.reminded_at]).toEqual([null, null, null]);
    expect(new Date(row.submitted_at).toISOString()).toMatch(/T00:00:00\.000Z$/);
    const text = JSON.stringify(row);
    for (const secret of [account.id, reg.registration.id, 'panon-who@example.org', 'Mai Trần', '203.0.113.7', 'Privacy-Agent', start.json.token]) expect(text).not.toContain(secret);
    // answering wrote nothing to the audit log
    expect(await db.query('select action from audit_log where id > $1', [mark])).toEqual([]);
    // the organisers' CSV: the answer, the day, no identity column
    const csv = await answersCsv(db, ADMIN_TOKEN_ACTOR, s.id, 'fr');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('n°,jour d’envoi,Avez-vous suivi un atelier ?,Utilité de l’atelier,Thème à approfondir,Remarques');
    expect(lines[1]).toMatch(/^1,\d{4}-\d{2}-\d{2},oui,4,,Bonne organisation$/);
    expect(csv).not.toMatch(/Mai Trần|panon-who/);
    // the audit row of the export names the organiser, never a respondent
    const [exp] = await db.query(`select * from audit_log where action = 'survey_answers_exported' and target_id = $1`, [s.id]);
    expect(JSON.stringify(exp)).not.toMatch(new RegExp(`${account.id}|panon-who|${row.id}`));
  });
});

describe('a registration survey', () => {
  it('gives identified answers, respondents and the CSV to its organisers only', async () => {
    const ev = await testEvent(db, { host: 'ville-toulouse' });
    const reg = await register(db, ev.id, person('priv-a', { name: 'Nguyễn Văn An' }));
    const s = await openSurvey({ eventId: ev.id, mode: 'registration', resultsPublic: true, freeAnswersPublic: true });
    await inviteRegistrants(db, ADMIN_TOKEN_ACTOR, s.id, 'https://tandem.test');
    const [resp] = await db.query('select id from survey_response where survey_id = $1', [s.id]);
    // the sheet's own token is only in the mail: give it a known one for this test
    const { randomToken, sha256 } = await import('../auth/secrets.js');
    const token = randomToken();
    await db.query('update survey_response set token_hash = $2 where id = $1', [resp.id, sha256(token)]);
    const anon = browser(app);
    const saved = await anon.put(`/api/survey-responses/${token}`, { answers: { attended: false, remarks: 'Propos confidentiel' }, submit: true });
    expect(saved.status, saved.text).toBe(200);
    // the private link's view: the answers, no identity
    const own = await anon.get(`/api/survey-responses/${token}`);
    expect(own.status).toBe(200);
    for (const secret of ['Nguyễn Văn An', 'ppriv-a', reg.registration.id]) expect(own.text).not.toContain(secret);

    const privates = [`/api/surveys/${s.id}/respondents`, `/api/surveys/${s.id}/answers.csv`];
    for (const path of privates) {
      const r = await anon.get(path);
      expect(r.status, path).toBe(404);
      expect(r.text).not.toMatch(/Nguyễn Văn An|Propos confidentiel/);
    }
    for (const path of [`/api/surveys/${s.id}/invitations`, `/api/surveys/${s.id}/reminders`]) expect((await anon.post(path, undefined)).status, path).toBe(401);
    // a member of another organisation: 403, nothing shown
    await makeAccount(db, 'outsider-priv@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }]);
    const outsider = browser(app);
    const csrf = await outsider.login('outsider-priv@example.org');
    for (const path of privates) {
      const r = await outsider.get(path, { 'x-csrf-token': csrf });
      expect(r.status, path).toBe(403);
      expect(r.text).not.toMatch(/Nguyễn Văn An|Propos confidentiel/);
    }
    for (const path of [`/api/surveys/${s.id}/invitations`, `/api/surveys/${s.id}/reminders`]) expect((await outsider.post(path, undefined, { 'x-csrf-token': csrf })).status, path).toBe(403);
    // public reads of the survey say nothing of who answered
    for (const path of [`/api/surveys/${s.id}`, `/api/surveys?eventId=${ev.id}`]) {
      const r = await outsider.get(path, { 'x-csrf-token': csrf });
      expect(r.status).toBe(200);
      expect(r.text).not.toMatch(/Nguyễn Văn An|ppriv-a|Propos confidentiel/);
    }
    expect((await outsider.get(`/api/surveys/${s.id}`)).json.canManage).toBeUndefined();
    // an organiser of the event (member of Toulouse) reads them
    await makeAccount(db, 'organiser-priv@example.org', [{ role: 'member', organisationId: 'ville-toulouse' }]);
    const organiser = browser(app);
    const oc = await organiser.login('organiser-priv@example.org');
    const csv = await organiser.get(`/api/surveys/${s.id}/answers.csv`, { 'x-csrf-token': oc });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Nguyễn Văn An');
    expect(csv.text).toContain('Propos confidentiel');
  });
});
