/** One <iati-activity> tree (versions 2.01–2.03) → ActivityIn, with its problems. `dstore:*` attributes are never read. */
import { isSafeUrl, type PartialDate } from '@tandem/shared';
import { linkKindOfCategory, roleOfIati, statusOfIati, themeOfDac } from '../codes.js';
import { kid, kids, text, type XNode } from './parse.js';
import type { ActivityIn } from './types.js';
import { mapBudgets, mapResults, mapTransactions } from './map.money.js';
import { cut, isoDay, lang, narratives, orgMention, pick, type Report } from './nodes.js';

export interface MapContext { countries: Set<string> }
function dates(a: XNode, report: Report): { start: PartialDate | null; end: PartialDate | null } {
  const byType = new Map<string, string>();
  for (const d of kids(a, 'activity-date')) {
    const iso = isoDay(d.attrs['iso-date']);
    if (!iso) { report('error', d.line, `activity-date with an invalid iso-date "${d.attrs['iso-date'] ?? ''}": ignored`); continue; }
    byType.set(d.attrs.type, iso);
  }
  const day = (s: string | undefined): PartialDate | null => (s ? { date: s, precision: 'day' } : null);
  return { start: day(byType.get('2') ?? byType.get('1')), end: day(byType.get('4') ?? byType.get('3')) };
}

function sectors(a: XNode, act: ActivityIn, report: Report) {
  const list = kids(a, 'sector').map((s) => ({ vocabulary: s.attrs.vocabulary?.trim() || '1', code: s.attrs.code?.trim() ?? '', pct: s.attrs.percentage?.trim(), line: s.line }));
  act.extra.sectors = list.filter((s) => s.code).map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: s.pct && /^\d+(\.\d+)?$/.test(s.pct) ? s.pct : undefined }));
  const themes = new Set<string>();
  for (const s of list) {
    if (s.vocabulary !== '1' && s.vocabulary !== '2') continue;
    const theme = /^\d{3,5}$/.test(s.code) ? themeOfDac(s.code) : null;
    if (theme) themes.add(theme); else report('warning', s.line, `DAC sector ${s.code || '(no code)'} matches no theme`);
  }
  for (const v of new Set(list.map((s) => s.vocabulary))) {
    const of = list.filter((s) => s.vocabulary === v);
    const sum = of.reduce((t, s) => t + Number(s.pct ?? (of.length === 1 ? 100 : NaN)), 0);
    // a tenth of a percent covers the rounding of shares published with two decimals
    if (of.length > 1 && !(Math.abs(sum - 100) <= 0.1)) report('error', of[0].line, `sector percentages of vocabulary ${v} add up to ${Number.isNaN(sum) ? 'nothing' : Math.round(sum * 100) / 100}, not 100`);
  }
  act.themes = [...themes];
}

function geography(a: XNode, act: ActivityIn, ctx: MapContext, report: Report) {
  for (const c of kids(a, 'recipient-country')) {
    const code = c.attrs.code?.trim().toUpperCase() ?? '';
    if (ctx.countries.has(code)) act.countries.push(code); else report('warning', c.line, `recipient-country "${code}" is not a known country: left out`);
  }
  act.countries = [...new Set(act.countries)];
  act.extra.regions = kids(a, 'recipient-region').filter((r) => r.attrs.code).map((r) => ({ code: r.attrs.code.trim(), vocabulary: r.attrs.vocabulary?.trim() || undefined,
    percentage: /^\d+(\.\d+)?$/.test(r.attrs.percentage ?? '') ? r.attrs.percentage : undefined }));
  act.extra.locations = kids(a, 'location').map((l) => ({ name: pick(narratives(kid(l, 'name'))) ?? undefined, pos: text(kid(kid(l, 'point') ?? l, 'pos')) || undefined }))
    .filter((l) => l.name || l.pos);
}

function participants(a: XNode, act: ActivityIn, report: Report) {
  for (const p of kids(a, 'participating-org')) {
    const role = roleOfIati[p.attrs.role?.trim()];
    const org = orgMention(p);
    if (!role) report('warning', p.line, `participating-org with an unknown role "${p.attrs.role ?? ''}": left out`);
    else if (!org) report('warning', p.line, 'participating-org without a ref or a name: left out');
    else act.participants.push({ ...org, role });
  }
}

/** An http(s) URL, spaces and other unsafe characters percent-encoded; null when the result breaks the URL rule. */
function webUrl(raw: string): string | null {
  try {
    const href = new URL(/^www\./i.test(raw) ? `http://${raw}` : raw).href;
    return isSafeUrl(href) ? href : null;
  } catch { return null; }
}

function links(a: XNode, act: ActivityIn, report: Report) {
  for (const d of kids(a, 'document-link')) {
    const raw = d.attrs.url?.trim() ?? '';
    const url = webUrl(raw);
    if (!url) { report('warning', d.line, `document-link with an unusable url "${cut(raw, 80)}": left out`); continue; }
    const title = pick(narratives(kid(d, 'title')));
    act.links.push({ url, title: title && cut(title, 300), kind: linkKindOfCategory(kid(d, 'category')?.attrs.code, d.attrs.format?.toLowerCase()) });
  }
}

export function mapActivity(a: XNode, ctx: MapContext): ActivityIn {
  const identifier = text(kid(a, 'iati-identifier'));
  const defaultLang = lang(a.attrs['xml:lang']);
  const act: ActivityIn = {
    identifier, line: a.line, title: '', description: null, status: 'implementation', start: null, end: null, themes: [], countries: [], budget: null,
    reporting: orgMention(kid(a, 'reporting-org')), participants: [], funding: [], results: [], links: [], problems: [],
    extra: { defaultCurrency: a.attrs['default-currency']?.trim().toUpperCase() || undefined, lang: defaultLang },
  };
  const report: Report = (level, line, message) => act.problems.push({ level, line, activity: identifier || undefined, message });
  if (!identifier) report('critical', a.line, 'iati-activity without an iati-identifier');
  if (!act.reporting) report('error', a.line, 'no reporting-org');
  act.extra.title = narratives(kid(a, 'title'), defaultLang);
  act.extra.description = kids(a, 'description').filter((d) => !d.attrs.type || d.attrs.type === '1').flatMap((d) => narratives(d, defaultLang));
  act.title = cut(pick(act.extra.title) ?? identifier ?? 'sans titre', 300);
  if (!act.extra.title.length) report('error', a.line, 'no title: the iati-identifier stands for it');
  const desc = pick(act.extra.description);
  act.description = desc && cut(desc, 50000);
  const status = statusOfIati[kid(a, 'activity-status')?.attrs.code?.trim() ?? ''];
  if (status) act.status = status; else report('error', kid(a, 'activity-status')?.line ?? a.line, 'no valid activity-status: "implementation" assumed');
  Object.assign(act, dates(a, report));
  sectors(a, act, report);
  geography(a, act, ctx, report);
  participants(a, act, report);
  mapBudgets(a, act, report);
  mapTransactions(a, act, report);
  act.results = mapResults(a, report);
  links(a, act, report);
  return act;
}
