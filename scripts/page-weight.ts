/**
 * JavaScript weight per public page (gzip), as a browser receives it: every <script src> the page loads,
 * fetched and gzipped. Usage: npx tsx scripts/page-weight.ts [BASE_URL] (default: an in-process site on a seeded
 * in-memory database). Prints a Markdown table for docs/benchmarks.md.
 */
import { gzipSync } from 'node:zlib';
import { openDb } from '../packages/server/src/db/client.js';
import { prepareDb } from '../packages/server/src/server.js';
import { createSite } from '../packages/web/src/site.js';

const PAGES = ['/', '/search?q=hue', '/statistics', '/partnerships/ssd-hai-duong', '/projects/innotech-master', '/organisations/cd93',
  '/missions/hue-cergy-2023-11', '/territories/VN', '/territories/FR-C-95127', '/embed/map', '/embed-code/map'];

const db = await openDb({ memory: true });
await prepareDb(db, () => {});
const app = createSite({ db });
const get = async (path: string) => (await app.request(path)).text();
console.log('| page | HTML (gzip) | scripts | JavaScript (gzip) |\n| --- | ---: | --- | ---: |');
for (const path of PAGES) {
  const html = await get(path);
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  let js = 0;
  for (const src of srcs) js += gzipSync(await get(src)).length;
  console.log(`| \`${path}\` | ${(gzipSync(html).length / 1024).toFixed(1)} KB | ${srcs.map((s) => s.replace('/assets/', '')).join(', ') || '—'} | ${(js / 1024).toFixed(2)} KB |`);
}
await db.close();
