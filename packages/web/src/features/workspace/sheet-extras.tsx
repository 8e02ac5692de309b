/**
 * What a sheet adds for the signed-in person: the one-time notice after a save (`?saved=created|updated|…`,
 * set by the edit forms and the collaboration forms' redirects) as a role="status" banner, and the create
 * actions in context (on a partnership: add a project, a delegation, an agreement) for those who may edit it.
 * The sheet route computes it and provides it through a JSX context, read by SheetHeader.
 */
import type { Context } from 'hono';
import { createContext, useContext } from 'hono/jsx';
import { getActor } from '../../../../server/src/lib/actor.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';

export interface Extras { notice: string | null; actions: Array<{ href: string; label: string }> }
export const SheetExtras = createContext<Extras>({ notice: null, actions: [] });

/** The outcomes a redirect may name, other than 'created' (whose words depend on the kind). */
const OUTCOMES = new Set(['updated', 'validated', 'changes_requested', 'withdrawn', 'restored']);
const CREATED = new Set(['partnership', 'project', 'mission', 'organisation', 'territory', 'event', 'event_series']);

/** edit: the sheet's edit link when the person may edit the record (features/edit/edit-link.ts), else null. */
export function sheetExtras(c: Context, i: I18n, kind: string, record: { id: string }, edit: string | null): Extras {
  if (!getActor(c)) return { notice: null, actions: [] };
  const saved = c.req.query('saved') ?? '';
  const key = saved === 'created' && CREATED.has(kind) ? `saved.created.${kind}` : OUTCOMES.has(saved) ? `saved.${saved}` : null;
  const id = encodeURIComponent(record.id);
  const actions = kind === 'partnership' && edit ? [
    { href: i.path(`/new/projects?partnershipId=${id}`), label: i.t('sheet.add.project') },
    { href: i.path(`/new/missions?partnershipId=${id}`), label: i.t('sheet.add.mission') },
    { href: i.path(`/edit/partnerships/${id}?add=agreements#f-agreements`), label: i.t('sheet.add.agreement') },
  ] : [];
  return { notice: key ? i.t(key as MessageKey) : null, actions };
}

/** The banner, for the top of a sheet. */
export function SavedNotice() {
  const { notice } = useContext(SheetExtras);
  return notice ? <div class="notice notice-success" role="status"><p>{notice}</p></div> : null;
}

/** The create actions, for the sheet's action bar. */
export function CreateActions() {
  const { actions } = useContext(SheetExtras);
  return <>{actions.map((a) => <a href={a.href} class="create-link">{a.label}</a>)}</>;
}
