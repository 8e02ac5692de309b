/** Test data for the URL rule (url.ts), shared by the unit, API and page tests. */

/** What probing tried: schemes that run script or carry content, hidden behind case, blanks and controls. */
export const HOSTILE_URLS = [
  'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
  '\u0001javascript:alert(1)', 'javascript\u0000:alert(1)', 'javascript://example.org/%0aalert(1)', 'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=', '//evil.example/x', '/relative/path',
  'file:///etc/passwd', 'ftp://example.org/', 'https:evil.example', 'https:/\\evil.example', 'http://', '\u00a0https://example.org/',
  'https://example.org/\u200b', 'https://exa mple.org/', 'mailto:someone@example.org', `https://example.org/${'a'.repeat(2000)}`,
];
