/** `npm run eval:extract [-- --dir DIR --texts DIR --verbose --json]`: scores `extract` on annotated documents (issue 16). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, scoreDocument, summarise, type Annotation, type DocumentScore } from '../packages/server/src/features/extract/eval.js';
import { extract } from '../packages/server/src/features/extract/extract.js';
import { loadGazetteer } from '../packages/server/src/features/extract/gazetteer.js';
import { readDocument } from '../packages/server/src/features/extract/readers.js';

const HELP = `Usage: npm run eval:extract [-- --dir DIR ... --texts DIR ... --verbose --json]

Runs the extractor on every annotated document and prints TP, FP, FN, precision, recall and F1 per category,
the overall micro-average, then per document. An annotation is NAME.json (shape: /work/shared/design/extract-examples/
GUIDELINES.md) whose "doc" names the text file, looked up next to the JSON, then in each --texts DIR.
  --dir DIR     also score the annotations of DIR (besides packages/server/src/features/extract/fixtures)
  --texts DIR   where to find the documents the annotations name
  --only-dirs   score the --dir annotations only, not the project's fixtures
  --verbose     list the missed facts and the wrong ones, per document
  --json        the report as JSON
Example: npm run eval:extract -- --dir /work/shared/design/extract-examples --texts /work/shared/seeds`;

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/server/src/features/extract/fixtures');

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    dir: { type: 'string', multiple: true }, texts: { type: 'string', multiple: true }, 'only-dirs': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  } });
  if (values.help) { console.log(HELP); return 0; }
  const dirs = [...(values['only-dirs'] ? [] : [FIXTURES]), ...(values.dir ?? []).map((d) => resolve(d))];
  const texts = (values.texts ?? []).map((d) => resolve(d));
  const gaz = await loadGazetteer();
  const scores: DocumentScore[] = [];
  const problems: string[] = [];
  let ms = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) { problems.push(`${dir}: no such directory`); continue; }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      let ann: Annotation;
      try { ann = JSON.parse(readFileSync(join(dir, file), 'utf8')); } catch (e) { problems.push(`${file}: ${(e as Error).message}`); continue; }
      if (typeof ann?.doc !== 'string') continue; // not an annotation
      const path = [dir, ...texts].map((d) => join(d, ann.doc)).find((p) => existsSync(p));
      if (!path) { problems.push(`${file}: ${ann.doc} not found next to it${texts.length ? ' nor in --texts' : ' (give --texts DIR)'}`); continue; }
      try {
        const doc = await readDocument(readFileSync(path), ann.doc);
        const t0 = performance.now();
        const got = extract(doc.text, gaz);
        ms = Math.max(ms, performance.now() - t0);
        scores.push(scoreDocument(ann, got));
      } catch (e) { problems.push(`${ann.doc}: ${(e as Error).message}`); }
    }
  }
  const report = summarise(scores);
  if (values.json) console.log(JSON.stringify({ ...report, slowestMs: Math.round(ms), problems }, null, 2));
  else {
    console.log(formatReport(report, { verbose: values.verbose }));
    console.log(`\n${scores.length} documents, slowest extraction ${Math.round(ms)} ms`);
    for (const p of problems) console.error(`skipped: ${p}`);
  }
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  console.error(`eval:extract: ${(e as Error).message}\n\n${HELP}`);
  process.exitCode = 2;
}
