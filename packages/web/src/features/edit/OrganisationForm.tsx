/** The organisation form. */
import { organisationKinds } from '@tandem/shared';
import { Group, Ref, Rows, Select, Text, label, type FormCtx } from './fields.js';

export function NameFields(props: { f: FormCtx }) {
  const { f } = props;
  return (
    <Group f={f} path="names" title={label(f.i, 'names')}>
      <div class="form-grid">
        {(['fr', 'en', 'vi', 'local'] as const).map((l) => <Text f={f} path={`names.${l}`} />)}
      </div>
    </Group>
  );
}

export function Aliases(props: { f: FormCtx }) {
  const { f } = props;
  return <Rows f={f} path="aliases" title={label(f.i, 'aliases')} rowLabel={label(f.i, 'alias')} compact
    row={(p) => <Text f={f} path={p} label={label(f.i, 'alias')} required wide />} />;
}

export function OrganisationForm(props: { f: FormCtx }) {
  const { f } = props;
  const { i } = f;
  return (
    <>
      <Group f={f} path="" title={i.t('edit.general')}>
        <div class="form-grid">
          <Text f={f} path="name" required wide />
          <Select f={f} path="kind" options={organisationKinds} group="orgKind" required />
          <Ref f={f} path="territoryId" kind="territory" />
          <Select f={f} path="country" options={[]} labels={f.lists.countries} empty="edit.none" />
          <Text f={f} path="website" type="url" />
          <Text f={f} path="iatiRef" />
          <Text f={f} path="description" multiline rows={6} />
        </div>
      </Group>
      <NameFields f={f} />
      <Rows f={f} path="acronyms" title={label(i, 'acronyms')} rowLabel={label(i, 'acronym')} compact
        row={(p) => <Text f={f} path={p} label={label(i, 'acronym')} required size={12} />} />
      <Aliases f={f} />
    </>
  );
}
