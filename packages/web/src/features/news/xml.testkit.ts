/** A tiny XML tree from saxes (well-formedness checked by the parser: it throws on broken XML), for the feed tests. */
import { SaxesParser } from 'saxes';

export interface El { name: string; attrs: Record<string, string>; children: El[]; text: string }

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value])), children: [], text: '' };
    stack.at(-1)!.children.push(el); stack.push(el);
  });
  parser.on('text', (s) => { stack.at(-1)!.text += s; });
  parser.on('cdata', (s) => { stack.at(-1)!.text += s; });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(xml).close();
  return root.children[0]!;
}

export const child = (el: El, name: string) => el.children.find((c) => c.name === name);
export const children = (el: El, name: string) => el.children.filter((c) => c.name === name);
export const textOf = (el: El, name: string) => child(el, name)?.text.trim();
