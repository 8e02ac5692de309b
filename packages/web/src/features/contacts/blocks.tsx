/**
 * The sheet blocks of a partnership or a project: its contacts (members of the person's organisation only —
 * others see nothing, not even the block) and its documents (public, with the link to manage them for those
 * who may edit the record, known from the sheet's EditLink context).
 */
import type { Context } from 'hono';
import { useContext } from 'hono/jsx';
import { safeHref } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { listContacts, mayEditContacts } from '../../../../server/src/features/contacts/contacts.service.js';
import type { I18n } from '../../i18n/index.js';
import { ExternalLink, Section } from '../../components/Sheet.js';
import { EditLink } from '../edit/edit-link.js';
import { KINDS } from './parts.js';

/** The contacts block for the signed-in reader, or nothing (visitors, other organisations with nothing to manage). */
export async function contactsBlock(c: Context, i: I18n, db: Db, plural: string, record: { id: string }) {
  const kind = KINDS[plural];
  const actor = getActor(c);
  if (!kind || !actor) return null;
  const items = await listContacts(db, actor, kind, record.id);
  const may = await mayEditContacts(db, actor, kind, record);
  if (!items.length && !may) return null;
  return (
    <Section id="contacts" title={i.t('contacts.title')} class="contacts-block no-print">
      <p class="muted">{i.t('contacts.private')} {items.length > 0 && i.plural('contacts.count', items.length)}</p>
      {items.length ? (
        <ul class="contacts">
          {items.map((x) => {
            const mail = x.email ? safeHref(`mailto:${x.email}`) : null;
            return (
              <li class="contact">
                <p class="contact-name"><strong>{x.name}</strong>{x.role && <span> — {x.role}</span>}</p>
                <p class="muted">{[x.roleTitle, x.organisationName].filter(Boolean).join(' · ')}</p>
                {(x.email || x.phone) && <p class="contact-ways">
                  {x.email && (mail ? <a href={mail}>{x.email}</a> : x.email)}
                  {x.email && x.phone && ' · '}
                  {x.phone && <a href={`tel:${x.phone.replace(/[^+\d]/g, '')}`}>{x.phone}</a>}
                </p>}
              </li>
            );
          })}
        </ul>
      ) : <p>{i.t('contacts.none')}</p>}
      {may && <p><a href={i.path(`/edit/contacts/${plural}/${encodeURIComponent(record.id)}`)}>{i.t('contacts.manage')}</a></p>}
    </Section>
  );
}

/** The documents of a record: title, kind in words, link (http(s) only); "manage" for those who may edit it. */
export function Documents(props: { i: I18n; plural: 'partnerships' | 'projects' | 'events'; id: string; links: Array<{ url: string; title: string | null; kind: string }> }) {
  const { i, links } = props;
  const edit = useContext(EditLink);
  if (!links.length && !edit) return null;
  return (
    <Section id="links" title={i.t('sheet.links')}>
      {links.length > 0 && <ul class="link-list documents">
        {links.map((l) => <li><ExternalLink url={l.url} text={l.title || l.url} /> <span class="muted">— {i.l('linkKind', l.kind)}</span></li>)}
      </ul>}
      {edit && <p class="no-print"><a href={i.path(`/edit/documents/${props.plural}/${encodeURIComponent(props.id)}`)}>{i.t('documents.manage')}</a></p>}
    </Section>
  );
}
