import { z } from 'zod';
import { route } from '../../lib/api.js';
import { getActor, writeContext } from '../../lib/actor.js';
import { listValidations, setValidation, withdrawValidation, type ValidatedKind } from './validation.service.js';

const organisationId = z.string().min(1).max(120);
const body = z.object({
  organisationId,
  state: z.enum(['validated', 'changes_requested']),
  comment: z.string().max(5000).nullable().optional(),
});
const returns = '{items:[{organisationId, name, state, comment, at, version, by:{accountId, name}|null}]} (by: for members of that party, the person and platform administrators)';

export const validationRoutes = (['partnership', 'project'] as ValidatedKind[]).flatMap((kind) => [
  route({ method: 'get', path: `/api/${kind}s/:id/validations`, tag: 'validation', returns, summary: `Each party's validation of a shared ${kind}: validated, awaiting or changes requested, when and (for its members) by whom`,
    handler: async ({ c, db, params }) => ({ items: await listValidations(db, kind, params.id, getActor(c)) }) }),
  route({ method: 'post', path: `/api/${kind}s/:id/validations`, tag: 'validation', returns, summary: `A member of a party validates the ${kind} or requests changes (with a comment)`,
    body, write: true, handler: async ({ c, db, params, body: b }) => ({ items: await setValidation(db, writeContext(c), kind, params.id, b) }) }),
  route({ method: 'post', path: `/api/${kind}s/:id/validations/withdraw`, tag: 'validation', returns, summary: `A member of a party withdraws its validation of the ${kind}: back to awaiting (audited); 409 when it had not validated`,
    body: z.object({ organisationId }), write: true, handler: async ({ c, db, params, body: b }) => ({ items: await withdrawValidation(db, writeContext(c), kind, params.id, b.organisationId) }) }),
]);
