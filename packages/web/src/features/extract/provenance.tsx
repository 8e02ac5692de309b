/** « Provenance » on a record's sheet: the documents its fields were taken from, their date and each quote with its field. */
import type { Db } from '../../../../server/src/db/client.js';
import { getProvenance, type ProvenanceKind } from '../../../../server/src/features/extract/provenance.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';

const KINDS = ['organisation', 'partnership', 'project', 'mission'];
const LABELLED = new Set(['name', 'title', 'parties', 'started', 'signed', 'start', 'budget', 'amount', 'funder', 'value', 'from', 'label', 'unit']);

/** "agreements.0.signed" → the label of "signed"; an unknown field as it is. */
export const fieldLabel = (i: I18n, field: string) => {
  const last = field.split('.').pop()!;
  // the label without the form's hint on how to write it ("Début (AAAA, …)" → "Début")
  return LABELLED.has(last) ? i.t(`ex.f.${last}` as MessageKey).replace(/\s*\(.*\)$/, '') : field;
};

export async function provenanceBlock(i: I18n, db: Db, kind: string, id: string) {
  if (!KINDS.includes(kind)) return null;
  const { sources } = await getProvenance(db, kind as ProvenanceKind, id);
  if (!sources.length) return null;
  return (
    <section class="provenance" aria-labelledby="provenance-h">
      <h2 id="provenance-h">{i.t('ex.prov.title')}</h2>
      <p class="muted">{i.t('ex.prov.lead')}</p>
      {sources.map((s) => (
        <div class="provenance-source">
          <h3>{s.appliedAt ? i.t('ex.prov.source', { title: s.title, date: i.when(s.appliedAt) }) : s.title}</h3>
          <ul class="provenance-quotes">{s.quotes.map((q) => <li><span class="provenance-field">{fieldLabel(i, q.field)}</span> : <q>{q.quote}</q></li>)}</ul>
        </div>
      ))}
    </section>
  );
}
