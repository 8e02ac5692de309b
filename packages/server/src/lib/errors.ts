/** Errors that map to HTTP answers; anything else is a 500. */
export interface Issue { path: string; message: string }

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly issues?: Issue[], readonly extra?: Record<string, unknown>) { super(message); }
}
export class NotFoundError extends HttpError {
  constructor(kind: string, id: string) { super(404, `${kind} not found: ${id}`); }
}
export class ConflictError extends HttpError {
  constructor(kind: string, id: string, current: number, sent: number) {
    super(409, `${kind} ${id} was changed by someone else: you sent version ${sent}, the current version is ${current}. Reload it and apply your change again.`, undefined, { currentVersion: current });
  }
}
export class ValidationError extends HttpError {
  constructor(issues: Issue[]) { super(400, issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; '), issues); }
}
/** A reference to a record that does not exist, e.g. parties[0].organisationId. */
export function badReference(path: string, kind: string, id: string): ValidationError {
  return new ValidationError([{ path, message: `no ${kind} with id "${id}"` }]);
}
