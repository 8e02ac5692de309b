/**
 * Pages wider than a phone: opens each path at 390 px and lists the elements that stick out past the viewport.
 *   tsx scripts/dev/overflow.ts http://127.0.0.1:3000 / /territories/FR /en/projects/innotech-master …
 */
import { chromium } from 'playwright-core';

const [base, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
let wide = 0;
for (const path of paths) {
  await page.goto(base + path);
  const out = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth
    ? [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5
      // what sticks out inside a box that scrolls on its own does not widen the page
      && !(e.parentElement && e.parentElement.closest('table.data, .table-scroll, [data-scroll]'))).slice(0, 4).map((e) => `${e.tagName.toLowerCase()}.${e.className} → ${Math.round(e.getBoundingClientRect().right)} px`)
    : []).then((l) => (l.length ? l : [])).then(async (l) => (l.length ? l : (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) ? [`page ${await page.evaluate(() => document.documentElement.scrollWidth)} px`] : []));
  if (out.length) { wide++; console.log(`${path}: wider than 390 px\n  ${out.join('\n  ')}`); } else console.log(`${path}: fits`);
}
await browser.close();
process.exit(wide ? 1 : 0);
