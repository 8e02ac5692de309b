/**
 * Surveys end to end (issue 14 item 7), through the pages: an organiser builds a survey on her event — a yes/no
 * question, a question asked only after « oui », a scale — and opens it; two visitors answer from two private links
 * (the first saves a partial answer and resumes it); the results' chart changes as the answers arrive; the report
 * prints to A4 (Chromium's PDF) and downloads as a PDF, and both texts hold the figures. Every page axe-clean, no wider
 * than a phone, screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Browser, Page } from 'playwright-core';
import { makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { looked, signIn, startSite, type Running } from './browser.js';

const EVENT = 'atelier-jeunesse-e2e-sondage';
const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);


async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Adds a question through the builder's plain form. */
async function addQuestion(page: Page, q: { type: string; key: string; fr: string; vi?: string; required?: boolean; scale?: [string, string]; cond?: [string, string] }) {
  const form = page.locator('#q-form');
  await form.locator('[name="q.type"]').selectOption(q.type);
  await form.locator('[name="q.key"]').fill(q.key);
  await form.locator('[name="q.labels.fr"]').fill(q.fr);
  if (q.vi) await form.locator('[name="q.labels.vi"]').fill(q.vi);
  if (q.required) await form.locator('[name="q.required"]').check();
  if (q.scale) { await form.locator('[name="q.scaleMin"]').fill(q.scale[0]); await form.locator('[name="q.scaleMax"]').fill(q.scale[1]); }
  if (q.cond) { await form.locator('[name="q.condQuestion"]').selectOption(q.cond[0]); await form.locator('[name="q.condValues"]').fill(q.cond[1]); }
  await form.getByRole('button', { name: 'Ajouter une question' }).click();
  await page.waitForLoadState();
  expect(await page.locator('.field-error').count()).toBe(0);
}

/** A visitor opens the survey's public page and starts an answer: the private link's page. */
async function starts(browser: Browser, base: string, survey: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/surveys/${survey}`);
  await page.getByRole('button', { name: 'Répondre' }).click();
  await page.waitForURL(/\/survey-responses\/[A-Za-z0-9_-]{43}/);
  return page;
}

const cells = (page: Page, label: string) => page.locator('.result-question').filter({ hasText: 'La rencontre vous a-t-elle été utile' })
  .locator('table tr').filter({ has: page.locator(`th:text-is("${label}")`) }).locator('td').first().textContent();

describe('surveys, in Chromium', () => {
  let site: Running;
  beforeAll(async () => {
    site = await startSite();
    await makeAccount(site.db, 'claire.sondage@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Claire Martin' });
    await site.db.query(`insert into event (id, title, kind, start_on, start_precision, end_on, end_precision, place_text)
      values ($1, 'Atelier jeunesse franco-vietnamien', 'meeting', $2, 'day', $2, 'day', 'Bobigny')`, [EVENT, day]);
    await site.db.query(`insert into event_host (event_id, organisation_id, position) values ($1, 'cd93', 0)`, [EVENT]);
  });
  afterAll(async () => { await site?.close(); });

  it('builds a survey with a conditional question, takes two answers, updates the chart and prints the report', async () => {
    const { browser, base } = site;
    // 1. the organiser starts a survey from her event's sheet
    const claire = await signIn(site, 'claire.sondage@cd93.example', { width: 1280, height: 1000, timeout: 20_000 });
    await claire.goto(`${base}/events/${EVENT}`);
    await claire.getByRole('link', { name: 'Créer une enquête' }).click();
    await claire.waitForURL(/\/espace\/surveys\/new/);
    await looked(claire, 'surveys-new');
    await claire.locator('[name="title.fr"]').fill('Bilan de l’atelier jeunesse');
    await claire.locator('[name="title.vi"]').fill('Đánh giá hội thảo thanh niên');
    await claire.locator('[name="mode"]').selectOption('anonymous');
    await claire.locator('[name="resultsPublic"]').check();
    await claire.locator('[name="freeAnswersPublic"]').check();
    await claire.getByRole('button', { name: 'Créer l’enquête' }).click();
    await claire.waitForURL(/\/espace\/surveys\/[^/?]+\?/);
    const survey = new URL(claire.url()).pathname.split('/').pop()!;

    // 2. three questions, the second asked only after « oui »
    await addQuestion(claire, { type: 'yes_no', key: 'utile', fr: 'La rencontre vous a-t-elle été utile ?', vi: 'Cuộc gặp có hữu ích với bạn không?', required: true });
    await addQuestion(claire, { type: 'long_text', key: 'retenu', fr: 'Qu’en retenez-vous ?', cond: ['utile', 'oui'] });
    await addQuestion(claire, { type: 'scale', key: 'note', fr: 'Votre note globale', scale: ['1', '5'] });
    expect(await claire.locator('body').innerText()).toContain('Qu’en retenez-vous ?');
    await looked(claire, 'surveys-builder');
    await claire.getByRole('button', { name: 'Ouvrir l’enquête aux réponses' }).click();
    expect(await claire.locator('body').innerText()).toContain('L’enquête est ouverte.');

    // 3. a first visitor saves a partial answer, comes back through the same private link, and sends it
    const a = await starts(browser, base, survey);
    const linkA = a.url();
    // the conditional question says its condition in words (for readers without JavaScript); the script hides it until « oui »
    expect(await a.locator('[data-if="utile"]').textContent()).toContain('Répondez seulement si vous avez répondu « Oui » à la question 1');
    expect(await a.locator('[data-if="utile"]').isHidden()).toBe(true);
    await looked(a, 'surveys-answer');
    await a.locator('[name="answers.utile"][value="yes"]').check();
    expect(await a.locator('[data-if="utile"]').isVisible()).toBe(true);
    await a.getByRole('button', { name: 'Enregistrer et continuer plus tard' }).click();
    expect(await a.locator('body').innerText()).toContain('Vos réponses sont enregistrées.');
    await a.goto(linkA);
    expect(await a.locator('[name="answers.utile"][value="yes"]').isChecked()).toBe(true);
    await a.locator('[name="answers.retenu"]').fill('Des contacts avec la province de Hải Dương pour des échanges de volontaires.');
    await a.locator('[name="answers.note"][value="4"]').check();
    await a.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    expect(await a.locator('body').innerText()).toContain('Merci : vos réponses sont envoyées.');

    // 4. the results after one answer: one « oui », no « non »
    const results = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    await results.goto(`${base}/surveys/${survey}/results`);
    expect(await cells(results, 'Oui')).toBe('1');
    const chartBefore = await results.locator('.result-question').first().locator('svg').innerHTML();
    expect(await results.locator('body').innerText()).toContain('Des contacts avec la province de Hải Dương');

    // 5. a second visitor (another private link) answers « non »: the hidden question is not asked of them
    const b = await starts(browser, base, survey);
    expect(b.url()).not.toBe(linkA);
    await b.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    expect(await b.locator('.field-error, [role="alert"]').first().innerText()).toContain('La rencontre vous a-t-elle été utile');
    await b.locator('[name="answers.utile"][value="no"]').check();
    await b.locator('[name="answers.note"][value="2"]').check();
    await b.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    expect(await b.locator('body').innerText()).toContain('Merci : vos réponses sont envoyées.');

    // the organiser's side: her workspace lists the survey, the follow-up counts the two answers (no names: anonymous)
    await claire.goto(`${base}/espace`);
    expect(await claire.locator('#surveys-h').locator('xpath=..').innerText()).toContain('Bilan de l’atelier jeunesse');
    await claire.goto(`${base}/espace/surveys/${survey}/respondents`);
    const followUp = await claire.locator('main').innerText();
    expect(followUp).toContain('Enquête anonyme');
    expect(followUp).toMatch(/Ont répondu\s*2/);
    await looked(claire, 'surveys-respondents');

    // 6. the chart changed: one each, and the scale's mean is 3
    await results.reload();
    expect(await cells(results, 'Oui')).toBe('1');
    expect(await cells(results, 'Non')).toBe('1');
    expect(await results.locator('.result-question').first().locator('svg').innerHTML()).not.toBe(chartBefore);
    expect(await results.locator('.result-question').filter({ hasText: 'Votre note globale' }).innerText()).toContain('3');
    await looked(results, 'surveys-results');
    await results.goto(`${base}/vi/surveys/${survey}/results`);
    expect(await results.locator('body').innerText()).toContain('Cuộc gặp có hữu ích với bạn không?');

    // 7. the report prints to A4 with its figures, and its PDF download holds the same
    const report = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    await report.goto(`${base}/surveys/${survey}/report`);
    await looked(report, 'surveys-report');
    await report.emulateMedia({ media: 'print' });
    const printed = await pdfText(new Uint8Array(await report.pdf({ format: 'A4', printBackground: true })));
    expect(printed).toContain('Bilan de l’atelier jeunesse');
    expect(printed).toContain('La rencontre vous a-t-elle été utile');
    expect(printed).not.toContain('Se connecter');
    expect(printed).toMatch(/Oui\s*1\s*50/);
    const download = await report.request.get(`${base}/surveys/${survey}/report.pdf`);
    expect(download.headers()['content-type']).toContain('application/pdf');
    const text = await pdfText(new Uint8Array(await download.body()));
    expect(text).toContain('Bilan de l’atelier jeunesse');
    expect(text).toContain('La rencontre vous a-t-elle été utile');
    expect(text).toContain('Nombre de réponses : 2');
    expect(text).toContain('Oui 1 (50 %) Non 1 (50 %)');
    expect(text).toContain('Moyenne : 3');
    const vi = await pdfText(new Uint8Array(await (await report.request.get(`${base}/vi/surveys/${survey}/report.pdf`)).body()));
    expect(vi).toContain('Cuộc gặp có hữu ích với bạn không?');
  }, 240_000);
});
