/**
 * The theme counter of the edit forms (« 3 thèmes choisis »): recounted as boxes are ticked, rows added in place
 * included. The page renders the count (right without JavaScript) and every plural form of its message on the
 * summary (data-forms).
 */
import { pluralText, type Forms } from './plural.js';

export function enhanceThemeCounters(root: Document = document): void {
  root.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    const details = box.closest('details');
    const summary = details?.querySelector<HTMLElement>(':scope > summary[data-forms]');
    if (!details || !summary) return;
    let forms: Forms | undefined;
    try { forms = JSON.parse(summary.dataset.forms ?? ''); } catch { return; }
    summary.textContent = pluralText(forms, details.querySelectorAll('input[type=checkbox]:checked').length, root.documentElement.lang || 'fr');
  });
}
