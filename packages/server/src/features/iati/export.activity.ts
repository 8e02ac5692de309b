/**
 * One project → one <iati-activity> (IATI 2.03), elements in the schema's order.
 * Choices (docs in README "IATI"): the identifier is the one an import stored, else "<lead's iati_ref>-<project id>",
 * else "XM-TANDEM-<project id>"; transactions are reported from the reporting organisation's point of view.
 */
import { iatiRoleOf, iatiStatusOf, safeHref, type ParticipantRole, type ProjectStatus } from '@tandem/shared';
import type { OrgRef, ProjectBundle } from './export.data.js';
import { categoryOfLinkKind, dacOfThemes, formatOfUrl, orgTypeOfKind, resultTypeOfKind, shares } from './codes.js';
import { el, narrative, textEl } from './xml.js';
import { activityDates, budgets, transactions } from './export.money.js';

export const TANDEM_REF = 'XM-TANDEM';
export interface IatiExtra {
  version?: string; defaultCurrency?: string; lang?: string;
  title?: Narr[]; description?: Narr[];
  sectors?: Array<{ vocabulary: string; code: string; percentage?: string }>;
  regions?: Array<{ code: string; vocabulary?: string; percentage?: string }>;
  locations?: Array<{ name?: string; pos?: string }>;
}
export interface Narr { lang?: string; text: string }

const narratives = (list: Narr[]) => list.map((n) => narrative(n.text, n.lang)).join('');
const orgType = (o: OrgRef) => o.iati_type ?? orgTypeOfKind[o.kind as keyof typeof orgTypeOfKind] ?? '90';
export const orgRefOf = (o: OrgRef | null) => (o ? o.iati_ref || `${TANDEM_REF}-ORG-${o.id}` : TANDEM_REF);

/** The organisation that reports the activity: the importer's reporting-org, else the lead, else the first participant. */
export function reportingOrgOf(b: ProjectBundle): OrgRef | null {
  return b.reportingOrg ?? b.participants.find((p) => p.role === 'lead') ?? b.participants[0] ?? null;
}

export function identifierOf(b: ProjectBundle): string {
  if (b.project.iati_identifier) return b.project.iati_identifier;
  const lead = b.participants.find((p) => p.role === 'lead');
  return lead?.iati_ref ? `${lead.iati_ref}-${b.project.id}` : `${TANDEM_REF}-${b.project.id}`;
}

function orgEl(name: string, o: OrgRef, extra: Record<string, string> = {}): string {
  return el(name, { ref: o.iati_ref ?? undefined, type: orgType(o), ...extra }, narrative(o.name));
}

function header(b: ProjectBundle, x: IatiExtra): string[] {
  const p = b.project;
  const rep = reportingOrgOf(b);
  const title = x.title?.length ? x.title : [{ lang: 'fr', text: p.title }];
  const description = x.description?.length ? x.description : [{ lang: 'fr', text: p.description || p.title }];
  const participants = b.participants.length ? b.participants : rep ? [{ ...rep, role: 'lead' }] : [];
  return [
    textEl('iati-identifier', {}, identifierOf(b)),
    rep ? el('reporting-org', { ref: orgRefOf(rep), type: orgType(rep) }, narrative(rep.name))
      : el('reporting-org', { ref: TANDEM_REF, type: '90' }, narrative('Tandem')),
    el('title', {}, narratives(title)),
    el('description', { type: '1' }, narratives(description)),
    participants.length ? participants.map((o) => orgEl('participating-org', o, { role: iatiRoleOf[o.role as ParticipantRole] })).join('')
      : el('participating-org', { ref: TANDEM_REF, type: '90', role: '2' }, narrative('Tandem')),
    el('activity-status', { code: iatiStatusOf[p.status as ProjectStatus] ?? '2' }),
    activityDates(p),
  ];
}

/** recipient-country (percentages adding to 100 with the regions), recipient-region, location. */
function geography(b: ProjectBundle, x: IatiExtra): string[] {
  const all = [...new Set(b.places.map((t) => t.country).filter((c): c is string => !!c && /^[A-Z]{2}$/.test(c)))];
  // French places are the French side of the cooperation, not a recipient
  const countries = all.filter((c) => c !== 'FR');
  const regions = x.regions ?? [];
  const pct = shares(countries.length + regions.length);
  const single = countries.length + regions.length === 1;
  const out = countries.map((c, i) => el('recipient-country', { code: c, percentage: single ? undefined : pct[i] }));
  out.push(...regions.map((r, i) => el('recipient-region', { code: r.code, vocabulary: r.vocabulary ?? '1', percentage: single ? undefined : r.percentage ?? pct[countries.length + i] })));
  out.push(...b.places.filter((t) => t.kind !== 'country').map((t) => el('location', { ref: t.id }, el('name', {}, narrative(t.name)),
    t.lat != null && t.lon != null ? el('point', { srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326' }, textEl('pos', {}, `${t.lat} ${t.lon}`)) : null)));
  out.push(...(x.locations ?? []).map((l) => el('location', {}, l.name ? el('name', {}, narrative(l.name)) : null,
    l.pos ? el('point', { srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326' }, textEl('pos', {}, l.pos)) : null)));
  return out;
}

/** Sectors: those an import stored, else the themes' DAC codes (vocabulary 1), shares adding up to 100 per vocabulary. */
function sectors(b: ProjectBundle, x: IatiExtra): string[] {
  if (x.sectors?.length) return x.sectors.map((s) => el('sector', { vocabulary: s.vocabulary, code: s.code, percentage: s.percentage }));
  const codes = dacOfThemes(b.project.themes ?? []);
  const pct = shares(codes.length);
  return codes.map((code, i) => el('sector', { vocabulary: '1', code, percentage: pct[i] }));
}

/** Only links a reader may follow (safeHref): a script URL stored before the rule is left out of the file. */
function documentLinks(b: ProjectBundle): string[] {
  return b.links.filter((l) => safeHref(l.url)).map((l) => el('document-link', { url: l.url, format: formatOfUrl(l.url) },
    el('title', {}, narrative(l.title || l.url)), el('category', { code: categoryOfLinkKind[l.kind] ?? 'A12' })));
}

function results(b: ProjectBundle): string[] {
  const p = b.project;
  return b.results.map((r) => {
    const start = r.year ? `${r.year}-01-01` : p.start_on, end = r.year ? `${r.year}-12-31` : p.end_on ?? p.start_on;
    const period = start && end ? el('period', {}, el('period-start', { 'iso-date': start }), el('period-end', { 'iso-date': end }),
      el('actual', { value: String(Number(r.value)) }, el('comment', {}, narrative(`${Number(r.value)} ${r.unit}`, 'fr')))) : null;
    return el('result', { type: resultTypeOfKind[r.kind] ?? '1' }, el('title', {}, narrative(r.label, 'fr')),
      el('indicator', { measure: '1' }, el('title', {}, narrative(`${r.label} (${r.unit})`, 'fr')),
        period ?? el('description', {}, narrative(`${Number(r.value)} ${r.unit}`, 'fr'))));
  });
}

export function activityXml(b: ProjectBundle): string {
  const p = b.project;
  const x: IatiExtra = p.iati_extra ?? {};
  const currency = x.defaultCurrency ?? b.funding[0]?.currency ?? p.budget_currency ?? 'EUR';
  const updated = new Date(p.updated_at ?? Date.now()).toISOString().slice(0, 19);
  const rep = reportingOrgOf(b);
  return el('iati-activity', { 'xml:lang': x.lang ?? 'fr', 'default-currency': currency, 'last-updated-datetime': updated, hierarchy: '1' },
    ...header(b, x), ...geography(b, x), ...sectors(b, x), ...budgets(b), ...transactions(b, rep), ...documentLinks(b), ...results(b)) + '\n';
}
