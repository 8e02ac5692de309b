/**
 * Starting anonymous answer sheets is limited per client (a flood of empty sheets is refused with 429 and
 * Retry-After), and what the limit keeps names neither the address nor the survey.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyInput } from '@tandem/shared';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { ADMIN_TOKEN_ACTOR } from '../../lib/actor.js';
import { START_LIMIT } from './surveys.responses.js';
import { createSurvey, setSurveyStatus } from './surveys.service.js';
import { sampleSurvey } from './surveys.testkit.js';

let db: Db; let app: ReturnType<typeof createApp>;
beforeAll(async () => { db = await testDb(); app = createApp({ db }); process.env.TANDEM_TRUST_PROXY = '1'; });
afterAll(async () => { delete process.env.TANDEM_TRUST_PROXY; await db?.close(); });

describe('starting anonymous answers', () => {
  it(`allows ${START_LIMIT} starts per client in 15 minutes, then answers 429; the count keeps no address and no survey`, async () => {
    const created = await createSurvey(db, ADMIN_TOKEN_ACTOR, surveyInput.parse(sampleSurvey({ mode: 'anonymous' })));
    const s = await setSurveyStatus(db, ADMIN_TOKEN_ACTOR, created.id, { status: 'open', version: created.version });
    const start = (ip: string) => app.request(`/api/surveys/${s.id}/responses`, { method: 'POST', headers: { 'x-forwarded-for': ip } });
    for (let n = 0; n < START_LIMIT; n++) expect((await start('203.0.113.9')).status).toBe(201);
    const refused = await start('203.0.113.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after') ?? (await refused.clone().json()).retryAfter)).toBeGreaterThan(0);
    expect((await start('198.51.100.4')).status).toBe(201); // another client is not held back
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from survey_response where survey_id = $1', [s.id]);
    expect(n).toBe(START_LIMIT + 1);
    const keys = (await db.query<{ key: string }>(`select key from login_attempt where key like 'survey-start:%'`)).map((r) => r.key);
    expect(keys.length).toBe(START_LIMIT + 1);
    for (const k of keys) { expect(k).not.toContain('203.0.113.9'); expect(k).not.toContain(s.id); }
  }, 120_000);
});
