/** Refinements of organisation candidates once the patterns have run. */
import { keyOf } from './gazetteer.js';
import type { OrgCandidate } from './org-patterns.js';
import { NAME } from './org-patterns.js';

/** "(ACR) de Grenoble" right after a name: "Centre hospitalier régional (CHR) de Kpalimé" is one organisation. */
const ACR_PLACE = new RegExp(`^[ \\t]*\\(([A-Z][A-Z0-9&]{1,7})\\)[ \\t]+(?:de\\s+la\\s+|de\\s+l['’]\\s*|du\\s+|des\\s+|d['’]\\s*|de\\s+)(${NAME})`, 'u');

/** A pattern name followed by its acronym in brackets and "de <Place>" takes the place: the acronym inside it is dropped. */
export function extendWithPlace(text: string, taken: OrgCandidate[]): void {
  for (const t of [...taken]) {
    if (t.entry || t.territoryId || t.acronym === t.text) continue;
    const m = ACR_PLACE.exec(text.slice(t.end, t.end + 120));
    if (!m) continue;
    const end = t.end + m[0].length;
    const inner = taken.filter((o) => o !== t && o.start >= t.end && o.end <= end);
    if (inner.some((o) => o.acronym !== m[1] && o.entry)) continue;
    for (const o of inner) taken.splice(taken.indexOf(o), 1);
    const written = text.slice(t.start, end);
    const name = written.replace(/\s*\([^)]*\)/, '');
    const key = keyOf(name);
    for (const o of taken) if (o.key === t.key || o.acronym === m[1]) { o.key = key; o.name = name; }
    Object.assign(t, { end, text: written, name, key, acronym: m[1] });
  }
}

/** "CHU de Rennes", "MRC de Charlevoix": an acronym followed by "de <Place>" is the organisation of that place. */
const PLACE_AFTER = new RegExp(`^[ \\t]+(?:de\\s+la\\s+|de\\s+l['’]\\s*|du\\s+|d['’]\\s*|de\\s+)(${NAME})`, 'u');
export function acronymOfPlace(text: string, taken: OrgCandidate[], isPlace: (name: string) => boolean): void {
  for (const t of [...taken]) {
    if (t.acronym ? t.text !== t.acronym : !/^[A-Z][A-Z0-9&]{1,7}$/.test(t.text)) continue;
    const m = PLACE_AFTER.exec(text.slice(t.end, t.end + 80));
    if (!m || !isPlace(m[1]) || taken.some((o) => o !== t && o.start >= t.end && o.start < t.end + m[0].length)) continue;
    const end = t.end + m[0].length;
    const written = text.slice(t.start, end);
    const linked = taken.some((o) => o !== t && o.key === t.key && o.text !== o.acronym);
    Object.assign(t, { end, text: written }, linked || t.entry ? {} : { name: written, key: keyOf(written) });
  }
}
