/**
 * The yearly aid declaration (APD) of an organisation: a draft pre-filled from the co-financing lines it
 * funded that year, saved whole with a version (409 when stale), submitted (then locked until a platform
 * administrator reopens it), totals by category and by country, and a CSV export.
 */
import { apdCategoryForThemes, apdCategoryIds, csvDocument, apdCategoryLabel, normaliseAmount, sumAmounts, type ApdDeclarationInput, type ApdStatus } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type WriteContext } from '../../lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { ForbiddenError } from '../permissions/permissions.js';
import { audit } from '../audit/audit.js';

export interface ApdLine {
  category: string; categoryLabel: string; country: string | null; countryName: string | null;
  amount: string; currency: string; note: string | null; projectId: string | null; projectTitle: string | null;
}
export interface ApdMoney { currency: string; amount: string }
export interface ApdDeclaration {
  id: string; organisationId: string; organisationName: string; year: number; status: ApdStatus;
  /** false: a pre-filled draft, not stored until saved (version 0) */
  saved: boolean; version: number; submittedAt: string | null; updatedAt: string | null;
  lines: ApdLine[];
  totals: { all: ApdMoney[]; byCategory: Array<ApdMoney & { category: string; label: string }>; byCountry: Array<ApdMoney & { country: string | null; countryName: string | null }> };
}
/** Who writes, and from where (for the audit log). */
export type ApdWho = WriteContext & { ip?: string | null };

const KIND = 'APD declaration';
export const declarationId = (organisationId: string, year: number) => `${organisationId}-${year}`;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** Platform administrators, or members (role 'member') of the declaring organisation. */
export function mayDeclare(ctx: WriteContext, organisationId: string): boolean {
  if (isPlatformAdmin(ctx.actor)) return true;
  return 'grants' in ctx.actor && ctx.actor.grants.some((g) => g.role === 'member' && g.organisationId === organisationId);
}
function assertMayDeclare(ctx: WriteContext, organisationId: string) {
  if (!mayDeclare(ctx, organisationId)) throw new ForbiddenError(`only members of ${organisationId} or platform administrators may edit its aid declaration`);
}

async function organisation(db: Db, id: string): Promise<{ id: string; name: string }> {
  const [o] = await db.query<{ id: string; name: string }>('select id, name from organisation where id = $1', [id]);
  if (!o) throw new NotFoundError('organisation', id);
  return o;
}

function line(r: any): ApdLine {
  return {
    category: r.category, categoryLabel: apdCategoryLabel(r.category), country: r.country ?? null, countryName: r.country_name ?? null,
    amount: normaliseAmount(String(r.amount)), currency: r.currency, note: r.note ?? null, projectId: r.project_id ?? null, projectTitle: r.project_title ?? null,
  };
}

const KIND_RANK: Record<string, number> = { disbursed: 0, committed: 1, budgeted: 2 };

/**
 * One line per co-financing line the organisation funded in that year. When a project has lines of several
 * kinds for the year, only the most certain kind is kept (disbursed, else committed, else budgeted) so the
 * same money is not declared twice. Category from the project's themes; country: its first foreign place's.
 */
export async function prefillLines(db: Db, organisationId: string, year: number): Promise<ApdLine[]> {
  const rows = await db.query(
    `select f.project_id, f.amount, f.currency, f.kind, f.note, p.title as project_title, p.themes, c.id as country, c.name as country_name
       from funding_line f join project p on p.id = f.project_id
       left join lateral (
         select c.id, c.name from project_place pp join territory t on t.id = pp.territory_id
           join territory c on c.id = t.country and c.kind = 'country'
          where pp.project_id = p.id and c.id <> 'FR' order by t.id limit 1) c on true
      where f.funder_id = $1 and f.year = $2
      order by p.title, p.id, f.position, f.id`, [organisationId, year]);
  const best = new Map<string, number>();
  for (const r of rows) best.set(r.project_id, Math.min(best.get(r.project_id) ?? 9, KIND_RANK[r.kind] ?? 9));
  return rows.filter((r) => (KIND_RANK[r.kind] ?? 9) === best.get(r.project_id))
    .map((r) => line({ ...r, category: apdCategoryForThemes(r.themes ?? []) }));
}

async function storedLines(db: Db, id: string): Promise<ApdLine[]> {
  const rows = await db.query(
    `select l.category, l.country, c.name as country_name, l.amount, l.currency, l.note, l.project_id, p.title as project_title
       from apd_line l left join territory c on c.id = l.country left join project p on p.id = l.project_id
      where l.declaration_id = $1 order by l.position, l.id`, [id]);
  return rows.map(line);
}

function sums<K>(lines: ApdLine[], keyOf: (l: ApdLine) => K): Array<{ key: K; currency: string; amount: string }> {
  const groups = new Map<string, { key: K; currency: string; amounts: string[] }>();
  for (const l of lines) {
    const key = keyOf(l);
    const g = groups.get(`${JSON.stringify(key)}|${l.currency}`) ?? { key, currency: l.currency, amounts: [] };
    g.amounts.push(l.amount);
    groups.set(`${JSON.stringify(key)}|${l.currency}`, g);
  }
  return [...groups.values()].map((g) => ({ key: g.key, currency: g.currency, amount: sumAmounts(g.amounts) }));
}

export function apdTotals(lines: ApdLine[]): ApdDeclaration['totals'] {
  const order = (c: string) => apdCategoryIds.indexOf(c as never);
  return {
    all: sums(lines, () => null).map(({ currency, amount }) => ({ currency, amount })),
    byCategory: sums(lines, (l) => l.category).sort((a, b) => order(a.key) - order(b.key) || a.currency.localeCompare(b.currency))
      .map(({ key, currency, amount }) => ({ category: key, label: apdCategoryLabel(key), currency, amount })),
    byCountry: sums(lines, (l) => [l.country, l.countryName] as const)
      .sort((a, b) => (a.key[0] === null ? 1 : 0) - (b.key[0] === null ? 1 : 0) || String(a.key[1]).localeCompare(String(b.key[1]), 'fr') || a.currency.localeCompare(b.currency))
      .map(({ key, currency, amount }) => ({ country: key[0], countryName: key[1], currency, amount })),
  };
}

/** The stored declaration, or a draft pre-filled from the year's co-financing lines (not stored). */
export async function getDeclaration(db: Db, organisationId: string, year: number): Promise<ApdDeclaration> {
  const org = await organisation(db, organisationId);
  const [d] = await db.query('select * from apd_declaration where organisation_id = $1 and year = $2', [organisationId, year]);
  const lines = d ? await storedLines(db, d.id) : await prefillLines(db, organisationId, year);
  return {
    id: declarationId(organisationId, year), organisationId, organisationName: org.name, year,
    status: d?.status ?? 'draft', saved: !!d, version: d?.version ?? 0, submittedAt: iso(d?.submitted_at), updatedAt: iso(d?.updated_at),
    lines, totals: apdTotals(lines),
  };
}

async function checkRefs(db: Db, lines: ApdDeclarationInput['lines']) {
  const wanted = [...new Set(lines.map((l) => l.country).filter((c): c is string => !!c))];
  const found = new Set((await db.query<{ id: string }>(`select id from territory where kind = 'country' and id = any($1::text[])`, [wanted])).map((r) => r.id));
  const issues = lines.flatMap((l, i) => (l.country && !found.has(l.country) ? [{ path: `lines.${i}.country`, message: `no country with code "${l.country}"` }] : []));
  if (issues.length) throw new ValidationError(issues);
  await assertExist(db, 'project', lines.map((l, i) => ({ path: `lines.${i}.projectId`, id: l.projectId })));
}

function lockedError(version: number) {
  return new HttpError(409, 'this declaration has been submitted: it can no longer be changed unless a platform administrator reopens it', undefined, { currentVersion: version, status: 'submitted' });
}

/** Replaces the lines; version 0 saves a draft never saved before. Returns the new version. */
async function writeLines(tx: Db, organisationId: string, year: number, input: ApdDeclarationInput): Promise<number> {
  const id = declarationId(organisationId, year);
  const [cur] = await tx.query<{ status: string; version: number }>('select status, version from apd_declaration where id = $1 for update', [id]);
  let version: number;
  if (!cur) {
    if (input.version !== 0) throw new ConflictError(KIND, id, 0, input.version);
    const ins = await tx.query<{ version: number }>(
      `insert into apd_declaration (id, organisation_id, year) values ($1, $2, $3) on conflict do nothing returning version`, [id, organisationId, year]);
    if (!ins.length) {
      const [now] = await tx.query<{ version: number }>('select version from apd_declaration where id = $1', [id]);
      throw new ConflictError(KIND, id, now?.version ?? 1, input.version);
    }
    version = ins[0].version;
  } else {
    if (cur.status === 'submitted') throw lockedError(cur.version);
    if (cur.version !== input.version) throw new ConflictError(KIND, id, cur.version, input.version);
    [{ version }] = await tx.query<{ version: number }>('update apd_declaration set version = version + 1, updated_at = now() where id = $1 returning version', [id]);
    await tx.query('delete from apd_line where declaration_id = $1', [id]);
  }
  for (const [i, l] of input.lines.entries()) {
    await tx.query('insert into apd_line (declaration_id, category, country, amount, currency, note, project_id, position) values ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, l.category, l.country ?? null, l.amount, l.currency, l.note || null, l.projectId ?? null, i]);
  }
  return version;
}

export async function saveDeclaration(db: Db, organisationId: string, year: number, input: ApdDeclarationInput, who: ApdWho): Promise<ApdDeclaration> {
  assertMayDeclare(who, organisationId);
  await organisation(db, organisationId);
  await db.transaction(async (tx) => {
    await checkRefs(tx, input.lines);
    const version = await writeLines(tx, organisationId, year, input);
    await audit(tx, { actor: who.actor, action: 'apd_saved', targetKind: 'apd_declaration', targetId: declarationId(organisationId, year), ip: who.ip,
      details: { organisationId, year, version, lines: input.lines.length, totals: sums(input.lines as ApdLine[], () => null).map(({ currency, amount }) => ({ currency, amount })) } });
  });
  return getDeclaration(db, organisationId, year);
}

/** Submits the saved declaration (the version must be current); then it is locked. */
export async function submitDeclaration(db: Db, organisationId: string, year: number, version: number, who: ApdWho): Promise<ApdDeclaration> {
  assertMayDeclare(who, organisationId);
  await organisation(db, organisationId);
  await setStatus(db, organisationId, year, version, 'submitted', who);
  return getDeclaration(db, organisationId, year);
}

/** Platform administrators only: back to draft, editable again. */
export async function reopenDeclaration(db: Db, organisationId: string, year: number, version: number, who: ApdWho): Promise<ApdDeclaration> {
  if (!isPlatformAdmin(who.actor)) throw new ForbiddenError('only platform administrators may reopen a submitted declaration');
  await organisation(db, organisationId);
  await setStatus(db, organisationId, year, version, 'draft', who);
  return getDeclaration(db, organisationId, year);
}

async function setStatus(db: Db, organisationId: string, year: number, version: number, status: ApdStatus, who: ApdWho) {
  const id = declarationId(organisationId, year);
  await db.transaction(async (tx) => {
    const [cur] = await tx.query<{ status: string; version: number }>('select status, version from apd_declaration where id = $1 for update', [id]);
    if (!cur) throw new HttpError(409, 'this declaration has never been saved: save it before submitting it', undefined, { currentVersion: 0 });
    if (cur.version !== version) throw new ConflictError(KIND, id, cur.version, version);
    if (cur.status === status) throw new HttpError(409, status === 'submitted' ? 'this declaration is already submitted' : 'this declaration is not submitted', undefined, { currentVersion: cur.version, status });
    const [row] = await tx.query<{ version: number }>(
      `update apd_declaration set status = $2, submitted_at = case when $2 = 'submitted' then now() else null end, version = version + 1, updated_at = now()
        where id = $1 returning version`, [id, status]);
    await audit(tx, { actor: who.actor, action: status === 'submitted' ? 'apd_submitted' : 'apd_reopened', targetKind: 'apd_declaration', targetId: id, ip: who.ip,
      details: { organisationId, year, version: row.version } });
  });
}

const CSV_HEADERS = ['organisation_id', 'organisation', 'year', 'category', 'category_label', 'country', 'country_name', 'amount', 'currency', 'project_id'];
const CSV_HEADERS_FR = ['Identifiant de la collectivité', 'Collectivité', 'Année', 'Code de la catégorie', 'Catégorie', 'Code pays', 'Pays', 'Montant', 'Devise', 'Identifiant du projet'];

/** One row per line; category labels in French (the language of the ministry's form); French headers with labels: 'fr'. */
export async function declarationCsv(db: Db, organisationId: string, year: number, opts: { labels?: 'fr' } = {}): Promise<string> {
  const d = await getDeclaration(db, organisationId, year);
  const rows = d.lines.map((l) => [d.organisationId, d.organisationName, d.year, l.category, l.categoryLabel, l.country, l.countryName, l.amount, l.currency, l.projectId]);
  return csvDocument(opts.labels === 'fr' ? CSV_HEADERS_FR : CSV_HEADERS, rows);
}
