/** The partnership form: general fields, themes, parties, agreements (with their axes) in place, links. */
import { agreementKinds, partnershipKinds, partnershipStatuses, partySides } from '@tandem/shared';
import { fieldName, valueAt } from './form-data.js';
import { DateField, Group, NumberField, Ref, Rows, Select, Text, Themes, label, type FormCtx, type Option } from './fields.js';
import { LinkRows } from './ProjectForm.js';

/** The agreements that another one may renew: those already saved (they have an id). */
function agreementOptions(f: FormCtx, self: string): Option[] {
  const list = (valueAt(f.values, 'agreements') as any[] | undefined) ?? [];
  return list.filter((a) => a?.id && `agreements.${list.indexOf(a)}` !== self)
    .map((a) => ({ id: String(a.id), name: [a.title || f.i.l('agreementKind', a.kind), a.signed].filter(Boolean).join(', ') }));
}

function Agreement(props: { f: FormCtx; p: string }) {
  const { f, p } = props;
  const { i } = f;
  const id = valueAt(f.values, `${p}.id`);
  return <>
    {typeof id === 'string' && id && <input type="hidden" name={fieldName(`${p}.id`)} value={id} />}
    <Select f={f} path={`${p}.kind`} options={agreementKinds} group="agreementKind" required />
    <Text f={f} path={`${p}.title`} wide />
    <DateField f={f} path={`${p}.signed`} />
    <Text f={f} path={`${p}.place`} />
    <NumberField f={f} path={`${p}.durationMonths`} size={6} />
    <Select f={f} path={`${p}.renewsAgreementId`} options={[]} labels={agreementOptions(f, p)} empty="edit.none" />
    <Text f={f} path={`${p}.documentUrl`} type="url" wide />
    <Text f={f} path={`${p}.summary`} label={label(i, 'summary')} multiline rows={3} />
    <div class="wide">
      <Rows f={f} path={`${p}.axes`} title={label(i, 'axes')} rowLabel={label(i, 'axis')} compact
        row={(a) => <Text f={f} path={a} label={label(i, 'axis')} required wide />} />
    </div>
  </>;
}

export function PartnershipForm(props: { f: FormCtx }) {
  const { f } = props;
  const { i } = f;
  return (
    <>
      <Group f={f} path="" title={i.t('edit.general')}>
        <div class="form-grid">
          <Text f={f} path="title" required wide />
          <Select f={f} path="kind" options={partnershipKinds} group="partnershipKind" required />
          <Select f={f} path="status" options={partnershipStatuses} group="status" def="active" />
          <DateField f={f} path="started" />
          <DateField f={f} path="ended" />
          <Text f={f} path="summary" multiline rows={5} />
        </div>
      </Group>
      <Themes f={f} />
      <Rows f={f} path="parties" title={label(i, 'parties')} row={(p) => <>
        <Ref f={f} path={`${p}.organisationId`} kind="organisation" required />
        <Select f={f} path={`${p}.side`} options={partySides} group="side" required />
      </>} />
      <Rows f={f} path="agreements" title={label(i, 'agreements')} row={(p) => <Agreement f={f} p={p} />} />
      <LinkRows f={f} />
    </>
  );
}
