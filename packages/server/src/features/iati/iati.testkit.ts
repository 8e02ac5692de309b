/** Test helpers of the IATI feature (imported by *.test.ts only): samples, xmllint, independent counts. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const IATI_DIR = fileURLToPath(new URL('../../../data/reference/iati/', import.meta.url));
export const SCHEMA = join(IATI_DIR, 'schema/iati-activities-2.03.xsd');
export const sample = (name: string) => join(IATI_DIR, 'samples', name);
export const TMP = resolve('.tmp/iati-test');

/** The sample as a plain XML file: .xz samples are decompressed once into .tmp with the xz command. */
export function plainSample(name: string): string {
  if (!name.endsWith('.xz')) return sample(name);
  mkdirSync(TMP, { recursive: true });
  const out = join(TMP, `${process.pid}-${name.slice(0, -3)}`);
  if (!existsSync(out)) writeFileSync(out, execFileSync('xz', ['-dc', sample(name)], { maxBuffer: 1 << 28 }));
  return out;
}

export const stream = (file: string) => createReadStream(file, { highWaterMark: 128 * 1024 });

/** xmllint's answer on the file against the IATI 2.03 schema: { ok, output }. Throws when xmllint is missing. */
export function validateXml(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed to validate IATI XML (Debian: apt-get install -y libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/** count(…) of an XPath expression, evaluated by xmllint: independent of Tandem's parser. */
export function xpathCount(file: string, expr: string): number {
  return Number(execFileSync('xmllint', ['--xpath', `count(${expr})`, file], { encoding: 'utf8' }).trim());
}

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
