/**
 * On the organisers' page: each workshop's waiting list (people who hold the event place and wait for one in the
 * workshop), in the order places will be offered, with move up/down buttons (POST action `wup:<workshop>:<id>` /
 * `wdown:…`). Registrations still waiting for the event itself wait for its workshops unranked and are not listed.
 */
import { textLang, type I18n } from '../../i18n/index.js';
import { CsrfField } from '../../components/CsrfField.js';
import type { RegistrationView } from './types.js';

export interface WorkshopQueue { id: string; title: string; rows: Array<{ id: string; name: string; position: number }> }

/** The ranked waiting lists of the workshops, from the registrations' views. */
export function workshopQueues(items: RegistrationView[]): WorkshopQueue[] {
  const queues = new Map<string, WorkshopQueue>();
  for (const r of items) {
    for (const s of r.sessions) {
      if (s.status !== 'waiting' || s.queuePosition == null) continue;
      const q = queues.get(s.id) ?? { id: s.id, title: s.title, rows: [] };
      q.rows.push({ id: r.id, name: r.name, position: s.queuePosition });
      queues.set(s.id, q);
    }
  }
  return [...queues.values()].map((q) => ({ ...q, rows: q.rows.sort((a, b) => a.position - b.position) }));
}

export function WorkshopQueues(props: { i: I18n; action: string; csrf: string | null; items: RegistrationView[] }) {
  const { i } = props;
  const queues = workshopQueues(props.items);
  if (!queues.length) return null;
  const lang = textLang(i);
  return (
    <section aria-labelledby="wqueues-h">
      <h2 id="wqueues-h">{i.t('reg.org.wqueues')}</h2>
      <p class="muted">{i.t('reg.org.wqueues.lead')}</p>
      {queues.map((q) => (
        <form method="post" action={props.action} class="reg-status-block">
          <CsrfField token={props.csrf} />
          <h3 id={`wq-${q.id}`} lang={lang}>{q.title} <span class="muted">({i.num(q.rows.length)})</span></h3>
          <ol aria-labelledby={`wq-${q.id}`} class="editor-sessions">{q.rows.map((r, n) => <li class="editor-actions">
            <span>{r.name}</span>
            <button type="submit" name="action" value={`wup:${q.id}:${r.id}`} class="secondary" disabled={n === 0} aria-label={i.t('reg.org.up', { name: r.name })}>↑</button>
            <button type="submit" name="action" value={`wdown:${q.id}:${r.id}`} class="secondary" disabled={n === q.rows.length - 1} aria-label={i.t('reg.org.down', { name: r.name })}>↓</button>
          </li>)}</ol>
        </form>
      ))}
    </section>
  );
}
