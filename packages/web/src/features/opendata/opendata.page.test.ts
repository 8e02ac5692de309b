/**
 * The open data page and the API reference in fr, en and vi, the navigation's link to them, and the downloads offered
 * by the pages (the open data page, every sheet kind, a country, a search): each link answers 200 as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { parseCsv } from '../../../../shared/src/csv.testkit.js';
import { createSite } from '../../site.js';

const LANGS = [['', 'fr', 'Données ouvertes', 'Référence de l’API'], ['/en', 'en', 'Open data', 'API reference'], ['/vi', 'vi', 'Dữ liệu mở', 'Tài liệu tham chiếu API']] as const;
const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', xml: 'application/xml; charset=utf-8' };
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

describe('open data pages', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  const page = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, html: await res.text() };
  };
  /** the download links of a page (under /api/export), without the whole database's */
  const downloads = (html: string) => [...html.matchAll(/href="(\/api\/export[^"]*)"/g)].map((m) => unescape(m[1]!)).filter((h) => h !== '/api/export/all');
  /** a download answers 200, with the type its file name says */
  const fetchFile = async (href: string) => {
    const res = await app.request(href);
    const text = await res.text();
    expect(res.status, `${href}: ${text.slice(0, 200)}`).toBe(200);
    const file = /attachment; filename="(tandem-[A-Za-z0-9._-]+)\.(csv|json|xml)"/.exec(res.headers.get('content-disposition') ?? '');
    expect(file, href).not.toBeNull();
    expect(res.headers.get('content-type'), href).toBe(TYPES[file![2]!]);
    return { text, file: `${file![1]}.${file![2]}` };
  };
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });

  it.each(LANGS)('%s/open-data: what is published, with counts, licences and downloads (%s)', async (prefix, lang, title) => {
    const { status, html } = await page(`${prefix}/open-data`);
    expect(status).toBe(200);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<h1>${title}</h1>`);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from project');
    expect(html).toContain(`<td class="num">${new Intl.NumberFormat(lang).format(n)}</td>`);
    expect(html).toContain('Licence Ouverte / Open Licence 2.0 (Etalab)');
    expect(html).toContain('ODbL 1.0'); // reference data keep their licence
    expect(html).toContain('href="/api/export/all"');
    expect(html).toContain(`href="${prefix}/open-data/api"`);
    expect(html).toContain('href="/api/openapi.json"');
    const links = downloads(html);
    for (const kind of ['partnerships', 'projects', 'funding', 'organisations', 'missions', 'territories', 'indicators']) {
      expect(links, kind).toContain(`/api/export?format=json&kind=${kind}`);
      expect(links, kind).toContain(`/api/export?format=csv&kind=${kind}&labels=${lang}`);
    }
    expect(links).toContain('/api/export/iati');
  });

  it('the open data page\'s downloads answer as files (the heavy kinds in one language)', async () => {
    const { html } = await page('/en/open-data');
    for (const href of downloads(html)) await fetchFile(href);
  }, 300_000);

  it.each(LANGS)('the navigation leads to %s/open-data', async (prefix) => {
    const { html } = await page(`${prefix}/statistics`);
    expect(html).toContain(`<a href="${prefix}/open-data">`);
    expect(html).not.toMatch(/<nav[^>]*>(?:(?!<\/nav>)[\s\S])*href="\/api\/openapi\.json"/);
  });

  it.each(LANGS)('%s/open-data/api lists every operation of the OpenAPI document (%s)', async (prefix, lang, _t, title) => {
    const doc = await (await app.request('/api/openapi.json')).json() as { paths: Record<string, Record<string, any>> };
    const { status, html } = await page(`${prefix}/open-data/api`);
    expect(status).toBe(200);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain('href="/api/openapi.json"');
    let n = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        n++;
        const block = new RegExp(`<section class="api-op" id="${op.operationId}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
        expect(block, `${method} ${path}`).toBeDefined();
        expect(block).toContain(`>${method.toUpperCase()}</span> <code>${path}</code>`);
        expect(block).toContain('curl ');
        for (const p of op.parameters ?? []) expect(block, `${path} ${p.name}`).toContain(`<code>${p.name}</code>`);
        for (const name of Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {})) expect(block, `${path} body ${name}`).toContain(`<code>${name}</code>`);
      }
    }
    expect(html.match(/<section class="api-op"/g)?.length).toBe(n);
    expect(n).toBeGreaterThan(30);
    // the summaries are English: marked on the other languages' pages
    expect(html).toContain(lang === 'en' ? '<p>Open data: every public record' : '<p lang="en">Open data: every public record');
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('shows a parameter\'s type, a body\'s fields and an example with a token for a write', async () => {
    const { html } = await page('/en/open-data/api');
    const put = /<section class="api-op" id="putApiPartnershipsId"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(put).toContain('Needs a session or an API token.');
    expect(put).toMatch(/<code>parties<\/code><abbr[^>]*>\*<\/abbr> <code class="api-type">array of object<\/code>/);
    expect(put).toContain('-X PUT -H &#39;Authorization: Bearer $TANDEM_TOKEN&#39;');
    const search = /<section class="api-op" id="getApiExportSearch"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(search).toContain('<code>&quot;csv&quot; | &quot;json&quot; | &quot;iati&quot;</code>');
  });

  it.each([
    ['/partnerships/ssd-hai-duong', 3], ['/en/projects/innotech-master', 3], ['/vi/organisations/cd93', 3], ['/missions/cergy-hue-2023-05', 2],
    ['/en/territories/FR-D-93', 2], ['/vi/territories/VN', 2],
  ])('%s offers its own downloads, each a file', async (path, count) => {
    const { status, html } = await page(path);
    expect(status).toBe(200);
    expect(html).toContain('id="downloads-h"');
    const links = downloads(html);
    expect(links.length).toBe(count);
    const id = path.split('/').pop()!;
    const files = [];
    for (const href of links) files.push((await fetchFile(href)).file);
    expect(files.some((f) => f.endsWith(`-${id}.json`))).toBe(true);
  });

  it('a search offers its results as CSV, JSON and IATI, with its words and filters', async () => {
    const { html } = await page('/en/search?q=hue&country=VN');
    const count = Number(/<h2 id="results-h">(\d+) results?<\/h2>/.exec(html)?.[1]);
    expect(count).toBeGreaterThan(0);
    const links = downloads(html);
    expect(links).toEqual(['/api/export/search?q=hue&country=VN&format=csv&labels=en', '/api/export/search?q=hue&country=VN&format=json', '/api/export/search?q=hue&country=VN&format=iati']);
    const csv = parseCsv((await fetchFile(links[0]!)).text);
    expect(csv[0]).toEqual(['Kind', 'Id', 'Title', 'Detail', 'Address']);
    expect(csv.length - 1).toBe(count);
    for (const href of links.slice(1)) await fetchFile(href);
    expect((await page('/search?q=zzzqqqxxy')).html).not.toContain('/api/export/search');
  });
});
