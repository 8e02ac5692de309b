/**
 * Streaming reader of IATI activity files: saxes over a byte stream, one small tree per <iati-activity>
 * (memory follows the largest activity, not the file). Refuses a root other than <iati-activities>, a file without
 * any <iati-activity>, and elements nested more than MAX_DEPTH deep (saxes's own stack of open tags stays small).
 * Refuses DOCTYPEs declaring entities (XXE, "billion laughs"): saxes never expands them anyway, and an undefined
 * entity is a parse error.
 * saxes keeps a node whole until it ends (a text, a comment, a CDATA section, a tag with its attributes, a processing
 * instruction, a DOCTYPE): past maxNode characters since the last node ended, the file is refused, so one giant node
 * costs at most that much memory, not the file's size.
 */
import type { SaxesParser } from 'saxes';

export interface XNode { name: string; attrs: Record<string, string>; children: XNode[]; text: string; line: number }

export class ImportError extends Error {
  constructor(message: string, readonly line?: number, readonly status = 400) { super(line ? `line ${line}: ${message}` : message); }
}

export interface ReadOptions {
  /** largest accepted file in bytes */
  maxBytes: number;
  /** longest accepted node (text, comment, CDATA, tag with its attributes, processing instruction, DOCTYPE), in characters */
  maxNode?: number;
  /** called with each complete activity; awaited between chunks */
  onActivity: (node: XNode) => void;
  onRoot: (node: XNode) => void;
  /** called after each chunk with the bytes read so far */
  onChunk?: (bytesRead: number) => Promise<void> | void;
}

const SUPPORTED_ROOT = 'iati-activities';
/** Elements nested deeper than this are refused: an IATI activity file nests about ten (result, indicator, period, target, comment, narrative). */
export const MAX_DEPTH = 64;
const SLICE = 16 * 1024;
export const DEFAULT_MAX_NODE = 1024 * 1024;

/** TANDEM_IATI_MAX_NODE_CHARS, or 1 Mi characters. */
export function maxNodeFrom(env: NodeJS.ProcessEnv): number {
  const n = Number(env.TANDEM_IATI_MAX_NODE_CHARS);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_NODE;
}

function nodeTooLong(maxNode: number, line: number): ImportError {
  return new ImportError(`one text, comment, CDATA section, tag with its attributes, processing instruction or DOCTYPE starting here is longer than ${maxNode.toLocaleString('en')} characters `
    + '(setting TANDEM_IATI_MAX_NODE_CHARS): the file is refused', line);
}

function parser(Parser: typeof SaxesParser, opts: ReadOptions, maxNode: number) {
  const p = new Parser({ xmlns: false, position: true });
  const stack: XNode[] = [];
  let rootSeen = false;
  // elements open now (saxes keeps a stack of them too: bounded here), and activities read
  const count = { depth: 0, activities: 0 };
  // where the last node ended: the node saxes is reading now started there
  const last = { position: 0, line: 1 };
  const ended = () => { last.position = p.position; last.line = p.line; };
  for (const e of ['xmldecl', 'comment', 'processinginstruction'] as const) p.on(e, ended); // (one handler per event: the others call ended())
  p.on('doctype', (text) => {
    ended();
    if (/<!ENTITY/i.test(text)) throw new ImportError('the file declares entities in a DOCTYPE: refused (external entities and entity expansion are not allowed)', p.line);
  });
  p.on('opentag', (tag) => {
    ended();
    if (++count.depth > MAX_DEPTH) throw new ImportError(`elements nested more than ${MAX_DEPTH} deep (an IATI activity file nests about ten): the file is refused`, p.line);
    const node: XNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '', line: p.line };
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== SUPPORTED_ROOT) throw new ImportError(`the root element is <${tag.name}>, not <${SUPPORTED_ROOT}>: this is not an IATI activity file`, p.line);
      opts.onRoot(node);
      return;
    }
    if (stack.length) stack[stack.length - 1].children.push(node);
    else if (tag.name !== 'iati-activity') return;
    stack.push(node);
  });
  const onText = (t: string) => {
    const line = last.line;
    ended();
    if (!stack.length) return;
    const node = stack[stack.length - 1];
    node.text += t;
    // text around comments or CDATA sections in one element adds up
    if (node.text.length > maxNode) throw nodeTooLong(maxNode, line);
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (tag) => {
    ended();
    count.depth--;
    if (!stack.length || stack[stack.length - 1].name !== tag.name) return;
    const node = stack.pop()!;
    if (!stack.length) { count.activities++; opts.onActivity(node); }
  });
  p.on('error', (err) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    throw new ImportError(`the XML is broken: ${m ? m[3] : err.message}`, m ? Number(m[1]) : p.line);
  });
  /** Writes text; throws when the node being read is already longer than maxNode (saxes holds it whole until it ends). */
  let written = 0; // characters written (saxes's position is right during its events only)
  const write = (text: string) => {
    p.write(text);
    written += text.length;
    if (written - last.position > maxNode) throw nodeTooLong(maxNode, last.line);
  };
  return { p, write, count };
}

/** Reads the whole stream through the parser; throws ImportError (with a line number when there is one). */
export async function readIati(source: AsyncIterable<Uint8Array | string>, opts: ReadOptions): Promise<number> {
  // saxes is loaded with the first import, not at every start
  const { p, write, count } = parser((await import('saxes')).SaxesParser, opts, opts.maxNode ?? DEFAULT_MAX_NODE);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > opts.maxBytes) throw tooLarge(opts.maxBytes);
    const str = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // small slices with a turn of the event loop between them: the database's answers are handled while the file is read
    for (let i = 0; i < str.length; i += SLICE) {
      write(i === 0 && str.length <= SLICE ? str : str.slice(i, i + SLICE));
      if (i + SLICE < str.length) await new Promise<void>((ok) => setImmediate(ok));
    }
    await opts.onChunk?.(bytes);
  }
  p.write(decoder.decode());
  p.close();
  if (!bytes) throw new ImportError('the file is empty');
  if (!count.activities) throw new ImportError(`the file holds no <iati-activity> in its <${SUPPORTED_ROOT}>: nothing to import`);
  return bytes;
}

/** The 413 of a file over maxBytes (TANDEM_IATI_MAX_BYTES): when its Content-Length says so, or once that much is read. */
export function tooLarge(maxBytes: number): ImportError {
  return new ImportError(`the file is larger than the limit of ${formatBytes(maxBytes)} (setting TANDEM_IATI_MAX_BYTES, or --max-size)`, undefined, 413);
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round((n / (1 << 20)) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`;
}

/** Tree helpers for the mapping. */
export const kid = (n: XNode, name: string) => n.children.find((c) => c.name === name);
export const kids = (n: XNode, name: string) => n.children.filter((c) => c.name === name);
export const text = (n: XNode | undefined) => (n ? n.text.trim() : '');
