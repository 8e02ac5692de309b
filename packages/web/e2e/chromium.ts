/**
 * Where the browser tests find Chromium: CHROMIUM_PATH, else `chromium` or `chromium-browser` on the PATH (Debian's
 * package: apt-get install chromium). Without one, `npm test` leaves the browser tests out and says so in one line
 * (vitest.config.ts), except in CI (CI=true), where a missing Chromium fails them.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_HINT = 'install Debian\'s Chromium (apt-get install chromium) or set CHROMIUM_PATH';

function executable(file: string): boolean {
  try { accessSync(file, constants.X_OK); return true; } catch { return false; }
}

/** The Chromium to drive, or undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The line `npm test` prints when it leaves the browser tests out; undefined when they run (or must: CI). */
export function browserTestsSkipped(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CI === 'true' || env.CI === '1' || findChromium(env)) return undefined;
  return `browser tests (packages/web/e2e) skipped: no Chromium ${env.CHROMIUM_PATH ? `at CHROMIUM_PATH=${env.CHROMIUM_PATH}` : 'on the PATH'} — ${CHROMIUM_HINT}`;
}
