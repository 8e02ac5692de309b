/**
 * HTTPS as the server sees it: Strict-Transport-Security only on answers to requests that came over HTTPS, and the
 * Secure flag of cookies whenever the public address is https. Behind a reverse proxy that terminates TLS the
 * request reaching Node is plain http; it counts as HTTPS when
 * - the proxy is trusted (TANDEM_TRUST_PROXY=1) and its X-Forwarded-Proto (last entry) says https — a trusted proxy
 *   saying http wins over everything else;
 * - or the request's own URL is https;
 * - or TANDEM_PUBLIC_URL is https and the request is addressed to its host (the proxy serves that name over TLS).
 * An untrusted X-Forwarded-Proto is ignored: any client can send one.
 */
import type { Context } from 'hono';

/** One year, subdomains included (the public address should serve nothing over plain http). */
export const HSTS = 'max-age=31536000; includeSubDomains';

function publicUrl(env: NodeJS.ProcessEnv): URL | null {
  try { return env.TANDEM_PUBLIC_URL ? new URL(env.TANDEM_PUBLIC_URL) : null; } catch { return null; }
}

export const publicUrlIsHttps = (env: NodeJS.ProcessEnv = process.env) => publicUrl(env)?.protocol === 'https:';

/** Did this request come over HTTPS (see above)? */
export function overHttps(c: Context, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TANDEM_TRUST_PROXY === '1') {
    const proto = c.req.header('x-forwarded-proto')?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).pop();
    if (proto) return proto === 'https';
  }
  const url = new URL(c.req.url);
  if (url.protocol === 'https:') return true;
  const pub = publicUrl(env);
  return pub?.protocol === 'https:' && (c.req.header('host') ?? url.host).toLowerCase() === pub.host.toLowerCase();
}

/** Sets Strict-Transport-Security on an answer given over HTTPS; never over plain http. */
export function strictTransport(c: Context): void {
  if (overHttps(c)) c.res.headers.set('Strict-Transport-Security', HSTS);
  else c.res.headers.delete('Strict-Transport-Security');
}
