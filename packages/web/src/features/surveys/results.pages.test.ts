/**
 * A survey's results pages through the whole site: the seeded survey of the 12th Assises (recorded results) with its
 * counts, chart (SVG, role=img) and table, undetailed answers and the organisers' reading in fr/en/vi; the printable
 * report and its PDF; the restitution meeting's sheet linking to the report; a survey answered here broken down by a
 * category (groups under 5 answers only counted), hidden from visitors until published.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { sampleSurvey } from '../../../../server/src/features/surveys/surveys.testkit.js';
import { createSite } from '../../site.js';
import type { Browser } from '../edit/form-testkit.js';

describe('survey results pages', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let organiser: Browser;
  let csrf: Record<string, string>;
  const visitor = () => browser(app);
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    await makeAccount(db, 'res@cd93.example', [{ role: 'member', organisationId: 'cd93' }]);
    organiser = browser(app);
    csrf = { 'x-csrf-token': await organiser.login('res@cd93.example') };
  });
  afterAll(async () => { await db?.close(); });

  const P = '/surveys/sondage-assises-12';

  it('shows the seeded survey’s results: counts, chart and table, undetailed answers, the reading, free answers', async () => {
    const r = await visitor().get(`${P}/results`);
    expect(r.status).toBe(200);
    const html = r.text;
    expect(html).toContain('16 personnes ont répondu');
    const q = html.match(/<section class="result-question" aria-labelledby="q-informations-h">[\s\S]*?<\/section>/)![0];
    expect(q).toContain('<strong>15 réponses</strong>');
    expect(q).toMatch(/<svg class="result-chart"[^>]*role="img"[^>]*aria-labelledby="q-informations-c-t q-informations-c-d"/);
    expect(q).toContain('<desc id="q-informations-c-d">Oui : 5 (33,3 %) ; Non : 2 (13,3 %)</desc>');
    expect(q).toMatch(/<table class="data result-table">[\s\S]*<th scope="row">Oui<\/th><td class="num">5<\/td><td class="num">33,3 %<\/td>/);
    expect(q).toContain('8 réponses sans détail');
    expect(q).toContain('Bilan informationnel mitigé');
    expect(q).toContain('j’ai découvert les actions menées');
    // a question reported without any split: its count, no chart
    const ateliers = html.match(/aria-labelledby="q-ateliers-h">[\s\S]*?<\/section>/)![0];
    expect(ateliers).toContain('15 réponses');
    expect(ateliers).not.toContain('<svg');
    expect(ateliers).not.toContain('sans détail');
    expect(html.match(/aria-labelledby="q-partenaires_hanoi-h">[\s\S]*?<\/section>/)![0]).toContain('Aucun chiffre n’a été rapporté pour cette question.');
    // downloads: the summary CSV in the page's language, the report, its PDF; no answers CSV for a visitor
    expect(html).toContain('href="/api/surveys/sondage-assises-12/results.csv?lang=fr"');
    expect(html).toContain('href="/surveys/sondage-assises-12/report"');
    expect(html).toContain('href="/surveys/sondage-assises-12/report.pdf"');
    expect(html).not.toContain('answers.csv');
    // a recorded survey has no answers to break down: no form
    expect(html).not.toContain('name="by"');
  });

  it('speaks English and Vietnamese', async () => {
    const en = (await visitor().get(`/en${P}/results`)).text;
    expect(en).toContain('<strong>15 answers</strong>');
    expect(en).toContain('8 answers without detail');
    expect(en).toContain('A mixed result for information');
    expect(en).toContain('Yes: 5 (33.3%)');
    expect(en).toContain('href="/api/surveys/sondage-assises-12/results.csv?lang=en"');
    const vi = (await visitor().get(`/vi${P}/results`)).text;
    expect(vi).toContain('<strong>15 câu trả lời</strong>');
    expect(vi).toContain('Kết quả về thông tin thu được còn trái chiều');
    expect(vi).toMatch(/<html lang="vi">/);
  });

  it('prints the restitution report, serves its PDF and links it from the restitution meeting', async () => {
    const html = (await visitor().get(`${P}/report`)).text;
    expect(html).toContain('Restitution de l’enquête');
    expect(html).toContain('data-print="true"');
    expect(html).toContain('src="/assets/sheet.js"');
    expect(html).toContain('<h2 id="conclusion-h">Conclusion</h2>');
    expect(html).toContain('Les participants retiennent des Assises bien organisées');
    expect(html).toMatch(/Résultats présentés lors de : <a href="\/events\/restitution-assises-12"/);
    expect(html).toMatch(/<svg class="result-chart"[^>]*role="img"/);
    expect((await visitor().get(`/en${P}/report`)).text).toContain('Survey debriefing');
    for (const path of [`${P}/report.pdf`, `/en${P}/report.pdf`]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toContain(path.startsWith('/en') ? '-report-en.pdf' : '-report-fr.pdf');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const sheet = (await visitor().get('/events/restitution-assises-12')).text;
    expect(sheet).toMatch(/<a href="\/surveys\/sondage-assises-12\/report">Restitution de l’enquête <q>Sondage des participants/);
    expect((await visitor().get('/en/events/restitution-assises-12')).text).toContain('href="/en/surveys/sondage-assises-12/report"');
  });

  it('breaks a survey answered here down by a category, hiding groups of fewer than 5 answers; unpublished results stay the organisers’', async () => {
    const created = await organiser.post('/api/surveys', sampleSurvey({ resultsPublic: false }), csrf);
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    const opened = await organiser.post(`/api/surveys/${id}/status`, { status: 'open', version: created.json.version }, csrf);
    expect(opened.status, opened.text).toBe(200);
    const answer = (topic: string, useful: number) => ({ attended: true, useful, topic, remarks: `Remarque ${topic} ${useful}` });
    const sheets = [...[1, 2, 3, 4, 5, 5].map((n) => answer('water', n)), answer('culture', 3), answer('culture', 4)];
    for (const a of sheets) {
      await db.query(`insert into survey_response (id, survey_id, token_hash, answers, submitted_at) values ($1, $2, $3, $4::jsonb, current_date)`,
        [randomUUID(), id, randomUUID(), JSON.stringify(a)]);
    }
    expect((await visitor().get(`/surveys/${id}/results`)).status).toBe(404);
    expect((await visitor().get(`/surveys/${id}/report.pdf`)).status).toBe(404);
    const page = await organiser.get(`/surveys/${id}/results?by=topic`);
    expect(page.status, page.text.slice(0, 300)).toBe(200);
    expect(page.text).toMatch(/<select id="by" name="by">[\s\S]*<option value="topic" selected="">Thème à approfondir<\/option>/);
    const breakdown = page.text.match(/<section class="results-breakdown"[\s\S]*?<section class="result-section"/)![0];
    expect(breakdown).toContain('1 groupe de moins de 5 réponses n’est pas affiché');
    expect(breakdown).toContain('Eau</span> — 6 personnes ont répondu');
    expect(breakdown).not.toContain('Culture</span>');
    const useful = page.text.match(/aria-labelledby="q-useful-h">[\s\S]*?<\/section>/)![0];
    expect(useful).toContain('<strong>8 réponses</strong>');
    expect(useful).toMatch(/<dt>Moyenne<\/dt><dd>3,38<\/dd>/);
    expect(useful).toMatch(/<dt>Médiane<\/dt><dd>3,5<\/dd>/);
    expect(page.text).toContain(`href="/api/surveys/${id}/answers.csv?lang=fr"`);
    expect(page.text).toContain('Remarque culture 4');
    expect((await organiser.get(`/surveys/${id}/results?by=remarks`)).status).toBe(400);
    expect((await organiser.get(`/surveys/${id}/results?by=NOT-A-KEY`)).status).toBe(400);
  });
});
