/**
 * Screenshots of pages of a running server at desktop (1280 px) and phone (390 px) widths, for a person to look at:
 *   tsx scripts/dev/screens.ts http://127.0.0.1:3000 /territories/UA /en/projects/innotech-master …
 * Writes test-results/screens/<path>-<width>.png and prints, per page, the status, CSP violations and console
 * errors seen, and whether the page is wider than the viewport.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) { console.error('usage: tsx scripts/dev/screens.ts BASE PATH…'); process.exit(2); }
const out = 'test-results/screens';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400 && r.url() !== base + (paths.find((p) => r.url().endsWith(p)) ?? '')) problems.push(`${r.status()} ${r.url()}`); });
  for (const path of paths) {
    problems.length = 0;
    const res = await page.goto(base + path, { waitUntil: 'networkidle' });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').slice(0, 80) || 'home'}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${res?.status()} ${width}px ${path} → ${file}${wide ? ' WIDER THAN VIEWPORT' : ''}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  }
  await page.close();
}
await browser.close();
