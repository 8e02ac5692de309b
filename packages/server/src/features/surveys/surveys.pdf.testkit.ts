/**
 * Test helper (imported by *.test.ts only): the text of a PDF made by pdfkit, read back as a reader's copy-paste
 * would: each font's ToUnicode map applied to the glyph codes of the content streams' text operators, one line per
 * text object. Enough for the reports Tandem writes (embedded TrueType subsets, Flate streams).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject { dict: string; stream: string | null }

function objects(pdf: string): Map<string, PdfObject> {
  const out = new Map<string, PdfObject>();
  for (const m of pdf.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]; const at = body.indexOf('stream\n');
    if (at < 0) { out.set(m[1], { dict: body, stream: null }); continue; }
    const dict = body.slice(0, at);
    const raw = Buffer.from(body.slice(at + 7, body.lastIndexOf('endstream')).replace(/\n$/, ''), 'latin1');
    out.set(m[1], { dict, stream: (/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1') });
  }
  return out;
}

/** UTF-16BE code units in hex (« <0066 0069> » for a ligature: spaces allowed) → text. */
const hexText = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** glyph code (hex, 4 digits) → text, from a ToUnicode CMap's bfchar and bfrange sections. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const sec of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of sec[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(m[1].toLowerCase().padStart(4, '0'), hexText(m[2]));
  }
  for (const sec of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of sec[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1], 16); const hi = parseInt(m[2], 16);
      const targets = m[3].startsWith('[') ? [...m[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].map((t) => t[1]) : null;
      for (let c = lo; c <= hi; c++) {
        const text = targets ? hexText(targets[c - lo] ?? '') : String.fromCodePoint(parseInt(m[3].slice(1, -1), 16) + c - lo);
        map.set(c.toString(16).padStart(4, '0'), text);
      }
    }
  }
  return map;
}

function fontMaps(objs: Map<string, PdfObject>): Map<string, Map<string, string>> {
  const fonts = new Map<string, Map<string, string>>();
  for (const o of objs.values()) {
    for (const m of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(m[2]); const tu = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      if (tu && objs.get(tu[1])?.stream) fonts.set(m[1], toUnicode(objs.get(tu[1])!.stream!));
    }
  }
  return fonts;
}

/** One content stream's text, one line per text object (BT … ET). */
function streamText(stream: string, fonts: Map<string, Map<string, string>>): string {
  const lines: string[] = [];
  for (const bt of stream.matchAll(/BT([\s\S]*?)ET/g)) {
    let font: Map<string, string> | undefined; let line = '';
    for (const t of bt[1].matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]*)>/g)) {
      if (t[1]) font = fonts.get(t[1]);
      else line += (t[2].match(/.{4}/g) ?? []).map((c) => font?.get(c.toLowerCase()) ?? '\ufffd').join('');
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Each page's text and how many rectangles it draws, in page order (the page tree's /Kids). */
export function pdfPages(bytes: Uint8Array): Array<{ text: string; rects: number }> {
  const objs = objects(Buffer.from(bytes).toString('latin1'));
  const fonts = fontMaps(objs);
  const root = [...objs.values()].find((o) => /\/Type \/Pages/.test(o.dict));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  return kids.map((k) => {
    const contents = /\/Contents (\d+) 0 R/.exec(objs.get(k)!.dict)![1];
    const stream = objs.get(contents)!.stream ?? '';
    return { text: streamText(stream, fonts), rects: (stream.match(/ re\b/g) ?? []).length };
  });
}

/** The text of every page, in page order. */
export function pdfText(bytes: Uint8Array): string {
  return pdfPages(bytes).map((p) => p.text).join('\n');
}
