/** What the registration pages read from the server's services: the shared view types of the contract, and a label picker. */
import { registrationStatuses } from '@tandem/shared';
import type { AnswerValue, FieldLabels, FieldType, FormField, RegistrationFormView, RegistrationStatus, RegistrationView } from '@tandem/shared';

export type { FieldType, FormField, RegistrationView };
export type FormView = RegistrationFormView;
export type Answer = AnswerValue;
export type Status = RegistrationStatus;
export const STATUSES = registrationStatuses;

/** A label in the page's language, French when it has none. */
export const label = (labels: FieldLabels, lang: string): string => (labels as Record<string, string | undefined>)[lang]?.trim() || labels.fr;
