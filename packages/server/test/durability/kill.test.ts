/**
 * `kill -9` of a real server process (its whole process group) in the middle of a burst of registrations and of
 * survey answers, on the run's engine (PGlite: the data directory and its WAL; PostgreSQL: the database). On the same
 * data afterwards: every acknowledged write (2xx) is there as it was answered; no event holds more accepted
 * registrations than its places and the waiting list has no gaps or ties; every answer sheet is either as it was
 * started or wholly saved (its answers, its submission, its version together); the restarted server serves both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, testEvent } from '../../src/features/registration/registration.testkit.js';
import { sampleSurvey } from '../../src/features/surveys/surveys.testkit.js';
import { signalGroup } from '../server-process.js';
import { auth, call, served, type Served } from './served.js';

const CAPACITY = 40;
let s: Served;
let event: { id: string };
beforeAll(async () => {
  s = await served('kill');
  const db = await s.open();
  event = await testEvent(db, { capacity: CAPACITY });
  await db.close();
}, 120_000);
afterAll(async () => { await s?.cleanup(); }, 60_000);

const answersOf = (i: number) => ({ attended: true, useful: 1 + (i % 5), topic: i % 2 ? 'water' : 'culture', remarks: `Réponse complète n° ${i} — ${'é'.repeat(i % 40)}` });

/** Each visitor from its own address behind a trusted proxy (one client may register 100 times an hour). */
const fromAddress = (n: number) => ({ 'x-forwarded-for': `10.2.${n >> 8}.${n & 255}` });

describe('kill -9 during registrations and survey answers', () => {
  it('keeps every acknowledged write and a consistent database', async () => {
    const p = await s.start('A', { TANDEM_TRUST_PROXY: '1' });
    // an open anonymous survey and 100 answer sheets started (the private links kept)
    const made = await call(p, 'POST', '/api/surveys', sampleSurvey(), auth);
    expect(made.status, made.text).toBe(201);
    const survey = made.json.id as string;
    expect((await call(p, 'POST', `/api/surveys/${survey}/status`, { status: 'open', version: made.json.version }, auth)).status).toBe(200);
    const sheets = await Promise.all(Array.from({ length: 100 }, () => call(p, 'POST', `/api/surveys/${survey}/responses`)));
    expect(sheets.map((r) => r.status).filter((x) => x !== 201)).toEqual([]);
    const tokens = sheets.map((r) => ({ token: r.json.token as string, id: r.json.response.id as string }));

    // the burst: 300 registrations and 100 submitted answers at once; killed once 80 answers are in
    const ackedRegs: Array<{ id: string; status: string; token: string }> = [];
    const ackedAnswers = new Map<string, { version: number; i: number }>();
    let answered = 0;
    const fail = (r: { status: number; text: string }) => { if (r.status >= 500) throw new Error(`${r.status} ${r.text}`); };
    const regs = Array.from({ length: 300 }, (_, i) => call(p, 'POST', `/api/events/${event.id}/registrations`, person(`kill-${i}`), fromAddress(i)).then((r) => {
      answered++; fail(r);
      if (r.status === 201) ackedRegs.push({ id: r.json.registration.id, status: r.json.registration.status, token: r.json.token });
      return r.status;
    }));
    const saves = tokens.map(({ token, id }, i) => call(p, 'PUT', `/api/survey-responses/${token}`, { answers: answersOf(i), submit: true, version: 1 }).then((r) => {
      answered++; fail(r);
      if (r.status === 200) ackedAnswers.set(id, { version: r.json.version, i });
      return r.status;
    }));
    while (answered < 80) await new Promise((r) => setTimeout(r, 5));
    await signalGroup(p, 'SIGKILL');
    const statuses = await Promise.all([...regs, ...saves]);
    expect(statuses).toContain(0); // requests left without an answer: the kill came mid-burst
    expect(statuses.filter((x) => x !== 0 && x !== 200 && x !== 201)).toEqual([]);
    expect(ackedRegs.length + ackedAnswers.size).toBeGreaterThanOrEqual(80);

    const db = await s.open();
    try {
      const rows = await db.query<{ id: string; status: string; queue_position: number | null }>(
        'select id, status, queue_position from registration where event_id = $1', [event.id]);
      const byId = new Map(rows.map((r) => [r.id, r.status]));
      for (const a of ackedRegs) expect(byId.get(a.id), a.id).toBe(a.status);
      const accepted = rows.filter((r) => r.status === 'accepted').length;
      expect(accepted).toBe(Math.min(CAPACITY, rows.length));
      const ranks = rows.filter((r) => r.status === 'waiting').map((r) => r.queue_position).sort((a, b) => a! - b!);
      expect(ranks).toEqual(Array.from({ length: ranks.length }, (_, i) => i + 1));

      const sheetsNow = await db.query<{ id: string; answers: any; submitted_at: unknown; version: number }>(
        'select id, answers, submitted_at, version from survey_response where survey_id = $1', [survey]);
      expect(sheetsNow).toHaveLength(100);
      for (const r of sheetsNow) {
        const answers = typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers;
        const acked = ackedAnswers.get(r.id);
        if (acked) expect({ version: r.version, answers }).toEqual({ version: acked.version, answers: answersOf(acked.i) });
        // all of a save or nothing of it
        if (r.version === 1) expect({ answers, submitted: r.submitted_at }).toEqual({ answers: {}, submitted: null });
        else expect([r.version, r.submitted_at !== null, Object.keys(answers).sort()]).toEqual([2, true, ['attended', 'remarks', 'topic', 'useful']]);
      }
    } finally { await db.close(); }

    const again = await s.start('B', { TANDEM_TRUST_PROXY: '1' });
    expect((await call(again, 'GET', `/api/registrations/${ackedRegs[0]?.token ?? 'none'}`)).status).toBe(ackedRegs.length ? 200 : 404);
    const more = await Promise.all(Array.from({ length: 20 }, (_, i) => call(again, 'POST', `/api/events/${event.id}/registrations`, person(`after-${i}`), fromAddress(1000 + i))));
    expect(more.map((r) => r.status).filter((x) => x !== 201)).toEqual([]);
    const list = await call(again, 'GET', `/api/events/${event.id}/registrations`, undefined, auth);
    expect(list.json.counts.accepted).toBe(CAPACITY);
    // a sheet whose save got no answer: resumed through its link, saved now (or already submitted by the cut save)
    const unsaved = tokens.find((t) => !ackedAnswers.has(t.id));
    if (unsaved) {
      const resumed = await call(again, 'GET', `/api/survey-responses/${unsaved.token}`);
      expect(resumed.status).toBe(200);
      const resave = await call(again, 'PUT', `/api/survey-responses/${unsaved.token}`, { answers: answersOf(999), submit: true, version: resumed.json.response.version });
      expect(resave.status === 200 || (resave.status === 409 && resumed.json.response.submittedAt !== null), resave.text).toBe(true);
    }
  }, 180_000);
});
