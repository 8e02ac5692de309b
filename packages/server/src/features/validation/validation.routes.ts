import { z } from 'zod';
import { route } from '../../lib/api.js';
import { writeContext } from '../../lib/actor.js';
import { listValidations, setValidation, type ValidatedKind } from './validation.service.js';

const body = z.object({
  organisationId: z.string().min(1).max(120),
  state: z.enum(['validated', 'changes_requested']),
  comment: z.string().max(5000).nullable().optional(),
});

export const validationRoutes = (['partnership', 'project'] as ValidatedKind[]).flatMap((kind) => [
  route({ method: 'get', path: `/api/${kind}s/:id/validations`, tag: 'validation', summary: `Each party's validation of a shared ${kind}: validated, awaiting or changes requested`,
    handler: async ({ db, params }) => ({ items: await listValidations(db, kind, params.id) }) }),
  route({ method: 'post', path: `/api/${kind}s/:id/validations`, tag: 'validation', summary: `A member of a party validates the ${kind} or requests changes (with a comment)`,
    body, write: true, handler: async ({ c, db, params, body: b }) => ({ items: await setValidation(db, writeContext(c), kind, params.id, b) }) }),
]);
