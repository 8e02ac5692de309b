/**
 * The production configuration's safety check, run by `startServer` before it opens anything: with
 * NODE_ENV=production, a setting that would leave the site open (no public address, cookies without Secure over
 * HTTPS, a guessable script token, a default database password) stops the start with a message naming the variable
 * (exit code 78, EX_CONFIG). Secrets come from the environment only: nothing here, or anywhere, has a default secret
 * (`secrets.test.ts` reads the sources for one).
 */

/** Values found in examples, tutorials and this project's own docs and tests: never a secret. */
export const KNOWN_DEFAULTS = new Set(['dev-token', 'test-token', 'token', 'secret', 'changeme', 'change-me', 'password', 'admin',
  'tandem', 'postgres', 'root', 'test', 'example', 'letmein', '123456', '12345678', 'default', 'xxx']);

/** Shortest script token accepted in production: 32 characters (e.g. `openssl rand -base64 32` gives 44). */
export const MIN_TOKEN_CHARS = 32;

export const isProduction = (env: NodeJS.ProcessEnv = process.env) => env.NODE_ENV === 'production';

/** Why a secret is weak, or null: a known default, too short, or too few different characters. */
export function weakSecret(value: string, minChars = MIN_TOKEN_CHARS): string | null {
  if (KNOWN_DEFAULTS.has(value.toLowerCase())) return 'is a well-known default value';
  if (value.length < minChars) return `is ${value.length} characters long; use at least ${minChars} random characters (e.g. \`openssl rand -base64 32\`)`;
  if (new Set(value).size < 10) return 'repeats too few different characters to be random';
  return null;
}

function parseUrl(value: string): URL | null {
  try { return new URL(value); } catch { return null; }
}

/** The problems of a production configuration, each naming its variable; [] outside production or when all is well. */
export function productionProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  if (!isProduction(env)) return [];
  const problems: string[] = [];
  const publicUrl = env.TANDEM_PUBLIC_URL ? parseUrl(env.TANDEM_PUBLIC_URL) : null;
  const insecureCookies = env.TANDEM_INSECURE_COOKIES === '1';
  if (!env.TANDEM_PUBLIC_URL) {
    problems.push('TANDEM_PUBLIC_URL is not set: links in e-mails and the accepted Origin would follow the Host header clients send; set it to the public address, e.g. https://tandem.example.org');
  } else if (!publicUrl || !/^https?:$/.test(publicUrl.protocol)) {
    problems.push(`TANDEM_PUBLIC_URL is not an http(s) URL: ${JSON.stringify(env.TANDEM_PUBLIC_URL)}`);
  } else if (publicUrl.protocol === 'https:' && insecureCookies) {
    problems.push('TANDEM_INSECURE_COOKIES=1 while TANDEM_PUBLIC_URL is https: session cookies must be Secure over HTTPS; remove TANDEM_INSECURE_COOKIES');
  } else if (publicUrl.protocol === 'http:' && !insecureCookies) {
    problems.push('TANDEM_PUBLIC_URL is plain http: serve Tandem over HTTPS (https://…), or set TANDEM_INSECURE_COOKIES=1 to accept session cookies sent in clear on a private network');
  }
  if (env.TANDEM_ADMIN_TOKEN !== undefined) {
    const weak = env.TANDEM_ADMIN_TOKEN === '' ? 'is empty' : weakSecret(env.TANDEM_ADMIN_TOKEN);
    if (weak) problems.push(`TANDEM_ADMIN_TOKEN ${weak}: it acts as a platform administrator; generate one, or unset it when no script needs it`);
  }
  if (env.OIDC_CLIENT_SECRET !== undefined && KNOWN_DEFAULTS.has(env.OIDC_CLIENT_SECRET.toLowerCase())) {
    problems.push('OIDC_CLIENT_SECRET is a well-known default value: use the secret the provider issued');
  }
  for (const name of ['DATABASE_URL', 'DATABASE_READ_URL', 'SMTP_URL'] as const) {
    const value = env[name];
    if (!value) continue;
    const url = parseUrl(value);
    if (!url) { problems.push(`${name} is not a URL`); continue; }
    const password = decodeURIComponent(url.password);
    if (password && KNOWN_DEFAULTS.has(password.toLowerCase())) problems.push(`${name} holds a well-known default password ("${password}"): change the account's password`);
  }
  return problems;
}

/** Exits with a message naming each unsafe setting (before anything is opened); returns when the configuration is safe. */
export function exitOnUnsafeProduction(env: NodeJS.ProcessEnv = process.env): void {
  const problems = productionProblems(env);
  if (!problems.length) return;
  console.error(`tandem: refusing to start with an unsafe production configuration (NODE_ENV=production):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(78);
}
