/**
 * The « who else works here, on this » block (territory sheets, theme pages, /who-else): each organisation with
 * why it is listed (reasons in words), its partnerships and projects concerned, and « Contacter » for signed-in
 * members (anonymous visitors are asked to sign in).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { whoElse, type Reason, type WhoActor, type WhoResult } from '../../../../server/src/features/who/who.service.js';
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function reasonText(i: I18n, r: Reason): string {
  const kind = i.t(`who.kind.${r.params.kind}` as MessageKey);
  return cap(i.t(`who.r.${r.code}` as MessageKey, { ...r.params, kind }));
}

export function whoQueryString(q: { territory?: string; theme?: string }): string {
  const p = new URLSearchParams();
  if (q.territory) p.set('territory', q.territory);
  if (q.theme) p.set('theme', q.theme);
  return p.toString();
}

function Records(props: { i: I18n; label: string; base: string; items: WhoActor['projects'] }) {
  if (!props.items.length) return null;
  const shown = props.items.slice(0, 4);
  return (
    <p class="who-records"><span class="muted">{props.label} : </span>
      {shown.map((r, n) => <>{n > 0 && ' · '}<a href={props.i.path(`${props.base}/${encodeURIComponent(r.id)}`)} lang="fr">{r.title}</a></>)}
      {props.items.length > shown.length && <span class="muted"> (+{props.items.length - shown.length})</span>}
    </p>
  );
}

export function WhoList(props: { i: I18n; data: WhoResult; signedIn: boolean; returnTo: string; about?: string }) {
  const { i, data } = props;
  if (!data.items.length) return <p class="muted">{i.t('who.none')}</p>;
  return (
    <ul class="who-list">
      {data.items.map((a) => {
        const contact = `/who-else/contact/${encodeURIComponent(a.organisation.id)}${props.about ? `?about=${encodeURIComponent(props.about)}` : ''}`;
        return (
          <li class="card who-actor">
            <h3 class="who-name"><a href={i.path(`/organisations/${encodeURIComponent(a.organisation.id)}`)} lang="fr">{a.organisation.name}</a></h3>
            <p class="muted who-kind">{i.l('orgKind', a.organisation.kind)}{a.organisation.country ? ` · ${a.organisation.country}` : ''}</p>
            <ul class="who-reasons">{a.reasons.map((r) => <li>{reasonText(i, r)}</li>)}</ul>
            <Records i={i} label={i.t('who.partnerships')} base="/partnerships" items={a.partnerships} />
            <Records i={i} label={i.t('who.projects')} base="/projects" items={a.projects} />
            {props.signedIn
              ? a.contactable && <p class="who-contact"><a class="button-link" href={i.path(contact)}>{i.t('who.contact')}<span class="visually-hidden"> — {a.organisation.name}</span></a></p>
              : <p class="who-contact"><a href={i.path(`/login?returnTo=${encodeURIComponent(i.path(props.returnTo))}`)}>{i.t('who.contact.signin')}</a></p>}
          </li>
        );
      })}
    </ul>
  );
}

/** The block of a territory sheet or a theme page (the 6 closest, then a link to /who-else). */
export async function whoElseBlock(c: Context, i: I18n, db: Db, q: { territory?: string; theme?: string }) {
  const actor = getActor(c);
  const data = await whoElse(db, { ...q, limit: 6, lang: i.lang }, actor);
  const qs = whoQueryString(q);
  const about = data.territory?.name ?? data.theme?.label;
  return (
    <section class="who-block" aria-labelledby="who-title">
      <h2 id="who-title">{i.t(q.territory ? 'who.block.territory' : 'who.block.theme')}</h2>
      <p class="muted">{i.t('who.lead')}</p>
      <WhoList i={i} data={data} signedIn={!!actor} returnTo={c.req.path.replace(/^\/(en|vi)(?=\/)/, '')} about={about} />
      {data.total > 0 && <p><a href={i.path(`/who-else?${qs}`)}>{i.t('who.more')}</a> <span class="muted">({i.plural('who.count', data.total)})</span></p>}
    </section>
  );
}
