/** `tandem extract FILE [--json]` through the command's `main`, stdout and stderr captured, on the project's fixtures. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.js';
import { once } from './extract.js';
import { readDocument } from './readers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'tandem-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = ''; stderr = '';
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { stdout += `${a.join(' ')}\n`; });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { stderr += `${a.join(' ')}\n`; });
});
afterEach(() => { vi.restoreAllMocks(); });

describe('tandem extract', () => {
  it('prints the six kinds of facts as JSON, each item its own slice of the document', async () => {
    const file = join(FIXTURES, '01-ville-jumelage-kaya.html');
    expect(await main(['extract', file, '--json'])).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['dates', 'amounts', 'quantities', 'organisations', 'territories', 'partnerships']);
    for (const list of Object.values(out)) expect(Array.isArray(list)).toBe(true);
    const { text } = await readDocument(readFileSync(file), file);
    for (const list of Object.values(out) as { text: string; start: number; end: number }[][]) {
      for (const fact of list) expect(text.slice(fact.start, fact.end)).toBe(fact.text);
    }
  });

  it('prints a summary per kind without --json', async () => {
    expect(await main(['extract', join(FIXTURES, '02-lettre-reseau-madagascar.txt')])).toBe(0);
    expect(stdout).toMatch(/02-lettre-reseau-madagascar\.txt: text, [\d,]+ characters/);
    for (const kind of ['dates', 'amounts', 'quantities', 'organisations', 'territories', 'partnerships']) expect(stdout).toMatch(new RegExp(`^${kind} \\(\\d+\\)$`, 'm'));
  });

  it('exits 2 with a clear message on a missing or unreadable file', async () => {
    expect(await main(['extract', join(dir, 'absent.txt')])).toBe(2);
    expect(stderr).toMatch(/cannot read .*absent\.txt: no such file/);
    const fake = join(dir, 'rapport.pdf');
    writeFileSync(fake, 'not really a pdf');
    expect(await main(['extract', fake, '--json'])).toBe(2);
    expect(stderr).toMatch(/rapport\.pdf: not a PDF/);
    expect(stdout).toBe('');
    expect(await main(['extract', dir])).toBe(2);
    expect(stderr).toMatch(/it is a directory/);
  });

  it('asks for one FILE and has its help, listed in the main help', async () => {
    expect(await main(['extract'])).toBe(2);
    expect(stderr).toContain('give one FILE');
    expect(await main(['extract', '--help'])).toBe(0);
    expect(stdout).toMatch(/^Usage: tandem extract FILE \[--json\]/);
    expect(stdout).toContain('npm run eval:extract -- --dir');
    stdout = '';
    expect(await main(['--help'])).toBe(0);
    expect(stdout).toMatch(/^ {2}extract FILE +/m);
  });
});

describe('extract: once', () => {
  it('sorts facts by position and keeps the first of each key', () => {
    const f = (start: number, value: string) => ({ start, end: start + 4, text: value, value });
    expect(once([f(30, '2019'), f(5, '2020-03-03'), f(5, '2020-03-05'), f(12, '2019'), f(40, '2020-03-03')], (d) => d.value).map((d) => [d.start, d.value]))
      .toEqual([[5, '2020-03-03'], [5, '2020-03-05'], [12, '2019']]);
  });
});
