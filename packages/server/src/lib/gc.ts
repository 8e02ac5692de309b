/**
 * A full garbage collection now, after a one-off burst of allocation at start-up (a seed, a template built): V8 keeps
 * the heap it grew to and the WASM memory of a closed PGlite until its next major collection, which an idle server
 * may not run for a long time — the resident memory of a fresh start would stay hundreds of MB above a restart's.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch { /* an engine without it: V8 collects later */ }
}
