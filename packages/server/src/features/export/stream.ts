/**
 * Downloads as streams: a producer writes text, the reader pulls bytes. Memory follows the chunk being read (the
 * producer waits while the reader is behind), not the size of the download.
 */

/** Writes of the producer are gathered up to this many characters before they become one chunk of the stream. */
const CHUNK = 32 * 1024;

export type Write = (chunk: string) => Promise<void>;

/** The text `produce` writes, as a byte stream; an error once bytes have gone ends the stream (the download is cut, not finished). */
export function textStream(produce: (write: Write) => Promise<unknown>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let resume: (() => void) | null = null;
  let cancelled = false;
  let buffer = '';
  const wake = () => { const r = resume; resume = null; r?.(); };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const flush = async () => {
        if (cancelled) throw new Error('the reader went away');
        if (!buffer) return;
        controller.enqueue(enc.encode(buffer));
        buffer = '';
        if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((res) => { resume = res; });
      };
      produce(async (chunk) => { buffer += chunk; if (buffer.length >= CHUNK) await flush(); })
        .then(flush)
        .then(() => { if (!cancelled) controller.close(); }, (err) => {
          if (cancelled) return;
          console.error('download failed after it started:', err);
          controller.error(err);
        });
    },
    pull: wake,
    cancel() { cancelled = true; wake(); },
  }, { highWaterMark: 4 });
}

/** A file name that needs no quoting: letters, digits, dot, dash and underscore. */
export const safeFileName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 150);

export const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', iati: 'application/xml; charset=utf-8', gzip: 'application/gzip' } as const;
const EXTENSIONS = { csv: 'csv', json: 'json', iati: 'xml', gzip: 'json.gz' } as const;

/** The answer of a download: its type, and a file name the browser saves it under (`name` without its extension). */
export function download(body: ReadableStream<Uint8Array>, format: keyof typeof TYPES, name: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    headers: { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${safeFileName(name)}.${EXTENSIONS[format]}"`, ...headers },
  });
}
