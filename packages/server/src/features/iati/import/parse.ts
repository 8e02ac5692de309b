/**
 * Streaming reader of IATI activity files: saxes over a byte stream, one small tree per <iati-activity>
 * (memory follows the largest activity, not the file). Refuses DOCTYPEs declaring entities (XXE, "billion laughs"):
 * saxes never expands them anyway, and an undefined entity is a parse error.
 */
import { SaxesParser } from 'saxes';

export interface XNode { name: string; attrs: Record<string, string>; children: XNode[]; text: string; line: number }

export class ImportError extends Error {
  constructor(message: string, readonly line?: number, readonly status = 400) { super(line ? `line ${line}: ${message}` : message); }
}

export interface ReadOptions {
  /** largest accepted file in bytes */
  maxBytes: number;
  /** called with each complete activity; awaited between chunks */
  onActivity: (node: XNode) => void;
  onRoot: (node: XNode) => void;
  /** called after each chunk with the bytes read so far */
  onChunk?: (bytesRead: number) => Promise<void> | void;
}

const SUPPORTED_ROOT = 'iati-activities';
const SLICE = 16 * 1024;

function parser(opts: ReadOptions) {
  const p = new SaxesParser({ xmlns: false, position: true });
  const stack: XNode[] = [];
  let rootSeen = false;
  p.on('doctype', (text) => {
    if (/<!ENTITY/i.test(text)) throw new ImportError('the file declares entities in a DOCTYPE: refused (external entities and entity expansion are not allowed)', p.line);
  });
  p.on('opentag', (tag) => {
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
  const onText = (t: string) => { if (stack.length) stack[stack.length - 1].text += t; };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (tag) => {
    if (!stack.length || stack[stack.length - 1].name !== tag.name) return;
    const node = stack.pop()!;
    if (!stack.length) opts.onActivity(node);
  });
  p.on('error', (err) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    throw new ImportError(`the XML is broken: ${m ? m[3] : err.message}`, m ? Number(m[1]) : p.line);
  });
  return p;
}

/** Reads the whole stream through the parser; throws ImportError (with a line number when there is one). */
export async function readIati(source: AsyncIterable<Uint8Array | string>, opts: ReadOptions): Promise<number> {
  const p = parser(opts);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > opts.maxBytes) throw new ImportError(`the file is larger than the limit of ${formatBytes(opts.maxBytes)} (setting TANDEM_IATI_MAX_BYTES, or --max-size)`, undefined, 413);
    const str = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // small slices with a turn of the event loop between them: the database's answers are handled while the file is read
    for (let i = 0; i < str.length; i += SLICE) {
      p.write(i === 0 && str.length <= SLICE ? str : str.slice(i, i + SLICE));
      if (i + SLICE < str.length) await new Promise<void>((ok) => setImmediate(ok));
    }
    await opts.onChunk?.(bytes);
  }
  p.write(decoder.decode());
  p.close();
  if (!bytes) throw new ImportError('the file is empty');
  return bytes;
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round((n / (1 << 20)) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`;
}

/** Tree helpers for the mapping. */
export const kid = (n: XNode, name: string) => n.children.find((c) => c.name === name);
export const kids = (n: XNode, name: string) => n.children.filter((c) => c.name === name);
export const text = (n: XNode | undefined) => (n ? n.text.trim() : '');
