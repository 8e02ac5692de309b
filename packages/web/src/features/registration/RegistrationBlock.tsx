/**
 * On an event's sheet, after its facts: « S'inscrire » with the places left when the form is open (or when it opens,
 * or that it is closed), « Participants » when some agreed to be listed, and for the event's organisers the links to
 * manage the registrations and the form (to create it when there is none yet).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { isOrganiser } from '../../../../server/src/features/events/organisers.js';
import type { I18n } from '../../i18n/index.js';
import { closedText, placesText } from './RegisterPage.js';
import { getForm, publicParticipants } from './server.js';
import type { FormView } from './types.js';

export interface RegistrationFacts { form: FormView | null; participants: number; organiser: boolean }

export async function registrationFacts(c: Context, db: Db, eventId: string): Promise<RegistrationFacts> {
  const form = (await getForm(db, eventId)) as FormView | null;
  const participants = form ? (await publicParticipants(db, eventId)).length : 0;
  return { form, participants, organiser: await isOrganiser(db, getActor(c), eventId) };
}

export function RegistrationBlock(props: { i: I18n; eventId: string; facts: RegistrationFacts }) {
  const { i, eventId, facts } = props;
  const { form, organiser } = facts;
  if (!form && !organiser) return null;
  const base = `/events/${encodeURIComponent(eventId)}`;
  const places = form ? placesText(i, form.placesLeft) : null;
  const closed = form ? closedText(i, form) : null;
  return (
    <section class="sheet-section reg-block" aria-labelledby="registration-h">
      <h2 id="registration-h">{i.t('reg.block')}</h2>
      {form && (closed ? <p>{closed}</p>
        : <p><a class="button" href={i.path(`${base}/register`)}>{i.t('reg.block.register')}</a>{places && <span class="muted"> {places}</span>}</p>)}
      {facts.participants > 0 && <p><a href={i.path(`${base}/participants`)}>{i.t('reg.participants')}</a> <span class="muted">({i.num(facts.participants)})</span></p>}
      {organiser && <ul class="link-list">
        {form && <li><a href={i.path(`/espace${base}/inscriptions`)}>{i.t('reg.block.manage')}</a></li>}
        <li><a href={i.path(`/espace${base}/formulaire`)}>{i.t(form ? 'reg.block.form' : 'reg.block.createForm')}</a></li>
      </ul>}
    </section>
  );
}
