import { describe, expect, it } from 'vitest';
import { ImportError } from './parse.js';
import { readMapped } from './reader.js';
import type { ActivityIn } from './types.js';

const activity = (i: number) => `<iati-activity><iati-identifier>XM-T-${i}</iati-identifier><reporting-org ref="XM-T"><narrative>T</narrative></reporting-org>`
  + `<title><narrative>Projet ${i}</narrative></title><activity-status code="2"/><recipient-country code="VN"/></iati-activity>\n`;

/** The file in small chunks, counting how many were pulled. */
function source(n: number, chunkChars = 1000) {
  const xml = `<iati-activities version="2.03">\n${Array.from({ length: n }, (_, i) => activity(i)).join('')}</iati-activities>\n`;
  const state = { pulled: 0 };
  async function* gen() { for (let i = 0; i < xml.length; i += chunkChars) { state.pulled++; yield Buffer.from(xml.slice(i, i + chunkChars)); } }
  return { state, stream: gen(), bytes: Buffer.byteLength(xml) };
}

const base = { maxBytes: 1 << 30, countries: new Set(['VN']), batch: 100, onRoot: () => {} };

describe('reading through the worker thread', () => {
  it('maps every activity in order, in batches, and counts the bytes', async () => {
    const src = source(1000);
    const seen: ActivityIn[][] = [];
    const bytes = await readMapped(src.stream, { ...base, onActivities: async (a) => { seen.push(a); } });
    expect(bytes).toBe(src.bytes);
    const all = seen.flat();
    expect(all.map((a) => a.identifier)).toEqual(Array.from({ length: 1000 }, (_, i) => `XM-T-${i}`));
    expect(all[7]).toMatchObject({ title: 'Projet 7', status: 'implementation', countries: ['VN'], line: 9 });
    expect(seen.length).toBeGreaterThan(5);
    expect(Math.max(...seen.map((b) => b.length))).toBeLessThan(200);
  });

  it('hands over nothing while the activities are being written (memory stays bounded)', async () => {
    const src = source(3000);
    const during: number[] = [];
    await readMapped(src.stream, {
      ...base,
      onActivities: async () => {
        const before = src.state.pulled;
        await new Promise((ok) => setTimeout(ok, 30));
        during.push(src.state.pulled - before);
      },
    });
    expect(during.length).toBeGreaterThan(10);
    expect(Math.max(...during)).toBe(0);
  });

  it('reports broken XML with its line, and the size limit, as import errors', async () => {
    async function* broken() { yield '<iati-activities version="2.03">\n<iati-activity>\n'; yield '<title></iati-activity>'; }
    const e = await readMapped(broken(), { ...base, onActivities: async () => {} }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^line 3: the XML is broken/);
    const big = await readMapped(source(100).stream, { ...base, maxBytes: 5000, onActivities: async () => {} }).catch((x) => x);
    expect(big).toMatchObject({ status: 413 });
  });
});
