/**
 * What a .docx (a ZIP archive) really holds once uncompressed, measured before mammoth (through JSZip) inflates it:
 * first the sizes its central directory declares (free to read), then the entries inflated for real, streamed and
 * counted, nothing kept — a crafted ZIP may declare a few bytes for an entry that inflates to gigabytes.
 * The entries are found where JSZip finds them: the last end-of-directory record, its central directory, each
 * entry's data after its local header, as long as the central directory says (its compressed size).
 */
import { createInflateRaw } from 'node:zlib';

interface ZipEntry { method: number; compressedSize: number; declaredSize: number; localOffset: number }

/** The central directory's entries; 'zip64' for a ZIP64 archive; null when there is no readable directory. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | 'zip64' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return 'zip64';
  // bytes before the archive or between its directory and its end record: JSZip would shift every offset; refused
  if (at + dirSize !== end) return null;
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const compressedSize = view.getUint32(at + 20, true), declaredSize = view.getUint32(at + 24, true);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff) return 'zip64';
    entries.push({ method: view.getUint16(at + 10, true), compressedSize, declaredSize, localOffset: view.getUint32(at + 42, true) });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * The uncompressed size a ZIP archive declares for its entries together (its central directory), Infinity for a
 * ZIP64 one, null when there is no readable directory. Read before anything is inflated.
 */
export function zipInflatedSize(bytes: Uint8Array): number | null {
  const entries = zipEntries(bytes);
  if (entries === 'zip64') return Infinity;
  return entries && entries.reduce((n, e) => n + e.declaredSize, 0);
}

/** The bytes some raw deflate data inflates to, counted chunk by chunk and dropped; stops once past `limit`. */
function inflatedLength(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    z.on('data', (chunk: Buffer) => { n += chunk.length; if (n > limit) { z.destroy(); resolve(n); } });
    z.on('end', () => resolve(n));
    z.on('error', () => resolve(n)); // broken data: what came out counts; mammoth will refuse the document
    z.end(data);
  });
}

/**
 * What the entries of a ZIP archive really inflate to together, stopping once past `limit` (then the count so far,
 * over `limit`); Infinity for ZIP64; null when the directory or an entry's local header is not where it should be.
 * Memory: one 64 KB chunk at a time, whatever the entries declare.
 */
export async function zipRealInflatedSize(bytes: Uint8Array, limit: number): Promise<number | null> {
  const entries = zipEntries(bytes);
  if (entries === 'zip64') return Infinity;
  if (!entries) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let total = 0;
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) return null;
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    if (start + e.compressedSize > bytes.length) return null;
    const data = bytes.subarray(start, start + e.compressedSize);
    // stored entries are their own size; deflated ones are inflated; JSZip knows no other method (it refuses them)
    if (e.method === 0) total += data.length;
    else if (e.method === 8) total += await inflatedLength(data, limit - total);
    if (total > limit) return total;
  }
  return total;
}
