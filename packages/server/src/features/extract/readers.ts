/** Files to text (issue 16): plain text, HTML (main content through Readability), .docx (mammoth), PDF (unpdf). */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { zipInflatedSize, zipRealInflatedSize } from './zip-guard.js';

export interface ReadDocument { text: string; title?: string; format: 'text' | 'html' | 'docx' | 'pdf' }

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** What a .docx may hold once uncompressed (its entries together, declared and then really inflated): a bomb stops here. */
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Why a file cannot be read; `code` lets an interface word it in its own language. */
export type ReadErrorCode = 'empty' | 'too-large' | 'not-pdf' | 'not-docx' | 'unreadable' | 'unsupported';
export class ReadError extends Error {
  constructor(readonly code: ReadErrorCode, message: string) { super(message); this.name = 'ReadError'; }
}

const BINARY_EXT = /\.(docx?|odt|rtf|xlsx?|ods|pptx?|odp|zip|gz|7z|rar|png|jpe?g|gif|webp|svg|mp[34]|exe|epub)$/i;

export async function readDocument(bytes: Uint8Array, name: string, mime?: string): Promise<ReadDocument> {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ReadError('too-large', `${name}: too large (${(bytes.length / 1048576).toFixed(1)} MB; 10 MB at most)`);
  if (bytes.length === 0) throw new ReadError('empty', `${name}: empty file`);
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const type = (mime ?? '').split(';')[0].trim().toLowerCase();
  let doc: ReadDocument;
  if (startsWith(bytes, '%PDF')) doc = await readPdf(bytes, name);
  else if (startsWith(bytes, 'PK\x03\x04')) {
    if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('word/document.xml')) {
      throw new ReadError('unsupported', `${name}: unsupported format (a ZIP archive that is not a Word .docx document)`);
    }
    const inflated = zipInflatedSize(bytes);
    if (inflated === null) throw new ReadError('unreadable', `${name}: unreadable .docx document (its ZIP directory is broken)`);
    if (inflated > MAX_DOCX_INFLATED_BYTES) {
      throw new ReadError('too-large', `${name}: too large once uncompressed (${Math.round(inflated / 1048576)} MB; ${MAX_DOCX_INFLATED_BYTES / 1048576} MB at most)`);
    }
    // the declared sizes may lie: the entries are inflated and counted (streamed, dropped) before mammoth keeps them
    const real = await zipRealInflatedSize(bytes, MAX_DOCX_INFLATED_BYTES);
    if (real === null) throw new ReadError('unreadable', `${name}: unreadable .docx document (its ZIP entries are not where its directory says)`);
    if (real > MAX_DOCX_INFLATED_BYTES) {
      throw new ReadError('too-large', `${name}: too large once uncompressed (more than ${MAX_DOCX_INFLATED_BYTES / 1048576} MB, though its ZIP directory declares ${Math.round(inflated / 1048576)} MB)`);
    }
    doc = await readDocx(bytes, name);
  } else if (ext === 'pdf' || type === 'application/pdf') throw new ReadError('not-pdf', `${name}: not a PDF (it does not start with %PDF)`);
  else if (ext === 'docx' || type.includes('wordprocessingml')) throw new ReadError('not-docx', `${name}: not a .docx document (not a ZIP archive)`);
  else if (BINARY_EXT.test(name) || looksBinary(bytes)) throw new ReadError('unsupported', `${name}: unsupported format (plain text, HTML, .docx or PDF only)`);
  else {
    const raw = decode(bytes, charsetOf(bytes, type));
    const html = ext === 'html' || ext === 'htm' || ext === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml'
      || (!['txt', 'md', 'text', 'csv'].includes(ext) && /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(raw));
    doc = html ? readHtml(raw) : { text: raw.replace(/\r\n?/g, '\n'), format: 'text' };
  }
  if (!doc.text.trim()) throw new ReadError('empty', `${name}: empty (no text in this ${doc.format === 'text' ? 'file' : doc.format === 'pdf' ? 'PDF; a scan?' : doc.format})`);
  return doc;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** NUL bytes in the first 8 KB (and no UTF-16 byte order mark): not text. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The charset a mime type or an HTML meta tag declares, if any. */
function charsetOf(bytes: Uint8Array, mime: string): string | undefined {
  const fromMime = /charset=["']?([\w-]+)/i.exec(mime)?.[1];
  if (fromMime) return fromMime;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
}

/** UTF-8 (BOM stripped) unless the bytes are not UTF-8: then the declared charset, else Windows-1252 (latin-1 with € and ’). */
function decode(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { /* not UTF-8 */ }
  const label = (declared ?? '').toLowerCase();
  if (label && !/^(utf-?8|latin-?1|iso-?8859-?1|windows-1252|cp1252|us-ascii|ascii)$/.test(label)) {
    try { return new TextDecoder(label).decode(bytes); } catch { /* unknown label */ }
  }
  return cp1252(bytes);
}

/** Windows-1252 by hand: Node 20's TextDecoder reads it as ISO-8859-1 (0x80 is €, 0x92 is ’ in the real thing). */
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function cp1252(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192)).replace(/[\x80-\x9f]/g, (c) => CP1252_80[c.charCodeAt(0) - 0x80]);
  }
  return s;
}

async function readPdf(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  try {
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true }); // a copy: pdf.js detaches its buffer
    return { text: text.replace(/\r\n?/g, '\n'), format: 'pdf' };
  } catch (e) {
    throw new ReadError('unreadable', `${name}: unreadable PDF (${(e as Error).message})`);
  }
}

async function readDocx(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim(), format: 'docx' };
  } catch (e) {
    throw new ReadError('unreadable', `${name}: unreadable .docx document (${(e as Error).message})`);
  }
}

/** Navigation, cookie banners and breadcrumbs, which Readability keeps when their class names do not give them away. */
const NOISE = 'script, style, noscript, template, nav, [role=navigation], [role=dialog], [aria-modal=true], [id*=cookie i], [class*=cookie i], '
  + '[id*=consent i], [class*=consent i], [id*=tarteaucitron i], [class*=breadcrumb i], [class*=ariane i], [class*=skip-link i]';

/** The main content (Readability) as text with blank lines between paragraphs; the body's text when Readability finds nothing. */
export function readHtml(html: string): ReadDocument {
  const { depth, elements } = htmlShape(html, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS);
  if (depth > MAX_HTML_DEPTH) throw new ReadError('unreadable', `HTML nested more than ${MAX_HTML_DEPTH} elements deep (a real page stays well under)`);
  if (elements > MAX_HTML_ELEMENTS) {
    throw new ReadError('too-large', `HTML with more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements (a long real page has a few thousand): send its text instead`);
  }
  if (!/<(html|body)[\s>]/i.test(html)) html = `<html><body>${html}</body></html>`;
  const page = () => {
    const { document } = parseHTML(html);
    for (const el of document.querySelectorAll(NOISE)) el.remove();
    return document;
  };
  const document = page();
  let article: ReturnType<Readability<string>['parse']> = null;
  try { article = new Readability(page() as never, { charThreshold: 200 }).parse(); } catch { article = null; }
  let text = '';
  if (article?.content && (article.textContent ?? '').trim()) text = htmlToText(parseHTML(`<html><body>${article.content}</body></html>`).document.body);
  if (!text.trim() && document.body) text = htmlToText(document.body);
  const title = clean(article?.title ?? '') || clean(document.querySelector('title')?.textContent ?? '') || undefined;
  return { text, ...(title ? { title } : {}), format: 'html' };
}

/** Pages nest a few dozen elements deep; Readability's time grows fast with depth and the text walk recurses. */
export const MAX_HTML_DEPTH = 256;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  // closed by the next of their kind: they do not nest
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp']);

/**
 * Elements in a page, at most: Readability's time grows faster than their number (50,000 sibling <div>s took 7 s and
 * 355 MB, 20,000 about 1 s); a long news page, navigation and footer included, has a few thousand.
 */
export const MAX_HTML_ELEMENTS = 20_000;

/**
 * How deep the tags of some HTML nest and how many elements it opens (counted from the tags alone, one linear scan
 * before parsing), stopping once past either limit.
 */
export function htmlShape(html: string, maxDepth: number, maxElements = Infinity): { depth: number; elements: number } {
  let depth = 0; let max = 0; let elements = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (!m[1] && ++elements > maxElements) break;
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) > maxDepth) break;
  }
  return { depth: max, elements };
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'BLOCKQUOTE', 'PRE', 'FIGURE',
  'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'DL', 'TABLE', 'FORM', 'ADDRESS', 'HR', 'DETAILS', 'SUMMARY']);
const LINE = new Set(['LI', 'DT', 'DD', 'TR', 'BR', 'CAPTION']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

/** Text of a DOM subtree: block elements become paragraphs (blank lines), list items and rows lines, cells tab-separated. */
function htmlToText(root: any): string {
  const out: string[] = [];
  const walk = (node: any, pre: boolean) => {
    for (const child of Array.from(node.childNodes as ArrayLike<any>)) {
      if (child.nodeType === 3) {
        out.push(pre ? child.textContent : child.textContent.replace(/[ \t\r\n\f]+/g, ' '));
      } else if (child.nodeType === 1) {
        const tag = String(child.tagName).toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') { out.push('\n'); continue; }
        const sep = BLOCK.has(tag) ? '\n\n' : LINE.has(tag) ? '\n' : tag === 'TD' || tag === 'TH' ? '\t' : '';
        out.push(sep);
        walk(child, pre || tag === 'PRE');
        out.push(sep);
      }
    }
  };
  walk(root, false);
  return out.join('')
    .split('\n').map((l) => l.replace(/^[ \t]+|[ \t]+$/g, '').replace(/ {2,}/g, ' ')).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
