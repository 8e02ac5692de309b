/** Test helpers for server-rendered pages (imported by *.test.ts only): visible text and table cells. */

/** The visible text of some HTML, spaces (narrow, non-breaking) folded to one. */
export const visibleText = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|[\s\u00a0\u202f]+/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/ +/g, ' ').trim();

/** The first table after `marker` in `html`, as rows of cell texts (th and td alike). */
export function tableAfter(html: string, marker: string): string[][] {
  const from = html.indexOf(marker);
  if (from < 0) throw new Error(`no ${marker} in the page`);
  const table = /<table[\s\S]*?<\/table>/.exec(html.slice(from));
  if (!table) throw new Error(`no table after ${marker}`);
  return [...table[0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => visibleText(c[1])));
}

/** A percent cell ("57 %", "57%") as a number; null for other cells. */
export const percentOf = (cell: string) => (/^-?\d+\s?%$/.test(cell) ? Number(cell.replace(/\s?%$/, '')) : null);

/** The part of `html` from `start` up to the next `end` after it. */
export const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

/** Some HTML with its tags removed as they stand (no spacing added), trimmed. */
export const strippedText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
