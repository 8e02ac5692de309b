/**
 * The conflict screen after a 409: the saved version (theirs) and the posted one (mine) side by side, the
 * units that differ highlighted and marked with who changed them, a choice per difference, and a form
 * that posts the merged record with the current version (a new conflict shows this screen again).
 */
import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { themeLabel } from '../sheets/PartnershipSheet.js';
import type { Unit } from './conflict.js';
import { clientMessages, pathLabel } from './EditPage.js';
import { label } from './fields.js';
import { fieldId } from './form-data.js';
import type { PluralKind } from './kinds.js';

export interface ConflictView {
  i: I18n;
  kind: PluralKind;
  id: string;
  title: string;
  units: Unit[];
  theirs: Record<string, unknown>;
  mine: Record<string, unknown>;
  theirsVersion: number;
  mineVersion: number;
  names: Record<string, string>;
  csrf: string | null;
  again: boolean;
}

const ENUM_GROUPS: Record<string, string> = { status: 'status', side: 'side', role: 'role', direction: 'direction' };
const KIND_GROUPS: Record<string, string> = {
  partnerships: 'partnershipKind', organisations: 'orgKind', territories: 'territoryKind', agreements: 'agreementKind', funding: 'fundingKind', results: 'resultKind', links: 'linkKind',
};
const REFS = new Set(['organisationId', 'funderId', 'placeId', 'parentId', 'territoryId', 'partnershipId', 'places', 'organisations', 'renewsAgreementId']);

function show(v: ConflictView, key: string, value: unknown, within: string): string {
  const { i } = v;
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((x) => show(v, key, x, within)).join(' · ') : '—';
  if (typeof value === 'object') return Object.entries(value).map(([k, x]) => `${k}: ${show(v, k, x, key)}`).join(' ; ');
  const s = String(value);
  if (key === 'kind') return i.l(KIND_GROUPS[within] ?? '', s);
  if (ENUM_GROUPS[key]) return i.l(ENUM_GROUPS[key], s);
  if (key === 'themes') return themeLabel(i, s);
  if (REFS.has(key)) return v.names[s] ? `${v.names[s]} (${s})` : s;
  return s;
}

function Value(props: { v: ConflictView; unit: Unit; value: unknown }) {
  const { v, unit, value } = props;
  if (value === undefined) return <em class="muted">{v.i.t('edit.conflict.absent')}</em>;
  const changed = (k: string) => unit.changed.some((c) => c === k || c.startsWith(`${k}.`));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'id');
    return (
      <dl class="conflict-fields">
        {entries.map(([k, x]) => (
          <div class={changed(k) ? 'changed' : undefined}>
            <dt>{label(v.i, k)}{changed(k) && <span class="visually-hidden"> ({v.i.t('edit.conflict.changed')})</span>}</dt>
            <dd>{show(v, k, x, unit.field)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{show(v, unit.field, value, unit.row === null ? v.kind : unit.field)}</span>;
}

function Choice(props: { v: ConflictView; unit: Unit }) {
  const { v, unit } = props;
  const { i } = v;
  const base = `pick-${fieldId(unit.key).slice(2)}`;
  const radio = (side: 'theirs' | 'mine', text: string) => (
    <span class="pick-option">
      <input type="radio" name={`_pick:${unit.key}`} value={side} id={`${base}-${side}`} checked={unit.pick === side} />
      <label for={`${base}-${side}`}>{text}</label>
    </span>
  );
  return (
    <fieldset class="pick">
      <legend class="visually-hidden">{i.t('edit.conflict.choice')} — {pathLabel(i, unit.key)}</legend>
      {radio('theirs', i.t('edit.conflict.keepTheirs'))}
      {radio('mine', i.t('edit.conflict.keepMine'))}
    </fieldset>
  );
}

const BY = { mine: 'edit.conflict.byMine', theirs: 'edit.conflict.byTheirs', both: 'edit.conflict.byBoth', unknown: 'edit.conflict.byUnknown' } as const;

export function ConflictPage(props: { v: ConflictView }): Child {
  const { v } = props;
  const { i } = v;
  const differing = v.units.filter((u) => u.differs);
  const same = v.units.filter((u) => !u.differs);
  const action = `/edit/${v.kind}/${encodeURIComponent(v.id)}`;
  return (
    <Layout i={i} meta={{ title: i.t('edit.conflict.title'), path: action, noindex: true, scripts: ['edit'] }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('edit.kicker')} — {v.title}</p>
        <h1>{i.t('edit.conflict.title')}</h1>
      </header>
      <div class="notice notice-error conflict-notice" role="alert" tabindex={-1} autofocus>
        {v.again && <p><strong>{i.t('edit.conflict.again')}</strong></p>}
        <p>{i.t('edit.conflict.lead', { theirs: v.theirsVersion, yours: v.mineVersion })}</p>
      </div>
      <form method="post" action={i.path(action)} enctype="application/x-www-form-urlencoded" class="conflict-form" data-messages={clientMessages(i)}>
        <button type="submit" name="_action" value="merge" class="visually-hidden" tabindex={-1} aria-hidden="true">{i.t('edit.conflict.save')}</button>
        <CsrfField token={v.csrf} />
        <input type="hidden" name="version" value={String(v.theirsVersion)} />
        <input type="hidden" name="_mine" value={JSON.stringify(v.mine)} />
        <input type="hidden" name="_theirs" value={JSON.stringify(v.theirs)} />
        <div class="table-scroll">
          <table class="data conflict">
            <caption class="visually-hidden">{i.t('edit.conflict.title')}</caption>
            <thead><tr>
              <th scope="col">{i.t('edit.conflict.field')}</th><th scope="col">{i.t('edit.conflict.theirs')}</th>
              <th scope="col">{i.t('edit.conflict.mine')}</th><th scope="col">{i.t('edit.conflict.choice')}</th>
            </tr></thead>
            <tbody>
              {differing.map((u) => (
                <tr class={`differs pick-${u.pick}`} data-unit={u.key}>
                  <th scope="row">{pathLabel(i, u.key)} <span class={`badge by-${u.changedBy}`}>{i.t(BY[u.changedBy ?? 'unknown'])}</span></th>
                  <td class="theirs"><Value v={v} unit={u} value={u.theirs} /></td>
                  <td class="mine"><Value v={v} unit={u} value={u.mine} /></td>
                  <td><Choice v={v} unit={u} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {same.length > 0 && (
          <details class="conflict-same">
            <summary>{i.plural('edit.conflict.same', same.length)}</summary>
            <dl class="conflict-fields">
              {same.map((u) => <div><dt>{pathLabel(i, u.key)}</dt><dd><Value v={v} unit={u} value={u.theirs} /></dd></div>)}
            </dl>
          </details>
        )}
        <p class="form-actions">
          <button type="submit" name="_action" value="merge">{i.t('edit.conflict.save')}</button>
          <button type="submit" name="_action" value="merge-edit" class="secondary">{i.t('edit.conflict.edit')}</button>
          <a href={i.path(`/${v.kind}/${encodeURIComponent(v.id)}`)}>{i.t('edit.cancel')}</a>
        </p>
      </form>
    </Layout>
  );
}
