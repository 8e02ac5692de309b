/**
 * Who is acting. Every write goes through a service with a WriteContext; the services check the role
 * (features/permissions) and record the revision under this actor.
 */
import type { Context } from 'hono';

export type Role = 'member' | 'network_admin' | 'platform_admin';
/** member of an organisation; administrator of a network (an organisation of kind 'network'); platform administrator (scopeId null). */
export interface Grant { role: Role; organisationId: string | null }

export interface Actor {
  accountId: string;
  email: string;
  name: string;
  grants: Grant[];
  /** how the request authenticated */
  via: 'session' | 'token';
  /** for tokens: the scopes it carries ('write' at least for writes) */
  scopes?: string[];
}

/** The seed, imports and other system jobs: not a person, allowed everything, recorded as such. */
export const SYSTEM = { system: true as const, label: 'system' };
export type WriteContext = { actor: Actor } | { actor: typeof SYSTEM };

export function isPlatformAdmin(actor: Actor | typeof SYSTEM): boolean {
  return 'system' in actor || actor.grants.some((g) => g.role === 'platform_admin');
}

export function memberOf(actor: Actor | typeof SYSTEM): Set<string> {
  if ('system' in actor) return new Set();
  return new Set(actor.grants.filter((g) => g.organisationId && (g.role === 'member' || g.role === 'network_admin')).map((g) => g.organisationId!));
}

export function actorId(actor: Actor | typeof SYSTEM): string | null {
  return 'system' in actor ? null : actor.accountId;
}

export function actorLabel(actor: Actor | typeof SYSTEM): string {
  return 'system' in actor ? 'system' : actor.name || actor.email;
}

/** The actor attached to the request by the session/token middleware (features/auth), or null. */
export function getActor(c: Context): Actor | null {
  return (c.get('actor' as never) as Actor | undefined) ?? null;
}

/** The admin token (TANDEM_ADMIN_TOKEN) used by scripts acts as a platform administrator. */
export const ADMIN_TOKEN_ACTOR: Actor = { accountId: 'admin-token', email: '', name: 'admin token', grants: [{ role: 'platform_admin', organisationId: null }], via: 'token', scopes: ['write'] };

/** The write context of a request that passed the write check: its actor, or the admin token's. */
export function writeContext(c: Context): WriteContext {
  return { actor: getActor(c) ?? ADMIN_TOKEN_ACTOR };
}

export const SYSTEM_CONTEXT: WriteContext = { actor: SYSTEM };
