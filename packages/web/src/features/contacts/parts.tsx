/**
 * What the contacts and documents pages share: the page around the forms (header, notice, back link), one
 * labelled field with its error, the record from the path, and the sign-in redirect.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { ContactRecordKind } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, type Actor } from '../../../../server/src/lib/actor.js';
import { NotFoundError, type Issue } from '../../../../server/src/lib/errors.js';
import { RECORD_GET } from '../../../../server/src/features/contacts/contacts.service.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { zodMessage } from '../edit/errors.js';

export const KINDS: Record<string, ContactRecordKind> = { partnerships: 'partnership', projects: 'project' };

/** form scope ('add', 'new', a person's id, a position) + field → message */
export type Errors = Record<string, string>;
export const errorKey = (scope: string, field: string) => `${scope}:${field}`;

export function zodErrors(i: I18n, scope: string, error: z.ZodError, draft: unknown): Errors {
  return Object.fromEntries(error.issues.map((x) => [errorKey(scope, x.path.map(String).join('.') || 'form'), zodMessage(i, x, draft)]));
}
export function serviceErrors(i: I18n, scope: string, issues: Issue[] | undefined): Errors {
  return Object.fromEntries((issues ?? []).map((x) => [errorKey(scope, x.path || 'form'), i.t('edit.error.invalid')]));
}

export interface Target<K extends string = ContactRecordKind> { plural: string; kind: K; id: string; record: any; actor: Actor; page: 'contacts' | 'documents' }

/** The page's own address, in the reader's language: every form posts back to it. */
export const pageUrl = (i: I18n, t: Target<string>) => i.path(`/edit/${t.page}/${t.plural}/${encodeURIComponent(t.id)}`);

/** The record named by the path (404 when absent, as a page), or the sign-in redirect when nobody is signed in. */
export async function target<K extends string = ContactRecordKind>(c: Context, i: I18n, db: Db, page: 'contacts' | 'documents',
  kinds: Record<string, K> = KINDS as Record<string, K>, get: Record<K, (db: Db, id: string) => Promise<any>> = RECORD_GET as Record<K, (db: Db, id: string) => Promise<any>>): Promise<Target<K> | Response> {
  const plural = c.req.param('kind') as string, id = c.req.param('id') as string;
  const kind = kinds[plural];
  if (!kind) throw new NotFoundError('kind', plural);
  const actor = getActor(c);
  if (!actor) {
    const to = encodeURIComponent(i.path(`/edit/${page}/${plural}/${encodeURIComponent(id)}`));
    return c.redirect(`${i.path('/login')}?next=${to}&returnTo=${to}`, 303);
  }
  return { plural, kind, id, record: await get[kind](db, id), actor, page };
}

/** A form field read as text ('' when absent or a file). */
export const field = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function Field(props: { i: I18n; id: string; label: string; error?: string; hint?: string; required?: boolean; children: (aria: Record<string, string | undefined>) => Child }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}{props.required && <span class="req" title={props.i.t('edit.required')}> *</span>}</label>
      {props.children({ 'aria-invalid': props.error ? 'true' : undefined, 'aria-describedby': described || undefined, 'aria-required': props.required ? 'true' : undefined })}
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.error && <p class="field-error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}

export interface Notice { kind: 'error' | 'success'; key: MessageKey }

export function ManagePage(props: { i: I18n; t: Target<string>; page: 'contacts' | 'documents'; notice?: Notice | null; children: Child }) {
  const { i, t } = props;
  const title = i.t(`${props.page}.page.title` as MessageKey, { title: t.record.title });
  return (
    <Layout i={i} meta={{ title, path: `/edit/${props.page}/${t.plural}/${encodeURIComponent(t.id)}`, noindex: true }}>
      <header class="sheet-header">
        <p class="kicker">{i.t(`${props.page}.kicker` as MessageKey)}</p>
        <h1>{title}</h1>
        <p class="lead">{i.t(`${props.page}.page.lead` as MessageKey)}</p>
      </header>
      {props.notice && <div class={`notice notice-${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'}><p>{i.t(props.notice.key)}</p></div>}
      {props.children}
      <p class="form-actions"><a href={i.path(`/${t.plural}/${encodeURIComponent(t.id)}#${props.page === 'contacts' ? 'contacts' : 'links'}-h`)}>{i.t('edit.back')}</a></p>
    </Layout>
  );
}
