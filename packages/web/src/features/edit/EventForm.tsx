/**
 * The event form: what it is (title, kind, series and number), when (dates with their precision, hours and time zone),
 * where (a place, words, or online with a link), its hosts and agenda, minutes and decisions, related events and documents. Its workshops and sessions are the programme's.
 */
import { decisionStatuses, eventKinds, eventSides } from '@tandem/shared';
import { eventVisibilities } from '../../../../server/src/features/groups/meetings.js';
import { valueAt } from './form-data.js';
import { Checkbox, DateField, Group, NumberField, Ref, Rows, Select, Text, label, type FormCtx } from './fields.js';
import { LinkRows } from './ProjectForm.js';

export function EventForm(props: { f: FormCtx }) {
  const { f } = props;
  const { i } = f;
  const timeHint = i.t('edit.event.time.hint');
  return (
    <>
      <Group f={f} path="" title={i.t('edit.general')}>
        <div class="form-grid">
          <Text f={f} path="title" required wide />
          <Select f={f} path="kind" options={eventKinds} group="eventKind" required def="meeting" />
          <Select f={f} path="seriesId" options={[]} labels={f.lists.series ?? []} empty="edit.event.noSeries" />
          <NumberField f={f} path="edition" size={6} />
          <Text f={f} path="theme" multiline rows={2} />
          <NumberField f={f} path="workshopsCount" size={6} />
        </div>
      </Group>
      <fieldset class="group">
        <legend>{i.t('edit.event.when')}</legend>
        <div class="form-grid">
          <DateField f={f} path="start" />
          <DateField f={f} path="end" />
          <Text f={f} path="startTime" type="time" size={8} hint={timeHint} />
          <Text f={f} path="endTime" type="time" size={8} hint={timeHint} />
          <Text f={f} path="timeZone" size={20} hint={i.t('edit.event.zone.hint')} />
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>{i.t('edit.event.where')}</legend>
        <div class="form-grid">
          <Ref f={f} path="placeId" kind="territory" />
          <Text f={f} path="placeText" />
          <Select f={f} path="side" options={eventSides} group="eventSide" label={label(i, 'eventSide')} empty="edit.choose" />
          <Checkbox f={f} path="online" />
          <Text f={f} path="onlineUrl" type="url" wide />
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>{i.t('groups.meeting.legend')}</legend>
        <Select f={f} path="groupId" options={[]} labels={f.lists.groups ?? []} empty="groups.meeting.none" />
        <fieldset class="radios">
          <legend>{label(i, 'visibility')}</legend>
          {eventVisibilities.map((v) => <label><input type="radio" name="visibility" value={v} checked={(valueAt(f.values, 'visibility') ?? 'public') === v} /> {i.l('eventVisibility', v)}</label>)}
        </fieldset>
      </fieldset>
      <Rows f={f} path="hosts" title={label(i, 'hosts')} rowLabel={label(i, 'host')} compact
        row={(p) => <Ref f={f} path={p} kind="organisation" label={label(i, 'host')} required />} />
      <p class="hint">{i.t('edit.event.hosts.hint')}</p>
      <Rows f={f} path="agenda" title={label(i, 'agenda')} rowLabel={label(i, 'agendaItem')} compact
        row={(p) => <Text f={f} path={p} label={label(i, 'agendaItem')} required wide />} />
      <p class="hint">{i.t('edit.event.workshops')}</p>
      <fieldset class="group">
        <legend>{i.t('edit.event.minutes')}</legend>
        <Text f={f} path="minutes" multiline rows={10} hint={i.t('edit.event.minutes.hint')} />
      </fieldset>
      <Rows f={f} path="decisions" title={label(i, 'decisions')} rowLabel={label(i, 'decision')} row={(p) => <>
        <Text f={f} path={`${p}.text`} label={label(i, 'decision')} required multiline rows={2} />
        <Ref f={f} path={`${p}.ownerOrganisationId`} kind="organisation" />
        <Text f={f} path={`${p}.ownerText`} />
        <Text f={f} path={`${p}.due`} size={12} hint={i.t('edit.event.due.hint')} />
        <Select f={f} path={`${p}.status`} options={decisionStatuses} group="decisionStatus" label={i.t('decisions.status')} def="open" />
      </>} />
      <Rows f={f} path="relatedEvents" title={label(i, 'relatedEvents')} rowLabel={label(i, 'relatedEvent')} compact
        row={(p) => <Select f={f} path={p} options={[]} labels={f.lists.events ?? []} label={label(i, 'relatedEvent')} required />} />
      <LinkRows f={f} />
    </>
  );
}

/** A series of events (platform administrators): name, description, period, the agreement its chronology opens with. */
export function SeriesForm(props: { f: FormCtx }) {
  const { f } = props;
  return (
    <Group f={f} path="" title={f.i.t('edit.general')}>
      <div class="form-grid">
        <Text f={f} path="name" required wide />
        <Text f={f} path="description" multiline rows={4} />
        <NumberField f={f} path="periodFrom" size={6} />
        <NumberField f={f} path="periodTo" size={6} />
        <Text f={f} path="openingAgreementId" />
      </div>
    </Group>
  );
}
