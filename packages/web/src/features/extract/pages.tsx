/**
 * Handlers of the knowledge-capture pages: the text form (POST reads it and redirects to the review), the review, and
 * its form (POST creates the records in one transaction and redirects to the partnership's sheet). They call the
 * services in-process under the signed-in member, like the API does (the CSRF field is checked by the auth middleware).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, isPlatformAdmin, memberOf, type WriteContext } from '../../../../server/src/lib/actor.js';
import { HttpError, ValidationError } from '../../../../server/src/lib/errors.js';
import { applyExtraction, createExtraction, getExtraction, type ExtractionView } from '../../../../server/src/features/extract/review.service.js';
import { extractionInput, type AcceptedProposal } from '../../../../server/src/features/extract/review.schema.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { ExtractFormPage, FORM_PATH, ReviewPage, reviewPath, type FormView } from './ExtractPages.js';

const isFile = (v: unknown): v is File => typeof v === 'object' && v !== null && typeof (v as File).arrayBuffer === 'function' && typeof (v as File).size === 'number';
const text = (v: unknown) => (typeof v === 'string' ? v : '');

function signIn(c: Context, i: I18n, path: string): Response {
  const to = encodeURIComponent(i.path(path));
  return c.redirect(`${i.path('/login')}?next=${to}&returnTo=${to}`, 303);
}

/** The organisations one may keep texts for: one's own; every organisation for platform administrators. */
async function organisationsOf(db: Db, ctx: WriteContext): Promise<Array<{ id: string; name: string }>> {
  const admin = isPlatformAdmin(ctx.actor);
  return db.query(`select id, name from organisation where $1::boolean or id = any($2::text[]) order by name`, [admin, [...memberOf(ctx.actor)]]) as any;
}

export async function extractFormPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) return signIn(c, i, FORM_PATH);
  const ctx: WriteContext = { actor };
  const v: FormView = { organisations: await organisationsOf(db, ctx), values: {} };
  if (c.req.method !== 'POST') return c.html(<ExtractFormPage i={i} v={v} />);
  const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  v.values = { organisationId: text(form.organisationId), title: text(form.title), text: text(form.text), html: text(form.html) };
  const file = isFile(form.file) && form.file.size > 0 ? form.file : null;
  const input = {
    organisationId: v.values.organisationId, ...(v.values.title.trim() ? { title: v.values.title } : {}),
    ...(v.values.text.trim() ? { text: v.values.text } : {}), ...(v.values.html.trim() ? { html: v.values.html } : {}),
    ...(file ? { file: { name: file.name || 'document', base64: Buffer.from(await file.arrayBuffer()).toString('base64') } } : {}),
  };
  try {
    const parsed = extractionInput.safeParse(input);
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((x) => ({ path: x.path.join('.'), message: x.message })));
    const x = await createExtraction(db, ctx, parsed.data);
    return c.redirect(i.path(reviewPath(x.id)), 303);
  } catch (e) {
    if (!(e instanceof HttpError) || e.status >= 500) throw e;
    const source = e.issues?.find((x) => ['text', 'html', 'file', 'file.base64'].includes(x.path));
    v.error = source ? i.t(/no text/.test(source.message) ? 'ex.error.empty' : 'ex.error.source') : e.message;
    return c.html(<ExtractFormPage i={i} v={v} />, e.status as 400);
  }
}

/** The records an applied extraction created, with their titles (from its provenance rows). */
async function createdBy(db: Db, id: string): Promise<Array<{ kind: string; id: string; title: string }>> {
  return db.query(`select distinct p.record_kind as kind, p.record_id as id, coalesce(o.name, pa.title, pr.title, m.title, p.record_id) as title
      from provenance p left join organisation o on p.record_kind = 'organisation' and o.id = p.record_id
      left join partnership pa on p.record_kind = 'partnership' and pa.id = p.record_id left join project pr on p.record_kind = 'project' and pr.id = p.record_id
      left join mission m on p.record_kind = 'mission' and m.id = p.record_id where p.extraction_id = $1 order by 1, 3`, [id]) as any;
}

export async function extractionReviewPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const actor = getActor(c);
  if (!actor) return signIn(c, i, reviewPath(id));
  const x = await getExtraction(db, { actor }, id);
  return c.html(<ReviewPage i={i} v={{ x, values: {}, errors: [], created: x.status === 'applied' ? await createdBy(db, id) : [] }} />);
}

/** The accepted proposals as the review form sent them (a rejected one is left out; fields as typed). */
export function acceptedFrom(x: ExtractionView, form: Record<string, unknown>): AcceptedProposal[] {
  return x.proposals.filter((p) => form[`p.${p.key}.accept`] !== 'no').map((p) => {
    const fields: Record<string, string | number | null> = {};
    for (const f of Object.keys(p.fields)) {
      const v = form[`p.${p.key}.${f}`];
      if (typeof v === 'string') fields[f] = v.trim() === '' ? null : v.trim();
    }
    const m = form[`p.${p.key}.match`];
    return { key: p.key, kind: p.kind, fields, ...(p.match && typeof m === 'string' ? { match: m ? { id: m } : null } : {}) };
  });
}

export async function extractionApplyPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const actor = getActor(c);
  if (!actor) return signIn(c, i, reviewPath(id));
  const x = await getExtraction(db, { actor }, id);
  const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const proposals = acceptedFrom(x, form);
  try {
    const r = await applyExtraction(db, { actor }, id, { proposals });
    const first = r.partnershipId ? `/partnerships/${r.partnershipId}` : r.created[0] ? `/${r.created[0].kind}s/${r.created[0].id}` : '/espace';
    return c.redirect(i.path(first), 303);
  } catch (e) {
    if (e instanceof HttpError && e.status === 409) return c.redirect(i.path(reviewPath(id)), 303);
    if (!(e instanceof HttpError) || e.status >= 500) throw e;
    const errors = (e.issues ?? [{ path: '', message: e.message }]).map((issue) => {
      const m = /^proposals\.(\d+)\.(?:fields\.)?(\w+)/.exec(issue.path);
      const p = m ? x.proposals.find((q) => q.key === proposals[Number(m[1])]?.key) : undefined;
      if (!p || !m) return issue.message;
      return i.t('ex.error.field', { proposal: i.t(`ex.p.${p.kind}` as MessageKey), field: i.t(`ex.f.${m[2]}` as MessageKey), message: issue.message });
    });
    const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return c.html(<ReviewPage i={i} v={{ x, values, errors }} />, e.status as 400);
  }
}
