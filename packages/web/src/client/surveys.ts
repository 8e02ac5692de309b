/**
 * The answer sheet (features/surveys): a conditional question (`data-if` = the question it depends on, `data-values`
 * = the answers that ask it, `|`-separated) is hidden while its condition does not hold, in order, so a question
 * depending on a hidden one is hidden too. Without this script every question shows with its condition in words,
 * and the server drops answers to hidden questions.
 */
const form = document.querySelector<HTMLFormElement>('form.survey-form');

function answered(f: HTMLFormElement, key: string): string[] {
  const els = Array.from(f.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="answers.${key}"]`));
  return els.filter((el) => !(el instanceof HTMLInputElement) || (el.type !== 'radio' && el.type !== 'checkbox') || el.checked)
    .map((el) => el.value.trim()).filter(Boolean);
}

function update(f: HTMLFormElement): void {
  const hidden = new Set<string>();
  for (const el of Array.from(f.querySelectorAll<HTMLElement>('[data-if]'))) {
    const on = el.dataset.if ?? '';
    const wanted = (el.dataset.values ?? '').split('|');
    const show = !hidden.has(on) && answered(f, on).some((v) => wanted.includes(v));
    el.hidden = !show;
    const key = (el.id || el.querySelector('[id^="f-answers-"]')?.id || '').replace(/^f-answers-/, '');
    if (!show && key) hidden.add(key);
  }
}

if (form) {
  form.addEventListener('change', () => update(form));
  update(form);
}
