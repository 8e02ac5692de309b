/** Instant results: the search page's GET form, re-rendered by the server as the reader types or changes the sort. */
import { enhancePrint } from './common.js';

enhancePrint();
const input = document.querySelector<HTMLInputElement>('input[data-instant]');
const form = input?.form;
let timer: ReturnType<typeof setTimeout> | undefined;
let controller: AbortController | undefined;

async function refresh(): Promise<void> {
  if (!form) return;
  const params = new URLSearchParams(new FormData(form) as any);
  params.delete('page');
  if (params.get('sort') === 'relevance') params.delete('sort');
  const url = `${form.action}?${params}`;
  controller?.abort();
  controller = new AbortController();
  try {
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}fragment=1`, { signal: controller.signal });
    if (!res.ok) return;
    const html = await res.text();
    const current = document.getElementById('search-results');
    if (current) current.outerHTML = html;
    history.replaceState(null, '', url);
  } catch { /* aborted or offline: the form still works */ }
}

input?.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(refresh, 200);
});
form?.querySelector<HTMLSelectElement>('select[name="sort"]')?.addEventListener('change', () => { clearTimeout(timer); void refresh(); });
