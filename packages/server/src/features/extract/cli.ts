/** `tandem extract FILE [--json]` (issue 16): a document's facts, as JSON or as a summary per kind. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extract } from './extract.js';
import { loadGazetteer } from './gazetteer.js';
import { ReadError, readDocument } from './readers.js';
import type { Extraction } from './types.js';

export const EXTRACT_HELP = `Usage: tandem extract FILE [--json]

Reads FILE (plain text, HTML — its main content —, .docx or PDF; 10 MB at most) and prints the facts found in it:
dates, amounts of money, quantities, organisations, territories and the partnerships it states.
  --json   the extraction as JSON: {"dates", "amounts", "quantities", "organisations", "territories", "partnerships"},
           each item with its text and its offsets (start, end) in the document's text
Names are matched against the reference data (countries, French communes, Vietnamese provinces); no database is used.
Exit status 2 when FILE is missing or cannot be read.

Scoring on annotated documents (packages/server/src/features/extract/fixtures, and any --dir):
  npm run eval:extract -- --dir /work/shared/design/extract-examples --texts /work/shared/seeds [--verbose] [--json]`;

type Out = (line: string) => void;

export async function runExtract(file: string, opts: { json?: boolean; out?: Out; err?: Out } = {}): Promise<number> {
  const out = opts.out ?? ((s) => console.log(s));
  const err = opts.err ?? ((s) => console.error(s));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`tandem: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
    return 2;
  }
  let doc;
  try {
    doc = await readDocument(bytes, basename(file));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    err(`tandem: cannot read ${e.message}`);
    return 2;
  }
  const facts = extract(doc.text, await loadGazetteer());
  const shaped: Extraction = {
    dates: facts.dates, amounts: facts.amounts, quantities: facts.quantities,
    organisations: facts.organisations, territories: facts.territories, partnerships: facts.partnerships,
  };
  if (opts.json) out(JSON.stringify(shaped, null, 2));
  else out(summary(file, doc, shaped));
  return 0;
}

const q = (s: string) => `“${s.replace(/\s+/g, ' ')}”`;

/** Counts and items per kind, one item a line, as written in the document then as understood. */
export function summary(file: string, doc: { text: string; title?: string; format: string }, x: Extraction): string {
  const lines = [`${file}: ${doc.format}, ${doc.text.length.toLocaleString('en')} characters${doc.title ? `, “${doc.title}”` : ''}`];
  const section = <T>(kind: string, items: T[], show: (t: T) => string) => {
    lines.push('', `${kind} (${items.length})`);
    for (const it of items) lines.push(`  ${show(it)}`);
  };
  section('dates', x.dates, (d) => `${d.value.padEnd(10)}  ${q(d.text)}`);
  section('amounts', x.amounts, (a) => `${a.value.toLocaleString('en')} ${a.currency}  ${q(a.text)}`);
  section('quantities', x.quantities, (n) => `${n.value.toLocaleString('en')} ${n.unit}  ${q(n.text)}`);
  section('organisations', x.organisations, (o) => `${o.name}${o.acronym && o.acronym !== o.name ? ` (${o.acronym})` : ''}${o.text !== o.name ? `  ${q(o.text)}` : ''}`);
  section('territories', x.territories, (t) => `${t.name} [${t.country}]${t.text !== t.name ? `  ${q(t.text)}` : ''}`);
  section('partnerships', x.partnerships, (p) => `${p.parties.join(' + ')}${p.signed ? `, signed ${p.signed}` : ''}`);
  return lines.join('\n');
}
