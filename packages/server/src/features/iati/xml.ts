/** A tiny XML writer: elements as strings, one activity at a time (the export streams activity by activity). */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Characters XML 1.0 forbids (control characters other than tab, newline, carriage return). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function esc(value: unknown): string {
  return String(value).replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ESC[c]);
}

export type Attrs = Record<string, string | number | null | undefined>;

function attrs(a: Attrs): string {
  return Object.entries(a).filter(([, v]) => v != null && v !== '').map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
}

/** <name attrs>children</name>, or <name attrs/> without children; null/false children are skipped. */
export function el(name: string, a: Attrs = {}, ...children: Array<string | null | undefined | false>): string {
  const body = children.filter((c): c is string => !!c).join('');
  return body ? `<${name}${attrs(a)}>${body}</${name}>` : `<${name}${attrs(a)}/>`;
}

/** <name attrs>text</name>, text escaped. */
export function textEl(name: string, a: Attrs, text: string): string {
  return `<${name}${attrs(a)}>${esc(text)}</${name}>`;
}

export function narrative(text: string, lang?: string | null): string {
  return textEl('narrative', { 'xml:lang': lang ?? undefined }, text);
}
