/**
 * /apd/:organisationId/:year — GET shows the declaration; POST (the form: save, add a line, save and submit)
 * validates with the API's schema, saves through the same service, and redirects back (303) or re-renders
 * with the errors next to their fields. Editing needs a signed-in member of the organisation (or a platform
 * administrator); everyone else sees it read-only.
 */
import type { Context } from 'hono';
import { apdDeclarationInput } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError, NotFoundError, ValidationError, type Issue } from '../../../../server/src/lib/errors.js';
import { clientIp } from '../../../../server/src/features/audit/audit.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { mayDeclare, saveDeclaration, submitDeclaration, type ApdLine } from '../../../../server/src/features/apd/apd.service.js';
import { readDeclaration, unyearedLines } from '../../../../server/src/features/apd/apd.access.js';
import type { MessageKey } from '../../i18n/fr.js';
import { localName, type I18n } from '../../i18n/index.js';
import { ApdPage, type ApdRow, type ApdView } from './ApdPage.js';

const MAX_ROWS = 1000;
const FIELD_ERRORS = new Set(['category', 'country', 'amount', 'currency', 'note', 'projectId']);

const toRow = (l: ApdLine): ApdRow => ({
  category: l.category, country: l.country ?? '', amount: l.amount, currency: l.currency, note: l.note ?? '', projectId: l.projectId ?? '', projectTitle: l.projectTitle,
});
const emptyRow = (): ApdRow => ({ category: '', country: '', amount: '', currency: 'EUR', note: '', projectId: '' });
const isBlank = (r: ApdRow) => !r.category && !r.country && !r.amount.trim() && !r.note.trim() && !r.projectId;

/** `lines.N.field` form fields → rows in N order, without the ones ticked "remove". */
export function rowsFromForm(form: Record<string, unknown>): ApdRow[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(form)) {
    const m = /^lines\.(\d{1,4})\.(category|country|amount|currency|note|projectId|remove)$/.exec(key);
    if (!m || typeof value !== 'string') continue;
    const n = Number(m[1]);
    if (!byIndex.has(n) && byIndex.size >= MAX_ROWS) continue;
    byIndex.set(n, { ...byIndex.get(n), [m[2]]: value });
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).filter(([, f]) => !f.remove).map(([, f]) => ({
    category: f.category ?? '', country: (f.country ?? '').trim(), amount: f.amount ?? '',
    currency: (f.currency ?? '').trim().toUpperCase() || 'EUR', note: f.note ?? '', projectId: f.projectId ?? '',
  }));
}

/** A form row as the API's line input (validated by the same schema). */
export const rowInput = (r: ApdRow) => ({
  category: r.category, country: r.country || null, amount: r.amount.trim(), currency: r.currency || 'EUR', note: r.note.trim() || null, projectId: r.projectId || null,
});

function errorMap(i: I18n, issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of issues) {
    const f = x.path.split('.')[2];
    out[x.path] ??= f && FIELD_ERRORS.has(f) ? i.t(`apd.error.${f}` as MessageKey) : x.message;
  }
  return out;
}

async function countries(db: Db, i: I18n) {
  const rows = await db.query<{ id: string; name: string; names: Record<string, string> }>(`select id, name, names from territory where kind = 'country'`);
  const coll = new Intl.Collator(i.lang);
  return rows.map((t) => ({ id: t.id, name: localName(t, i.lang) })).sort((a, b) => coll.compare(a.name, b.name));
}

async function withTitles(db: Db, rows: ApdRow[]): Promise<ApdRow[]> {
  const ids = [...new Set(rows.map((r) => r.projectId).filter(Boolean))];
  if (!ids.length) return rows;
  const titles = new Map((await db.query<{ id: string; title: string }>('select id, title from project where id = any($1::text[])', [ids])).map((p) => [p.id, p.title]));
  return rows.map((r) => ({ ...r, projectTitle: titles.get(r.projectId) ?? null }));
}

export async function apdPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const organisationId = c.req.param('organisationId') as string;
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new NotFoundError('year', String(c.req.param('year')));
  const actor = getActor(c);
  const d = await readDeclaration(db, organisationId, year, actor);
  const allowed = !!actor && mayDeclare({ actor }, organisationId);
  const locked = d.status === 'submitted';
  const view: ApdView = {
    d, rows: d.lines.map(toRow), errors: {}, editable: allowed && !locked, notices: [], version: d.version,
    csrf: actor ? csrfToken(c) : null,
    countries: await countries(db, i),
    unyeared: locked ? [] : await unyearedLines(db, { funderId: organisationId }),
  };
  const done = c.req.query('done');
  if (done === 'saved' || done === 'submitted') view.notices.push({ kind: 'ok', key: done === 'saved' ? 'apd.saved' : 'apd.submitted' });
  if (locked) view.notices.push({ kind: 'info', key: 'apd.locked' });
  else if (!actor) view.notices.push({ kind: 'info', key: 'apd.readonly' });
  else if (!allowed) view.notices.push({ kind: 'info', key: 'apd.forbidden' });

  let status = 200;
  if (c.req.method === 'POST') {
    if (!view.editable) return c.html(<ApdPage i={i} v={view} />, locked ? 409 : actor ? 403 : 401);
    const form = await c.req.parseBody();
    const action = form.action === 'add' ? 'add' : form.action === 'submit' ? 'submit' : 'save';
    const version = /^\d{1,9}$/.test(String(form.version ?? '')) ? Number(form.version) : -1;
    view.version = version;
    view.rows = await withTitles(db, rowsFromForm(form));
    if (action === 'add') view.rows.push(emptyRow());
    else {
      view.rows = view.rows.filter((r) => !isBlank(r));
      const parsed = apdDeclarationInput.safeParse({ version, lines: view.rows.map(rowInput) });
      const unconfirmed = action === 'submit' && form.confirm !== '1';
      if (!parsed.success || unconfirmed) {
        if (!parsed.success) view.errors = errorMap(i, parsed.error.issues.map((x) => ({ path: x.path.map(String).join('.'), message: x.message })));
        if (unconfirmed) view.errors.confirm = i.t('apd.error.confirm');
        status = 400;
      } else {
        const who = { actor: actor!, ip: clientIp(c) };
        try {
          const saved = await saveDeclaration(db, organisationId, year, parsed.data, who);
          if (action === 'submit') await submitDeclaration(db, organisationId, year, saved.version, who);
          return c.redirect(`${i.path(`/apd/${organisationId}/${year}`)}?done=${action === 'submit' ? 'submitted' : 'saved'}`, 303);
        } catch (err) {
          if (err instanceof ValidationError) { view.errors = errorMap(i, err.issues ?? []); status = 400; }
          else if (err instanceof HttpError && err.status === 409) { view.notices.push({ kind: 'error', key: 'apd.conflict' }); status = 409; }
          else throw err;
        }
      }
    }
  }
  return c.html(<ApdPage i={i} v={view} />, status as 200);
}
