/**
 * /edit/{kind}/:id and /new/{kind} (GET shows the form, POST saves), in fr, /en and /vi.
 *
 * POST: the form → nested input (form-data.ts) → the API's zod schema → the same service as the API, under
 * the signed-in actor (so the role check applies). "Add a line" (`_add`) re-renders with one more row;
 * errors re-render with each message next to its field; 403 keeps what was typed under a clear notice;
 * 409 shows the conflict screen, whose form (`_action=merge`) saves the merged record with the current
 * version — or shows the screen again if the record changed once more.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { idSchema } from '@tandem/shared';
import { getActor, memberOf, type Actor } from '../../../../server/src/lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../../../server/src/lib/errors.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { authorize, ForbiddenError } from '../../../../server/src/features/permissions/permissions.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { conflictUnits, jsonField, mergeVersions, picksFrom } from './conflict.js';
import { ConflictPage } from './ConflictPage.js';
import { EditPage, ForbiddenPage, type EditView } from './EditPage.js';
import { serviceErrors, zodErrors, type FieldErrors } from './errors.js';
import { formLists, referenceNames, referencedIds } from './edit.queries.js';
import type { FormCtx } from './fields.js';
import { addRow, parseForm, valueAt } from './form-data.js';
import { kindSpec, type KindSpec } from './kinds.js';
import { codesAsRows } from './TerritoryForm.js';

type Rec = Record<string, unknown>;

interface Req { c: Context; i: I18n; db: Db; spec: KindSpec; id: string | null; actor: Actor }

/** Zod's output of the create schema: the record as the API would store it (defaults, normalised amounts). */
function normalise(spec: KindSpec, x: Rec): Rec {
  const r = spec.create.safeParse(x);
  return r.success ? (r.data as Rec) : x;
}

const without = (x: Rec, key: string) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== key));

async function renderForm(r: Req, opts: {
  values: Rec; version: number | null; base: Rec | null; errors?: FieldErrors; focus?: string | null;
  notice?: EditView['notice']; status?: number; record?: any;
}): Promise<Response> {
  const { c, i, db, spec, id } = r;
  const values = spec.kind === 'territory' ? codesAsRows(opts.values) : opts.values;
  const f: FormCtx = {
    i, values, errors: opts.errors ?? {}, focus: opts.focus ?? null, rendered: new Set(),
    names: await referenceNames(db, i, referencedIds(values)), lists: await formLists(db, i),
  };
  const record = opts.record ?? (id ? await spec.get(db, id).catch(() => null) : null);
  const title = id ? i.t('edit.title.edit', { title: record ? spec.title(record) : id }) : i.t('edit.title.new', { kind: i.l('kind', spec.kind) });
  const view: EditView = {
    i, kind: spec.plural, id, title, f, version: opts.version, base: opts.base ? JSON.stringify(opts.base) : null, csrf: csrfToken(c), notice: opts.notice,
  };
  return c.html(<EditPage v={view} />, (opts.status ?? 200) as 200);
}

async function renderConflict(r: Req, mine: Rec, mineVersion: number, base: Rec | null, again: boolean): Promise<Response> {
  const { c, i, db, spec, id } = r;
  const current = await spec.get(db, id!);
  const theirs = normalise(spec, spec.values(current));
  const order = Object.keys(spec.create.shape);
  const units = conflictUnits(theirs, mine, base ? normalise(spec, base) : null, order);
  return c.html(<ConflictPage v={{
    i, kind: spec.plural, id: id!, title: spec.title(current), units, theirs, mine, theirsVersion: current.version, mineVersion,
    names: await referenceNames(db, i, referencedIds(theirs, mine)), csrf: csrfToken(c), again,
  }} />, 409);
}

/** Save through the service; every outcome is a response. */
async function save(r: Req, input: Rec, ctx: { base: Rec | null; again?: boolean }): Promise<Response> {
  const { c, i, db, spec, id, actor } = r;
  const schema = id ? spec.update : spec.create;
  const version = typeof input.version === 'number' ? input.version : null;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return renderForm(r, { values: input, version, base: ctx.base, errors: zodErrors(i, parsed.error, input), status: 400 });
  try {
    const saved = await spec.save(db, id, parsed.data, { actor });
    // back to the sheet, which shows a one-time "created" / "changes saved" notice (features/workspace/sheet-extras.tsx)
    return c.redirect(i.path(`/${spec.plural}/${encodeURIComponent(saved.id)}?saved=${id ? 'updated' : 'created'}`), 303);
  } catch (err) {
    if (err instanceof ValidationError) return renderForm(r, { values: input, version, base: ctx.base, errors: serviceErrors(i, err.issues ?? []), status: 400 });
    if (err instanceof ForbiddenError) {
      return renderForm(r, { values: input, version, base: ctx.base, errors: err.issues ? serviceErrors(i, err.issues) : undefined,
        notice: { kind: 'error', key: err.issues ? 'edit.forbidden.partnership' : 'edit.forbidden.save' }, status: 403 });
    }
    if (err instanceof ConflictError) return renderConflict(r, normalise(spec, without(parsed.data as Rec, 'version')), version ?? 0, ctx.base, !!ctx.again);
    throw err;
  }
}

async function forbidden(r: Req, kind: string): Promise<Response | null> {
  const { c, i, db, spec, id, actor } = r;
  try {
    if (id) { const record = await spec.get(db, id); await authorize(db, { actor }, spec.kind, 'update', record, record); }
    else if (kind === 'territory' || kind === 'organisation') await authorize(db, { actor }, spec.kind, 'create', null, {});
    return null;
  } catch (err) {
    if (!(err instanceof ForbiddenError)) throw err;
    const message: MessageKey = kind === 'territory' ? 'edit.forbidden.territory' : 'edit.forbidden.text';
    const back = id ? i.path(`/${spec.plural}/${encodeURIComponent(id)}`) : i.path('/');
    return c.html(<ForbiddenPage i={i} message={message} back={back} path={id ? `/edit/${spec.plural}/${id}` : `/new/${spec.plural}`} />, 403);
  }
}

/** Checkboxes post in page order: keep the order the record had (then the new ones), so that nothing changes for nothing. */
export function keepOrder(values: Rec, base: Rec | null, field: string): Rec {
  const now = values[field], before = base?.[field];
  if (!Array.isArray(now) || !Array.isArray(before)) return values;
  const rank = (x: unknown) => { const k = before.indexOf(x); return k < 0 ? before.length : k; };
  return { ...values, [field]: [...now].sort((a, b) => rank(a) - rank(b)) };
}

/**
 * The starting values of a new record, with what the link that opened the form names: `?partnershipId=` (a
 * project or a delegation added from a partnership's sheet) or `?organisationId=`, else the person's one organisation.
 */
async function blank(r: Req): Promise<Rec> {
  const { c, db, spec, actor } = r;
  const ref = (name: string) => { const v = c.req.query(name); return v !== undefined && idSchema.safeParse(v).success ? v : null; };
  const mine = [...memberOf(actor)];
  const org = ref('organisationId') ?? (mine.length === 1 ? mine[0] : null);
  const partnershipId = ref('partnershipId');
  switch (spec.kind) {
    case 'partnership': {
      if (!org) return { parties: [{ side: 'fr' }, { side: 'foreign' }] };
      const [o] = await db.query<{ country: string | null }>('select coalesce(o.country, t.country) as country from organisation o left join territory t on t.id = o.territory_id where o.id = $1', [org]);
      const side = !o || o.country === 'FR' ? 'fr' : 'foreign';
      return { parties: [{ organisationId: org, side }, { side: side === 'fr' ? 'foreign' : 'fr' }] };
    }
    case 'project': return partnershipId ? { partnershipId } : org ? { participants: [{ organisationId: org, role: 'lead' }] } : {};
    case 'mission': return partnershipId ? { partnershipId } : org ? { organisations: [org] } : {};
    case 'event': return org ? { hosts: [org] } : {};
    default: return {};
  }
}

/** `?add=agreements` (the "add an agreement" link of a partnership's sheet): the form opens with one more row, focused. */
function withAddedRow(r: Req, values: Rec): { values: Rec; focus: string | null } {
  const add = r.c.req.query('add');
  if (!add || !/^[a-z]+$/i.test(add) || !addRow(r.spec.update, values, add)) return { values, focus: null };
  return { values, focus: `${add}.${(valueAt(values, add) as unknown[]).length - 1}` };
}

export async function editPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const spec = kindSpec(c.req.param('kind'));
  if (!spec) throw new NotFoundError('kind', String(c.req.param('kind')));
  const id = (c.req.param('id') as string | undefined) ?? null;
  const actor = getActor(c);
  if (!actor) {
    const back = id ? `/edit/${spec.plural}/${encodeURIComponent(id)}` : `/new/${spec.plural}`;
    // `next` as the brief names it, `returnTo` as the accounts pages read it
    const to = encodeURIComponent(i.path(back));
    return c.redirect(`${i.path('/login')}?next=${to}&returnTo=${to}`, 303);
  }
  const r: Req = { c, i, db, spec, id, actor };
  const refused = await forbidden(r, spec.kind);
  if (refused && c.req.method !== 'POST') return refused;

  if (c.req.method !== 'POST') {
    if (!id) return renderForm(r, { values: await blank(r), version: null, base: null });
    const record = await spec.get(db, id);
    const values = spec.values(record);
    const opened = withAddedRow(r, structuredClone(values));
    return renderForm(r, { values: opened.values, focus: opened.focus, version: record.version, base: values, record });
  }

  const params = new URLSearchParams();
  const form = await c.req.formData().catch(() => null); // not a form: nothing posted
  for (const [k, v] of form?.entries() ?? []) if (typeof v === 'string') params.append(k, v);
  const schema = id ? spec.update : spec.create;
  const editing = parseForm(params, schema);
  const { control } = editing;
  const base = jsonField(control.meta._base);
  const version = typeof editing.values.version === 'number' ? editing.values.version : null;

  if (control.action === 'merge' || control.action === 'merge-edit') {
    const mine = jsonField(control.meta._mine), theirs = jsonField(control.meta._theirs);
    if (!id || !mine || !theirs || version === null) throw new HttpError(400, 'the merge form is incomplete: reload the page');
    const merged = { ...mergeVersions(theirs, mine, picksFrom(control.meta)), version };
    if (control.action === 'merge-edit') return renderForm(r, { values: merged, version, base: theirs });
    return save(r, merged, { base: theirs, again: true });
  }
  if (control.add) {
    const values = editing.values;
    addRow(schema, values, control.add);
    const rows = valueAt(values, control.add);
    const focus = Array.isArray(rows) ? `${control.add}.${rows.length - 1}` : null;
    return renderForm(r, { values, version, base, focus });
  }
  const { values } = parseForm(params, schema, { dropBlank: true });
  return save(r, keepOrder(values, base, 'themes'), { base });
}
