/** Plurals in browser scripts: the page sends every form of a message (I18n.forms), the browser picks by Intl.PluralRules. */
export type Forms = Record<string, string>;

export function pluralText(forms: Forms | undefined, n: number, lang: string, params: Record<string, string | number> = {}): string {
  if (!forms) return String(n);
  const form = forms[new Intl.PluralRules(lang).select(n)] ?? forms.other ?? Object.values(forms)[0] ?? '{n}';
  const all: Record<string, string | number> = { n: new Intl.NumberFormat(lang).format(n), ...params };
  return form.replace(/\{(\w+)\}/g, (_, k) => String(all[k] ?? ''));
}
