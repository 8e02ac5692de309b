/** Funding calls in words: vocabularies, themes, countries, deadlines, rates, amounts and the fit's reasons. */
import { flattenThemes } from '@tandem/shared';
import type { CallRow } from '../../../../server/src/features/funding/funding.query.js';
import type { Reason } from '../../../../server/src/features/funding/funding.fit.js';
import { daysBetween } from '../../../../server/src/features/funding/funding.fit.js';
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';

import { themeLabel as themeName } from '../sheets/PartnershipSheet.js';
import { countryName } from '../../i18n/index.js';

/** One name for a country and for a theme across the site (i18n, sheets). */
export { countryName, themeName };
export const themes = flattenThemes();

type Vocab = 'ben' | 'aid' | 'spend' | 'stage';
export const word = (i: I18n, group: Vocab, value: string): string => i.t(`fc.${group}.${value}` as MessageKey);
export const words = (i: I18n, group: Vocab, values: string[]): string => values.map((v) => word(i, group, v)).join(', ');

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** "le 1 mars 2027 (dans 45 jours)", "Appel annuel — note", "Dispositif permanent". */
export function deadlineText(i: I18n, c: Pick<CallRow, 'closes_on' | 'recurrence' | 'recurrence_note'>, today = todayIso()): string {
  if (c.recurrence === 'none') {
    if (!c.closes_on) return i.t('fc.rec.none');
    const n = daysBetween(today, c.closes_on);
    if (n < 0) return i.t('fc.closed', { date: i.date(c.closes_on) });
    return `${i.t('fc.closesOn', { date: i.date(c.closes_on) })} (${i.plural('fc.inDays', n)})`;
  }
  const base = i.t(c.recurrence === 'yearly' ? 'fc.rec.yearly' : 'fc.rec.permanent');
  const dated = c.closes_on && daysBetween(today, c.closes_on) >= 0 ? ` — ${i.t('fc.closesOn', { date: i.date(c.closes_on) })}` : '';
  return base + dated;
}

export function rateText(i: I18n, min: string | number | null, max: string | number | null): string | null {
  const f = (x: string | number) => i.num(Number(x));
  if (min != null && max != null) return i.t('fc.rate.range', { min: f(min), max: f(max) });
  if (max != null) return i.t('fc.rate.max', { max: f(max) });
  if (min != null) return i.t('fc.rate.min', { min: f(min) });
  return null;
}

export function amountText(i: I18n, c: Pick<CallRow, 'amount_min' | 'amount_max' | 'currency'>): string | null {
  const m = (x: string) => i.money(x, c.currency);
  if (c.amount_min != null && c.amount_max != null) return i.t('fc.amount.range', { min: m(c.amount_min), max: m(c.amount_max) });
  if (c.amount_max != null) return i.t('fc.amount.max', { max: m(c.amount_max) });
  if (c.amount_min != null) return i.t('fc.amount.min', { min: m(c.amount_min) });
  return null;
}

/** One reason as a line of text; `group` reasons end with a link the page adds. */
export function reasonText(i: I18n, r: Reason): string {
  const p = r.params as Record<string, any>;
  switch (r.code) {
    case 'eligible_kind':
      if (!(p.beneficiaries as string[]).length) return i.t('fc.r.kind.any');
      return r.ok ? i.t('fc.r.kind.ok', { kind: word(i, 'ben', p.kind) }) : i.t('fc.r.kind.ko', { list: words(i, 'ben', p.beneficiaries) });
    case 'area':
      if (!p.area) return i.t('fc.r.area.any');
      return i.t(r.ok ? 'fc.r.area.ok' : 'fc.r.area.ko', { area: p.area.name });
    case 'country':
      return i.t(r.ok ? 'fc.r.country.ok' : 'fc.r.country.ko', { list: (r.ok ? p.matched : p.countries).map((c: string) => countryName(i, c)).join(', ') });
    case 'theme':
      return i.t(r.ok ? 'fc.r.theme.ok' : 'fc.r.theme.ko', { list: (r.ok ? p.matched : p.themes).map((t: string) => themeName(i, t)).join(', ') });
    case 'min_group_size':
      return i.t('fc.r.group', { n: p.n });
    case 'deadline':
      if (typeof p.days === 'number') return i.plural('fc.r.deadline.days', p.days, { date: i.date(p.closesOn) });
      return i.t(p.recurrence === 'yearly' ? 'fc.r.deadline.yearly' : 'fc.r.deadline.permanent') + (p.note ? ` — ${p.note}` : '');
    case 'rate':
      return i.t('fc.r.rate', { rate: rateText(i, p.min, p.max) ?? '' });
  }
}
