/** Validation issues (zod's, and the services' reference checks) → one message per field, in the reader's language. */
import type { z } from 'zod';
import type { Issue } from '../../../../server/src/lib/errors.js';
import { FOREIGN_PARTNERSHIP } from '../../../../server/src/features/permissions/permissions.js';
import type { I18n } from '../../i18n/index.js';
import { valueAt } from './form-data.js';

/** dotted path → message */
export type FieldErrors = Record<string, string>;

const DATE_FIELDS = new Set(['started', 'ended', 'start', 'end', 'signed', 'from', 'to']);
const ISO_DATE_FIELDS = new Set(['validFrom', 'validTo']);
const URL_FIELDS = new Set(['url', 'website', 'documentUrl']);
const INTEGER_FIELDS = new Set(['year', 'durationMonths', 'version']);
const ID_FIELDS = new Set(['organisationId', 'funderId', 'placeId', 'parentId', 'territoryId', 'partnershipId', 'renewsAgreementId', 'places', 'organisations', 'themes']);

/** The field a path is about: 'funding.1.amount' → 'amount', 'places.2' → 'places'. */
export function fieldOf(path: string): string {
  const segs = path.split('.').filter((s) => !/^\d+$/.test(s));
  return segs.at(-1) ?? '';
}

function formatMessage(i: I18n, field: string): string | null {
  if (field === 'amount') return i.t('edit.error.amount');
  if (field === 'currency') return i.t('edit.error.currency');
  if (field === 'country') return i.t('edit.error.country');
  if (URL_FIELDS.has(field)) return i.t('edit.error.url');
  if (DATE_FIELDS.has(field)) return i.t('edit.error.date');
  if (ISO_DATE_FIELDS.has(field)) return i.t('edit.error.isoDate');
  if (ID_FIELDS.has(field)) return i.t('edit.error.id');
  return null;
}

/** `draft` is what was validated: zod 4 issues do not carry the input, and an absent value means "required". */
export function zodMessage(i: I18n, issue: z.core.$ZodIssue, draft?: unknown): string {
  const path = issue.path.map(String).join('.');
  const field = fieldOf(path);
  const x = issue as any;
  switch (issue.code) {
    case 'invalid_type':
      if (draft !== undefined && [undefined, null, ''].includes(valueAt(draft, path) as any)) return i.t('edit.error.required');
      if (x.expected === 'number' || x.expected === 'int') return i.t(INTEGER_FIELDS.has(field) ? 'edit.error.integer' : 'edit.error.number');
      return formatMessage(i, field) ?? i.t('edit.error.invalid');
    case 'too_small':
      if (x.origin === 'string') return Number(x.minimum) <= 1 ? i.t('edit.error.required') : i.t('edit.error.min', { min: String(x.minimum) });
      if (x.origin === 'array' && field === 'parties') return i.t('edit.error.parties');
      return i.t('edit.error.min', { min: String(x.minimum) });
    case 'too_big':
      if (x.origin === 'string') return i.t('edit.error.tooLong', { max: String(x.maximum) });
      if (x.origin === 'array') return i.t('edit.error.tooMany', { max: String(x.maximum) });
      return i.t('edit.error.max', { max: String(x.maximum) });
    case 'invalid_value':
      return i.t('edit.error.choice');
    case 'invalid_union':
    case 'invalid_format':
    case 'custom':
      return formatMessage(i, field) ?? i.t('edit.error.invalid');
    default:
      return x.expected === 'int' ? i.t('edit.error.integer') : formatMessage(i, field) ?? i.t('edit.error.invalid');
  }
}

/** The services' 400s (references, duplicates) in the reader's language; the API's English otherwise. */
export function serviceMessage(i: I18n, issue: Issue): string {
  const m = issue.message;
  let r: RegExpExecArray | null;
  if ((r = /^no \w+ with id "(.*)"$/.exec(m))) return i.t('edit.error.unknown', { id: r[1] });
  if (/is listed twice/.test(m)) return i.t('edit.error.twice');
  if (/^no earlier agreement/.test(m)) return i.t('edit.error.renews');
  if (/already exists$/.test(m)) return i.t('edit.error.taken');
  if (/own parent/.test(m)) return i.t('edit.error.self');
  if (m === FOREIGN_PARTNERSHIP) return i.t('edit.error.foreignPartnership');
  return m;
}

export function zodErrors(i: I18n, error: z.ZodError, draft: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.map(String).join('.')] ??= zodMessage(i, issue, draft);
  return out;
}

export function serviceErrors(i: I18n, issues: Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.path] ??= serviceMessage(i, issue);
  return out;
}
