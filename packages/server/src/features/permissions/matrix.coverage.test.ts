/**
 * Every route of the API is in a role × endpoint matrix: the routes the app declares (the table that drives its
 * handlers and its OpenAPI description) against the rows of the matrix files (`*.matrix.test.ts`, `matrix.*.test.ts`),
 * read as text: a row is `{ … method: 'post', path: '/api/…' … }` (no method: a read). A route missing from every
 * matrix fails here, unless EXEMPT names it with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../app.js';

const FEATURES = join(dirname(fileURLToPath(import.meta.url)), '..');

/** method + template → why no matrix holds it */
export const EXEMPT: Record<string, string> = {
  'get /api/health': 'public liveness probe, no data',
  'get /api/themes': 'the public thematic tree, reference data',
  'get /api/autocomplete/organisations': 'public names of public organisations (the people are not organisations)',
  'get /api/autocomplete/territories': 'public reference data',
  'post /api/auth/login': 'signs in anyone with a password: features/auth tests (rate limit, wrong password)',
  'post /api/auth/logout': 'ends one\'s own session: features/auth tests',
  'post /api/auth/password-reset': 'anyone may ask; the mail goes to the account\'s address: features/auth tests',
  'post /api/auth/password-reset/confirm': 'the secret is the mailed token: features/auth tests',
  'post /api/auth/invitations/accept': 'the secret is the mailed token: features/auth tests',
  'get /api/openapi.json': 'the public API description',
  'get /api/export/all': 'the whole public database for everyone (too long to fetch 7 times): web/src/privacy-leaks.test.ts fetches it and finds no private marker',
  // private links: the 32 random bytes of the link are the credential, whoever holds it (only their SHA-256 is stored)
  'get /api/registrations/:token': 'a registrant\'s private link: registration.api tests (a wrong token is 404)',
  'patch /api/registrations/:token': 'a registrant\'s private link: registration.api tests',
  'post /api/registrations/:token/cancel': 'a registrant\'s private link: registration.api tests',
  'post /api/registrations/:token/accept': 'a registrant\'s private link (an offered place): registration.queue tests',
  'post /api/funding-alerts/confirm/:token': 'the link of the confirmation e-mail: funding alerts tests with the SMTP sink',
  'post /api/funding-alerts/unsubscribe/:token': 'the link of the digest\'s List-Unsubscribe: funding alerts tests with the SMTP sink',
};

/** The rows of every matrix file: [method, concrete path]. */
function matrixRows(): Array<[string, string]> {
  const files = readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)([\w-]+\.matrix|matrix\.[\w-]+)\.test\.ts$/.test(f));
  const rows: Array<[string, string]> = [];
  for (const f of files) {
    const text = readFileSync(join(FEATURES, f), 'utf8');
    for (const m of text.matchAll(/\{\s*name:[^\n]*?path:\s*'([^']+)'/g)) {
      const method = /method:\s*'(get|post|put|patch|del)'/.exec(m[0])?.[1] ?? 'get';
      rows.push([method === 'del' ? 'delete' : method, m[1].split('?')[0]]);
    }
  }
  return rows;
}

const pattern = (template: string) => new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

describe('the role × endpoint matrices', () => {
  const rows = matrixRows();
  it('read the matrix files (a parser that finds nothing would pass everything)', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toContainEqual(['post', '/api/territories']);
  });

  it('hold every route the API declares, or EXEMPT says why not', () => {
    const missing = apiRoutes.map((r) => `${r.method} ${r.path}`).filter((key) => {
      if (EXEMPT[key]) return false;
      const [method, template] = key.split(' ');
      const re = pattern(template);
      return !rows.some(([m, p]) => m === method && re.test(p));
    });
    expect(missing).toEqual([]);
  });

  it('exempt only routes that exist', () => {
    const declared = new Set([...apiRoutes.map((r) => `${r.method} ${r.path}`), 'get /api/openapi.json']);
    expect(Object.keys(EXEMPT).filter((k) => !declared.has(k))).toEqual([]);
  });
});
