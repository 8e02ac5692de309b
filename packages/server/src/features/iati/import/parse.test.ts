/** The reader's bound on one node: a giant text, comment, CDATA section, tag, processing instruction or DOCTYPE is refused early. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_NODE, ImportError, MAX_DEPTH, readIati, type XNode } from './parse.js';

const CHUNK = 64 * 1024;
const HEAD = '<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity>\n<iati-identifier>XM-BIG-1</iati-identifier>\n';

/** before + `size` characters of `fill` + after, in 64 KB chunks, counting the bytes the reader pulled. */
function file(before: string, fill: string, size: number, after: string) {
  const pulled = { bytes: 0 };
  async function* chunks() {
    if (CHUNK % fill.length) throw new Error(`the fill must divide ${CHUNK}`);
    const body = fill.repeat(Math.ceil(CHUNK / fill.length)).slice(0, CHUNK);
    const parts = Array.from({ length: Math.floor(size / CHUNK) }, () => Buffer.from(body));
    if (size % CHUNK) parts.push(Buffer.from(body.slice(0, size % CHUNK)));
    for (const part of [Buffer.from(before), ...parts, Buffer.from(after)]) {
      pulled.bytes += part.byteLength;
      yield part;
    }
  }
  return { source: chunks(), pulled };
}

async function read(f: ReturnType<typeof file>, maxNode?: number) {
  const activities: XNode[] = [];
  const out = await readIati(f.source, { maxBytes: 2 ** 30, maxNode, onRoot: () => {}, onActivity: (a) => activities.push(a) }).catch((e) => e);
  return { out, activities };
}

describe('IATI reader: one node is bounded', () => {
  it('refuses one 50 MB text node past 1 Mi characters, naming its line, after reading little more than the bound', async () => {
    const f = file(`${HEAD}<title>\n<narrative>`, 'x', 50 * 2 ** 20, '</narrative></title></iati-activity></iati-activities>');
    const before = process.memoryUsage().rss;
    const { out, activities } = await read(f);
    expect(out).toBeInstanceOf(ImportError);
    expect(out).toMatchObject({ status: 400, line: 6 });
    expect(out.message).toMatch(/^line 6: one text, comment, CDATA section, tag with its attributes, processing instruction or DOCTYPE starting here is longer than 1,048,576 characters \(setting TANDEM_IATI_MAX_NODE_CHARS\)/);
    expect(activities).toEqual([]);
    expect(f.pulled.bytes).toBeLessThan(DEFAULT_MAX_NODE + 2 * CHUNK + HEAD.length + 100);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20);
  });

  const giants: [string, string, string, string][] = [
    ['comment', `${HEAD}<!--`, 'c', '--></iati-activity></iati-activities>'],
    ['CDATA section', `${HEAD}<description><narrative><![CDATA[`, 'd', ']]></narrative></description></iati-activity></iati-activities>'],
    ['attribute value', `${HEAD}<title xml:lang="`, 'e', '"/></iati-activity></iati-activities>'],
    ['tag of many attributes', `${HEAD}<title `, 'a="123" ', '/></iati-activity></iati-activities>'],
    ['processing instruction', `${HEAD}<?pi `, 'p', '?></iati-activity></iati-activities>'],
    ['DOCTYPE', '<?xml version="1.0"?>\n\n\n\n<!DOCTYPE iati-activities PUBLIC "', 'q', '" "x.dtd">\n<iati-activities version="2.03"></iati-activities>'],
    ['text split by comments', `${HEAD}<title>`, 'textstext<!---->', '</title></iati-activity></iati-activities>'],
  ];
  it.each(giants)('refuses a giant %s (5 MB) past the bound it is given', async (_kind, before, fill, after) => {
    const max = 64 * 1024;
    const f = file(before, fill, 5 * 2 ** 20, after);
    const { out } = await read(f, max);
    expect(out).toBeInstanceOf(ImportError);
    expect(out.message).toMatch(/^line 5: .* longer than 65,536 characters/);
    expect(f.pulled.bytes).toBeLessThan(max + 3 * CHUNK);
  });

  it('reads nodes up to the bound', async () => {
    const max = 100_000;
    const after = '</narrative></title><!--a comment--></iati-activity></iati-activities>';
    const { out, activities } = await read(file(`${HEAD}<title><narrative>`, 'x', max, after), max);
    expect(out).toBe(HEAD.length + '<title><narrative>'.length + max + after.length);
    expect(activities[0].children[1].children[0].text).toHaveLength(max);
    expect((await read(file(`${HEAD}<title><narrative>`, 'x', max + 1, after), max)).out).toBeInstanceOf(ImportError);
  });
});

describe('IATI reader: the shape of the document', () => {
  const readXml = (xml: string) => read({ source: (async function* () { yield Buffer.from(xml); })(), pulled: { bytes: 0 } });
  const nested = (depth: number) => `<iati-activities version="2.03"><iati-activity><iati-identifier>XM-DEEP</iati-identifier>${'<x>'.repeat(depth - 2)}${'</x>'.repeat(depth - 2)}</iati-activity></iati-activities>`;
  it(`reads elements nested ${MAX_DEPTH} deep and refuses one level more, with its line`, async () => {
    expect((await readXml(nested(MAX_DEPTH))).activities).toHaveLength(1);
    const { out, activities } = await readXml(nested(MAX_DEPTH + 1));
    expect(out).toBeInstanceOf(ImportError);
    expect(out.message).toMatch(/^line 1: elements nested more than 64 deep/);
    expect(activities).toEqual([]);
  });
  it('refuses a file without any iati-activity, and self-closing tags do not count as depth', async () => {
    expect((await readXml('<iati-activities version="2.03"><x/></iati-activities>')).out.message).toMatch(/holds no <iati-activity>/);
    const flat = `<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>${'<x/>'.repeat(MAX_DEPTH * 2)}</iati-activity></iati-activities>`;
    expect((await readXml(flat)).activities).toHaveLength(1);
  });
});
