/**
 * Malformed uploads (issue 17 item 2): files sent to knowledge capture (POST /api/extractions: a PDF that is not
 * one or is cut short, a ZIP that is not a .docx, a .docx whose document inflates to hundreds of megabytes (declared
 * or hidden behind a directory that lies), HTML of 50,000 sibling elements, HTML nested 60,000 deep (what the 1 MB body allows) or one 400 KB text node, empty HTML, text that is not base64) and IATI files (not XML, nested
 * 100,000 deep, a huge text node) get a 4xx whose issues name the field with a clear message — never a 5xx — and
 * the process's memory stays bounded (resident set growth measured loosely around the bomb and the deep files).
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { testDb } from './db.js';
import { TOKEN, client } from './http.js';

interface Entry { name: string; data?: Buffer; deflated?: { bytes: Buffer; size: number; crc: number } }

/** A ZIP archive (deflated entries; `deflated` gives one already compressed, with the size it claims). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = []; const centrals: Buffer[] = []; let offset = 0;
  for (const e of entries) {
    const { bytes, size, crc } = e.deflated ?? { bytes: deflateRawSync(e.data!), size: e.data!.length, crc: crc32(e.data!) };
    const name = Buffer.from(e.name);
    const head = (sig: number, central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(sig, 0);
      let p = 4;
      if (central) { b.writeUInt16LE(20, p); p += 2; }
      b.writeUInt16LE(20, p); b.writeUInt16LE(0, p + 2); b.writeUInt16LE(8, p + 4); b.writeUInt32LE(0, p + 6);
      b.writeUInt32LE(crc >>> 0, p + 10); b.writeUInt32LE(bytes.length, p + 14); b.writeUInt32LE(size, p + 18); b.writeUInt16LE(name.length, p + 22);
      if (central) b.writeUInt32LE(offset, 42);
      return Buffer.concat([b, name]);
    };
    centrals.push(head(0x02014b50, true));
    const local = Buffer.concat([head(0x04034b50, false), bytes]);
    locals.push(local); offset += local.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** `size` zero bytes deflated chunk by chunk (never all in memory), with their CRC. */
async function deflatedZeros(size: number) {
  const chunk = Buffer.alloc(1 << 20);
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  let crc = 0;
  for (let n = 0; n < size; n += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, size - n));
    crc = crc32(part, crc);
    if (!z.write(part)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end();
  await done;
  return { bytes: Buffer.concat(out), size, crc };
}

const deep = (n: number) => `<html><body>${'<div>'.repeat(n)}texte${'</div>'.repeat(n)}</body></html>`;
const mb = () => process.memoryUsage().rss / 1048576;

describe('malformed uploads', () => {
  let db: Db; let api: ReturnType<typeof client>; let app: ReturnType<typeof createApp>;
  beforeAll(async () => { db = await testDb(); api = client(db); app = createApp({ db, adminToken: TOKEN }); });
  afterAll(async () => { await db.close(); });

  const extract = (part: object) => api.post('/api/extractions', { organisationId: 'cd93', ...part });
  const file = (name: string, bytes: Buffer | string) => extract({ file: { name, base64: Buffer.from(bytes).toString('base64') } });
  const refused = (r: { status: number; json: any; text: string }, field: string, message: RegExp) => {
    expect(r.status, r.text.slice(0, 300)).toBe(400);
    expect(r.json.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    expect(r.json.issues[0].message).toMatch(message);
  };

  it('refuses what is not the PDF or .docx it claims, with the reason, on the field', async () => {
    refused(await file('rapport.pdf', 'Bonjour, ceci est du texte.\n'), 'file', /not a PDF/);
    refused(await file('rapport.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), 'file', /unreadable PDF/);
    refused(await file('note.docx', 'pas un zip'), 'file', /not a \.docx/);
    refused(await file('archive.docx', zip([{ name: 'hello.txt', data: Buffer.from('bonjour') }])), 'file', /not a Word \.docx/);
    refused(await file('casse.docx', zip([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>') }])), 'file', /\.docx/);
    refused(await file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), 'file', /unsupported format/);
    refused(await extract({ file: { name: 'x.txt', base64: '!!!!' } }), 'file.base64', /empty or not base64/);
    refused(await extract({ html: '<html><body><p> </p><script>alert(1)</script></body></html>' }), 'html', /no text/);
  });

  it('refuses a .docx whose document would inflate to 300 MB, before inflating it', async () => {
    const bomb = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', deflated: await deflatedZeros(300 * 1048576) }]);
    expect(bomb.length).toBeLessThan(700_000); // it fits the API's 1 MB JSON body as base64
    const before = mb();
    refused(await file('bombe.docx', bomb), 'file', /too large once uncompressed/);
    expect(mb() - before).toBeLessThan(150);
  });

  it('refuses a .docx whose ZIP directory lies (1 KB declared, 300 MB inside) by inflating and counting, bounded', async () => {
    const lie = { ...(await deflatedZeros(300 * 1048576)), size: 1000 };
    const bomb = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', deflated: lie }]);
    const before = mb(); const t = performance.now();
    refused(await file('menteur.docx', bomb), 'file', /too large once uncompressed \(more than 64 MB, though its ZIP directory declares 0 MB\)/);
    console.log(`lying .docx refused in ${Math.round(performance.now() - t)} ms, RSS +${Math.round(mb() - before)} MB`);
    expect(mb() - before).toBeLessThan(150);
  });

  it('refuses HTML of 50,000 sibling elements on the field, fast, and reads a page of 5,000', async () => {
    const wide = (n: number) => `<html><body>${'<div>mot</div>'.repeat(n)}</body></html>`;
    const t = performance.now();
    refused(await extract({ html: wide(50_000) }), 'html', /more than 20,000 elements/);
    refused(await file('page.html', wide(50_000)), 'file', /more than 20,000 elements/);
    const ms = performance.now() - t;
    console.log(`50,000 sibling <div>s refused twice in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(2_000); // reading it took ~7 s and 355 MB
    const ok = await extract({ html: wide(5_000) });
    expect(ok.status, ok.text.slice(0, 300)).toBe(201);
  }, 60_000);

  it('refuses HTML nested 60,000 deep on the field, and reads one 400 KB text node', async () => {
    const before = mb();
    refused(await extract({ html: deep(60_000) }), 'html', /nested more than 256 elements deep/);
    refused(await file('page.html', deep(60_000)), 'file', /nested more than 256 elements deep/);
    const wide = await extract({ html: `<p>${'mot '.repeat(100_000)}</p>` });
    expect(wide.status, wide.text.slice(0, 300)).toBe(201);
    expect(mb() - before).toBeLessThan(300);
  }, 60_000);

  it('IATI: not XML, another root, no activity, nested 100,000 deep or a 5 MB text node: a 400 saying why, bounded memory, nothing imported', async () => {
    const post = async (xml: string) => {
      const r = await app.request('/api/import/iati', { method: 'POST', body: xml, headers: { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}` } });
      return { status: r.status, text: await r.text() };
    };
    const fails = (r: { status: number; text: string }, error: RegExp) => {
      expect(r.status, r.text.slice(0, 300)).toBe(400);
      expect(JSON.parse(r.text).error).toMatch(error);
    };
    const [{ n: projectsBefore }] = await db.query<{ n: number }>('select count(*)::int as n from project');
    const before = mb();
    fails(await post('PK\u0003\u0004 ceci n’est pas du XML'), /line 1/i);
    fails(await post(`<?xml version="1.0"?><rss version="2.0"><iati-activity><iati-identifier>FR-X-1</iati-identifier></iati-activity></rss>`),
      /root element is <rss>, not <iati-activities>/);
    fails(await post(`<?xml version="1.0"?><iati-activities version="2.03"><autre/></iati-activities>`), /holds no <iati-activity> in its <iati-activities>/);
    const t = performance.now();
    fails(await post(`<?xml version="1.0"?><iati-activities version="2.03">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</iati-activities>`),
      /^line 1: elements nested more than 64 deep/);
    fails(await post(`<?xml version="1.0"?><iati-activities version="2.03"><iati-activity><iati-identifier>FR-BAD-0</iati-identifier>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</iati-activity></iati-activities>`),
      /^line 1: elements nested more than 64 deep/);
    const deepMs = performance.now() - t;
    fails(await post(`<?xml version="1.0"?><iati-activities version="2.03"><iati-activity><iati-identifier>FR-BAD-1</iati-identifier><title><narrative>${'a'.repeat(5_000_000)}</narrative></title></iati-activity></iati-activities>`),
      /longer than 1,048,576 characters/);
    expect(mb() - before).toBeLessThan(300);
    const [{ n: projectsAfter }] = await db.query<{ n: number }>('select count(*)::int as n from project');
    expect(projectsAfter).toBe(projectsBefore);
    console.log(`IATI: two files nested 100,000 deep refused in ${Math.round(deepMs)} ms`);
  }, 60_000);
});
