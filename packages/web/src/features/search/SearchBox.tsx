import type { I18n } from '../../i18n/index.js';

/** The search form; `children` (the search page's sort) go in it, after the words. */
export function SearchBox(props: { i: I18n; q: string; hidden?: Record<string, string>; children?: unknown }) {
  const { i } = props;
  return (
    <form class="searchbox" role="search" method="get" action={i.path('/search')}>
      <label for="q">{i.t('search.label')}</label>
      <div class="searchbox-row">
        <input id="q" name="q" type="search" value={props.q} autocomplete="off" data-instant="true" />
        {Object.entries(props.hidden ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
        <button type="submit">{i.t('search.submit')}</button>
      </div>
      {props.children}
    </form>
  );
}
