/**
 * The IATI import page, enhanced: the file goes to POST /api/import/iati with fetch (session cookie + the
 * form's CSRF token as x-csrf-token), the answer is read as server-sent events — `progress` fills the
 * <progress> bar, `report` or `failed` ends — and the report is filled into the page's <template>, so it reads
 * exactly like the one the plain form renders. Without this script the form posts to /admin/import.
 */
import { pluralText, type Forms } from './plural.js';
import { COUNTS, formatCount, formatSize, problemTotal, sortProblems, withoutLine, type ReportData } from '../features/admin/format.js';

const form = document.querySelector<HTMLFormElement>('#import-form');
const { activities: activityForms, ...m }: Record<string, string> & { activities?: Forms } = (() => { try { return JSON.parse(form?.dataset.messages ?? '{}'); } catch { return {}; } })();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const lang = document.documentElement.lang || 'fr';
const num = (n: number, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
const units = { kb: m.kb ?? '{n} kB', mb: m.mb ?? '{n} MB', seconds: m.seconds ?? '{n} s' };
const activities = (n: number) => pluralText(activityForms, n, lang);
const size = (n: number) => formatSize(n, num, units);
const fill = (key: string, params: Record<string, string | number> = {}) => (m[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

interface Progress { bytes: number; total?: number; activities: number }
interface Failed { status: number; error: string; line?: number; report?: ReportData }

const el = (tag: string, text?: string, cls?: string) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

function say(text: string) { const s = $('import-status'); if (s) s.textContent = text; }

function showResult(node: Node, focus: HTMLElement | null) {
  const result = $('import-result');
  if (!result) return;
  result.replaceChildren(node);
  focus?.focus();
}

function showReport(r: ReportData, refused: boolean) {
  const template = $<HTMLTemplateElement>('import-report-template');
  if (!template) return;
  const root = template.content.cloneNode(true) as DocumentFragment;
  const slot = (name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
  const params = { activities: num(r.activities), imported: num(r.imported), created: num(r.created), updated: num(r.updated), skipped: num(r.skipped) };
  const title = slot('title');
  title.textContent = fill(refused ? 'report.failed' : 'report.done');
  const summary = slot('summary');
  summary.textContent = fill(refused ? 'report.refused' : 'report.summary', params);
  summary.className = `notice ${refused ? 'notice-error' : 'notice-success'}`;
  for (const f of COUNTS) { const dd = root.querySelector(`[data-count="${f}"]`); if (dd) dd.textContent = formatCount(r, f, num, units); }
  const c = r.problemCounts;
  slot('problem-counts').textContent = fill('problems.counts', { critical: num(c.critical), error: num(c.error), warning: num(c.warning) });
  const more = r.problems.length < problemTotal(r);
  slot('more').hidden = !more;
  slot('more').textContent = more ? fill('problems.more', { n: num(r.problems.length) }) : '';
  slot('none').hidden = r.problems.length > 0;
  slot('table').hidden = !r.problems.length;
  const rows = sortProblems(r.problems).map((p) => {
    const tr = el('tr', undefined, `level-${p.level}`);
    const message = el('td', p.message);
    message.lang = 'en';
    tr.append(el('td', num(p.line), 'num'), el('td', fill(`level.${p.level}`)), el('td', p.activity ?? '—'), message);
    return tr;
  });
  slot('problems').replaceChildren(...rows);
  showResult(root, title);
  say(title.textContent ?? '');
}

function showFailure(f: { status: number; error?: string; line?: number }) {
  const box = el('div', undefined, 'notice notice-error');
  box.setAttribute('role', 'alert');
  box.tabIndex = -1;
  box.append(el('p', fill('error.title'), 'notice-title'), el('p', fill('error.nothing')));
  if (f.status === 413) box.append(el('p', fill('error.tooLarge', { max: size(Number(form?.dataset.maxBytes)) })));
  else if (f.status === 401 || f.status === 403) box.append(el('p', fill('error.forbidden')));
  else if (f.status === 0) box.append(el('p', fill('error.network')));
  else {
    if (f.line) box.append(el('p', fill('error.line', { line: num(f.line) })));
    box.append(el('p', f.error ? fill('error.detail', { message: withoutLine(f.error) }) : fill('error.status', { status: f.status })));
  }
  showResult(box, box);
}

/** The server-sent events of a fetch response, one {event, data} at a time. */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    buffer = buffer.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message', data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(5).replace(/^ /, '');
      }
      yield { event, data };
    }
    if (done) return;
  }
}

function progressBar(total: number) {
  const block = $('import-progress-block'), bar = $<HTMLProgressElement>('import-progress'), text = $('import-progress-text');
  let announced = -1;
  if (block) block.hidden = false;
  if (bar) { bar.max = total || 1; bar.value = 0; }
  if (text) text.textContent = fill('progress.sending');
  say(fill('progress.sending'));
  return {
    update(p: Progress) {
      const all = p.total ?? total;
      if (bar) bar.value = Math.min(p.bytes, all);
      if (text) text.textContent = p.bytes >= all ? fill('progress.saving', { activities: activities(p.activities) }) : fill('progress.bytes', { done: size(p.bytes), total: size(all), activities: activities(p.activities) });
      const quarter = Math.floor((p.bytes / all) * 4);
      if (quarter > announced && quarter < 4) { announced = quarter; say(fill('progress.percent', { percent: quarter * 25 })); }
    },
    finish(r?: ReportData) {
      if (bar && r) bar.value = bar.max;
      if (text && r) text.textContent = fill('progress.bytes', { done: size(r.bytes), total: size(total || r.bytes), activities: activities(r.activities) });
    },
  };
}

async function upload(file: File, skipInvalid: boolean) {
  const csrf = form!.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const bar = progressBar(file.size);
  let res: Response;
  try {
    res = await fetch(`${form!.dataset.api}${skipInvalid ? '?skipInvalid=true' : ''}`, {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'content-type': 'application/xml', accept: 'text/event-stream', 'x-csrf-token': csrf },
    });
  } catch { bar.finish(); showFailure({ status: 0 }); return; }
  if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const json = await res.json().catch(() => ({}));
    bar.finish();
    showFailure({ status: res.status, error: json.error, line: json.line });
    return;
  }
  try {
    for await (const { event, data } of events(res.body)) {
      if (event === 'progress') bar.update(JSON.parse(data) as Progress);
      else if (event === 'report') { const r = JSON.parse(data) as ReportData; bar.finish(r); showReport(r, false); return; }
      else if (event === 'failed') {
        const f = JSON.parse(data) as Failed;
        bar.finish();
        if (f.report) showReport(f.report, true); else showFailure(f);
        return;
      }
    }
  } catch { /* the connection broke */ }
  bar.finish();
  showFailure({ status: 0 });
}

form?.addEventListener('submit', async (e) => {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]');
  const file = input?.files?.[0];
  if (!file || !window.fetch || !window.TextDecoder) return; // the plain form and the server say what is missing
  e.preventDefault();
  if (file.size > Number(form.dataset.maxBytes)) { showFailure({ status: 413 }); return; }
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  try { await upload(file, !!form.querySelector<HTMLInputElement>('input[name="skipInvalid"]')?.checked); } finally {
    if (button) button.disabled = false;
  }
});
