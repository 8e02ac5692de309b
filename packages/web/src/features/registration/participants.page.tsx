/**
 * /events/:id/participants: the public list of an event's participants — accepted registrations whose registrant
 * consented to appear, name and organisation only (the server's `publicParticipants` selects them).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { assertRequestSeesEvent } from '../../../../server/src/features/groups/meetings.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { eventWhen } from '../events/EventSheet.js';
import { publicParticipants } from './server.js';

type Participant = { name: string; organisation: { id: string; name: string } | null };

export function ParticipantsPage(props: { i: I18n; e: any; people: Participant[] }) {
  const { i, e, people } = props;
  const lang = textLang(i);
  return (
    <Layout i={i} meta={{ title: i.t('reg.participants.title', { event: e.title }), path: `/events/${e.id}/participants` }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('reg.participants')}</p>
        <h1><span lang={lang}>{e.title}</span></h1>
        <p class="lead">{eventWhen(i, e)} · <a href={i.path(`/events/${e.id}`)}>{i.t('reg.sheet')}</a></p>
      </header>
      <p>{i.plural('reg.participants.count', people.length)} <span class="muted">{i.t('reg.participants.lead')}</span></p>
      {people.length > 0 && <ul class="link-list participants">{people.map((p) => <li>
        {p.name}{p.organisation && <span class="muted"> — <a href={i.path(`/organisations/${encodeURIComponent(p.organisation.id)}`)} lang={lang}>{p.organisation.name}</a></span>}
      </li>)}</ul>}
    </Layout>
  );
}

export async function participantsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  await assertRequestSeesEvent(c, db, id);
  const e = await getEvent(db, id);
  return c.html(<ParticipantsPage i={i} e={e} people={(await publicParticipants(db, id)) as Participant[]} />);
}
