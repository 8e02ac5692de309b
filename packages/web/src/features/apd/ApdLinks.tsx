/** What points at aid declarations from elsewhere: an organisation's declarations by year, and the co-financing lines no declaration picks up. */
import type { DeclarationSummary, UnyearedLine } from '../../../../server/src/features/apd/apd.access.js';
import type { I18n } from '../../i18n/index.js';
import { Section } from '../../components/Sheet.js';
import { fieldId } from '../edit/form-data.js';

/** « Déclarations APD »: submitted years for everyone, drafts for members; `prepare`: the year a member may start. */
export function ApdDeclarations(props: { i: I18n; organisationId: string; items: DeclarationSummary[]; prepare?: number | null }) {
  const { i, items } = props;
  const href = (year: number) => i.path(`/apd/${props.organisationId}/${year}`);
  const prepare = props.prepare != null && !items.some((d) => d.year === props.prepare) ? props.prepare : null;
  return (
    <Section id="apd-declarations" class="no-print" title={i.t('apd.block.title')}>
      {items.length ? (
        <ul class="apd-years">
          {items.map((d) => <li><a href={href(d.year)}>{d.status === 'submitted' && d.submittedAt
            ? i.t('apd.block.submitted', { year: d.year, when: i.when(d.submittedAt) }) : i.t('apd.block.draft', { year: d.year })}</a></li>)}
        </ul>
      ) : <p class="muted">{i.t('apd.block.none')}</p>}
      {prepare != null && <p><a href={href(prepare)}>{i.t('apd.block.prepare', { year: prepare })}</a></p>}
    </Section>
  );
}

/** « N lignes sans année ne figurent dans aucune déclaration », each with a link to its year field in the project form. */
export function UnyearedNotice(props: { i: I18n; lines: UnyearedLine[] }) {
  const { i, lines } = props;
  if (!lines.length) return null;
  return (
    <div class="notice warning apd-noyear" id="apd-noyear">
      <p>{i.plural('apd.noYear', lines.length)}</p>
      <ul>
        {lines.map((l) => (
          <li><a href={i.path(`/edit/projects/${encodeURIComponent(l.projectId)}#${fieldId(`funding.${l.position}.year`)}`)}>
            {i.t('apd.noYear.edit', { title: l.projectTitle, funder: l.funderName, amount: i.money(l.amount, l.currency) })}
          </a></li>
        ))}
      </ul>
    </div>
  );
}
