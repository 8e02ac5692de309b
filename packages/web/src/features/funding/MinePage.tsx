/** /espace/funding-calls: the open calls ranked for one of the member's organisations, each reason a ✓/✗ line. */
import type { I18n } from '../../i18n/index.js';
import { textLang } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import type { Fit } from '../../../../server/src/features/funding/funding.fit.js';
import { CallCard } from './ListPage.js';
import { reasonText } from './text.js';

export function MinePage(props: { i: I18n; orgs: Array<{ id: string; name: string }>; org: { id: string; name: string } | null; calls: Fit[] }) {
  const { i, orgs, org, calls } = props;
  return (
    <Layout i={i} meta={{ title: i.t('fc.mine'), path: '/espace/funding-calls', noindex: true }}>
      <header class="sheet-header">
        <h1>{i.t('fc.mine')}{org && <> — <span lang={textLang(i)}>{org.name}</span></>}</h1>
        <p class="lead">{i.t('fc.mine.lead')}</p>
      </header>
      {!org && <p>{i.t('fc.mine.noOrg')}</p>}
      {orgs.length > 1 && (
        <form method="get" action={i.path('/espace/funding-calls')} class="stack-form fc-filters">
          <div class="field"><label for="fc-org">{i.t('fc.mine.org')}</label>
            <select id="fc-org" name="org">{orgs.map((o) => <option value={o.id} selected={o.id === org?.id}>{o.name}</option>)}</select></div>
          <p><button type="submit">{i.t('fc.mine.show')}</button></p>
        </form>
      )}
      {org && <h2 class="fc-count">{i.plural('fc.count', calls.length)}</h2>}
      {org && <ul class="cards fc-cards fc-fit">{calls.map((f) => (
        <CallCard i={i} c={f.call}>
          <p class={f.eligible ? 'fc-verdict fc-yes' : 'fc-verdict fc-no'}>{i.t(f.eligible ? 'fc.mine.eligible' : 'fc.mine.ineligible')}</p>
          <ul class="fc-reasons">{f.reasons.map((r) => (
            <li class={r.ok ? 'fc-ok' : 'fc-ko'}><span aria-hidden="true">{r.ok ? '✓' : '✗'}</span> <span class="visually-hidden">{i.t(r.ok ? 'fc.ok' : 'fc.ko')} : </span>
              {reasonText(i, r)}{r.code === 'min_group_size' && <> <a href={i.path('/groups')}>{i.t('fc.r.group.link')}</a></>}</li>
          ))}</ul>
        </CallCard>
      ))}</ul>}
    </Layout>
  );
}
