import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { browserTestsSkipped } from './packages/web/e2e/chromium.js';

const E2E = 'packages/*/e2e/**/*.e2e.test.ts';
// no Chromium (and not CI): the browser tests are left out, in one line saying how to get them
const skipBrowser = browserTestsSkipped();
if (skipBrowser) console.log(skipBrowser);

// Test files at once. Vitest's default is one less than the cores: ONE on the 2-core CI machine, where a file's fork
// start and imports (~4 s a file, 190 files) and PGlite (in-process WASM) then leave the other core idle. Every file
// makes its own database (a PGlite copy, or a PostgreSQL database named by pid), data directories, files and ports
// (listen on 0), so files share no state. TANDEM_TEST_WORKERS overrides (1 = one file at a time).
const workers = Number(process.env.TANDEM_TEST_WORKERS) || Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'packages/*/test/**/*.test.ts', ...(skipBrowser ? [] : [E2E])],
    globalSetup: ['packages/server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: workers,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
