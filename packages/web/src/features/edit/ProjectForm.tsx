/** The project form: general fields, budget, themes, places, participants, co-financing lines, results, links. */
import { fundingKinds, linkKinds, participantRoles, projectStatuses, resultKinds } from '@tandem/shared';
import { DateField, Group, NumberField, Ref, Rows, Select, Text, Themes, label, type FormCtx } from './fields.js';

export function LinkRows(props: { f: FormCtx }) {
  const { f } = props;
  return (
    <Rows f={f} path="links" title={label(f.i, 'links')} row={(p) => <>
      <Text f={f} path={`${p}.url`} required type="url" wide />
      <Text f={f} path={`${p}.title`} label={label(f.i, 'title')} />
      <Select f={f} path={`${p}.kind`} options={linkKinds} group="linkKind" def="website" />
    </>} />
  );
}

export function ProjectForm(props: { f: FormCtx }) {
  const { f } = props;
  const { i } = f;
  return (
    <>
      <Group f={f} path="" title={i.t('edit.general')}>
        <div class="form-grid">
          <Text f={f} path="title" required wide />
          <Ref f={f} path="partnershipId" kind="partnership" />
          <Select f={f} path="status" options={projectStatuses} group="status" def="implementation" />
          <DateField f={f} path="start" />
          <DateField f={f} path="end" />
          <Text f={f} path="description" multiline rows={6} />
        </div>
      </Group>
      <Group f={f} path="budget" title={label(i, 'budget')}>
        <div class="form-grid">
          <NumberField f={f} path="budget.amount" size={14} />
          <Text f={f} path="budget.currency" size={4} placeholder="EUR" />
        </div>
      </Group>
      <Themes f={f} />
      <Rows f={f} path="places" title={label(i, 'places')} rowLabel={label(i, 'placeId')} compact
        row={(p) => <Ref f={f} path={p} kind="territory" label={label(i, 'placeId')} required />} />
      <Rows f={f} path="participants" title={label(i, 'participants')} row={(p) => <>
        <Ref f={f} path={`${p}.organisationId`} kind="organisation" required />
        <Select f={f} path={`${p}.role`} options={participantRoles} group="role" required />
      </>} />
      <Rows f={f} path="funding" title={label(i, 'funding')} row={(p) => <>
        <Ref f={f} path={`${p}.funderId`} kind="organisation" />
        <NumberField f={f} path={`${p}.amount`} required size={14} />
        <Text f={f} path={`${p}.currency`} size={4} placeholder="EUR" />
        <NumberField f={f} path={`${p}.year`} size={6} />
        <Select f={f} path={`${p}.kind`} options={fundingKinds} group="fundingKind" def="committed" />
        <Text f={f} path={`${p}.note`} wide />
      </>} />
      <Rows f={f} path="results" title={label(i, 'results')} row={(p) => <>
        <Text f={f} path={`${p}.label`} required wide />
        <NumberField f={f} path={`${p}.value`} required />
        <Text f={f} path={`${p}.unit`} required />
        <NumberField f={f} path={`${p}.year`} size={6} />
        <Select f={f} path={`${p}.kind`} options={resultKinds} group="resultKind" def="output" />
      </>} />
      <LinkRows f={f} />
    </>
  );
}
