/** The form builder's posted form → the shared schema's input, and the registration form's answers read back. */
import { describe, expect, it } from 'vitest';
import { formField, registrationFormInput } from '@tandem/shared';
import { i18n } from '../../i18n/index.js';
import { fromParisLocal, inputOf, parisLocal, readState, stateOf } from './builder-form.js';
import { issueErrors, readAnswers } from './fields.js';
import { builderErrors } from './FormBuilderPage.js';
import { moved } from './InscriptionsPage.js';
import type { FormField } from './types.js';

const posted = {
  count: '2', version: '3', opensAt: '2027-03-01T09:30', closesAt: '', capacity: '40', moderated: 'yes', workshopsMin: '1', workshopsMax: '2', offerHours: '24',
  'fields.0.key': 'diet', 'fields.0.type': 'choice', 'fields.0.required': 'yes', 'fields.0.fr': 'Régime', 'fields.0.en': 'Diet', 'fields.0.vi': '',
  'fields.0.options': 'standard | Standard | Standard | Thường\nvege | Végétarien', 'fields.1.key': 'role', 'fields.1.type': 'text', 'fields.1.fr': 'Fonction',
  'fields.1.en': '', 'fields.1.vi': 'Chức vụ', 'fields.1.options': '',
  'new.key': 'arrival', 'new.type': 'date', 'new.fr': 'Date d’arrivée', 'new.en': '', 'new.vi': '', 'new.options': '',
};

describe('form builder', () => {
  it('reads Paris wall-clock times as instants, summer and winter, and shows them back', () => {
    expect(fromParisLocal('2027-07-01T09:00')).toBe('2027-07-01T07:00:00.000Z');
    expect(fromParisLocal('2027-01-15T09:00')).toBe('2027-01-15T08:00:00.000Z');
    expect(parisLocal('2027-01-15T08:00:00.000Z')).toBe('2027-01-15T09:00');
    expect(fromParisLocal('')).toBeNull();
  });

  it('turns the posted form into an input the shared schema accepts, options and labels included', () => {
    const { state } = readState(posted);
    const parsed = registrationFormInput.parse(inputOf(state));
    expect(parsed).toMatchObject({ capacity: 40, moderated: true, workshopsMin: 1, workshopsMax: 2, offerHours: 24, version: 3, closesAt: null, opensAt: '2027-03-01T08:30:00.000Z' });
    expect(parsed.fields.map((f) => f.key)).toEqual(['diet', 'role']); // the new row only joins with « add »
    expect(parsed.fields[0].options).toEqual([{ value: 'standard', labels: { fr: 'Standard', en: 'Standard', vi: 'Thường' } }, { value: 'vege', labels: { fr: 'Végétarien' } }]);
    expect(parsed.fields[1]).toMatchObject({ required: false, labels: { fr: 'Fonction', vi: 'Chức vụ' } });
  });

  it('adds, removes and moves questions with the button pressed', () => {
    expect(readState({ ...posted, op: 'add' }).state.fields.map((f) => f.key)).toEqual(['diet', 'role', 'arrival']);
    expect(readState({ ...posted, op: 'remove:0' }).state.fields.map((f) => f.key)).toEqual(['role']);
    expect(readState({ ...posted, op: 'down:0' }).state.fields.map((f) => f.key)).toEqual(['role', 'diet']);
    expect(readState({ ...posted, op: 'up:0' }).state.fields.map((f) => f.key)).toEqual(['diet', 'role']);
  });

  it('comes back to the same form state from a saved form', () => {
    const input = registrationFormInput.parse(inputOf(readState(posted).state));
    const again = stateOf({ ...input, eventId: 'e', opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null, capacity: input.capacity ?? null,
      workshopsMax: input.workshopsMax ?? null, version: 3, open: true, placesLeft: 40, sessions: [] });
    expect(again.opensAt).toBe('2027-03-01T09:30');
    expect(again.fields[0].options).toBe('standard | Standard | Standard | Thường\nvege | Végétarien');
  });

  it('names the question and the input the server refused', () => {
    const i = i18n('en');
    expect(builderErrors(i, [{ path: 'fields.1.key', message: 'x' }, { path: 'capacity', message: 'y' }])).toEqual({
      'fields-1-key': 'Question 2: Identifier to correct.', capacity: 'Number of places: value to correct.' });
  });
});

describe('registration form answers', () => {
  const fields: FormField[] = ([
    { key: 'diet', type: 'choice', required: true, labels: { fr: 'Régime', en: 'Diet' }, options: [{ value: 'vege', labels: { fr: 'Végétarien' } }] },
    { key: 'topics', type: 'multi', required: false, labels: { fr: 'Sujets' }, options: [{ value: 'a', labels: { fr: 'A' } }, { value: 'b', labels: { fr: 'B' } }] },
    { key: 'visa', type: 'yesno', required: false, labels: { fr: 'Visa' } },
    { key: 'age', type: 'number', required: false, labels: { fr: 'Âge' } },
    { key: 'ok', type: 'consent', required: true, labels: { fr: 'D’accord' } },
  ] as const).map((f) => formField.parse(f));

  it('reads each type into the value the schema takes', () => {
    expect(readAnswers(fields, { 'answers.diet': 'vege', 'answers.topics': ['a', 'b'], 'answers.visa': 'no', 'answers.age': '31' }))
      .toEqual({ diet: 'vege', topics: ['a', 'b'], visa: false, age: 31, ok: false });
    expect(readAnswers(fields, {})).toEqual({ diet: null, topics: [], visa: null, age: null, ok: false });
  });

  it('names the field of a refused answer in the reader\'s language, French when it has no label', () => {
    expect(issueErrors(i18n('en'), fields, [{ path: 'answers.diet', message: 'required' }, { path: 'answers.visa', message: 'x' }]))
      .toEqual({ 'answers-diet': 'Diet: missing or invalid answer.', 'answers-visa': 'Visa: missing or invalid answer.' });
  });

  it('moves a waiting registration one place up or down, never out of the list', () => {
    expect(moved(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
  });
});
