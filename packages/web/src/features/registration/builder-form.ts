/**
 * The form builder's posted form ↔ the registration form's input: settings, field rows (`fields.<n>.*`), the new
 * row (`new.*`), options one per line « value | fr | en | vi », Paris wall-clock times ↔ instants; and the operation
 * a button asked for (add, remove:<n>, up:<n>, down:<n>, save).
 */
import type { FieldType, FormField, FormView } from './types.js';

export const FIELD_TYPES: FieldType[] = ['text', 'choice', 'multi', 'yesno', 'number', 'date', 'country', 'organisation', 'consent'];

export interface BuilderState {
  opensAt: string; closesAt: string; capacity: string; moderated: boolean; workshopsMin: string; workshopsMax: string; offerHours: string;
  fields: Array<{ key: string; type: string; required: boolean; fr: string; en: string; vi: string; options: string }>;
  version: number | null;
}
type Body = Record<string, string | File | Array<string | File>>;
const one = (body: Body, k: string) => { const v = body[k]; const s = Array.isArray(v) ? v[0] : v; return typeof s === 'string' ? s.trim() : ''; };

/** An instant as the wall-clock time in Paris, for a datetime-local input. */
export function parisLocal(at: string | null): string {
  if (!at) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A Paris wall-clock time (datetime-local) as an ISO instant; null when empty; the text itself when unreadable (the schema names it). */
export function fromParisLocal(local: string): string | null {
  if (!local) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const asUtc = new Date(`${local}:00Z`);
  if (Number.isNaN(asUtc.getTime())) return local;
  let guess = asUtc.getTime();
  for (let n = 0; n < 2; n++) { // the offset at the guessed instant, twice (around a change of time)
    const shown = new Date(`${parisLocal(new Date(guess).toISOString())}:00Z`).getTime();
    guess += asUtc.getTime() - shown;
  }
  return new Date(guess).toISOString();
}

const optionsText = (f: FormField) => (f.options ?? []).map((o) => [o.value, o.labels.fr, o.labels.en ?? '', o.labels.vi ?? ''].join(' | ').replace(/( \| )+$/, '')).join('\n');

export function stateOf(f: FormView | null): BuilderState {
  if (!f) return { opensAt: '', closesAt: '', capacity: '', moderated: false, workshopsMin: '0', workshopsMax: '', offerHours: '48', fields: [], version: null };
  return {
    opensAt: parisLocal(f.opensAt), closesAt: parisLocal(f.closesAt), capacity: f.capacity == null ? '' : String(f.capacity), moderated: f.moderated,
    workshopsMin: String(f.workshopsMin), workshopsMax: f.workshopsMax == null ? '' : String(f.workshopsMax), offerHours: String(f.offerHours),
    fields: f.fields.map((x) => ({ key: x.key, type: x.type, required: x.required, fr: x.labels.fr, en: x.labels.en ?? '', vi: x.labels.vi ?? '', options: optionsText(x) })),
    version: f.version,
  };
}

function row(body: Body, prefix: string) {
  return { key: one(body, `${prefix}.key`), type: one(body, `${prefix}.type`), required: one(body, `${prefix}.required`) === 'yes',
    fr: one(body, `${prefix}.fr`), en: one(body, `${prefix}.en`), vi: one(body, `${prefix}.vi`), options: one(body, `${prefix}.options`) };
}

/** The posted state with the button's operation applied. */
export function readState(body: Body): { state: BuilderState; op: string } {
  const count = Math.min(50, Math.max(0, Number(one(body, 'count')) || 0));
  const fields = Array.from({ length: count }, (_, n) => row(body, `fields.${n}`));
  const op = one(body, 'op') || 'save';
  const m = /^(remove|up|down):(\d+)$/.exec(op);
  if (m) {
    const n = Number(m[2]);
    if (m[1] === 'remove') fields.splice(n, 1);
    else { const to = m[1] === 'up' ? n - 1 : n + 1; if (to >= 0 && to < fields.length && n < fields.length) [fields[n], fields[to]] = [fields[to], fields[n]]; }
  }
  const added = row(body, 'new');
  if (op === 'add' && (added.key || added.fr)) fields.push(added);
  const version = Number(one(body, 'version'));
  return {
    op,
    state: { opensAt: one(body, 'opensAt'), closesAt: one(body, 'closesAt'), capacity: one(body, 'capacity'), moderated: one(body, 'moderated') === 'yes',
      workshopsMin: one(body, 'workshopsMin'), workshopsMax: one(body, 'workshopsMax'), offerHours: one(body, 'offerHours'), fields, version: Number.isInteger(version) && version > 0 ? version : null },
  };
}

const num = (s: string) => (s === '' ? null : /^-?\d+$/.test(s) ? Number(s) : s);
const labels = (fr: string, en: string, vi: string) => ({ fr, ...(en ? { en } : {}), ...(vi ? { vi } : {}) });

/** The input the server's schema reads (it names what is wrong: `fields.2.key`, `capacity`…). */
export function inputOf(s: BuilderState) {
  return {
    opensAt: fromParisLocal(s.opensAt), closesAt: fromParisLocal(s.closesAt), capacity: num(s.capacity), moderated: s.moderated,
    workshopsMin: num(s.workshopsMin) ?? 0, workshopsMax: num(s.workshopsMax), offerHours: num(s.offerHours) ?? 48,
    fields: s.fields.map((f) => ({
      key: f.key, type: f.type, required: f.required, labels: labels(f.fr, f.en, f.vi),
      ...(f.type === 'choice' || f.type === 'multi' ? { options: f.options.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
        const [value = '', fr = '', en = '', vi = ''] = l.split('|').map((x) => x.trim());
        return { value, labels: labels(fr || value, en, vi) };
      }) } : {}),
    })),
    ...(s.version ? { version: s.version } : {}),
  };
}
