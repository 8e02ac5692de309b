#!/usr/bin/env node
// npm run test:pg — the same suite on a PostgreSQL server. Each run builds a throwaway template
// database (tandem_tpl_<pid>) and one database per test file, all dropped at the end.
// TANDEM_TEST_PG: a URL to the server's maintenance database (default postgres://postgres@127.0.0.1:5432/postgres).
// The browser tests (packages/*/e2e) run once, in `npm test`: they drive the same server code whose SQL every
// server and page test already runs here, and twice they cost CI a quarter of its time. TANDEM_PG_E2E=1 runs them
// here too; naming files runs exactly those files.
import { spawnSync } from 'node:child_process';

const url = process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
const files = process.argv.slice(2);
const skipE2e = !process.env.TANDEM_PG_E2E && !files.some((f) => !f.startsWith('-'));
const args = ['vitest', 'run', ...(skipE2e ? ['--exclude', 'packages/*/e2e/**', '--exclude', '**/node_modules/**'] : []), ...files];
const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TANDEM_TEST_PG: url } });
process.exit(r.status ?? 1);
