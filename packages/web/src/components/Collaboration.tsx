/** On shared records' sheets: each party's validation, and the history of changes with a readable diff. */
import type { Child } from 'hono/jsx';
import { textLang, type I18n } from '../i18n/index.js';
import { Section } from './Sheet.js';
import { changeLabelOrOther, changeValue } from './change-label.js';

/** features/validation's PartyValidation: `by` only when the reader may see the person (members of that party, the person, platform administrators). */
export interface PartyValidation { organisationId: string; name: string; state: string; comment: string | null; at: string | null; by?: { accountId: string; name: string } | null }

/** "validated by Lan Nguyễn on 3 December 2026", or without the name when the reader may not see it. */
export function validationWho(i: I18n, v: PartyValidation): string | null {
  if (v.state === 'awaiting' || !v.at) return null;
  const when = i.when(v.at);
  return v.by ? i.t('validation.byOn', { who: v.by.name, when }) : i.t('validation.on', { when });
}
/** A revision as the reader may see it (features/history/revisions.ts): the organisation always, the person only for its members. */
export interface RevisionView {
  id: number; action: string; at: string; changes: Array<{ path: string; before: unknown; after: unknown }>;
  /** the document a created record was taken from (knowledge capture) */
  source?: string;
  actor: { kind: 'system' | 'organisation' | 'platform'; organisation: { id: string; name: string } | null; accountId?: string; label?: string };
}

/** Who made a revision, in words: "Lan (Seine-Saint-Denis)", the organisation alone, or the import. */
export function revisionAuthor(i: I18n, a: RevisionView['actor']): string {
  if (a.kind === 'system') return i.t('history.system');
  const org = a.organisation?.name ?? i.t('history.platform');
  return a.label ? i.t('history.person', { who: a.label, org }) : org;
}

export function Validations(props: { i: I18n; items: PartyValidation[]; actions?: (v: PartyValidation) => Child }) {
  const { i } = props;
  if (!props.items.length) return null;
  return (
    <Section id="validation" class="no-print" title={i.t('validation.title')}>
      <p class="muted">{i.t('validation.help')}</p>
      <ul class="validations">
        {props.items.map((v) => (
          <li class={`validation validation-${v.state}`}>
            <p class="validation-state">
              <a href={i.path(`/organisations/${v.organisationId}`)} lang={textLang(i)}>{v.name}</a> : <strong>{i.t(`validation.${v.state}` as any)}</strong>
              {validationWho(i, v) && <span class="validation-who"> — {validationWho(i, v)}</span>}
            </p>
            {v.state === 'changes_requested' && v.comment && <blockquote class="validation-comment"><p class="muted">{i.t('validation.requested')}</p><p>{v.comment}</p></blockquote>}
            {props.actions?.(v)}
          </li>
        ))}
      </ul>
    </Section>
  );
}


/** The history block; kind: the record's kind ('project'…), whose field labels name the changes. */
export function History(props: { i: I18n; kind: string; items: RevisionView[]; restore?: (r: RevisionView) => Child }) {
  const { i } = props;
  if (!props.items.length) return null;
  const when = (at: string) => i.when(at, true);
  return (
    <Section id="history-changes" class="no-print" title={i.t('history.title')}>
      <ol class="revisions">
        {props.items.map((r, k) => (
          <li class="revision">
            <details open={k === 0 && r.action !== 'create' ? true : undefined}>
              <summary>
                <strong>{i.t(`history.action.${r.action}` as any)}</strong> — {i.t('history.by', { who: revisionAuthor(i, r.actor), when: when(r.at) })}
                {r.source && <> — <span class="revision-source">{i.t('ex.history.from', { title: r.source })}</span></>}
              </summary>
              {r.action === 'create' ? null : r.changes.length === 0 ? <p class="muted">{i.t('history.nochange')}</p> : (
                <table class="data diff">
                  <thead><tr><th scope="col">{i.t('history.field')}</th><th scope="col">{i.t('history.before')}</th><th scope="col">{i.t('history.after')}</th></tr></thead>
                  <tbody>{r.changes.slice(0, 60).map((c) => <tr><th scope="row">{changeLabelOrOther(i, props.kind, c.path)}</th><td><del>{changeValue(i, props.kind, c.path, c.before)}</del></td><td><ins>{changeValue(i, props.kind, c.path, c.after)}</ins></td></tr>)}</tbody>
                </table>
              )}
              {k > 0 && r.action !== 'delete' && props.restore?.(r)}
            </details>
          </li>
        ))}
      </ol>
    </Section>
  );
}
