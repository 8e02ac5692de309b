#!/usr/bin/env node
// npm run test:pg — the same suite on a PostgreSQL server. Each run builds a throwaway template
// database (tandem_tpl_<pid>) and one database per test file, all dropped at the end.
// TANDEM_TEST_PG: a URL to the server's maintenance database (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawnSync } from 'node:child_process';

const url = process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TANDEM_TEST_PG: url } });
process.exit(r.status ?? 1);
