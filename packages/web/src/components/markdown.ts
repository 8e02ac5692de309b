/**
 * A Markdown body (news, funding calls): Markdown (marked, GitHub flavour) turned into HTML, then sanitised (sanitize-html): no script, no
 * style, no event attribute; links http(s) or relative only, each rel="nofollow noopener"; no images.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'del', 'code', 'pre', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel', 'title'], th: ['scope'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // a heading of the body sits under the article's title (h1): # becomes h2
  transformTags: {
    h1: 'h2', h5: 'h4', h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener' } }),
  },
  disallowedTagsMode: 'discard',
};

/** Safe HTML of a Markdown body; with an origin (feeds), links to this site's pages become absolute. */
export function renderMarkdown(md: string, origin?: string): string {
  const options = !origin ? OPTIONS : {
    ...OPTIONS,
    transformTags: {
      ...OPTIONS.transformTags,
      a: (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener',
        ...(attribs.href?.startsWith('/') && !attribs.href.startsWith('//') ? { href: `${origin}${attribs.href}` } : {}) } }),
    },
  };
  return sanitizeHtml(marked.parse(md) as string, options);
}
