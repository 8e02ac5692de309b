import { contactInput, contactRecordKinds, contactUpdateInput } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext } from '../../lib/actor.js';
import { requireMember } from '../people/people.service.js';
import { addContact, listContacts, removeContact, updateContact } from './contacts.service.js';

/** Contacts of partnerships and projects: personal data, for members of the person's organisation and platform administrators. */
export const contactRoutes: RouteDef[] = contactRecordKinds.flatMap((kind) => {
  const base = `/api/${kind}s/:id/contacts`;
  return [
    route({ method: 'get', path: base, tag: 'contacts', summary: `Contacts of a ${kind} — only those of my organisations (all for platform administrators); 401 signed out`,
      handler: async ({ c, db, params }) => ({ items: await listContacts(db, requireMember(getActor(c)), kind, params.id) }) }),
    route({ method: 'post', path: base, tag: 'contacts', summary: `Add a contact to a ${kind}: a person of my organisation (personId) or a new one (person), with a role`, body: contactInput, write: true, status: 201,
      handler: ({ c, db, params, body }) => addContact(db, writeContext(c), kind, params.id, body) }),
    route({ method: 'put', path: `${base}/:personId`, tag: 'contacts', summary: `Change a contact's role on a ${kind} (send the version you read); 404 if it is not yours to see`, body: contactUpdateInput, write: true,
      handler: ({ c, db, params, body }) => updateContact(db, writeContext(c), kind, params.id, params.personId, body) }),
    route({ method: 'delete', path: `${base}/:personId`, tag: 'contacts', summary: `Remove a contact from a ${kind} (the person stays); 404 if it is not yours to see`, write: true, status: 204,
      handler: ({ c, db, params }) => removeContact(db, writeContext(c), kind, params.id, params.personId) }),
  ];
});
