/** The mission (delegation) form, with its organisations in place. */
import { missionDirections } from '@tandem/shared';
import { DateField, Group, Ref, Rows, Select, Text, label, type FormCtx } from './fields.js';

export function MissionForm(props: { f: FormCtx }) {
  const { f } = props;
  const { i } = f;
  return (
    <>
      <Group f={f} path="" title={i.t('edit.general')}>
        <div class="form-grid">
          <Text f={f} path="title" required wide />
          <Select f={f} path="direction" options={missionDirections} group="direction" required />
          <Ref f={f} path="partnershipId" kind="partnership" />
          <DateField f={f} path="from" />
          <DateField f={f} path="to" />
          <Ref f={f} path="placeId" kind="territory" />
          <Text f={f} path="purpose" multiline rows={4} />
          <Text f={f} path="outcomes" multiline rows={4} />
        </div>
      </Group>
      <Rows f={f} path="organisations" title={label(i, 'organisations')} rowLabel={label(i, 'organisationId')} compact
        row={(p) => <Ref f={f} path={p} kind="organisation" label={label(i, 'organisationId')} required />} />
    </>
  );
}
