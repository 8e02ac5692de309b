/**
 * /edit/contacts/{partnerships|projects}/:id — the contacts of a record, for those who may write it: change a
 * contact's role or remove it, add a person of my organisation or a new one. Plain POST forms (CSRF), no
 * JavaScript needed; errors next to their field; a stale version shows the current one (409). Only the contacts
 * the reader may see (their organisation's) are listed, as on the sheet.
 */
import type { Context } from 'hono';
import { contactInput, contactUpdateInput } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { HttpError, ValidationError } from '../../../../server/src/lib/errors.js';
import { ForbiddenError } from '../../../../server/src/features/permissions/permissions.js';
import {
  addContact, contactOrganisations, listContacts, mayEditContacts, peopleToAdd, removeContact, updateContact, type Contact,
} from '../../../../server/src/features/contacts/contacts.service.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ForbiddenPage } from '../edit/EditPage.js';
import { errorKey, Field, field, ManagePage, pageUrl, serviceErrors, target, zodErrors, type Errors, type Notice, type Target } from './parts.js';

interface View { t: Target; errors: Errors; values: Record<string, string>; scope: string | null; notice: Notice | null }

function ContactRow(props: { i: I18n; x: Contact; v: View }) {
  const { i, x, v } = props;
  const id = `c-${x.personId}`;
  const mine = v.scope === x.personId;
  return (
    <li class="contact">
      <p class="contact-name"><strong>{x.name}</strong>{x.roleTitle && <span class="muted"> — {x.roleTitle}</span>}</p>
      <p class="muted">{[x.organisationName, x.email, x.phone].filter(Boolean).join(' · ')}</p>
      <form method="post" action={pageUrl(i, v.t)} class="edit-form contact-form">
        <CsrfField />
        <input type="hidden" name="personId" value={x.personId} />
        <input type="hidden" name="version" value={String(x.version)} />
        <Field i={i} id={`${id}-role`} label={i.t('contacts.role')} error={v.errors[errorKey(x.personId, 'role')]}>
          {(aria) => <input type="text" id={`${id}-role`} name="role" value={mine ? v.values.role : x.role ?? ''} maxlength={200} {...aria} />}
        </Field>
        <p class="form-actions">
          <button type="submit" name="_action" value="save">{i.t('contacts.save', { name: x.name })}</button>
          <button type="submit" name="_action" value="remove" class="secondary">{i.t('contacts.remove', { name: x.name })}</button>
        </p>
      </form>
    </li>
  );
}

async function render(c: Context, i: I18n, db: Db, v: View, status = 200): Promise<Response> {
  const { t } = v;
  const contacts = await listContacts(db, t.actor, t.kind, t.id);
  const orgs = await contactOrganisations(db, t.actor, t.kind, t.record);
  const people = await peopleToAdd(db, orgs.map((o) => o.id), t.kind, t.id);
  const val = (scope: string, name: string) => (v.scope === scope ? v.values[name] ?? '' : '');
  const err = (scope: string, name: string) => v.errors[errorKey(scope, name)];
  return c.html(
    <ManagePage i={i} t={t} page="contacts" notice={v.notice}>
      <section aria-labelledby="contacts-list-h">
        <h2 id="contacts-list-h">{i.t('contacts.list')}</h2>
        {contacts.length ? <ul class="contacts contacts-manage">{contacts.map((x) => <ContactRow i={i} x={x} v={v} />)}</ul> : <p>{i.t('contacts.none')}</p>}
      </section>
      <section aria-labelledby="contacts-existing-h">
        <h2 id="contacts-existing-h">{i.t('contacts.add.existing')}</h2>
        {people.length ? (
          <form method="post" action={pageUrl(i, v.t)} class="edit-form">
            <CsrfField />
            <div class="form-grid">
              <Field i={i} id="add-person" label={i.t('contacts.person')} required error={err('add', 'personId')}>
                {(aria) => (
                  <select id="add-person" name="personId" {...aria}>
                    <option value="">{i.t('contacts.choose')}</option>
                    {people.map((p) => <option value={p.id} selected={val('add', 'personId') === p.id}>{[p.name, p.role_title, p.organisation_name].filter(Boolean).join(' — ')}</option>)}
                  </select>
                )}
              </Field>
              <Field i={i} id="add-role" label={i.t('contacts.role')} hint={i.t('contacts.role.hint')} error={err('add', 'role')}>
                {(aria) => <input type="text" id="add-role" name="role" value={val('add', 'role')} maxlength={200} {...aria} />}
              </Field>
            </div>
            <p class="form-actions"><button type="submit" name="_action" value="add">{i.t('contacts.add')}</button></p>
          </form>
        ) : <p>{i.t('contacts.noPeople')}</p>}
      </section>
      <section aria-labelledby="contacts-new-h">
        <h2 id="contacts-new-h">{i.t('contacts.add.new')}</h2>
        <form method="post" action={pageUrl(i, v.t)} class="edit-form">
          <CsrfField />
          <div class="form-grid">
            {([['name', 'contacts.name', 'text', true], ['roleTitle', 'contacts.jobTitle', 'text', false], ['email', 'contacts.email', 'email', false], ['phone', 'contacts.phone', 'tel', false]] as const).map(([name, key, type, required]) => (
              <Field i={i} id={`new-${name}`} label={i.t(key as MessageKey)} required={required} error={err('new', `person.${name}`)}>
                {(aria) => <input type={type} id={`new-${name}`} name={name} value={val('new', name)} maxlength={name === 'email' ? 300 : 200} autocomplete="off" {...aria} />}
              </Field>
            ))}
            {orgs.length === 1 ? <input type="hidden" name="organisationId" value={orgs[0].id} /> : (
              <Field i={i} id="new-organisationId" label={i.t('contacts.organisation')} required error={err('new', 'person.organisationId')}>
                {(aria) => <select id="new-organisationId" name="organisationId" {...aria}>{orgs.map((o) => <option value={o.id} selected={val('new', 'organisationId') === o.id}>{o.name}</option>)}</select>}
              </Field>
            )}
            <Field i={i} id="new-role" label={i.t('contacts.role')} hint={i.t('contacts.role.hint')} error={err('new', 'role')}>
              {(aria) => <input type="text" id="new-role" name="role" value={val('new', 'role')} maxlength={200} {...aria} />}
            </Field>
          </div>
          <p class="form-actions"><button type="submit" name="_action" value="create">{i.t('contacts.add')}</button></p>
        </form>
      </section>
    </ManagePage>, status as 200);
}

const DONE: Record<string, MessageKey> = { added: 'contacts.done.added', updated: 'contacts.done.updated', removed: 'contacts.done.removed' };

/** GET and POST /edit/contacts/:kind/:id */
export async function contactsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const t = await target(c, i, db, 'contacts');
  if (t instanceof Response) return t;
  const back = i.path(`/${t.plural}/${encodeURIComponent(t.id)}`);
  if (!(await mayEditContacts(db, t.actor, t.kind, t.record))) {
    return c.html(<ForbiddenPage i={i} message="edit.forbidden.text" back={back} path={`/edit/contacts/${t.plural}/${t.id}`} />, 403);
  }
  const view: View = { t, errors: {}, values: {}, scope: null, notice: null };
  if (c.req.method !== 'POST') {
    const done = DONE[c.req.query('done') ?? ''];
    return render(c, i, db, { ...view, notice: done ? { kind: 'success', key: done } : null });
  }
  const form = await c.req.parseBody();
  const action = field(form, '_action');
  const personId = field(form, 'personId');
  const values = Object.fromEntries(['personId', 'role', 'name', 'roleTitle', 'email', 'phone', 'organisationId', 'version'].map((k) => [k, field(form, k)]));
  const scope = action === 'add' ? 'add' : action === 'create' ? 'new' : personId;
  const failed = (v: Partial<View>, status: number) => render(c, i, db, { ...view, values, scope, ...v }, status);
  try {
    if (action === 'add' || action === 'create') {
      const draft = action === 'add' ? { personId: personId || undefined, role: values.role }
        : { person: { name: values.name, email: values.email, phone: values.phone, roleTitle: values.roleTitle, organisationId: values.organisationId }, role: values.role };
      const parsed = contactInput.safeParse(draft);
      if (!parsed.success) return failed({ errors: zodErrors(i, scope, parsed.error, draft), notice: { kind: 'error', key: 'contacts.errors' } }, 400);
      await addContact(db, { actor: t.actor }, t.kind, t.id, parsed.data);
    } else if (action === 'save') {
      const draft = { role: values.role, version: Number(values.version) };
      const parsed = contactUpdateInput.safeParse(draft);
      if (!parsed.success) return failed({ errors: zodErrors(i, scope, parsed.error, draft), notice: { kind: 'error', key: 'contacts.errors' } }, 400);
      await updateContact(db, { actor: t.actor }, t.kind, t.id, personId, parsed.data);
    } else if (action === 'remove') {
      await removeContact(db, { actor: t.actor }, t.kind, t.id, personId);
    } else {
      return failed({ notice: { kind: 'error', key: 'contacts.errors' } }, 400);
    }
  } catch (err) {
    if (err instanceof ValidationError) return failed({ errors: serviceErrors(i, scope, err.issues), notice: { kind: 'error', key: 'contacts.errors' } }, 400);
    if (err instanceof ForbiddenError) return failed({ notice: { kind: 'error', key: 'contacts.forbidden' } }, 403);
    if (err instanceof HttpError && err.status === 409) {
      const duplicate = action === 'add' || action === 'create';
      return failed(duplicate ? { errors: { [errorKey(scope, 'personId')]: i.t('contacts.duplicate') }, notice: { kind: 'error', key: 'contacts.duplicate' } }
        : { scope: null, notice: { kind: 'error', key: 'contacts.conflict' } }, 409);
    }
    if (err instanceof HttpError && err.status === 404) return failed({ scope: null, notice: { kind: 'error', key: 'contacts.notFound' } }, 404);
    throw err;
  }
  const done = action === 'save' ? 'updated' : action === 'remove' ? 'removed' : 'added';
  return c.redirect(`${pageUrl(i, t)}?done=${done}#contacts-list-h`, 303);
}
