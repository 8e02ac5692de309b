/**
 * Test helpers of the IATI feature (imported by *.test.ts only): samples, schema validation and independent XPath
 * counts by libxml2's xmllint compiled to WebAssembly (the xmllint-wasm package: no system program needed).
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';

export const IATI_DIR = fileURLToPath(new URL('../../../data/reference/iati/', import.meta.url));
const SCHEMA_DIR = join(IATI_DIR, 'schema');
const SCHEMA_FILE = 'iati-activities-2.03.xsd';
export const SCHEMA = join(SCHEMA_DIR, SCHEMA_FILE);
export const sample = (name: string) => join(IATI_DIR, 'samples', name);
export const TMP = resolve('.tmp/iati-test');

/** The sample as a plain XML file: .br samples are decompressed once into .tmp (brotli, node:zlib). */
export function plainSample(name: string): string {
  if (!name.endsWith('.br')) return sample(name);
  mkdirSync(TMP, { recursive: true });
  const out = join(TMP, `${process.pid}-${name.slice(0, -3)}`);
  if (!existsSync(out)) {
    writeFileSync(`${out}.part`, brotliDecompressSync(readFileSync(sample(name))));
    renameSync(`${out}.part`, out);
  }
  return out;
}

export const stream = (file: string) => createReadStream(file, { highWaterMark: 128 * 1024 });

// the 23 MB sample needs more than the package's default 32 MiB of WebAssembly memory
const MEMORY = { initialMemoryPages: 64 * memoryPages.MiB, maxMemoryPages: memoryPages.GiB };
const doc = (file: string): XMLFileInfo => ({ fileName: 'doc.xml', contents: readFileSync(file) });
let schema: { main: XMLFileInfo; preload: XMLFileInfo[] } | undefined;
function schemaFiles() {
  // the main schema includes iati-common.xsd and imports xml.xsd: all of them go into xmllint's in-memory file system
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd')).map((f) => ({ fileName: f, contents: readFileSync(join(SCHEMA_DIR, f)) }));
  return (schema ??= { main: files.find((f) => f.fileName === SCHEMA_FILE)!, preload: files.filter((f) => f.fileName !== SCHEMA_FILE) });
}

/** xmllint's answer on the file against the IATI 2.03 schema: { ok, output } (output: "doc.xml validates" or the errors). */
export async function validateXml(file: string): Promise<{ ok: boolean; output: string }> {
  const { main, preload } = schemaFiles();
  const r = await validateXML({ xml: doc(file), schema: main, preload, ...MEMORY });
  return { ok: r.valid, output: r.rawOutput.trim() };
}

/** count(…) of each XPath expression, evaluated by xmllint in one reading of the file: independent of Tandem's parser. */
export async function xpathCounts(file: string, exprs: string[]): Promise<number[]> {
  const expr = `concat(${exprs.map((e) => `count(${e})`).join(", ' ', ")})`;
  // the arguments are replaced whole (normalization only satisfies the options' type): xmllint --xpath EXPR doc.xml
  const r = await validateXML({ xml: doc(file), normalization: 'format', ...MEMORY, modifyArguments: () => ['--xpath', exprs.length > 1 ? expr : `count(${exprs[0]})`, 'doc.xml'] });
  const counts = r.normalized.trim().split(' ').map(Number);
  if (counts.length !== exprs.length || counts.some((n) => !Number.isInteger(n))) throw new Error(`xmllint --xpath: ${r.normalized}${r.rawOutput}`);
  return counts;
}

export const xpathCount = async (file: string, expr: string) => (await xpathCounts(file, [expr]))[0];

/** Every iati-identifier of a file, by a plain regular expression over its text (a second, independent reading). */
export function identifiersOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/<iati-identifier>([^<]*)<\/iati-identifier>/g)].map((m) => unescapeXml(m[1]).trim());
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e]);
}

/** An activity is invalid for Tandem when one of its transactions has no type code or no value (critical problems). */
export const VALID = "//iati-activity[not(transaction[not(transaction-type/@code) or normalize-space(value)=''])]";
