/**
 * Knowledge capture's speed and memory: the gazetteer's load (once per process), then every annotated page of the
 * fixtures (and of any --dir) read and extracted N times; prints per page the median and worst time and the heap.
 *   npm run bench:extract [-- --runs 20 --dir /work/shared/seeds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from '../../packages/server/src/features/extract/extract.js';
import { loadGazetteer } from '../../packages/server/src/features/extract/gazetteer.js';
import { readDocument } from '../../packages/server/src/features/extract/readers.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, dir: { type: 'string', multiple: true, default: [] } } });
const runs = Math.max(1, Number(values.runs));
const root = 'packages/server/src/features/extract/fixtures';
const dirs = [root, join(root, 'holdout'), join(root, 'holdout2'), ...(values.dir as string[])];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => join(d, f)));

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
let t0 = performance.now();
const gaz = await loadGazetteer();
console.log(`gazetteer: ${(performance.now() - t0).toFixed(0)} ms to load, heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
const all: number[] = [];
for (const file of files) {
  const doc = await readDocument(readFileSync(file), file);
  const times: number[] = [];
  for (let k = 0; k < runs; k++) { t0 = performance.now(); extract(doc.text, gaz); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  all.push(...times);
  console.log(`${file.replace(`${root}/`, '').padEnd(44)} ${String(doc.text.length).padStart(7)} chars  median ${times[Math.floor(times.length / 2)]!.toFixed(1).padStart(6)} ms  worst ${times.at(-1)!.toFixed(1).padStart(6)} ms`);
}
all.sort((a, b) => a - b);
console.log(`${files.length} pages × ${runs}: median ${all[Math.floor(all.length / 2)]!.toFixed(1)} ms, p99 ${all[Math.floor(all.length * 0.99)]!.toFixed(1)} ms, worst ${all.at(-1)!.toFixed(1)} ms; heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
