/**
 * A survey's results and its printable report in a real browser: axe-core clean in fr, en and vi, nothing wider than
 * 390 px; printed on A4, the report leaves the navigation and the buttons off paper and keeps each chart whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneClean, startSite, type Running } from './browser.js';

const PAGES = ['/surveys/sondage-assises-12/results', '/en/surveys/sondage-assises-12/results', '/vi/surveys/sondage-assises-12/report',
  '/surveys/sondage-assises-12/report', '/events/restitution-assises-12'];

describe('survey results pages', () => {
  let site: Running;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it.each(PAGES)('axe-core finds no violation on %s, nor a page wider than 390 px', (path) => phoneClean(site, path));

  it('prints the report without navigation or buttons, its charts whole, and shows « Imprimer » once scripts run', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.base}/surveys/sondage-assises-12/report`);
    await expect.poll(() => page.locator('button.print-button').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.sheet-actions').isVisible()).toBe(false);
    expect(await page.locator('svg.result-chart').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await ctx.close();
  });
});
