/**
 * PGlite's engine, read and compiled while the server's bundle loads: `npm start` on the embedded database spends
 * ≈ 1 s importing its modules on the main thread, and the 9 MB of WebAssembly and 6 MB of PostgreSQL files can be
 * read and compiled on other threads meanwhile. db/client.ts takes them (once) when it opens the data directory, and
 * opens it as before when they are not there or failed. Only the server's entries call this (run.mjs).
 */
import { readFile } from 'node:fs/promises';

export const PGLITE_PRELOAD = Symbol.for('tandem.pglite.preload');

export function preloadPglite() {
  try {
    const dist = new URL('./', import.meta.resolve('@electric-sql/pglite'));
    const settle = (p) => { p.catch(() => {}); return p; }; // a failure is seen (and ignored) by the taker
    globalThis[PGLITE_PRELOAD] = {
      wasmModule: settle(readFile(new URL('pglite.wasm', dist)).then((bytes) => WebAssembly.compile(bytes))),
      fsBundle: settle(readFile(new URL('pglite.data', dist)).then((bytes) => new Blob([bytes]))),
    };
  } catch { /* no package: the server will say so */ }
}
