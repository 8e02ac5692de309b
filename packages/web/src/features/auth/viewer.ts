/**
 * The signed-in person, for components deep in a page (the Layout header, CsrfField) without threading a
 * prop through every page: the site mounts hono's contextStorage, and this reads the request's actor.
 */
import { tryGetContext } from 'hono/context-storage';
import { getActor, type Actor } from '../../../../server/src/lib/actor.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';

export interface Viewer { actor: Actor; csrf: string | null }

export function currentViewer(): Viewer | null {
  const c = tryGetContext();
  const actor = c ? getActor(c) : null;
  return c && actor ? { actor, csrf: csrfToken(c) } : null;
}

/** The CSRF token of the request being rendered, or null (no session). */
export function currentCsrf(): string | null {
  const c = tryGetContext();
  return c ? csrfToken(c) : null;
}
