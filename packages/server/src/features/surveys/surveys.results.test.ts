/**
 * Results of surveys whose answers Tandem collected, through the API: counts and percents per option, « other »,
 * multiple choices as shares of respondents, mean and median, rankings, conditional questions counted among those
 * shown them only; breakdowns that hide groups under MIN_GROUP; free answers hidden from the public until the
 * organiser publishes them; results that follow new answers at once; the summary CSV formula-safe.
 * Answer sheets are written in SQL (the answering API is another helper's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDraft } from '@tandem/shared';
import { testDb } from '../../../test/db.js';
import { client as httpClient } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { insertSurvey } from '../../db/seed/documents/surveys.js';
import type { Actor, Grant } from '../../lib/actor.js';
import { testEvent } from '../registration/registration.testkit.js';
import { surveyResults } from './surveys.results.js';

let db: Db; let api: ReturnType<typeof httpClient>;
beforeAll(async () => { db = await testDb(); api = httpClient(db); });
afterAll(async () => { await db?.close(); });

let n = 0;
const opt = (value: string, fr: string) => ({ value, labels: { fr } });
const QUESTIONS: SurveyDraft['sections'][number]['questions'] = [
  { key: 'role', type: 'single', category: true, allowOther: true, labels: { fr: '=Votre rôle', en: 'Your role' }, options: [opt('elu', 'Élu'), opt('agent', 'Agent')] },
  { key: 'themes', type: 'multiple', labels: { fr: 'Thèmes' }, options: [opt('eau', 'Eau'), opt('sante', 'Santé'), opt('culture', 'Culture')] },
  { key: 'content', type: 'yes_no', category: true, labels: { fr: 'Content ?' } },
  { key: 'pourquoi', type: 'long_text', labels: { fr: 'Pourquoi pas ?' }, condition: { question: 'content', equals: [false] } },
  { key: 'note', type: 'scale', scaleMin: 1, scaleMax: 5, labels: { fr: 'Note' } },
  { key: 'jours', type: 'number', labels: { fr: 'Jours sur place' } },
  { key: 'ordre', type: 'ranking', labels: { fr: 'Classez' }, options: [opt('a', 'A'), opt('b', 'B'), opt('c', 'C')] },
  { key: 'idee', type: 'short_text', labels: { fr: 'Une idée' } },
];

async function survey(o: { results?: boolean; free?: boolean; mode?: 'anonymous' | 'registration'; eventId?: string; status?: 'draft' | 'open' | 'closed' } = {}) {
  const id = `res-test-${process.pid}-${n++}`;
  await insertSurvey(db, {
    id, organisationId: 'cd93', eventId: o.eventId ?? null, title: { fr: `Sondage ${id}` }, mode: o.mode ?? 'anonymous',
    resultsPublic: o.results ?? true, freeAnswersPublic: o.free ?? false, sections: [{ questions: QUESTIONS }],
  }, o.status ?? 'open');
  return id;
}
async function answer(surveyId: string, answers: Record<string, unknown>, o: { submitted?: boolean; registrationId?: string } = {}) {
  const id = `resp-${process.pid}-${n++}`;
  await db.query(`insert into survey_response (id, survey_id, token_hash, registration_id, answers, submitted_at)
    values ($1, $2, $3, $4, $5::jsonb, $6)`, [id, surveyId, `hash-${id}`, o.registrationId ?? null, JSON.stringify(answers), o.submitted === false ? null : '2026-05-04']);
}
const results = async (id: string, query = '', token: string | null = null) => {
  const r = await api.get(`/api/surveys/${id}/results${query}`, token);
  return { status: r.status, json: r.json, q: Object.fromEntries((r.json?.questions ?? []).map((x: any) => [x.key, x])) };
};
const bars = (q: any) => q.bars.map((b: any) => [b.value, b.count, b.percent]);

describe('results of a survey answered in Tandem', () => {
  let id: string;
  beforeAll(async () => {
    id = await survey({ free: false });
    await answer(id, { role: 'elu', themes: ['eau', 'sante'], content: true, note: 5, jours: 3, ordre: ['a', 'b', 'c'], idee: 'Des visites' });
    await answer(id, { role: 'elu', themes: ['eau'], content: false, pourquoi: 'Trop de discours', note: 4, jours: 5, ordre: ['b', 'a'] });
    await answer(id, { role: 'agent', themes: ['culture', 'eau'], content: true, note: 2, jours: 10, ordre: ['a', 'c'] });
    await answer(id, { role: { other: 'Chercheuse' }, content: false, note: 3, ordre: ['c'] });
    await answer(id, { role: 'elu', themes: [], content: true, pourquoi: 'dropped: hidden when content is yes', note: 5 });
    await answer(id, { role: 'agent', note: 1, idee: '=HYPERLINK("http://x")' }, { submitted: false }); // a partial answer: not counted
  });

  it('counts each option among those who answered (one decimal), multiple choices as shares of respondents', async () => {
    const { status, json, q } = await results(id);
    expect(status).toBe(200);
    expect(json.responses).toBe(5);
    expect(json.updatedAt).toMatch(/^2026-05-04/);
    expect(q.role.answered).toBe(5);
    expect(bars(q.role)).toEqual([['elu', 3, 60], ['agent', 1, 20], ['__other', 1, 20]]);
    expect(q.themes.answered).toBe(3); // an empty list is no answer
    expect(bars(q.themes)).toEqual([['eau', 3, 100], ['sante', 1, 33.3], ['culture', 1, 33.3]]);
    expect(bars(q.content)).toEqual([['yes', 3, 60], ['no', 2, 40]]);
    expect(q.content.labels.fr).toBe('Content ?');
  });

  it('counts a conditional question among those shown it, and gives mean and median, first places and mean ranks', async () => {
    const { q } = await results(id, '', 'test-admin-token');
    expect(q.pourquoi.answered).toBe(1); // the yes-sayer's text to a question hidden from them does not count
    expect(q.pourquoi.texts).toEqual(['Trop de discours']);
    expect(bars(q.note)).toEqual([['1', 0, 0], ['2', 1, 20], ['3', 1, 20], ['4', 1, 20], ['5', 2, 40]]);
    expect([q.note.mean, q.note.median]).toEqual([3.8, 4]);
    expect([q.jours.mean, q.jours.median, q.jours.bars]).toEqual([6, 5, []]);
    expect(bars(q.ordre)).toEqual([['a', 2, 50], ['b', 1, 25], ['c', 1, 25]]);
    expect(q.ordre.ranks.map((r: any) => [r.value, r.meanRank])).toEqual([['a', 1.33], ['b', 1.5], ['c', 2]]);
    expect(q.role.texts).toEqual(['Chercheuse']);
    expect(q.idee.texts).toEqual(['Des visites']);
  });

  it('hides free answers from the public until the organiser publishes them', async () => {
    const anon = await results(id);
    for (const k of ['pourquoi', 'idee', 'role']) expect(anon.q[k].texts, k).toBeNull();
    expect(JSON.stringify(anon.json)).not.toContain('Trop de discours');
    expect(JSON.stringify(anon.json)).not.toContain('Chercheuse');
    await db.query('update survey set free_answers_public = true where id = $1', [id]);
    expect((await results(id)).q.pourquoi.texts).toEqual(['Trop de discours']);
    await db.query('update survey set free_answers_public = false, results_public = false where id = $1', [id]);
    expect((await results(id)).status).toBe(404);
    expect((await api.get(`/api/surveys/${id}/results.csv`)).status).toBe(404);
    expect((await api.get(`/api/surveys/${id}/report.pdf`)).status).toBe(404);
    expect((await results(id, '', 'test-admin-token')).status).toBe(200); // the organisers always see them
    await db.query('update survey set results_public = true where id = $1', [id]);
  });

  it('follows new answers at once', async () => {
    expect((await results(id)).json.responses).toBe(5);
    await answer(id, { role: 'agent', content: true, note: 5 });
    const after = await results(id);
    expect(after.json.responses).toBe(6);
    expect(bars(after.q.role)).toEqual([['elu', 3, 50], ['agent', 2, 33.3], ['__other', 1, 16.7]]);
    expect([after.q.note.mean, after.q.note.median]).toEqual([4, 4.5]);
  });

  it('writes the summary CSV formula-safe, in the language asked', async () => {
    const r = await api.get(`/api/surveys/${id}/results.csv?lang=en`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(`filename="survey-${id}-results-en.csv"`);
    const lines = r.text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('question,option,count,percent,mean,median');
    expect(lines).toContain('Your role,(answers),6,,,');
    expect(lines).toContain('Your role,Élu,3,50,,');
    expect(lines).toContain('Note,(answers),6,,4,4.5');
    const fr = await api.get(`/api/surveys/${id}/results.csv?lang=fr`);
    expect(fr.text).toContain(`"'=Votre rôle",Élu,3,50,,`); // a label beginning with = is not a formula
    expect((await api.get(`/api/surveys/${id}/results.csv?lang=de`)).json.issues[0].path).toBe('lang');
  });
});

describe('breakdowns', () => {
  it('shows a category\'s groups of 5 answers or more, counts the smaller ones', async () => {
    const id = await survey();
    for (let i = 0; i < 5; i++) await answer(id, { role: 'elu', content: i < 4, note: 4 });
    for (let i = 0; i < 2; i++) await answer(id, { role: 'agent', content: false, note: 1 });
    await answer(id, { note: 2 }); // no role: in no group
    const { status, json } = await results(id, '?by=role');
    expect(status).toBe(200);
    expect(json.responses).toBe(8);
    expect(json.breakdown.by).toBe('role');
    expect(json.breakdown.labels.en).toBe('Your role');
    expect(json.breakdown.hiddenGroups).toBe(1);
    expect(json.breakdown.groups.map((g: any) => [g.value, g.responses])).toEqual([['elu', 5]]);
    const elu = Object.fromEntries(json.breakdown.groups[0].questions.map((x: any) => [x.key, x]));
    expect(bars(elu.content)).toEqual([['yes', 4, 80], ['no', 1, 20]]);
    expect(elu.note.mean).toBe(4);
    const yn = await results(id, '?by=content');
    expect(yn.json.breakdown.groups.map((g: any) => [g.value, g.responses])).toEqual([]);
    expect(yn.json.breakdown.hiddenGroups).toBe(2); // 4 yes, 3 no: both under 5
  });

  it('refuses what is not a category question (400 naming by)', async () => {
    const id = await survey();
    for (const by of ['note', 'nothing', 'org_kind', 'side']) {
      const r = await api.get(`/api/surveys/${id}/results?by=${by}`);
      expect(r.status, by).toBe(400);
      expect(r.json.issues[0].path).toBe('by');
    }
    expect((await api.get(`/api/surveys/${id}/results?by=Bad-Key`)).json.issues[0].path).toBe('by');
  });

  it('splits a registration survey by the registrants\' side or kind of organisation', async () => {
    const ev = await testEvent(db);
    const id = await survey({ mode: 'registration', eventId: ev.id });
    const orgs = ['cd93', 'cd93', 'ville-montreuil', 'ville-montreuil', 'cuf', 'hanoi-cp', 'hanoi-cp'];
    for (const [i, org] of orgs.entries()) {
      const reg = `reg-${id}-${i}`;
      await db.query(`insert into registration (id, event_id, token_hash, name, email, organisation_id, status) values ($1, $2, $3, $4, $5, $6, 'accepted')`,
        [reg, ev.id, `h-${reg}`, `Personne ${i}`, `p${i}-${id}@example.org`, org]);
      await answer(id, { content: true, note: 3 }, { registrationId: reg });
    }
    const side = await results(id, '?by=side');
    expect(side.status).toBe(200);
    expect(side.json.breakdown.groups.map((g: any) => [g.value, g.responses, g.labels.vi])).toEqual([['FR', 5, 'Pháp']]);
    expect(side.json.breakdown.hiddenGroups).toBe(1);
    const kind = await results(id, '?by=org_kind');
    expect(kind.json.breakdown.groups.map((g: any) => [g.value, g.responses, g.labels.en])).toEqual([['collectivite', 6, 'Local authority']]);
    expect(kind.json.breakdown.hiddenGroups).toBe(1); // CUF alone is a network
    expect(JSON.stringify(kind.json)).not.toMatch(/Personne|example\.org/);
  });
});

describe('who sees results', () => {
  it('a draft\'s results are nobody\'s but its organisers\'', async () => {
    const id = await survey({ status: 'draft', results: true });
    expect((await results(id)).status).toBe(404);
    expect((await results(id, '', 'test-admin-token')).status).toBe(200);
    expect((await api.get('/api/surveys/no-such-survey/results')).status).toBe(404);
  });

  it('members of the organisation and organisers of the event see unpublished results and free answers; others do not', async () => {
    const ev = await testEvent(db); // hosted by cd93
    const id = `res-test-${process.pid}-${n++}`;
    await insertSurvey(db, { id, organisationId: 'ville-montreuil', eventId: ev.id, title: { fr: 'Sondage' }, mode: 'anonymous', sections: [{ questions: QUESTIONS }] }, 'closed');
    await answer(id, { idee: 'Une idée privée', note: 2 });
    const who = (grants: Grant[]): Actor => ({ accountId: `acc-${n++}`, email: 'x@example.org', name: 'X', grants, via: 'session' });
    const texts = async (a: Actor | null) => {
      try { return (await surveyResults(db, a, id)).questions.find((q) => q.key === 'idee')!.texts; } catch (e) { return (e as { status: number }).status; }
    };
    const montreuil = who([{ role: 'member', organisationId: 'ville-montreuil' }]);
    const organiser = who([{ role: 'member', organisationId: 'cd93' }]);
    const outsider = who([{ role: 'member', organisationId: 'hanoi-cp' }]);
    expect(await texts(montreuil)).toEqual(['Une idée privée']);
    expect(await texts(organiser)).toEqual(['Une idée privée']);
    expect(await texts(outsider)).toBe(404);
    expect(await texts(null)).toBe(404);
    await db.query('update survey set results_public = true where id = $1', [id]);
    expect(await texts(outsider)).toBeNull();
    expect(await texts(null)).toBeNull();
  });
});

