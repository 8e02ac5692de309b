/**
 * Knowledge capture pages (issue 16), plain forms that work without JavaScript: the text form (/espace/extract) and the
 * review (/espace/extractions/:id): the document with its facts highlighted, the proposals to accept, edit or reject.
 */
import type { ExtractionView } from '../../../../server/src/features/extract/review.service.js';
import type { Proposal } from '../../../../server/src/features/extract/proposals.js';
import type { Extraction } from '../../../../server/src/features/extract/types.js';
import { agreementKinds, missionDirections, organisationKinds, partnershipKinds } from '@tandem/shared';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Notice } from '../auth/form.js';

export const FORM_PATH = '/espace/extract';
export const reviewPath = (id: string) => `/espace/extractions/${encodeURIComponent(id)}`;

/** The kinds highlighted in the text, and their CSS modifier. */
const HIGHLIGHTED: Array<[Exclude<keyof Extraction, 'partnerships'>, string]> = [
  ['dates', 'date'], ['amounts', 'amount'], ['quantities', 'quantity'], ['organisations', 'organisation'], ['territories', 'territory'],
];

export interface FormView { organisations: Array<{ id: string; name: string }>; values: Record<string, string>; error?: string }

export function ExtractFormPage(props: { i: I18n; v: FormView }) {
  const { i, v } = props;
  return (
    <Layout i={i} meta={{ title: i.t('ex.title'), path: FORM_PATH, noindex: true }}>
      <header class="sheet-header"><h1>{i.t('ex.title')}</h1><p class="lead">{i.t('ex.lead')}</p></header>
      {v.error && <Notice kind="error" title={i.t('ex.error.title')}><p>{v.error}</p></Notice>}
      {!v.organisations.length ? <p>{i.t('ex.noOrg')}</p> : (
        <form method="post" action={i.path(FORM_PATH)} enctype="multipart/form-data" class="extract-form edit-form">
          <CsrfField />
          <div class="field">
            <label for="f-organisationId">{i.t('ex.org')}</label>
            <select id="f-organisationId" name="organisationId">
              {v.organisations.map((o) => <option value={o.id} selected={v.values.organisationId === o.id}>{o.name}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="f-title">{i.t('ex.docTitle')}</label>
            <p class="field-hint" id="f-title-hint">{i.t('ex.docTitle.hint')}</p>
            <input id="f-title" name="title" value={v.values.title ?? ''} aria-describedby="f-title-hint" maxlength={300} />
          </div>
          <div class="field">
            <label for="f-text">{i.t('ex.text')}</label>
            <textarea id="f-text" name="text" rows={12}>{v.values.text ?? ''}</textarea>
          </div>
          <div class="field">
            <label for="f-html">{i.t('ex.html')}</label>
            <p class="field-hint" id="f-html-hint">{i.t('ex.html.hint')}</p>
            <textarea id="f-html" name="html" rows={4} aria-describedby="f-html-hint">{v.values.html ?? ''}</textarea>
          </div>
          <div class="field">
            <label for="f-file">{i.t('ex.file')}</label>
            <p class="field-hint" id="f-file-hint">{i.t('ex.file.hint')}</p>
            <input id="f-file" name="file" type="file" accept=".txt,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf" aria-describedby="f-file-hint" />
          </div>
          <p><button type="submit" class="button">{i.t('ex.submit')}</button></p>
        </form>
      )}
    </Layout>
  );
}

/** The text cut into plain pieces and highlighted facts (the first of overlapping spans wins; partnerships are listed, not marked). */
export function segments(text: string, facts: Extraction): Array<{ text: string; kind?: string; key?: string; label?: string }> {
  const spans = HIGHLIGHTED.flatMap(([list, css]) => (facts[list] ?? []).map((f, n) => ({ start: f.start, end: f.end, css, list, key: `${list}-${n}` })))
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<{ text: string; kind?: string; key?: string; label?: string }> = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), kind: s.css, key: s.key, label: s.list });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

function Document(props: { i: I18n; x: ExtractionView }) {
  const { i, x } = props;
  const parts = segments(x.text, x.facts);
  return (
    <section aria-labelledby="ex-doc-h" class="extract-doc">
      <h2 id="ex-doc-h">{i.t('ex.doc')}</h2>
      <div class="extract-legend" role="group" aria-label={i.t('ex.legend')}>
        {HIGHLIGHTED.map(([list, css]) => <mark class={`fact fact--${css}`}>{i.t(`ex.kind.${list}` as MessageKey)} ({i.num(x.facts[list]?.length ?? 0)})</mark>)}
      </div>
      {!parts.some((p) => p.kind) && <p class="muted">{i.t('ex.facts.none')}</p>}
      <div class="extract-text">{parts.map((p) => (p.kind
        ? <mark class={`fact fact--${p.kind}`} id={`fact-${p.key}`}><span class="visually-hidden">{i.t(`ex.kind.${p.label}` as MessageKey)} : </span>{p.text}</mark>
        : p.text))}</div>
      {x.facts.partnerships.length > 0 && <ul class="extract-partnerships">{x.facts.partnerships.map((p) => (
        <li>{i.t('ex.kind.partnerships')} : {p.parties.join(' – ')}{p.signed ? ` (${i.date(p.signed)})` : ''}</li>
      ))}</ul>}
    </section>
  );
}

const fid = (key: string, field: string) => `p-${key}-${field}`;

/** The fields chosen from a closed list: their label group and values. */
const CHOICES: Record<string, [string, readonly string[]]> = {
  'organisation.kind': ['orgKind', organisationKinds], 'partnership.kind': ['partnershipKind', partnershipKinds],
  'agreement.kind': ['agreementKind', agreementKinds], 'mission.direction': ['direction', missionDirections],
};

function ProposalFields(props: { i: I18n; p: Proposal; values: Record<string, string>; names: Map<string, string>; text: string }) {
  const { i, p, values, names, text } = props;
  const quotes = [...new Set(p.facts.map((f) => text.slice(f.start, f.end)))];
  const accepted = values[`p.${p.key}.accept`] !== 'no';
  return (
    <fieldset class="extract-proposal" id={`p-${p.key}`}>
      <legend>{i.t(`ex.p.${p.kind}` as MessageKey)}{p.fields.name ? ` : ${p.fields.name}` : p.fields.title ? ` : ${p.fields.title}` : ''}</legend>
      <div class="extract-decision" role="radiogroup" aria-label={i.t('ex.decision')}>
        <label><input type="radio" name={`p.${p.key}.accept`} value="yes" checked={accepted} /> {i.t('ex.accept')}</label>
        <label><input type="radio" name={`p.${p.key}.accept`} value="no" checked={!accepted} /> {i.t('ex.reject')}</label>
      </div>
      {quotes.length > 0 && <p class="muted">{i.t('ex.from', { quotes: quotes.map((q) => `« ${q} »`).join(', ') })}</p>}
      {p.refs?.parties && <p class="muted">{i.t('ex.parties', { names: p.refs.parties.map((k) => names.get(k) ?? k).join(' – ') })}</p>}
      {p.match && (
        <div class="field">
          <label for={fid(p.key, 'match')}>{i.t('ex.match', { name: p.match.name })}</label>
          <select id={fid(p.key, 'match')} name={`p.${p.key}.match`}>
            <option value={p.match.id} selected={values[`p.${p.key}.match`] !== ''}>{i.t('ex.match.use')}</option>
            <option value="" selected={values[`p.${p.key}.match`] === ''}>{i.t('ex.match.new')}</option>
          </select>
        </div>
      )}
      {Object.entries(p.fields).map(([field, value]) => {
        const name = `p.${p.key}.${field}`;
        const current = values[name] ?? (value === null ? '' : String(value));
        const choice = CHOICES[`${p.kind}.${field}`];
        return (
          <div class="field">
            <label for={fid(p.key, field)}>{i.t(`ex.f.${field}` as MessageKey)}</label>
            {choice
              ? <select id={fid(p.key, field)} name={name}>{choice[1].map((c) => <option value={c} selected={c === current}>{i.l(choice[0], c)}</option>)}</select>
              : <input id={fid(p.key, field)} name={name} value={current} />}
          </div>
        );
      })}
    </fieldset>
  );
}

export interface ReviewView { x: ExtractionView; values: Record<string, string>; errors: string[]; created?: Array<{ kind: string; id: string; title: string }> }

export function ReviewPage(props: { i: I18n; v: ReviewView }) {
  const { i, v } = props;
  const { x } = v;
  const names = new Map(x.proposals.filter((p) => p.kind === 'organisation').map((p) => [p.key, String(p.fields.name)]));
  return (
    <Layout i={i} meta={{ title: i.t('ex.review.title', { title: x.title }), path: reviewPath(x.id), noindex: true }}>
      <header class="sheet-header"><h1>{i.t('ex.review.title', { title: x.title })}</h1><p class="lead">{i.t('ex.review.lead')}</p></header>
      {v.errors.length > 0 && <Notice kind="error" title={i.t('ex.error.title')}><ul>{v.errors.map((e) => <li>{e}</li>)}</ul></Notice>}
      <Document i={i} x={x} />
      {x.status === 'applied' ? (
        <section aria-labelledby="ex-applied-h">
          <h2 id="ex-applied-h">{i.t('ex.applied.records')}</h2>
          <p>{i.t('ex.applied', { date: i.when(x.appliedAt ?? x.createdAt) })}</p>
          <ul class="link-list">{(v.created ?? []).map((r) => <li><a href={i.path(`/${r.kind}s/${encodeURIComponent(r.id)}`)}>{r.title}</a></li>)}</ul>
          <p><a href={i.path('/espace')}>{i.t('ex.back')}</a></p>
        </section>
      ) : (
        <section aria-labelledby="ex-proposals-h">
          <h2 id="ex-proposals-h">{i.t('ex.proposals')}</h2>
          {x.proposals.length ? (
            <form method="post" action={i.path(`${reviewPath(x.id)}/apply`)} class="extract-proposals edit-form">
              <CsrfField />
              {x.proposals.map((p) => <ProposalFields i={i} p={p} values={v.values} names={names} text={x.text} />)}
              <p><button type="submit" class="button">{i.t('ex.apply')}</button></p>
            </form>
          ) : <p class="muted">{i.t('ex.proposals.none')}</p>}
        </section>
      )}
    </Layout>
  );
}
