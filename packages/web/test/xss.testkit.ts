/**
 * XSS checks of the outputs (imported by *.test.ts only): the payload written into every text field, and what an
 * HTML page, an e-mail's HTML part or an XML document must look like once it holds it.
 */
import { parseHTML } from 'linkedom';
import { parseXml, type El } from '../src/features/news/xml.testkit.js';

/** Each classic breakout at once: a script, an attribute escape with an event handler, a title and a CDATA end. */
export const XSS = `Zx<script>alert(1)</script>"><img src=x onerror=alert(1)></title><script>alert(2)</script>]]>'`;
/** The same in a URL that http(s) allows: the quote and brackets must stay inside the href. */
export const XSS_URL = 'https://example.org/p?a="><img/src=x/onerror=alert(3)>&b=</title>';
/** Formula starts that a spreadsheet would run (OWASP CSV injection). */
export const FORMULA = '=HYPERLINK("http://evil.example","x")';

const SCHEMES = /^\s*(javascript|data|vbscript):/i;

/**
 * What is wrong with an HTML document holding the payload: an injected element or attribute (a script that is
 * neither a file of this site nor parseable JSON-LD, an on* attribute, the img of the payload, a second document <title>),
 * a script URL in a link, a form or a frame. Empty when the page is safe.
 */
export function htmlProblems(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    if (src) { if (!src.startsWith('/')) out.push(`script from ${src}`); continue; }
    if (s.getAttribute('type') !== 'application/ld+json') { out.push(`inline script: ${s.textContent.slice(0, 60)}`); continue; }
    try { JSON.parse(s.textContent); } catch { out.push(`JSON-LD broken: ${s.textContent.slice(0, 60)}`); }
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      const v = el.getAttribute(name);
      if (v && SCHEMES.test(v)) out.push(`<${el.tagName.toLowerCase()} ${name}="${v}">`);
    }
  }
  if (document.querySelectorAll('img[src="x"]').length) out.push('the payload\'s <img>');
  // an SVG's <title> is its accessible name; the document's own is the one outside any SVG
  if ([...document.querySelectorAll('title')].filter((t) => !t.closest('svg')).length > 1) out.push('a second <title>');
  return out;
}

/** The visible text of an HTML document (the payload must be there, as text). */
export const textOfHtml = (html: string) => parseHTML(html).document.documentElement.textContent ?? '';

/** Parses XML (throws when it is not well-formed) and gives every text node joined, to find the payload in. */
export function xmlText(xml: string): string {
  const all: string[] = [];
  const walk = (e: El) => { all.push(e.text, ...Object.values(e.attrs)); e.children.forEach(walk); };
  walk(parseXml(xml));
  return all.join('\n');
}
