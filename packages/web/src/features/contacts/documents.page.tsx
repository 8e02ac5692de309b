/**
 * /edit/documents/{partnerships|projects|events}/:id — the documents (public links) of a record, for those who may
 * write it: change or remove each, add one. Each form carries the record's version: a change is an update of
 * the record (its history, 409 when someone saved first, then the current list). No JavaScript needed.
 */
import type { Context } from 'hono';
import { documentInput, linkKinds, type DocumentRecordKind } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../../server/src/lib/errors.js';
import { authorize, ForbiddenError } from '../../../../server/src/features/permissions/permissions.js';
import { addDocument, removeDocument, updateDocument } from '../../../../server/src/features/links/documents.service.js';
import { RECORD_GET } from '../../../../server/src/features/contacts/contacts.service.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import { assertSeesEvent } from '../../../../server/src/features/groups/meetings.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ForbiddenPage } from '../edit/EditPage.js';
import { errorKey, Field, field, ManagePage, pageUrl, serviceErrors, target, zodErrors, type Errors, type Notice, type Target } from './parts.js';

type Link = { url: string; title: string | null; kind: string };
const DOC_KINDS: Record<string, DocumentRecordKind> = { partnerships: 'partnership', projects: 'project', events: 'event' };
const DOC_GET: Record<DocumentRecordKind, (db: Db, id: string) => Promise<any>> = { ...RECORD_GET, event: getEvent };
interface View { t: Target<DocumentRecordKind>; errors: Errors; values: Record<string, string>; scope: string | null; notice: Notice | null }

/** The fields of one document; scope: 'add' or its position. */
function DocumentFields(props: { i: I18n; v: View; scope: string; link: Link | null }) {
  const { i, v, scope } = props;
  const typed = v.scope === scope;
  const value = (name: keyof Link) => (typed ? v.values[name] ?? '' : props.link?.[name] ?? '');
  const id = (name: string) => `d-${scope}-${name}`;
  const err = (name: string) => v.errors[errorKey(scope, name)];
  return (
    <div class="form-grid">
      <Field i={i} id={id('url')} label={i.t('documents.url')} required error={err('url')}>
        {(aria) => <input type="url" id={id('url')} name="url" value={value('url')} maxlength={2000} autocomplete="off" {...aria} />}
      </Field>
      <Field i={i} id={id('title')} label={i.t('documents.docTitle')} error={err('title')}>
        {(aria) => <input type="text" id={id('title')} name="title" value={value('title')} maxlength={300} {...aria} />}
      </Field>
      <Field i={i} id={id('kind')} label={i.t('documents.kind')} error={err('kind')}>
        {(aria) => <select id={id('kind')} name="kind" {...aria}>{linkKinds.map((k) => <option value={k} selected={(value('kind') || 'document') === k}>{i.l('linkKind', k)}</option>)}</select>}
      </Field>
    </div>
  );
}

function render(c: Context, i: I18n, v: View, status = 200): Response | Promise<Response> {
  const { t } = v;
  const links = t.record.links as Link[];
  const version = <input type="hidden" name="version" value={String(t.record.version)} />;
  return c.html(
    <ManagePage i={i} t={t} page="documents" notice={v.notice}>
      <section aria-labelledby="documents-list-h">
        <h2 id="documents-list-h">{links.length ? i.plural('documents.count', links.length) : i.t('documents.none')}</h2>
        <ol class="documents-edit">
          {links.map((l, k) => (
            <li>
              <form method="post" action={pageUrl(i, t)} class="edit-form">
                <fieldset class="group"><legend>{i.t('documents.item', { n: k + 1 })}</legend>
                  <CsrfField />{version}
                  <input type="hidden" name="position" value={String(k + 1)} />
                  <DocumentFields i={i} v={v} scope={String(k + 1)} link={l} />
                  <p class="form-actions">
                    <button type="submit" name="_action" value="save">{i.t('documents.save', { n: k + 1 })}</button>
                    <button type="submit" name="_action" value="remove" class="secondary">{i.t('documents.remove', { n: k + 1 })}</button>
                  </p>
                </fieldset>
              </form>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="documents-add-h">
        <h2 id="documents-add-h">{i.t('documents.add')}</h2>
        <form method="post" action={pageUrl(i, t)} class="edit-form">
          <CsrfField />{version}
          <DocumentFields i={i} v={v} scope="add" link={null} />
          <p class="form-actions"><button type="submit" name="_action" value="add">{i.t('documents.addButton')}</button></p>
        </form>
      </section>
    </ManagePage>, status as 200);
}

const DONE: Record<string, MessageKey> = { added: 'documents.done.added', updated: 'documents.done.updated', removed: 'documents.done.removed' };

/** GET and POST /edit/documents/:kind/:id */
export async function documentsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const t = await target(c, i, db, 'documents', DOC_KINDS, DOC_GET);
  if (t instanceof Response) return t;
  if (t.kind === 'event') await assertSeesEvent(db, t.actor, t.id); // a members-only meeting is 404 outside its group
  try { await authorize(db, { actor: t.actor }, t.kind, 'update', t.record, t.record); } catch (err) {
    if (!(err instanceof ForbiddenError)) throw err;
    return c.html(<ForbiddenPage i={i} message="edit.forbidden.text" back={i.path(`/${t.plural}/${encodeURIComponent(t.id)}`)} path={`/edit/documents/${t.plural}/${t.id}`} />, 403);
  }
  const view: View = { t, errors: {}, values: {}, scope: null, notice: null };
  if (c.req.method !== 'POST') {
    const done = DONE[c.req.query('done') ?? ''];
    return render(c, i, { ...view, notice: done ? { kind: 'success', key: done } : null });
  }
  const form = await c.req.parseBody();
  const action = field(form, '_action');
  const values = Object.fromEntries(['url', 'title', 'kind', 'version', 'position'].map((k) => [k, field(form, k)]));
  const position = Number(values.position);
  const scope = action === 'add' ? 'add' : String(position);
  const again = async (v: Partial<View>, status: number) => render(c, i, { ...view, t: { ...t, record: await DOC_GET[t.kind](db, t.id) }, values, scope, ...v }, status);
  const draft = { url: values.url.trim(), title: values.title.trim() || null, kind: values.kind || 'document', version: Number(values.version) };
  const ctx = { actor: t.actor };
  try {
    if (action === 'remove') {
      if (!Number.isInteger(position) || position < 1) throw new NotFoundError('document', values.position);
      await removeDocument(db, ctx, t.kind, t.id, position, draft.version);
    } else if (action === 'add' || action === 'save') {
      const parsed = documentInput.safeParse(draft);
      if (!parsed.success) return again({ errors: zodErrors(i, scope, parsed.error, draft), notice: { kind: 'error', key: 'contacts.errors' } }, 400);
      if (action === 'add') await addDocument(db, ctx, t.kind, t.id, parsed.data);
      else {
        if (!Number.isInteger(position) || position < 1) throw new NotFoundError('document', values.position);
        await updateDocument(db, ctx, t.kind, t.id, position, parsed.data);
      }
    } else {
      return again({ notice: { kind: 'error', key: 'contacts.errors' } }, 400);
    }
  } catch (err) {
    if (err instanceof ValidationError) return again({ errors: serviceErrors(i, scope, err.issues), notice: { kind: 'error', key: 'contacts.errors' } }, 400);
    if (err instanceof ConflictError) return again({ scope: action === 'add' ? 'add' : null, notice: { kind: 'error', key: 'documents.conflict' } }, 409);
    if (err instanceof NotFoundError) return again({ scope: null, notice: { kind: 'error', key: 'documents.notFound' } }, 404);
    if (err instanceof ForbiddenError) return again({ scope: null, notice: { kind: 'error', key: 'edit.forbidden.text' } }, 403);
    throw err;
  }
  const done = action === 'save' ? 'updated' : action === 'remove' ? 'removed' : 'added';
  return c.redirect(`${pageUrl(i, t)}?done=${done}#documents-list-h`, 303);
}
