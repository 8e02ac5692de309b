/** The server's registration services the pages call (features/registration on the server side): one place to import them from. */
export { getForm, saveForm } from '../../../../server/src/features/registration/registration.form.js';
export { register, byToken, changeByToken, cancelByToken, acceptOffer, publicParticipants } from '../../../../server/src/features/registration/registration.service.js';
export { RegistrationRateLimitedError } from '../../../../server/src/features/registration/registration.limits.js';
export { clientIp } from '../../../../server/src/features/audit/audit.js';
export { expireOffers } from '../../../../server/src/features/registration/registration.queue.js';
export { listRegistrations, moderate, reorderWaiting, messageRegistrants } from '../../../../server/src/features/registration/registration.organisers.js';

import type { z } from 'zod';
import { toIssues } from '../../../../server/src/lib/api.js';
import { ValidationError } from '../../../../server/src/lib/errors.js';

/** A page's input through the API's shared schema: the parsed value, or a 400 naming each field (as the API answers). */
export function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const got = schema.safeParse(value);
  if (!got.success) throw new ValidationError(toIssues(got.error));
  return got.data;
}
