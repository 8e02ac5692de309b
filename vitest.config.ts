import { defineConfig } from 'vitest/config';
import { browserTestsSkipped } from './packages/web/e2e/chromium.js';

const E2E = 'packages/*/e2e/**/*.e2e.test.ts';
// no Chromium (and not CI): the browser tests are left out, in one line saying how to get them
const skipBrowser = browserTestsSkipped();
if (skipBrowser) console.log(skipBrowser);

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'packages/*/test/**/*.test.ts', ...(skipBrowser ? [] : [E2E])],
    globalSetup: ['packages/server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
