/** Header corner: the signed-in person's name, their workspace (/espace), the administrators' IATI import link, a sign-out button; or a sign-in link. */
import { isPlatformAdmin } from '../../../../server/src/lib/actor.js';
import type { I18n } from '../../i18n/index.js';
import { CsrfField } from '../../components/CsrfField.js';
import { currentViewer } from './viewer.js';

export function AccountArea(props: { i: I18n }) {
  const { i } = props;
  const viewer = currentViewer();
  if (viewer?.actor.via !== 'session') return <div class="account-area"><a href={i.path('/login')}>{i.t('auth.signin')}</a></div>;
  return (
    <div class="account-area">
      <a href={i.path('/account')} class="account-name" title={i.t('auth.account')}>{viewer.actor.name || viewer.actor.email}</a>
      <a href={i.path('/espace')}>{i.t('workspace.title')}</a>
      {isPlatformAdmin(viewer.actor) && <a href={i.path('/admin/import')}>{i.t('nav.admin.import')}</a>}
      {isPlatformAdmin(viewer.actor) && <a href={i.path('/admin/comptes')}>{i.t('nav.admin.accounts')}</a>}
      <form method="post" action={i.path('/logout')} class="inline-form">
        <CsrfField token={viewer.csrf} />
        <button type="submit" class="link-button">{i.t('auth.signout')}</button>
      </form>
    </div>
  );
}
