/**
 * The report PDF of a survey answered in Tandem: every question's label stays on the page of its whole chart (a
 * long survey runs over several pages), bars are vector rectangles with their counts and percents as text, every
 * page carries its number, free answers appear only for readers who may see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { ADMIN_TOKEN_ACTOR } from '../../lib/actor.js';
import { insertSurvey } from '../../db/seed/documents/surveys.js';
import { reportPdf } from './surveys.pdf.js';
import { pdfPages } from './surveys.pdf.testkit.js';

let db: Db;
const ID = `pdf-test-${process.pid}`;
const QUESTIONS = 24;
beforeAll(async () => {
  db = await testDb();
  const letters = ['a', 'b', 'c', 'd'];
  await insertSurvey(db, {
    id: ID, organisationId: 'cd93', title: { fr: 'Sondage long', vi: 'Khảo sát dài' }, mode: 'anonymous', resultsPublic: true,
    conclusion: { fr: 'Conclusion de l’essai.' },
    sections: [{ questions: [
      ...Array.from({ length: QUESTIONS }, (_, i) => ({
        key: `q${i + 1}`, type: 'single' as const, labels: { fr: `Question ${i + 1} : votre préférence parmi quatre propositions assez longues ?` },
        options: letters.map((l) => ({ value: l, labels: { fr: `Q${i + 1} proposition ${l}` } })),
      })),
      { key: 'idee', type: 'short_text' as const, labels: { fr: 'Une idée' } },
      { key: 'note', type: 'scale' as const, scaleMin: 1, scaleMax: 5, labels: { fr: 'Note' } },
    ] }],
  }, 'closed');
  for (let r = 0; r < 6; r++) {
    const answers = { ...Object.fromEntries(Array.from({ length: QUESTIONS }, (_, i) => [`q${i + 1}`, r < 3 ? 'a' : letters[r - 2]])), idee: `Idée secrète ${r}`, note: r < 3 ? 4 : 5 };
    await db.query(`insert into survey_response (id, survey_id, token_hash, answers, submitted_at) values ($1, $2, $3, $4::jsonb, '2026-05-04')`,
      [`${ID}-${r}`, ID, `hash-${ID}-${r}`, JSON.stringify(answers)]);
  }
});
afterAll(async () => { await db?.close(); });

describe('the report PDF', () => {
  it('keeps each question with its chart, numbers the pages, draws the bars with their figures', async () => {
    const pages = pdfPages(await reportPdf(db, null, ID, 'fr'));
    expect(pages.length).toBeGreaterThan(1);
    const pageOf = (s: string) => pages.findIndex((p) => p.text.replace(/\s*\n\s*/g, ' ').includes(s));
    for (let i = 1; i <= QUESTIONS; i++) {
      const at = pageOf(`${i}. Question ${i} : votre préférence`);
      expect(at, `question ${i}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(`Q${i} proposition d`), `the chart of question ${i}`).toBe(at);
    }
    pages.forEach((p, k) => expect(p.text).toContain(`Page ${k + 1} sur ${pages.length}`));
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('Q1 proposition a\n3 (50 %)');
    expect(all).toContain('Q1 proposition b\n1 (16,7 %)');
    expect(all).toContain('Moyenne : 4,5 · Médiane : 4,5');
    expect(all).toContain('Conclusion de l’essai.');
    // a track and a filled bar per answered option, a track alone for the others
    expect(pages.reduce((n, p) => n + p.rects, 0)).toBeGreaterThanOrEqual(QUESTIONS * (4 + 4) + 5 + 2);
    expect(all).not.toContain('Idée secrète'); // free answers are not published
  });

  it('shows free answers to the organisers, and speaks the reader\'s language', async () => {
    const pages = pdfPages(await reportPdf(db, ADMIN_TOKEN_ACTOR, ID, 'vi'));
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('Khảo sát dài');
    expect(all).toContain('Câu trả lời tự do (6)');
    expect(all).toContain('– Idée secrète 0');
    expect(all).toContain(`Trang 1/${pages.length}`);
    expect(all).toContain('Trung bình: 4,5 · Trung vị: 4,5');
  });
});
