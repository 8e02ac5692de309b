/**
 * News: dated articles in Markdown by a network (its administrators write them) or by Tandem (platform
 * administrators), linked to the records they talk about. The countries a news item is about are kept from its
 * links at each write (the per-country feeds read them). Every change goes to the audit log; 409 on a stale version.
 */
import { slugify } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type Actor, type SYSTEM } from '../../lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { offsetOf, pageOf, type Page } from '../../lib/pagination.js';
import { audit } from '../audit/audit.js';
import type { NewsInput, NewsLinkKind, NewsListQuery } from './news.schema.js';

/** Who writes: a request's actor, or the system (the seed). */
type Writer = Actor | typeof SYSTEM | null;

export interface NewsLinkView { kind: NewsLinkKind; id: string; title: string }
export interface NewsView {
  id: string; title: string; summary: string | null; body: string; publishedOn: string; lang: string; sourceUrl: string | null;
  author: { id: string; name: string } | null; countries: string[]; links: NewsLinkView[]; version: number; updatedAt: string;
}

/** Each kind's table and the column that names it. */
const TITLE: Record<NewsLinkKind, { table: string; column: string }> = {
  partnership: { table: 'partnership', column: 'title' }, project: { table: 'project', column: 'title' },
  organisation: { table: 'organisation', column: 'name' }, territory: { table: 'territory', column: 'name' },
  mission: { table: 'mission', column: 'title' }, event: { table: 'event', column: 'title' }, funding_call: { table: 'funding_call', column: 'title' },
};

/** The countries of an organisation: its territory's, else its own. */
const ORG_COUNTRY = 'coalesce(t.country, o.country)';
const COUNTRIES_SQL: Partial<Record<NewsLinkKind, string>> = {
  partnership: `select ${ORG_COUNTRY} as c from partnership_party pp join organisation o on o.id = pp.organisation_id
    left join territory t on t.id = o.territory_id where pp.partnership_id = $1`,
  organisation: `select ${ORG_COUNTRY} as c from organisation o left join territory t on t.id = o.territory_id where o.id = $1`,
  territory: 'select country as c from territory where id = $1',
  project: `select t.country as c from project_place pl join territory t on t.id = pl.territory_id where pl.project_id = $1
    union select ${ORG_COUNTRY} as c from project_participant pp join organisation o on o.id = pp.organisation_id
    left join territory t on t.id = o.territory_id where pp.project_id = $1`,
};

const SELECT = `select n.id, n.title, n.summary, n.body_md, to_char(n.published_on, 'YYYY-MM-DD') as published_on, n.lang, n.source_url,
  n.author_organisation_id, o.name as author_name, n.countries, n.version, n.updated_at
  from news_item n left join organisation o on o.id = n.author_organisation_id`;

async function linksOf(db: Db, ids: string[]): Promise<Map<string, NewsLinkView[]>> {
  const out = new Map<string, NewsLinkView[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const parts = Object.entries(TITLE).map(([kind, t]) => `select l.news_id, l.record_kind, l.record_id, l.position, r.${t.column} as title
    from news_link l join ${t.table} r on r.id = l.record_id where l.record_kind = '${kind}' and l.news_id = any($1::text[])`);
  const rows = await db.query(`${parts.join(' union all ')} order by 1, 4`, [ids]);
  for (const r of rows) out.get(r.news_id)?.push({ kind: r.record_kind, id: r.record_id, title: r.title });
  return out;
}

function viewOf(r: any, links: NewsLinkView[]): NewsView {
  return {
    id: r.id, title: r.title, summary: r.summary, body: r.body_md, publishedOn: r.published_on, lang: r.lang, sourceUrl: r.source_url,
    author: r.author_organisation_id ? { id: r.author_organisation_id, name: r.author_name } : null, countries: r.countries ?? [],
    links, version: r.version, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** News newest first, by a network, about a country or about one record. */
export async function listNews(db: Db, q: Partial<NewsListQuery>): Promise<Page<NewsView>> {
  const page = q.page ?? 1; const perPage = q.perPage ?? 20;
  const [kind, ...rest] = q.record ? q.record.split(':') : [null];
  const where = `where ($1::text is null or n.author_organisation_id = $1) and ($2::text is null or $2 = any(n.countries))
    and ($3::text is null or exists (select 1 from news_link l where l.news_id = n.id and l.record_kind = $3 and l.record_id = $4))`;
  const params = [q.network ?? null, q.country ?? null, kind ?? null, kind ? rest.join(':') : null];
  const [{ n }] = await db.query(`select count(*)::int as n from news_item n ${where}`, params);
  const rows = await db.query(`${SELECT} ${where} order by n.published_on desc, n.created_at desc, n.id limit ${perPage} offset ${offsetOf(page, perPage)}`, params);
  const links = await linksOf(db, rows.map((r) => r.id));
  return pageOf(rows.map((r) => viewOf(r, links.get(r.id) ?? [])), n, page, perPage);
}

export async function getNews(db: Db, id: string): Promise<NewsView> {
  const [row] = await db.query(`${SELECT} where n.id = $1`, [id]);
  if (!row) throw new NotFoundError('news', id);
  return viewOf(row, (await linksOf(db, [id])).get(id) ?? []);
}

/** Tandem's news: platform administrators; a network's: its administrators (and platform administrators). */
async function assertMayPublish(db: Db, actor: Writer, authorId: string | null | undefined): Promise<void> {
  if (authorId) {
    const [org] = await db.query('select kind from organisation where id = $1', [authorId]);
    if (!org) throw new ValidationError([{ path: 'authorOrganisationId', message: `no organisation with id "${authorId}"` }]);
    if (org.kind !== 'network') throw new ValidationError([{ path: 'authorOrganisationId', message: 'news are published by a network (or by Tandem: null)' }]);
  }
  if (!actor) throw new HttpError(401, 'sign in to publish news');
  if (isPlatformAdmin(actor) || 'system' in actor) return;
  if (!authorId) throw new HttpError(403, 'only platform administrators publish news in Tandem\'s name');
  if (!actor.grants.some((g) => g.role === 'network_admin' && g.organisationId === authorId)) {
    throw new HttpError(403, 'only the network\'s administrators publish its news');
  }
}

/** Checks every link (400 naming `links.N.id`) and returns the countries they are about. */
async function checkLinks(db: Db, links: NewsInput['links']): Promise<string[]> {
  const countries = new Set<string>();
  const seen = new Set<string>();
  for (const [n, l] of links.entries()) {
    const key = `${l.kind}:${l.id}`;
    if (seen.has(key)) throw new ValidationError([{ path: `links.${n}.id`, message: 'this record is already linked' }]);
    seen.add(key);
    const t = TITLE[l.kind];
    const [found] = await db.query(`select 1 as ok from ${t.table} where id = $1`, [l.id]);
    if (!found) throw new ValidationError([{ path: `links.${n}.id`, message: `no ${l.kind} with id "${l.id}"` }]);
    const sql = COUNTRIES_SQL[l.kind];
    if (sql) for (const r of await db.query(sql, [l.id])) if (r.c) countries.add(r.c);
  }
  return [...countries].sort();
}

async function freeNewsId(db: Db, wanted: string | undefined, title: string, day: string): Promise<string> {
  if (wanted) {
    const [taken] = await db.query('select 1 as ok from news_item where id = $1', [wanted]);
    if (taken) throw new ValidationError([{ path: 'id', message: `a news item with id "${wanted}" already exists` }]);
    return wanted;
  }
  const base = `${day}-${slugify(title, 60) || 'news'}`;
  const rows = await db.query<{ id: string }>('select id from news_item where id = $1 or id like $2', [base, `${base}-%`]);
  const taken = new Set(rows.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function writeLinks(tx: Db, id: string, links: NewsInput['links']): Promise<void> {
  await tx.query('delete from news_link where news_id = $1', [id]);
  for (const [position, l] of links.entries()) {
    await tx.query('insert into news_link (news_id, record_kind, record_id, position) values ($1, $2, $3, $4)', [id, l.kind, l.id, position]);
  }
}

const FIELDS = (i: NewsInput, countries: string[]) => [i.title, i.summary ?? null, i.body, i.publishedOn, i.authorOrganisationId ?? null, i.lang, i.sourceUrl ?? null, countries];

export async function createNews(db: Db, actor: Writer, input: NewsInput, opts: { sourceDocumentId?: string } = {}): Promise<NewsView> {
  await assertMayPublish(db, actor, input.authorOrganisationId);
  const countries = await checkLinks(db, input.links);
  const id = await db.transaction(async (tx) => {
    const id = await freeNewsId(tx, input.id, input.title, input.publishedOn);
    await tx.query(`insert into news_item (id, title, summary, body_md, published_on, author_organisation_id, lang, source_url, countries, source_document_id)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [id, ...FIELDS(input, countries), opts.sourceDocumentId ?? null]);
    await writeLinks(tx, id, input.links);
    await audit(tx, { actor, action: 'news_created', targetKind: 'news', targetId: id, details: { author: input.authorOrganisationId ?? null } });
    return id;
  });
  return getNews(db, id);
}

export async function updateNews(db: Db, actor: Writer, id: string, input: NewsInput): Promise<NewsView> {
  if (input.version === undefined) throw new ValidationError([{ path: 'version', message: 'send the version you read to change a news item' }]);
  const before = await getNews(db, id);
  await assertMayPublish(db, actor, before.author?.id ?? null);
  if ((input.authorOrganisationId ?? null) !== (before.author?.id ?? null)) await assertMayPublish(db, actor, input.authorOrganisationId);
  const countries = await checkLinks(db, input.links);
  await db.transaction(async (tx) => {
    const [cur] = await tx.query('select version from news_item where id = $1 for update', [id]);
    if (!cur) throw new NotFoundError('news', id);
    if (cur.version !== input.version) throw new ConflictError('news', id, cur.version, input.version!);
    await tx.query(`update news_item set title = $2, summary = $3, body_md = $4, published_on = $5, author_organisation_id = $6, lang = $7, source_url = $8,
      countries = $9, version = version + 1, updated_at = now() where id = $1`, [id, ...FIELDS(input, countries)]);
    await writeLinks(tx, id, input.links);
    await audit(tx, { actor, action: 'news_updated', targetKind: 'news', targetId: id, details: { version: input.version! + 1 } });
  });
  return getNews(db, id);
}

export async function deleteNews(db: Db, actor: Writer, id: string): Promise<void> {
  const before = await getNews(db, id);
  await assertMayPublish(db, actor, before.author?.id ?? null);
  await db.transaction(async (tx) => {
    await tx.query('delete from news_item where id = $1', [id]);
    await audit(tx, { actor, action: 'news_deleted', targetKind: 'news', targetId: id });
  });
}

/** What the news can be filtered by: the networks that published, the countries they are about (names in lang). */
export async function newsFilters(db: Db, lang: string): Promise<{ networks: Array<{ id: string; name: string; n: number }>; countries: Array<{ id: string; name: string; n: number }> }> {
  const networks = await db.query(`select o.id, o.name, count(*)::int as n from news_item n join organisation o on o.id = n.author_organisation_id
    group by o.id, o.name order by o.name`);
  const countries = await db.query(`select c.code as id, coalesce(t.names->>$1, t.name, c.code) as name, count(*)::int as n
    from news_item n cross join lateral unnest(n.countries) as c(code) left join territory t on t.id = c.code
    group by c.code, t.names, t.name order by 2`, [lang]);
  return { networks: networks as any, countries: countries as any };
}

/** The name of a network (an organisation of kind 'network') or of a country, for a filtered list or feed; null when unknown. */
export async function filterName(db: Db, f: { network?: string; country?: string }, lang: string): Promise<string | null> {
  if (f.network) return (await db.query(`select name from organisation where id = $1 and kind = 'network'`, [f.network]))[0]?.name ?? null;
  if (f.country) return (await db.query('select coalesce(names->>$2, name) as name from territory where id = $1', [f.country, lang]))[0]?.name ?? null;
  return null;
}
