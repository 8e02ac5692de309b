/** Absolute links for e-mails and redirects. */
import type { Context } from 'hono';

/**
 * The public origin: TANDEM_PUBLIC_URL when set (always set it in production, so links in e-mails do not
 * depend on the Host header a client sends), else the request's own origin.
 */
export function publicOrigin(c: Context): string {
  const configured = process.env.TANDEM_PUBLIC_URL?.replace(/\/+$/, '');
  return configured || new URL(c.req.url).origin;
}

/** '/account' in a language: fr has no prefix. */
export const langPath = (lang: string | null | undefined, path: string) => (lang === 'en' || lang === 'vi' ? `/${lang}${path}` : path);

/** A local path to go back to after signing in, or null (no open redirects). */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return null;
  return value;
}
