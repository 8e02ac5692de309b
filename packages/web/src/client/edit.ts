/**
 * Edit forms, enhanced: rows added and removed in place (no round trip), and reference fields turned into
 * comboboxes fed by /api/autocomplete/… (ARIA 1.2 combobox + listbox; arrows, Enter, Escape). Without this
 * script the same form works with "add a line" buttons, "remove" checkboxes and datalists.
 */
import { pluralText, type Forms } from './plural.js';
import { enhanceThemeCounters } from './themes.js';

const form = document.querySelector<HTMLFormElement>('form.edit-form, form.conflict-form');
type Messages = Partial<Record<'remove' | 'added' | 'removed' | 'none' | 'current', string>> & { count?: Forms };
const messages: Messages = (() => { try { return JSON.parse(form?.dataset.messages ?? '{}'); } catch { return {}; } })();
const live = document.getElementById('edit-live');
const say = (text: string) => { if (live) { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); } };
const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
const FOCUSABLE = 'input:not([type=hidden]):not([type=checkbox]), select, textarea, button';

document.documentElement.classList.add('js');

/* ----- rows ----- */

function rowsOf(group: HTMLElement): HTMLOListElement { return group.querySelector(':scope > ol.rows') as HTMLOListElement; }

function enhanceRow(row: HTMLElement): void {
  const remove = row.querySelector<HTMLElement>(':scope > fieldset > .row-remove');
  if (!remove || remove.querySelector('button')) return;
  const box = remove.querySelector('input');
  const label = remove.querySelector('label');
  if (box) box.hidden = true;
  if (label) label.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary remove-row';
  const legend = row.querySelector(':scope > fieldset > legend')?.textContent ?? '';
  button.textContent = messages.remove ?? 'Remove';
  button.setAttribute('aria-label', `${messages.remove ?? 'Remove'} — ${legend}`);
  button.addEventListener('click', () => {
    const group = row.closest<HTMLElement>('[data-rows]')!;
    const next = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null;
    row.remove();
    say(messages.removed ?? '');
    const target = next?.querySelector<HTMLElement>(FOCUSABLE) ?? group.querySelector<HTMLElement>(':scope > .add-row button');
    target?.focus();
  });
  remove.append(button);
  for (const input of row.querySelectorAll<HTMLInputElement>('input[data-autocomplete]')) combobox(input);
}

function addRow(group: HTMLElement): void {
  const template = group.querySelector<HTMLTemplateElement>(':scope > template');
  const token = group.dataset.token;
  if (!template || !token) return;
  const n = Number(group.dataset.next ?? rowsOf(group).children.length);
  group.dataset.next = String(n + 1);
  const display = token.replace(/__$/, 'n__');
  const html = template.innerHTML.split(display).join(String(n + 1)).split(token).join(String(n));
  const holder = document.createElement('template');
  holder.innerHTML = html.trim();
  const row = holder.content.firstElementChild as HTMLElement;
  rowsOf(group).append(row);
  enhanceAll(row);
  say(messages.added ?? '');
  row.querySelector<HTMLElement>(FOCUSABLE)?.focus();
}

function enhanceAll(root: ParentNode): void {
  for (const row of root.querySelectorAll<HTMLElement>('li.row')) enhanceRow(row);
  if (root instanceof HTMLElement && root.matches('li.row')) enhanceRow(root);
}

form?.addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[name="_add"]');
  if (!button) return;
  const group = button.closest<HTMLElement>('[data-rows]');
  if (!group) return;
  e.preventDefault();
  addRow(group);
});

/* ----- comboboxes ----- */

interface Suggestion { id: string; label: string; detail: string | null }
let uid = 0;

function combobox(input: HTMLInputElement): void {
  if (input.getAttribute('role') === 'combobox') return;
  const kind = input.dataset.autocomplete!;
  const list = document.createElement('ul');
  const listId = `${input.id}-listbox-${uid++}`;
  list.id = listId;
  list.setAttribute('role', 'listbox');
  list.className = 'combo-list';
  list.hidden = true;
  const label = document.querySelector(`label[for="${input.id}"]`);
  if (label) { label.id ||= `${input.id}-label`; list.setAttribute('aria-labelledby', label.id); }
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  input.removeAttribute('list');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.parentElement!.classList.add('combo');
  input.insertAdjacentElement('afterend', list);
  list.insertAdjacentElement('afterend', status);
  const nameOut = document.getElementById(`${input.id}-name`);
  let items: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const highlight = (k: number) => {
    active = k;
    list.querySelectorAll('[role=option]').forEach((li, j) => li.setAttribute('aria-selected', String(j === k)));
    if (k >= 0) { input.setAttribute('aria-activedescendant', `${listId}-${k}`); document.getElementById(`${listId}-${k}`)?.scrollIntoView({ block: 'nearest' }); }
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (k: number) => {
    const s = items[k];
    if (!s) return;
    input.value = s.id;
    if (nameOut) nameOut.textContent = fill(messages.current ?? '{name}', { name: s.label });
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const render = () => {
    list.replaceChildren(...items.map((s, k) => {
      const li = document.createElement('li');
      li.id = `${listId}-${k}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = s.label;
      if (s.detail) { const small = document.createElement('small'); small.textContent = ` — ${s.detail}`; li.append(small); }
      const code = document.createElement('span'); code.className = 'combo-id'; code.textContent = ` ${s.id}`; li.append(code);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(k); });
      return li;
    }));
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    active = -1;
    status.textContent = open ? pluralText(messages.count, items.length, document.documentElement.lang || 'fr') : (messages.none ?? '');
  };
  const fetchItems = async () => {
    const q = input.value.trim();
    if (!q) { items = []; render(); return; }
    controller?.abort();
    controller = new AbortController();
    try {
      const res = await fetch(`/api/autocomplete/${kind}?q=${encodeURIComponent(q)}&lang=${input.dataset.lang ?? 'fr'}`, { signal: controller.signal });
      if (!res.ok) return;
      items = (await res.json()).items ?? [];
      if (document.activeElement === input) render();
    } catch { /* aborted or offline: the field still takes an id */ }
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(fetchItems, 150); });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown') { e.preventDefault(); if (!open) { if (items.length) render(); else void fetchItems(); } else highlight(Math.min(active + 1, items.length - 1)); }
    else if (e.key === 'ArrowUp') { if (open) { e.preventDefault(); highlight(Math.max(active - 1, 0)); } }
    else if (e.key === 'Enter') { if (open && active >= 0) { e.preventDefault(); choose(active); } }
    else if (e.key === 'Escape') { if (open) { e.preventDefault(); close(); } }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

if (form) {
  enhanceAll(form);
  enhanceThemeCounters();
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-autocomplete]')) {
    if (!input.closest('template')) combobox(input);
  }
}

/* ----- conflict screen: the kept side of each difference stays highlighted ----- */
document.addEventListener('change', (e) => {
  const t = e.target as HTMLInputElement;
  if (t.type !== 'radio' || !t.name.startsWith('_pick:')) return;
  const tr = t.closest('tr');
  tr?.classList.toggle('pick-theirs', t.value === 'theirs');
  tr?.classList.toggle('pick-mine', t.value === 'mine');
});
