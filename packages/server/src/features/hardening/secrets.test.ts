/**
 * Secrets only from the environment: no source file gives a secret setting a default value, no known development
 * token is used outside tests, and the per-session secrets (session token, CSRF key) are random for each session.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/server-process.js';
import { KNOWN_DEFAULTS } from './production.js';

const SECRETS = ['TANDEM_ADMIN_TOKEN', 'OIDC_CLIENT_SECRET', 'SMTP_URL', 'DATABASE_URL', 'DATABASE_READ_URL'];
/** Files that run in production: the packages' sources and bin scripts, tests and test helpers excluded. */
function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (!['node_modules', 'e2e', 'test', 'fixtures', 'data'].includes(e.name)) sources(p, out); continue; }
    if (/\.(ts|tsx|mjs)$/.test(e.name) && !/\.(test|testkit)\.tsx?$|testkit\.ts$|test-kit/.test(e.name)) out.push(p);
  }
  return out;
}

describe('secrets only from the environment', () => {
  const files = ['shared', 'server', 'web', 'app'].flatMap((p) => sources(join(ROOT, 'packages', p)));

  it('reads every secret setting without a default value', () => {
    expect(files.length).toBeGreaterThan(200);
    const found: string[] = [];
    const fallback = new RegExp(`\\b(${SECRETS.join('|')})\\b['"\\]]*\\s*(\\?\\?|\\|\\|)\\s*['"\`]`, 'g');
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(fallback)) found.push(`${relative(ROOT, f)}: ${m[0]}`);
      // a literal secret right in a URL: postgres://user:secret@ or smtp://user:secret@ (placeholders in comments aside)
      for (const m of text.matchAll(/\b(postgres(ql)?|smtps?):\/\/[^:/@\s'"`]+:([^@\s'"`]+)@/g)) if (!/^(\$\{.*|…|\.\.\.|pass|password)$/.test(m[3]!)) found.push(`${relative(ROOT, f)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('uses no well-known development token outside tests', () => {
    const found = files.filter((f) => /['"`](dev-token|test-token|changeme)['"`]/.test(readFileSync(f, 'utf8')) && !f.endsWith('production.ts'));
    expect(found.map((f) => relative(ROOT, f))).toEqual([]);
    expect(KNOWN_DEFAULTS.has('dev-token')).toBe(true);
  });

  it('makes the session token and its CSRF key random for each session (no server-wide secret to configure or leak)', () => {
    const sessions = readFileSync(join(ROOT, 'packages/server/src/features/auth/sessions.ts'), 'utf8');
    expect(sessions).toMatch(/const token = randomToken\(32\);/);
    expect(sessions).toMatch(/const csrfSecret = randomToken\(32\);/);
    expect(readFileSync(join(ROOT, 'packages/server/src/features/auth/csrf.ts'), 'utf8')).toMatch(/hmac\(s\.csrfSecret, /);
  });
});
