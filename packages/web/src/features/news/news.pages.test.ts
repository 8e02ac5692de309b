/**
 * News through the whole site: the list with its filters, the seeded Lianes article with the records it is about,
 * the « Actualités » block of a partnership's sheet and of the home page, the feeds every page advertises; RSS 2.0
 * and Atom 1.0 parsed back (required elements, RFC 822 dates, absolute links), per network and per country; a
 * <script> in a body comes out neither in the page nor in the feeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { TOKEN, client } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { createSite } from '../../site.js';
import { child, children, parseXml, textOf } from './xml.testkit.js';

const LIANES = 'lianes-2024-12-trois-cooperations';
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('news pages and feeds', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  const get = async (path: string) => { const r = await app.request(`http://tandem.test${path}`); return { status: r.status, text: await r.text(), type: r.headers.get('content-type') }; };
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    const api = client(db);
    const hostile = await api.post('/api/news', {
      id: 'hostile', title: 'Piège <b>&</b> "guillemets"', summary: 'Résumé <script>alert(2)</script>', publishedOn: '2025-01-05', authorOrganisationId: null,
      body: 'Texte **gras**.\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(3)">\n\n[piège](javascript:alert(4)) [ok](https://example.org/)\n\nfin ]]> ici',
      links: [{ kind: 'partnership', id: 'hdf-dnipropetrovsk' }],
    });
    expect(hostile.status, hostile.text).toBe(201);
  });
  afterAll(async () => { await db?.close(); });

  it('lists the news newest first with filters as links, and shows the Lianes article with the records it is about', async () => {
    const list = await get('/news');
    expect(list.status).toBe(200);
    expect(list.text.indexOf('/news/hostile')).toBeLessThan(list.text.indexOf(`/news/${LIANES}`));
    expect(list.text).toContain('href="/news?network=lianes"');
    expect(list.text).toContain('href="/news?country=BJ"');
    const byNetwork = await get('/news?network=lianes');
    expect(byNetwork.text).toContain(`/news/${LIANES}`);
    expect(byNetwork.text).not.toContain('/news/hostile');
    expect(byNetwork.text).toContain('href="/news/feed.rss?network=lianes"');
    expect((await get('/news?network=nobody')).status).toBe(404);
    const article = await get(`/news/${LIANES}`);
    expect(article.status).toBe(200);
    expect(article.text).toContain('Cette actualité concerne');
    for (const p of ['hdf-dnipropetrovsk', 'grande-synthe-sidi-ifni', 'villeneuve-d-ascq-tanguieta']) expect(article.text).toContain(`href="/partnerships/${p}"`);
    expect(article.text).toContain('href="/organisations/lianes"');
    expect(article.text).toContain('13 décembre 2024');
    const en = await get(`/en/news/${LIANES}`);
    expect(en.text).toContain('This news item is about');
    expect((await get('/news/no-such-news')).status).toBe(404);
  });

  it('shows the news on the partnership sheet and the home page, and every page advertises the feeds', async () => {
    const sheet = await get('/partnerships/villeneuve-d-ascq-tanguieta');
    expect(sheet.status).toBe(200);
    expect(sheet.text).toMatch(new RegExp(`<section class="sheet-section news-block"[\\s\\S]*href="/news/${LIANES}"`));
    expect((await get('/partnerships/cergy-hue')).text).not.toContain('news-block');
    const home = await get('/');
    expect(home.text).toContain(`href="/news/${LIANES}"`);
    for (const page of [home.text, sheet.text, (await get('/en/statistics')).text]) {
      expect(page).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="(\/en)?\/news\/feed\.rss" title="[^"]+"/);
      expect(page).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="(\/en)?\/news\/feed\.atom" title="[^"]+"/);
    }
  });

  it('keeps a <script> out of the article page', async () => {
    const page = await get('/news/hostile');
    expect(page.status).toBe(200);
    const body = page.text.match(/<div class="news-body"[\s\S]*?<\/div>/)![0];
    expect(body).toContain('<strong>gras</strong>');
    expect(body).not.toMatch(/<script|onerror|javascript:|<img/i);
    expect(page.text).not.toContain('<script>alert');
    expect(body).toContain('href="https://example.org/" rel="nofollow noopener"');
  });

  it('serves an RSS 2.0 feed with the required elements, RFC 822 dates and absolute links', async () => {
    const r = await get('/news/feed.rss');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/rss\+xml/);
    const rss = parseXml(r.text);
    expect(rss.name).toBe('rss');
    expect(rss.attrs.version).toBe('2.0');
    const channel = child(rss, 'channel')!;
    expect(textOf(channel, 'title')).toBe('Actualités de Tandem');
    expect(textOf(channel, 'link')).toBe('http://tandem.test/news');
    expect(textOf(channel, 'description')).toBeTruthy();
    const items = children(channel, 'item');
    expect(items.map((it) => textOf(it, 'guid'))).toEqual(['http://tandem.test/news/hostile', `http://tandem.test/news/${LIANES}`]);
    for (const it of items) {
      expect(textOf(it, 'title')).toBeTruthy();
      expect(textOf(it, 'link')).toMatch(/^http:\/\/tandem\.test\/news\//);
      expect(textOf(it, 'pubDate')).toMatch(RFC822);
    }
    expect(textOf(items[1]!, 'pubDate')).toBe('Fri, 13 Dec 2024 00:00:00 GMT');
    const hostile = items[0]!;
    expect(textOf(hostile, 'title')).toBe('Piège <b>&</b> "guillemets"');
    const content = textOf(hostile, 'content:encoded')!;
    expect(content).toContain('<strong>gras</strong>');
    expect(content).toContain('fin ]]&gt; ici'); // a CDATA end in a body does not break the XML
    expect(content).not.toMatch(/<script|onerror|javascript:/i);
    // the plain-text summary is HTML-escaped: readers read a description as HTML
    expect(textOf(hostile, 'description')).toBe('Résumé &lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('serves an Atom 1.0 feed with the required elements, per network and per country', async () => {
    const r = await get('/en/news/feed.atom?country=UA');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/atom\+xml/);
    const feed = parseXml(r.text);
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(textOf(feed, 'id')).toBe('http://tandem.test/en/news?country=UA');
    expect(textOf(feed, 'title')).toMatch(/^News: .+ · Tandem$/);
    expect(textOf(feed, 'updated')).toMatch(ISO);
    const entries = children(feed, 'entry');
    expect(entries.map((e) => textOf(e, 'id'))).toEqual(['http://tandem.test/en/news/hostile', `http://tandem.test/en/news/${LIANES}`]);
    for (const e of entries) {
      expect(textOf(e, 'title')).toBeTruthy();
      expect(textOf(e, 'updated')).toMatch(ISO);
      expect(child(e, 'link')!.attrs.href).toBe(textOf(e, 'id'));
      expect(textOf(child(e, 'author')!, 'name')).toBeTruthy();
      expect(child(e, 'content')!.text).not.toMatch(/<script|onerror/i);
    }
    const lianes = parseXml((await get('/news/feed.atom?network=lianes')).text);
    expect(children(lianes, 'entry').map((e) => textOf(e, 'id'))).toEqual([`http://tandem.test/news/${LIANES}`]);
    expect(children(parseXml((await get('/news/feed.rss?country=VN')).text).children[0]!, 'item')).toEqual([]);
    expect((await get('/news/feed.rss?country=ZZZ')).status).toBe(404);
    expect((await get('/news/feed.atom?network=nobody')).status).toBe(404);
  });
});
