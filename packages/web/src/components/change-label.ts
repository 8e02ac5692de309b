/**
 * The label of a changed field in a record's history, in the reader's language, from the form's field labels:
 * 'funding.2.funderId' → "Cofinancement, ligne 3 : financeur" / "Co-financing, line 3: funder". Lines are
 * numbered from 1. The paths are those of the stored snapshots (features/history), which also carry what the
 * sheet shows of referenced records (a party's name, a place's kind): those read as the reference itself.
 */
import type { I18n } from '../i18n/index.js';
import { fr, type MessageKey } from '../i18n/fr.js';

/** Snapshot keys that are not form fields, by the label they take. */
const KEYS: Record<string, MessageKey> = {
  funderName: 'field.funderId', partnership: 'field.partnershipId', place: 'field.placeId', territory: 'field.territoryId', parent: 'field.parentId',
  projects: 'sheet.projects', missions: 'sheet.missions', partnerships: 'sheet.partnerships', fundedProjects: 'sheet.funded', receivedFunding: 'sheet.received', money: 'sheet.funding', roles: 'field.role',
  sessions: 'programme.title', leads: 'programme.field.orgs', history: 'sheet.history', indicators: 'sheet.indicators', indicator: 'field.indicator', on: 'field.on', source: 'sheet.source',
};

/**
 * Per record kind, the lists and objects that stand for other records: their own keys (a party's side) keep their
 * label, the referenced record's keys (its name, kind, acronyms…) read as the reference (`as`, or the line alone).
 */
const REFERENCES: Record<string, Record<string, { own?: string[]; as?: MessageKey }>> = {
  partnership: { parties: { own: ['side'], as: 'field.organisationId' }, projects: {}, missions: {}, money: {} },
  project: { participants: { own: ['role'], as: 'field.organisationId' }, places: {}, partnership: {} },
  mission: { organisations: {}, place: {}, partnership: {} },
  organisation: { territory: {}, partnerships: { own: ['side'] }, projects: { own: ['roles'] }, fundedProjects: {}, receivedFunding: {}, missions: {} },
  territory: { ancestors: {} },
  event: { sessions: { own: ['kind', 'title', 'day', 'startTime', 'endTime', 'room', 'capacity', 'leads'] } },
};

/** Keys whose sub-keys are data (a code system's name), shown as they are. */
const DATA_KEYED = new Set(['codes']);

function known(key: string): MessageKey | null {
  if (KEYS[key]) return KEYS[key];
  for (const k of [`field.${key}`, `sheet.${key}`, `programme.field.${key}`]) if (k in fr) return k as MessageKey;
  return null;
}

const lower = (i: I18n, s: string) => s.charAt(0).toLocaleLowerCase(i.lang) + s.slice(1);

/** The label of one snapshot path of a record of `kind` ('project', 'partnership'…), or null when no label is known. */
export function changeLabel(i: I18n, kind: string, path: string): string | null {
  const segs = path.split('.');
  const top = known(segs[0]);
  if (!top) return null;
  const group = i.t(top);
  const ref = REFERENCES[kind]?.[segs[0]];
  const within = (g: string, key: string | undefined): string | null => {
    if (key === undefined) return g;
    if (ref && !ref.own?.includes(key)) return ref.as ? i.t('history.in', { group: g, field: lower(i, i.t(ref.as)) }) : g;
    if (DATA_KEYED.has(segs[0])) return i.t('history.in', { group: g, field: key });
    const f = known(key);
    return f ? i.t('history.in', { group: g, field: lower(i, i.t(f)) }) : null;
  };
  if (segs.length > 1 && /^\d+$/.test(segs[1])) {
    const line = i.t('history.line', { group, n: Number(segs[1]) + 1 });
    return within(line, segs.slice(2).find((s) => !/^\d+$/.test(s)));
  }
  return within(group, segs[1]);
}

/** changeLabel, or "other field" for a path no label covers (never the raw path). */
export function changeLabelOrOther(i: I18n, kind: string, path: string): string {
  return changeLabel(i, kind, path) ?? i.t('history.other');
}

/** Per record kind, the snapshot fields (numbered lines left out) whose values are vocabularies, by label group. */
const VOCABULARIES: Record<string, Record<string, string>> = {
  partnership: { kind: 'partnershipKind', status: 'status', 'parties.side': 'side', 'agreements.kind': 'agreementKind', 'links.kind': 'linkKind' },
  project: { status: 'status', 'participants.role': 'role', 'funding.kind': 'fundingKind', 'links.kind': 'linkKind' },
  mission: { direction: 'direction', 'links.kind': 'linkKind' },
  organisation: { kind: 'orgKind' },
  territory: { kind: 'territoryKind', status: 'status' },
  event: { kind: 'eventKind', side: 'eventSide', 'sessions.kind': 'sessionKind' },
};

/** A changed value as the reader reads it: a vocabulary's value in words (« Convention », not « agreement »), else as stored. */
export function changeValue(i: I18n, kind: string, path: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  const group = VOCABULARIES[kind]?.[path.split('.').filter((s) => !/^\d+$/.test(s)).join('.')];
  const one = (x: unknown) => (group && typeof x === 'string' ? i.l(group, x) : typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x));
  if (Array.isArray(v)) return v.length ? v.map(one).join(', ') : '—';
  return one(v);
}
