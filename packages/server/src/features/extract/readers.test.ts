/** readDocument: plain text (UTF-8, BOM, latin-1), HTML main content, .docx, PDF, and the files it refuses. */
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, MAX_HTML_ELEMENTS, ReadError, readDocument } from './readers.js';
import { zipInflatedSize, zipRealInflatedSize } from './zip-guard.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function docx(paragraphs: string[], compression: 'STORE' | 'DEFLATE' = 'STORE'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression });
}

async function pdf(lines: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((res, rej) => { doc.on('data', (c: Buffer) => chunks.push(c)); doc.on('end', res); doc.on('error', rej); });
  lines.forEach((l, i) => { if (i) doc.addPage(); doc.text(l); });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function refusal(p: Promise<unknown>): Promise<ReadError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(ReadError); return e as ReadError; }
  throw new Error('expected a refusal');
}

describe('readDocument: plain text', () => {
  it('reads UTF-8, strips the BOM and turns CRLF into LF', async () => {
    const r = await readDocument(utf8('\ufeffJumelage avec Thiès\r\nsigné en 1998'), 'note.txt');
    expect(r).toEqual({ text: 'Jumelage avec Thiès\nsigné en 1998', format: 'text' });
  });
  it('falls back to latin-1 when the bytes are not UTF-8', async () => {
    const bytes = Uint8Array.from(Buffer.from('Coopération avec Saint-Louis du Sénégal : 45 000 €', 'latin1'));
    bytes[bytes.length - 1] = 0x80; // € in Windows-1252
    const r = await readDocument(bytes, 'vieux.txt');
    expect(r.text).toBe('Coopération avec Saint-Louis du Sénégal : 45 000 €');
  });
  it('keeps non-breaking spaces', async () => {
    expect((await readDocument(utf8('1,2\u00a0M€ et 140\u202fk€'), 'a.txt')).text).toBe('1,2\u00a0M€ et 140\u202fk€');
  });
});

describe('readDocument: HTML', () => {
  const filler = 'Les écoles des deux villes échangent des lettres et des projets chaque année depuis la signature. ';
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Jumelage avec Thiès – Ville de Exemple</title></head><body>
    <header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/agenda">Agenda</a></li><li>Menu principal</li></ul></nav></header>
    <div class="sidebar"><p>Horaires de la mairie : lundi au vendredi</p></div>
    <div id="tarteaucitronRoot"><p>Nous utilisons des traceurs pour mesurer l'audience de ce site. Acceptez-vous leur dépôt ?</p></div>
    <p class="Breadcrumb-trail">Accueil › Découvrir › International</p>
    <main><article><h1>Notre jumelage avec Thiès</h1>
      <p>La convention a été signée le 12 mai 1998 avec la ville de Thiès, au Sénégal. ${filler.repeat(3)}</p>
      <p>En 2021, le budget était de 45&nbsp;000&nbsp;€. ${filler.repeat(3)}</p>
      <script>trackVisit()</script>
    </article></main>
    <footer><p>Mentions légales · Plan du site · Cookies</p></footer></body></html>`;

  it('keeps the main article with its paragraph breaks and drops navigation, footer and scripts', async () => {
    const r = await readDocument(utf8(page), 'jumelage.html');
    expect(r.format).toBe('html');
    expect(r.title).toContain('Thiès');
    expect(r.text).toContain('signée le 12 mai 1998 avec la ville de Thiès');
    expect(r.text).toContain('45\u00a0000\u00a0€');
    expect(r.text).toMatch(/chaque année depuis la signature\.\n\nEn 2021/);
    for (const noise of ['Menu principal', 'Mentions légales', 'Horaires de la mairie', 'trackVisit', 'traceurs', 'Découvrir']) expect(r.text).not.toContain(noise);
  });
  it('detects HTML by its content or its mime type too', async () => {
    expect((await readDocument(utf8(page), 'page')).format).toBe('html');
    expect((await readDocument(utf8(`<!-- saved from url=(0031)https://www.example.fr/jumelage -->\n${page}`), 'jumelage')).format).toBe('html');
    expect((await readDocument(utf8('<p>Signé en <b>2019</b>.</p><p>Avec Dakar.</p>'), 'x.bin', 'text/html; charset=utf-8')).text).toBe('Signé en 2019.\n\nAvec Dakar.');
  });
  it('falls back to the body text when there is no article', async () => {
    const r = await readDocument(utf8('<html><body><div>Accord signé en 2019</div><div>avec Dakar</div><style>p{}</style></body></html>'), 'court.htm');
    expect(r.text).toBe('Accord signé en 2019\n\navec Dakar');
  });
  it('reads a latin-1 page that declares its charset', async () => {
    const bytes = Uint8Array.from(Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Coopération décentralisée</p></body></html>', 'latin1'));
    expect((await readDocument(bytes, 'old.html')).text).toBe('Coopération décentralisée');
  });
});

describe('readDocument: .docx and PDF', () => {
  it('reads a .docx, paragraph by paragraph', async () => {
    const r = await readDocument(await docx(['Partenariat avec Mahajanga', 'Signé en mars 2015 : 140 k€.']), 'fiche.docx');
    expect(r.format).toBe('docx');
    expect(r.text).toBe('Partenariat avec Mahajanga\n\nSigné en mars 2015 : 140 k€.');
  });
  it('reads a deflated .docx, whose entries are inflated and counted first', async () => {
    const bytes = await docx(['Coopération avec Hué', 'x'.repeat(50_000)], 'DEFLATE');
    expect(bytes.length).toBeLessThan(5_000);
    const real = await zipRealInflatedSize(bytes, 1 << 20);
    expect(real).toBe(zipInflatedSize(bytes)); // honest sizes: what is declared is what comes out
    expect(real).toBeGreaterThan(50_000);
    expect(await zipRealInflatedSize(bytes, 1_000)).toBeGreaterThan(1_000); // stops past the limit, says it is over
    expect((await readDocument(bytes, 'hue.docx')).text).toMatch(/^Coopération avec Hué/);
  });
  it('finds a .docx by its bytes whatever its name', async () => {
    expect((await readDocument(await docx(['Rapport 2020']), 'upload', 'application/octet-stream')).format).toBe('docx');
  });
  it('reads a PDF, pages merged', async () => {
    const r = await readDocument(await pdf(['Projet eau potable à Ouahigouya', 'Budget total : 230 000 euros']), 'fiche.pdf');
    expect(r.format).toBe('pdf');
    expect(r.text).toContain('Projet eau potable à Ouahigouya');
    expect(r.text).toContain('230 000 euros');
  });
});

describe('readDocument: refusals', () => {
  it('refuses an empty file, or one with blanks only', async () => {
    expect((await refusal(readDocument(new Uint8Array(0), 'vide.txt'))).message).toMatch(/empty/);
    expect((await refusal(readDocument(utf8(' \n\t\n'), 'blanc.txt'))).code).toBe('empty');
    expect((await refusal(readDocument(utf8('<html><body><nav></nav></body></html>'), 'rien.html'))).code).toBe('empty');
  });
  it('refuses a file over 10 MB', async () => {
    const e = await refusal(readDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(65), 'gros.txt'));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/too large/);
  });
  it('refuses a .pdf that is not a PDF, and a broken PDF', async () => {
    expect((await refusal(readDocument(utf8('<html>not really</html>'), 'rapport.pdf'))).message).toMatch(/not a PDF/);
    expect((await refusal(readDocument(utf8('%PDF-1.7\ngarbage'), 'casse.pdf'))).code).toBe('unreadable');
  });
  it('refuses a .docx that is not one, a ZIP without a Word document, and binaries', async () => {
    expect((await refusal(readDocument(utf8('hello'), 'lettre.docx'))).code).toBe('not-docx');
    const zip = new JSZip();
    zip.file('content.xml', '<x/>');
    const odt = await zip.generateAsync({ type: 'uint8array' });
    expect((await refusal(readDocument(odt, 'lettre.odt'))).message).toMatch(/unsupported format/);
    expect((await refusal(readDocument(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), 'photo'))).code).toBe('unsupported');
    expect((await refusal(readDocument(utf8('{\\rtf1 hello}'), 'lettre.rtf'))).code).toBe('unsupported');
  });
  it('refuses HTML opening more than MAX_HTML_ELEMENTS elements, before parsing it', async () => {
    const page = (n: number) => utf8(`<html><body>${'<div>mot</div>'.repeat(n)}</body></html>`);
    expect((await readDocument(page(MAX_HTML_ELEMENTS - 10), 'long.html')).text).toMatch(/^mot/);
    const t = performance.now();
    const e = await refusal(readDocument(page(50_000), 'large.html'));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/more than 20,000 elements/);
    expect(performance.now() - t).toBeLessThan(500); // Readability took ~7 s on it
  }, 30_000);
  it('refuses a damaged .docx', async () => {
    const bytes = await docx(['x']);
    const broken = bytes.slice(0, Math.floor(bytes.length / 2));
    expect((await refusal(readDocument(broken, 'coupe.docx'))).code).toMatch(/unreadable|unsupported/);
  });
});
