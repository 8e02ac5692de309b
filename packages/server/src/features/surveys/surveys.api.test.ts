/**
 * Surveys through the API: building (a conditional question), 409 on a stale version, opening, an anonymous answer
 * saved partially, resumed through its private link and submitted (a required question hidden by its condition is
 * not required), 400 naming `answers.<key>`, a closed survey refusing answers (409), drafts invisible to the public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { sha256 } from '../auth/secrets.js';
import { sampleSurvey } from './surveys.testkit.js';

let db: Db; let api: ReturnType<typeof httpClient>;
beforeAll(async () => { db = await testDb(); api = httpClient(db); });
afterAll(async () => { await db?.close(); });

async function openSurvey(extra = {}) {
  const c = await api.post('/api/surveys', sampleSurvey(extra));
  expect(c.status, c.text).toBe(201);
  const o = await api.post(`/api/surveys/${c.json.id}/status`, { status: 'open', version: c.json.version });
  expect(o.status, o.text).toBe(200);
  return o.json;
}

describe('building a survey', () => {
  it('creates a survey with sections and a conditional question, then updates it with the version read (409 when stale)', async () => {
    const c = await api.post('/api/surveys', sampleSurvey({ eventId: 'assises-12' }));
    expect(c.status, c.text).toBe(201);
    expect(c.json).toMatchObject({ status: 'draft', mode: 'anonymous', version: 1, accepting: false, responses: 0, canManage: true, event: { id: 'assises-12' } });
    expect(c.json.sections.map((s: any) => s.questions.map((q: any) => q.key))).toEqual([['attended', 'useful'], ['topic', 'remarks']]);
    expect(c.json.sections[0].questions[1]).toMatchObject({ condition: { question: 'attended', equals: [true] }, scaleMin: 1, scaleMax: 5, position: 1 });
    const id = c.json.id;
    const changed = sampleSurvey({ eventId: 'assises-12', title: { fr: 'Bilan des ateliers (v2)' }, version: 1 });
    changed.sections[1].questions.pop();
    const u = await api.put(`/api/surveys/${id}`, changed);
    expect(u.status, u.text).toBe(200);
    expect(u.json.version).toBe(2);
    expect(u.json.title.fr).toBe('Bilan des ateliers (v2)');
    expect(u.json.sections[1].questions.map((q: any) => q.key)).toEqual(['topic']);
    const stale = await api.put(`/api/surveys/${id}`, { ...changed, title: { fr: 'Trop tard' } });
    expect(stale.status).toBe(409);
    expect(stale.json.currentVersion).toBe(2);
    expect((await api.get(`/api/surveys/${id}`, 'test-admin-token')).json.title.fr).toBe('Bilan des ateliers (v2)');
    const audit = await db.query(`select action from audit_log where target_kind = 'survey' and target_id = $1 order by id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['survey_created', 'survey_updated']);
  });

  it('refuses bad input with 400 naming the field, never a 500', async () => {
    const cases: Array<[object, string]> = [
      [sampleSurvey({ organisationId: 'no-such-org' }), 'organisationId'],
      [sampleSurvey({ eventId: 'no-such-event' }), 'eventId'],
      [sampleSurvey({ groupId: 'no-such-group' }), 'groupId'],
      [sampleSurvey({ mode: 'registration' }), 'eventId'],
      [sampleSurvey({ opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' }), 'closesAt'],
      [{ ...sampleSurvey(), title: { fr: '' } }, 'title.fr'],
      [sampleSurvey({ opensAt: '0000-01-01T00:00:00Z' }), 'opensAt'],
      [sampleSurvey({ sections: [{ questions: [{ key: 'a', type: 'single', labels: { fr: 'A' }, options: [] }] }] }), 'sections.0.questions.0.options'],
      [sampleSurvey({ sections: [{ questions: [{ key: 'b', type: 'scale', labels: { fr: 'B' }, condition: { question: 'zz', equals: [1] } }] }] }), 'sections.0.questions.0.condition.question'],
    ];
    for (const [body, field] of cases) {
      const r = await api.post('/api/surveys', body);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path)).toContain(field);
    }
    const first = await api.post('/api/surveys', sampleSurvey({ id: 'bilan-unique' }));
    expect(first.status).toBe(201);
    const dup = await api.post('/api/surveys', sampleSurvey({ id: 'bilan-unique' }));
    expect([dup.status, dup.json.issues[0].path]).toEqual([400, 'id']);
    expect((await api.put('/api/surveys/bilan-unique', sampleSurvey())).json.issues[0].path).toBe('version');
    // a lone UTF-16 surrogate (jsonb refuses it) is stored as U+FFFD, as text columns do
    const odd = await api.post('/api/surveys', sampleSurvey({ title: { fr: 'Bilan \ud800' } }));
    expect(odd.status, odd.text).toBe(201);
    expect(odd.json.title.fr).toBe('Bilan \ufffd');
  });
});

describe('answering an anonymous survey', () => {
  it('saves a partial answer, resumes it through the private link, and submits it', async () => {
    const s = await openSurvey();
    expect(s.accepting).toBe(true);
    const start = await api.post(`/api/surveys/${s.id}/responses`, undefined, null);
    expect(start.status, start.text).toBe(201);
    const token = start.json.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.query('select * from survey_response where id = $1', [start.json.response.id]);
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // a partial save: required questions may wait
    const part = await api.put(`/api/survey-responses/${token}`, { answers: { topic: 'water' }, submit: false, version: 1 }, null);
    expect(part.status, part.text).toBe(200);
    expect(part.json).toMatchObject({ answers: { topic: 'water' }, submittedAt: null, editable: true, version: 2 });
    // resumed through the link
    const back = await api.get(`/api/survey-responses/${token}`);
    expect(back.status).toBe(200);
    expect(back.json.response.answers).toEqual({ topic: 'water' });
    expect(back.json.survey.id).toBe(s.id);
    // submitting: « attended » is required; « useful » only once attended = yes
    const missing = await api.put(`/api/survey-responses/${token}`, { answers: { topic: 'water' }, submit: true, version: 2 }, null);
    expect(missing.status).toBe(400);
    expect(missing.json.issues.map((i: any) => i.path)).toEqual(['answers.attended']);
    const shown = await api.put(`/api/survey-responses/${token}`, { answers: { attended: true, topic: 'water' }, submit: true, version: 2 }, null);
    expect(shown.json.issues.map((i: any) => i.path)).toEqual(['answers.useful']);
    // stale version
    expect((await api.put(`/api/survey-responses/${token}`, { answers: {}, version: 1 }, null)).status).toBe(409);
    const done = await api.put(`/api/survey-responses/${token}`, { answers: { attended: false, useful: 4, topic: { other: 'Jeunesse' } }, submit: true, version: 2 }, null);
    expect(done.status, done.text).toBe(200);
    expect(done.json.answers).toEqual({ attended: false, topic: { other: 'Jeunesse' } }); // the hidden question's answer is dropped
    expect(done.json.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/); // kept to the day
    expect(done.json.editable).toBe(false);
    const again = await api.put(`/api/survey-responses/${token}`, { answers: { attended: false }, submit: true }, null);
    expect(again.status).toBe(409);
    expect((await api.get(`/api/surveys/${s.id}`)).json.responses).toBe(1);
    expect((await api.del(`/api/surveys/${s.id}`)).status).toBe(409);
  });

  it('names the answers that do not fit: answers.<key>', async () => {
    const s = await openSurvey();
    const { json: { token } } = await api.post(`/api/surveys/${s.id}/responses`, undefined, null);
    const cases: Array<[object, string]> = [
      [{ attended: 'maybe' }, 'answers.attended'], [{ attended: true, useful: 9 }, 'answers.useful'], [{ topic: 'fish' }, 'answers.topic'],
      [{ shoe: 'x' }, 'answers.shoe'], [{ remarks: 12 }, 'answers.remarks'],
    ];
    for (const [answers, field] of cases) {
      const r = await api.put(`/api/survey-responses/${token}`, { answers, submit: false }, null);
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(r.json.issues.map((i: any) => i.path)).toContain(field);
    }
    const odd = await api.put(`/api/survey-responses/${token}`, { answers: { remarks: 'x \udfff' } }, null);
    expect([odd.status, odd.json.answers?.remarks]).toEqual([200, 'x \ufffd']);
    const badKey = await api.put(`/api/survey-responses/${token}`, { answers: { 'Bad Key': 1 } }, null);
    expect(badKey.status).toBe(400);
    expect((await api.get(`/api/survey-responses/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await api.get('/api/survey-responses/short')).json.issues[0].path).toBe('token');
  });

  it('refuses answers once closed (409), and hides drafts from the public (404)', async () => {
    const s = await openSurvey();
    const { json: { token } } = await api.post(`/api/surveys/${s.id}/responses`, undefined, null);
    const closed = await api.post(`/api/surveys/${s.id}/status`, { status: 'closed', version: s.version });
    expect(closed.json).toMatchObject({ status: 'closed', accepting: false });
    expect((await api.put(`/api/survey-responses/${token}`, { answers: { attended: false }, submit: true }, null)).status).toBe(409);
    expect((await api.post(`/api/surveys/${s.id}/responses`, undefined, null)).status).toBe(409);
    expect((await api.get(`/api/survey-responses/${token}`)).json.response.editable).toBe(false);
    // dates: open but not yet within them
    const later = await openSurvey({ opensAt: '2099-01-01T00:00:00Z' });
    expect(later.accepting).toBe(false);
    expect((await api.post(`/api/surveys/${later.id}/responses`, undefined, null)).status).toBe(409);
    // a draft: 404 for the public, listed for its managers only
    const draft = await api.post('/api/surveys', sampleSurvey({ eventId: 'assises-12', title: { fr: 'Brouillon secret' } }));
    for (const path of [`/api/surveys/${draft.json.id}`]) expect((await api.get(path)).status).toBe(404);
    expect((await api.post(`/api/surveys/${draft.json.id}/responses`, undefined, null)).status).toBe(404);
    const pub = await api.get('/api/surveys?eventId=assises-12');
    expect(pub.json.map((x: any) => x.id)).not.toContain(draft.json.id);
    expect(pub.text).not.toContain('Brouillon secret');
    const mine = await api.get('/api/surveys?eventId=assises-12', 'test-admin-token');
    expect(mine.json.find((x: any) => x.id === draft.json.id)).toMatchObject({ status: 'draft', canManage: true });
    // a survey holding answers is not turned back into a draft, nor deleted; an empty one is
    expect((await api.post(`/api/surveys/${closed.json.id}/status`, { status: 'draft', version: closed.json.version })).status).toBe(409);
    const remode = await api.put(`/api/surveys/${s.id}`, sampleSurvey({ mode: 'registration', eventId: 'assises-12', version: closed.json.version }));
    expect([remode.status, remode.json.issues?.[0].path]).toEqual([409, 'mode']);
    // a recorded survey (results entered from another tool) takes no answers here, even open
    const recorded = await openSurvey({ source: 'recorded', recordedResponses: 42 });
    expect([recorded.accepting, recorded.responses]).toEqual([false, 42]);
    expect((await api.post(`/api/surveys/${recorded.id}/responses`, undefined, null)).status).toBe(409);
    expect((await api.del(`/api/surveys/${draft.json.id}`)).status).toBe(204);
    expect((await api.get(`/api/surveys/${draft.json.id}`, 'test-admin-token')).status).toBe(404);
  });
});
