/**
 * GET /who-else?territory=&theme= — the filter form (plain GET) and every organisation found;
 * GET|POST /who-else/contact/:orgId — the contact form (signed-in members; POST + CSRF) and its confirmation;
 * GET /themes/:id — a theme: its label, parent and sub-themes, the partnerships and projects on it, the who-else block.
 */
import type { Context } from 'hono';
import { flattenThemes } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError, NotFoundError } from '../../../../server/src/lib/errors.js';
import { clientIp } from '../../../../server/src/features/audit/audit.js';
import { whoElse, type WhoResult } from '../../../../server/src/features/who/who.service.js';
import { contactInput, contactOrganisation } from '../../../../server/src/features/who/who.contact.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Notice } from '../auth/form.js';
import { WhoList, whoElseBlock } from './WhoBlock.js';

const themes = flattenThemes();
const themeLabel = (i: I18n, t: { labels: Record<string, string> }) => t.labels[i.lang] ?? t.labels.fr;

/** Territories some partnership or project is at, and what they became or came from in a reform. */
async function territoryOptions(db: Db): Promise<Array<{ id: string; name: string; country: string | null }>> {
  return db.query(
    `with placed as (select territory_id as id from project_place
                     union select o.territory_id from partnership_party pp join organisation o on o.id = pp.organisation_id where o.territory_id is not null),
          near as (select id from placed union select to_id from territory_change where from_id in (select id from placed)
                   union select from_id from territory_change where to_id in (select id from placed))
     select t.id, t.name, t.country from territory t where t.id in (select id from near) order by t.country nulls first, t.name limit 2000`);
}

export async function whoElsePage(c: Context, i: I18n, db: Db): Promise<Response> {
  const territory = c.req.query('territory')?.trim() || undefined, theme = c.req.query('theme')?.trim() || undefined;
  const actor = getActor(c);
  let data: WhoResult | null = null, problem: string | null = null;
  if (territory || theme) {
    try { data = await whoElse(db, { territory, theme, limit: 100, lang: i.lang }, actor); }
    catch (err) { if (!(err instanceof HttpError) || err.status !== 400) throw err; problem = i.t('who.f.unknown'); }
  }
  const options = await territoryOptions(db);
  if (territory && !options.some((o) => o.id === territory) && data?.territory) options.unshift({ id: territory, name: data.territory.name, country: null });
  const qs = new URLSearchParams({ ...(territory ? { territory } : {}), ...(theme ? { theme } : {}) }).toString();
  const path = `/who-else${qs ? `?${qs}` : ''}`;
  return c.html(
    <Layout i={i} meta={{ title: i.t('who.title'), path: '/who-else', noindex: !!qs }}>
      <h1>{i.t('who.title')}</h1>
      <form method="get" action={i.path('/who-else')} class="stack-form who-filter" role="search">
        <div class="field"><label for="who-territory">{i.t('who.f.territory')}</label>
          <select id="who-territory" name="territory"><option value="">{i.t('who.f.any')}</option>
            {options.map((o) => <option value={o.id} selected={o.id === territory}>{o.name}{o.country ? ` (${o.country})` : ''}</option>)}
          </select></div>
        <div class="field"><label for="who-theme">{i.t('who.f.theme')}</label>
          <select id="who-theme" name="theme"><option value="">{i.t('who.f.any')}</option>
            {themes.map((t) => <option value={t.id} selected={t.id === theme}>{'\u00a0\u00a0'.repeat(t.level - 1)}{themeLabel(i, t)}</option>)}
          </select></div>
        <p><button type="submit">{i.t('who.f.submit')}</button></p>
      </form>
      {problem && <Notice kind="error"><p>{problem}</p></Notice>}
      {!data && !problem && <p class="muted">{i.t('who.f.error')}</p>}
      {data && <section aria-labelledby="who-found">
        <h2 id="who-found">{i.plural('who.count', data.total)}</h2>
        <p class="muted">{i.t('who.lead')}</p>
        <WhoList i={i} data={data} signedIn={!!actor} returnTo={path} about={data.territory?.name ?? data.theme?.label} />
      </section>}
    </Layout>, problem ? 400 : 200);
}

export async function contactPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const orgId = c.req.param('orgId') as string;
  const [org] = await db.query<{ id: string; name: string }>('select id, name from organisation where id = $1', [orgId]);
  if (!org) throw new NotFoundError('organisation', orgId);
  const path = `/who-else/contact/${encodeURIComponent(org.id)}`;
  const actor = getActor(c);
  if (!actor) return c.redirect(i.path(`/login?returnTo=${encodeURIComponent(i.path(path))}`), 303);
  let about = (c.req.query('about') ?? '').slice(0, 200), message = '', problem: string | null = null, status = 200;
  if (c.req.method === 'POST') {
    const form = await c.req.parseBody();
    about = String(form.about ?? '').slice(0, 200); message = String(form.message ?? '');
    const parsed = contactInput.safeParse({ organisationId: org.id, message, about: about.trim() || undefined });
    if (!parsed.success) { problem = i.t('who.c.error.message'); status = 400; }
    else {
      try {
        await contactOrganisation(db, actor, parsed.data, clientIp(c));
        return c.html(
          <Layout i={i} meta={{ title: i.t('who.c.title', { org: org.name }), path, noindex: true }}>
            <h1>{i.t('who.c.title', { org: org.name })}</h1>
            <Notice kind="success"><p>{i.t('who.c.sent', { org: org.name })}</p></Notice>
            <p><a href={i.path(`/organisations/${encodeURIComponent(org.id)}`)}>{org.name}</a></p>
          </Layout>);
      } catch (err) {
        if (!(err instanceof HttpError) || ![400, 403, 429].includes(err.status)) throw err;
        problem = i.t(err.status === 429 ? 'who.c.error.busy' : err.status === 403 ? 'who.c.error.member' : err.issues?.[0]?.path === 'organisationId' ? 'who.c.error.nobody' : 'who.c.error.message');
        status = err.status;
      }
    }
  }
  return c.html(
    <Layout i={i} meta={{ title: i.t('who.c.title', { org: org.name }), path, noindex: true }}>
      <div class="auth-page">
        <h1>{i.t('who.c.title', { org: org.name })}</h1>
        <p>{i.t('who.c.lead')}</p>
        {problem && <Notice kind="error"><p>{problem}</p></Notice>}
        <form method="post" action={i.path(path)} class="stack-form who-contact-form">
          <CsrfField />
          <div class="field"><label for="who-about">{i.t('who.c.about')}</label><input type="text" id="who-about" name="about" maxlength={200} value={about} /></div>
          <div class="field"><label for="who-message">{i.t('who.c.message')}</label>
            <textarea id="who-message" name="message" rows={8} maxlength={5000} required aria-invalid={problem && status === 400 ? 'true' : undefined}>{message}</textarea></div>
          <p><button type="submit">{i.t('who.c.send')}</button></p>
        </form>
      </div>
    </Layout>, status as 200);
}

export async function themePage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const t = themes.find((x) => x.id === id);
  if (!t) throw new NotFoundError('theme', id);
  const parent = t.parentId ? themes.find((x) => x.id === t.parentId) : null;
  const children = themes.filter((x) => x.parentId === t.id);
  const records = await db.query<{ kind: 'partnership' | 'project'; id: string; title: string }>(
    `select * from (select 'partnership' as kind, id, title from partnership p where exists (select 1 from unnest(p.themes) x where x = $1 or x like $1 || '.%')
      union all select 'project', id, title from project p where exists (select 1 from unnest(p.themes) x where x = $1 or x like $1 || '.%')) r
     order by kind, title limit 200`, [t.id]);
  const label = themeLabel(i, t);
  const link = (x: { id: string }) => i.path(`/themes/${encodeURIComponent(x.id)}`);
  return c.html(
    <Layout i={i} meta={{ title: label, path: `/themes/${encodeURIComponent(t.id)}` }}>
      <article class="sheet">
        <header class="sheet-header"><p class="kicker">{i.t('who.theme.kicker')}</p><h1>{label}</h1></header>
        <dl class="facts">
          {parent && <><dt>{i.t('who.theme.parent')}</dt><dd><a href={link(parent)}>{themeLabel(i, parent)}</a></dd></>}
          {children.length > 0 && <><dt>{i.t('who.theme.children')}</dt><dd><ul class="tags">{children.map((x) => <li><a href={link(x)}>{themeLabel(i, x)}</a></li>)}</ul></dd></>}
          {t.sdg.length > 0 && <><dt>{i.t('who.theme.sdg')}</dt><dd>{t.sdg.join(', ')}</dd></>}
          {t.dac.length > 0 && <><dt>{i.t('who.theme.dac')}</dt><dd>{t.dac.join(', ')}</dd></>}
        </dl>
        <section aria-labelledby="theme-records">
          <h2 id="theme-records">{i.t('who.theme.records')}</h2>
          {records.length ? <ul class="link-list">{records.map((r) => <li><span class="muted">{i.t(`who.kind.${r.kind}`)} · </span>
            <a href={i.path(`/${r.kind === 'partnership' ? 'partnerships' : 'projects'}/${encodeURIComponent(r.id)}`)} lang="fr">{r.title}</a></li>)}</ul>
            : <p class="muted">{i.t('who.theme.none')}</p>}
        </section>
        {await whoElseBlock(c, i, db, { theme: t.id })}
      </article>
    </Layout>);
}
