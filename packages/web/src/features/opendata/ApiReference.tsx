/**
 * The API reference, rendered on the server from the OpenAPI document (no script, no outside bundle): operations by
 * tag, parameters with their types, the request body's fields, the answers, an example curl. The summaries come from
 * the route table in English: marked lang="en" on French and Vietnamese pages.
 */
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import type { Operation } from './api-doc.js';

const tagId = (tag: string) => `tag-${tag.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function Params(props: { i: I18n; op: Operation; en?: string }) {
  const { i, op } = props;
  if (!op.params.length) return null;
  return (
    <>
      <h4>{i.t('apiref.params')}</h4>
      <table class="data api-params">
        <thead><tr><th scope="col">{i.t('apiref.col.name')}</th><th scope="col">{i.t('apiref.col.in')}</th><th scope="col">{i.t('apiref.col.type')}</th>
          <th scope="col">{i.t('apiref.col.required')}</th><th scope="col">{i.t('apiref.col.description')}</th></tr></thead>
        <tbody>
          {op.params.map((p) => (
            <tr>
              <th scope="row"><code>{p.name}</code></th>
              <td>{i.t(`apiref.in.${p.in === 'path' ? 'path' : 'query'}` as MessageKey)}</td>
              <td><code>{p.type}</code></td>
              <td>{i.t(p.required ? 'apiref.yes' : 'apiref.no')}</td>
              <td lang={props.en}>{p.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Body(props: { i: I18n; op: Operation; en?: string }) {
  const { i, op } = props;
  if (!op.body.length) return null;
  return (
    <>
      <h4>{i.t('apiref.body')}</h4>
      <ul class="api-fields">
        {op.body.map((f) => (
          <li class={`depth-${f.depth}`}>
            <code>{f.name}</code>{f.required && <abbr title={i.t('apiref.col.required')}>*</abbr>} <code class="api-type">{f.type}</code>
            {f.description && <span class="muted" lang={props.en}> — {f.description}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function OperationBlock(props: { i: I18n; op: Operation }) {
  const { i, op } = props;
  const en = textLang(i, 'en');
  return (
    <section class="api-op" id={op.id} aria-labelledby={`${op.id}-h`}>
      <h3 id={`${op.id}-h`}><span class={`method method-${op.method}`}>{op.method.toUpperCase()}</span> <code>{op.path}</code></h3>
      <p lang={en}>{op.summary}</p>
      {op.auth && <p class="muted">{i.t('apiref.auth')}</p>}
      <Params i={i} op={op} en={en} />
      <Body i={i} op={op} en={en} />
      <h4>{i.t('apiref.responses')}</h4>
      <ul class="api-responses">
        {op.responses.map((r) => <li><code>{r.status}</code> <span lang={en}>{r.description}</span>{r.type && <> <code class="api-type">{r.type}</code></>}</li>)}
      </ul>
      <h4>{i.t('apiref.example')}</h4>
      <pre class="api-curl" tabindex={0}><code>{op.curl}</code></pre>
    </section>
  );
}

export function ApiReferencePage(props: { i: I18n; tags: Map<string, Operation[]> }) {
  const { i, tags } = props;
  const total = [...tags.values()].reduce((n, ops) => n + ops.length, 0);
  return (
    <Layout i={i} meta={{ title: i.t('opendata.api.reference'), description: i.t('apiref.lead'), path: '/open-data/api' }}>
      <p class="open-data-kicker"><a href={i.path('/open-data')}>{i.t('opendata.title')}</a></p>
      <h1>{i.t('opendata.api.reference')}</h1>
      <p class="lead">{i.t('apiref.lead')}</p>
      <p>{i.t('apiref.errors')}</p>
      <p><a href="/api/openapi.json">{i.t('opendata.api.raw')}</a> · {i.plural('apiref.operations', total)}</p>
      <nav aria-labelledby="api-contents-h" class="api-contents">
        <h2 id="api-contents-h">{i.t('apiref.contents')}</h2>
        <ul>{[...tags].map(([tag, ops]) => <li><a href={`#${tagId(tag)}`}><code>{tag}</code></a> <span class="muted">({i.plural('apiref.operations', ops.length)})</span></li>)}</ul>
      </nav>
      {[...tags].map(([tag, ops]) => (
        <section aria-labelledby={tagId(tag)} class="api-tag">
          <h2 id={tagId(tag)}><code>{tag}</code></h2>
          {ops.map((op) => <OperationBlock i={i} op={op} />)}
        </section>
      ))}
    </Layout>
  );
}
