/**
 * Seed 002's survey against the document's facts, read back through the results API as a visitor reads them:
 * recorded answers per question (15 or 16), the yes/no counts 5 and 2, the organisers' readings, the free answers
 * the document lists; and the PDF report's text (title, figures, Vietnamese labels).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../client.js';
import { testDb } from '../../../../test/db.js';
import { client as httpClient } from '../../../../test/http.js';
import { pdfText } from '../../../features/surveys/surveys.pdf.testkit.js';

let db: Db; let api: ReturnType<typeof httpClient>;
beforeAll(async () => { db = await testDb(); api = httpClient(db); });
afterAll(async () => { await db?.close(); });

const ID = 'sondage-assises-12';

describe('the survey of the 12th Assises (seed 002)', () => {
  it('is CUF\'s, for the Vietnam group, about the 12th Assises, given back at the restitution of 9 June 2023', async () => {
    const [s] = await db.query<any>(`select organisation_id, group_id, event_id, restitution_event_id, source, mode, status, results_public,
      free_answers_public, recorded_responses, title from survey where id = $1`, [ID]);
    expect(s).toMatchObject({ organisation_id: 'cuf', group_id: 'cuf-gp-vietnam', event_id: 'assises-12', restitution_event_id: 'restitution-assises-12',
      source: 'recorded', mode: 'anonymous', status: 'closed', results_public: true, free_answers_public: true, recorded_responses: 16 });
    expect(s.title.fr).toMatch(/12es Assises/);
    expect(s.title.vi).toMatch(/lần thứ 12/);
    expect((await db.query('select 1 from survey_response where survey_id = $1', [ID])).length).toBe(0);
  });

  it('gives its results to a visitor: answers per question, yes 5 no 2, the readings and the free answers', async () => {
    const r = await api.get(`/api/surveys/${ID}/results`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.responses).toBe(16);
    const q = Object.fromEntries(r.json.questions.map((x: any) => [x.key, x]));
    expect(r.json.questions.map((x: any) => [x.key, x.type, x.answered])).toEqual([
      ['ateliers', 'multiple', 15], ['informations', 'yes_no', 15], ['inspiration', 'yes_no', 16], ['partenaires_hanoi', 'yes_no', 0],
      ['nouveaux_liens', 'yes_no', 16], ['a_garder', 'long_text', 16], ['a_ameliorer', 'long_text', 15], ['themes_groupe_pays', 'long_text', 16],
    ]);
    expect(q.ateliers.bars).toEqual([]); // no per-workshop counts in the document
    expect(q.ateliers.undetailed).toBe(15);
    expect(q.informations.bars.map((b: any) => [b.value, b.count, b.percent])).toEqual([['yes', 5, 33.3], ['no', 2, 13.3]]);
    expect(q.informations.undetailed).toBe(8);
    expect(q.informations.comment.fr).toBe('Bilan informationnel mitigé');
    expect(q.nouveaux_liens.comment.fr).toBe('Retour relationnel positif');
    expect(q.informations.texts).toHaveLength(1);
    expect(q.a_garder.texts).toHaveLength(14);
    expect(q.a_ameliorer.texts).toHaveLength(12);
    expect(q.themes_groupe_pays.texts).toHaveLength(7);
    expect(q.a_ameliorer.texts.join(' ')).toContain('FSFV');
    // a recorded survey has no answers to break down
    const by = await api.get(`/api/surveys/${ID}/results?by=informations`);
    expect(by.status).toBe(400);
    expect(by.json.issues[0].path).toBe('by');
  });

  it('gives the same as CSV, in the language asked', async () => {
    const r = await api.get(`/api/surveys/${ID}/results.csv?lang=en`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="survey-sondage-assises-12-results-en\.csv"/);
    expect(r.text).toContain('question,option,count,percent,mean,median');
    expect(r.text).toContain('"Did these Assises, and their workshops in particular, give you new technical, scientific or operational information?",Yes,5,33.3,,');
  });

  it('prints its report as an A4 PDF: title, figures, readings, free answers, Vietnamese labels', async () => {
    const res = await httpClient(db).get(`/api/surveys/${ID}/report.pdf?lang=fr`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="survey-sondage-assises-12-results-fr.pdf"');
    const app = (await import('../../../app.js')).createApp({ db });
    const bytes = new Uint8Array(await (await app.request(`/api/surveys/${ID}/report.pdf?lang=fr`)).arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/); // A4
    const fr = pdfText(bytes).replace(/\s*\n\s*/g, ' ');
    expect(fr).toContain('Sondage des participants aux 12es Assises de la coopération décentralisée franco-vietnamienne');
    expect(fr).toContain('Organisé par : Cités Unies France');
    expect(fr).toContain('Restitution et suites des 12es Assises de la coopération décentralisée franco-vietnamienne (9 juin 2023)');
    expect(fr).toContain('Nombre de réponses : 16');
    expect(fr).toContain('15 réponses à cette question');
    expect(fr).toContain('Oui 5 (33,3 %) Non 2 (13,3 %)');
    expect(fr).toContain('→ Bilan informationnel mitigé');
    expect(fr).toContain('Réponses libres (14)');
    expect(fr).toContain('Conclusion');
    expect(fr).toContain('4. Pendant les Assises, avez-vous rencontré vos partenaires à Hanoï ou leur avez-vous rendu visite ? Aucun chiffre n’a été communiqué pour cette question.');
    expect(fr).toMatch(/Page 1 sur [2-9]/);
    const vi = pdfText(new Uint8Array(await (await app.request(`/api/surveys/${ID}/report.pdf?lang=vi`)).arrayBuffer())).replace(/\s*\n\s*/g, ' ');
    expect(vi).toContain('Khảo sát người tham dự Hội nghị hợp tác phi tập trung Pháp – Việt lần thứ 12');
    expect(vi).toContain('Anh/chị đã tham gia những hội thảo chuyên đề nào?');
    expect(vi).toContain('→ Kết quả về thông tin thu được còn trái chiều');
    expect(vi).toContain('ngày 9 tháng 6 năm 2023');
    expect(vi).not.toContain('\ufffd');
  });
});
