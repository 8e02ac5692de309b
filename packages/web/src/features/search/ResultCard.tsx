/** One search result as a card: kind, title, why it matched (a snippet with the typed words marked), places, period, amount. */
import { foldedWords, highlight } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';

const SHEET: Record<string, string> = { territory: 'territories', organisation: 'organisations', partnership: 'partnerships', project: 'projects', mission: 'missions', event: 'events' };
/** Snippets that are a list rather than prose say what they list. */
const LISTED = new Set(['parties', 'participants', 'hosts', 'agreements', 'names', 'history']);
/** Snippets not in French: places as the page names them, a record's other names (in their own languages); the rest is record text. */
const LOCAL = new Set(['history', 'names']);

export function Marked(props: { text: string; words: string[] }) {
  return <>{highlight(props.text, props.words).map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</>;
}

interface Result {
  kind: string; id: string; title: string; subtitle: string | null;
  places: Array<{ id: string; name: string }>; period: { start: string | null; end: string | null } | null;
  amounts: Array<{ amount: string; currency: string }>; snippet: { field: string; text: string } | null;
}

function period(i: I18n, p: Result['period']): string | null {
  if (!p) return null;
  return p.start ? i.period(p.start, p.end) : p.end ? `– ${i.date(p.end)}` : null;
}

export function ResultCard(props: { i: I18n; r: Result; q: string }) {
  const { i, r } = props;
  const words = foldedWords(props.q);
  const when = period(i, r.period);
  // a partnership's subtitle is its kind; a project's or a delegation's, the partnership it belongs to; an event's, its series
  const sub = r.subtitle ? (r.kind === 'partnership' ? i.l('partnershipKind', r.subtitle) : r.kind === 'project' || r.kind === 'mission' || r.kind === 'event' ? r.subtitle : null) : null;
  const s = r.snippet;
  return (
    <li class="result">
      <p class="result-kind"><span class={`badge badge-${r.kind}`}>{i.l('kind', r.kind)}</span>
        {sub && <span class="muted"> {r.kind === 'partnership' ? sub : <>{i.t(r.kind === 'event' ? 'search.card.series' : 'search.card.partnership')}{i.t('search.colon')}<span lang={textLang(i)}><Marked text={sub} words={words} /></span></>}</span>}
      </p>
      <h3 class="result-title"><a href={i.path(`/${SHEET[r.kind]}/${encodeURIComponent(r.id)}`)} lang={textLang(i)}><Marked text={r.title} words={words} /></a></h3>
      {s && (
        <p class="result-snippet">
          {LISTED.has(s.field) && <span class="muted">{i.t(`search.field.${s.field}` as any)}{i.t('search.colon')}</span>}
          <span lang={LOCAL.has(s.field) ? undefined : textLang(i)}><Marked text={s.text} words={words} /></span>
        </p>
      )}
      {(r.places.length > 0 || when || r.amounts.length > 0) && (
        <dl class="result-facts">
          {r.places.length > 0 && <div><dt>{i.t('search.card.places')}</dt><dd><Marked text={r.places.map((p) => p.name).join(', ')} words={words} /></dd></div>}
          {when && <div><dt>{i.t('search.card.period')}</dt><dd>{when}</dd></div>}
          {r.amounts.length > 0 && <div><dt>{i.t('search.card.amount')}</dt><dd>{r.amounts.map((a) => i.money(a.amount, a.currency)).join(' + ')}</dd></div>}
        </dl>
      )}
    </li>
  );
}
