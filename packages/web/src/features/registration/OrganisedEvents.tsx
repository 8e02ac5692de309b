/**
 * In /espace: a line per event the member organises (hosted by one of their organisations; for platform
 * administrators, every event with a registration form too), with its registrations by status and the links to
 * manage them and the form.
 */
import type { Db } from '../../../../server/src/db/client.js';
import { isPlatformAdmin, memberOf, type Actor } from '../../../../server/src/lib/actor.js';
import { textLang, type I18n } from '../../i18n/index.js';

export interface OrganisedEvent { id: string; title: string; start: string | null; form: boolean; accepted: number; pending: number; waiting: number }

export async function organisedEvents(db: Db, actor: Actor): Promise<OrganisedEvent[]> {
  const mine = [...memberOf(actor)];
  const admin = isPlatformAdmin(actor);
  if (!mine.length && !admin) return [];
  return db.query<OrganisedEvent>(`select e.id, e.title, to_char(e.start_on, 'YYYY-MM-DD') as start, (f.event_id is not null) as form,
      (select count(*)::int from registration r where r.event_id = e.id and r.status in ('accepted', 'offered')) as accepted,
      (select count(*)::int from registration r where r.event_id = e.id and r.status = 'pending') as pending,
      (select count(*)::int from registration r where r.event_id = e.id and r.status = 'waiting') as waiting
    from event e left join registration_form f on f.event_id = e.id
    where exists (select 1 from event_host h where h.event_id = e.id and h.organisation_id = any($1::text[])) or ($2 and f.event_id is not null)
    order by e.start_on desc nulls last, e.title limit 30`, [mine, admin]);
}

export function OrganisedEvents(props: { i: I18n; events: OrganisedEvent[] }) {
  const { i, events } = props;
  const lang = textLang(i);
  return (
    <section aria-labelledby="reg-events-h">
      <h2 id="reg-events-h">{i.t('reg.workspace')}</h2>
      {events.length ? <>
        <p class="muted">{i.t('reg.workspace.lead')}</p>
        <ul class="link-list">{events.map((e) => {
          const base = `/espace/events/${encodeURIComponent(e.id)}`;
          return <li>
            <a href={i.path(`/events/${encodeURIComponent(e.id)}`)} lang={lang}>{e.title}</a>{e.start && <span class="muted"> ({i.date(e.start)})</span>}{' — '}
            {e.form ? <><a href={i.path(`${base}/inscriptions`)}>{i.t('reg.block.manage')}</a>
              <span class="muted"> ({[i.plural('reg.workspace.accepted', e.accepted), e.pending ? i.plural('reg.workspace.pending', e.pending) : '', e.waiting ? i.plural('reg.workspace.waiting', e.waiting) : ''].filter(Boolean).join(', ')})</span>
              {' · '}<a href={i.path(`${base}/formulaire`)}>{i.t('reg.block.form')}</a></>
              : <a href={i.path(`${base}/formulaire`)}>{i.t('reg.block.createForm')}</a>}
          </li>;
        })}</ul>
      </> : <p class="muted">{i.t('reg.workspace.none')}</p>}
    </section>
  );
}
