/** The territory form (platform administrators: reference data). Official codes are key/value rows. */
import { territoryKinds } from '@tandem/shared';
import { Group, NumberField, Ref, Rows, Select, Text, label, type FormCtx } from './fields.js';
import { Aliases, NameFields } from './OrganisationForm.js';

/** codes {insee: '95127'} → rows [{key, value}] as the form edits them. */
export function codesAsRows(values: Record<string, unknown>): Record<string, unknown> {
  const codes = values.codes;
  if (!codes || typeof codes !== 'object' || Array.isArray(codes)) return values;
  return { ...values, codes: Object.entries(codes as Record<string, unknown>).map(([key, value]) => ({ key, value: String(value ?? '') })) };
}

export function TerritoryForm(props: { f: FormCtx }) {
  const { f } = props;
  const { i } = f;
  return (
    <>
      <Group f={f} path="" title={i.t('edit.general')}>
        <div class="form-grid">
          <Text f={f} path="name" required wide />
          <Select f={f} path="kind" options={territoryKinds} group="territoryKind" required />
          <Ref f={f} path="parentId" kind="territory" />
          <Select f={f} path="country" options={[]} labels={f.lists.countries} empty="edit.none" />
          <Text f={f} path="validFrom" type="date" />
          <Text f={f} path="validTo" type="date" />
          <NumberField f={f} path="lat" />
          <NumberField f={f} path="lon" />
        </div>
      </Group>
      <NameFields f={f} />
      <Aliases f={f} />
      <Rows f={f} path="codes" title={label(i, 'codes')} row={(p) => <>
        <Text f={f} path={`${p}.key`} required size={12} />
        <Text f={f} path={`${p}.value`} label={label(i, 'value')} required />
      </>} />
    </>
  );
}
