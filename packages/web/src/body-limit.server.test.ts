/**
 * Oversized bodies on a real HTTP server (@hono/node-server, as server.ts serves the site), over raw sockets and a
 * keep-alive agent: every 413 closes its connection, an IATI upload whose Content-Length is over the limit is refused
 * before its body is read, a chunked one once the limit is read, and a giant XML node stops the upload early.
 */
import { request as httpRequest, Agent, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import { TOKEN } from '../../server/test/http.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from './site.js';

interface Answer { status: number; headers: Record<string, string>; body: string; closed: boolean; ms: number; sent: number }

const XML_HEAD = '<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity>\n<iati-identifier>XM-BIG-1</iati-identifier>\n<title><narrative>';

describe('oversized uploads on a real server', () => {
  let db: Db;
  let server: ServerType;
  let port: number;

  /**
   * head, then the body: a string sent at once, or `first` then up to `stream` bytes of `chunk` again and again, in
   * chunked encoding (no Content-Length), as fast as the socket takes them, stopped when it closes. Resolves when
   * the server closes the connection, or after waitMs with closed: false.
   */
  const raw = (head: string, body: string | { first?: string; stream: number; chunk: string } = '', waitMs = 5000) => new Promise<Answer>((done) => {
    const t0 = Date.now();
    const s = connect(port, '127.0.0.1');
    let got = '';
    let sent = 0;
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      s.destroy();
      const [top, ...rest] = got.split('\r\n\r\n');
      const [status, ...lines] = top.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      done({ status: Number(status.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), closed, ms: Date.now() - t0, sent });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    s.on('data', (d) => { got += d; });
    s.on('close', () => finish(true));
    s.on('error', () => { /* a reset while we still write: what was answered is in `got` */ });
    s.write(head);
    if (typeof body === 'string') { s.write(body); return; }
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    if (body.first) s.write(chunk(body.first));
    const piece = chunk(body.chunk);
    const pump = () => {
      while (!finished && !s.destroyed && sent < body.stream) {
        sent += Buffer.byteLength(body.chunk);
        if (!s.write(piece)) { s.once('drain', pump); return; }
      }
    };
    pump();
  });
  const post = (path: string, headers: Record<string, string | number>) =>
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

  beforeAll(async () => {
    db = await testDb();
    const site = createSite({ db, adminToken: TOKEN });
    await new Promise<void>((ok) => { server = serve({ fetch: site.fetch, port: 0, hostname: '127.0.0.1' }, () => ok()); });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await db.close();
  });
  afterEach(() => { delete process.env.TANDEM_IATI_MAX_BYTES; });

  it('answers every 413 with Connection: close and closes the socket at once; an IATI upload is refused before its body is read', async () => {
    process.env.TANDEM_IATI_MAX_BYTES = String(10 * 2 ** 20);
    const cases = [
      { what: 'API JSON body', head: post('/api/organisations', { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'content-length': 2_000_000 }), json: /the body is larger than 1048576 bytes/ },
      { what: 'page form', head: post('/en/login', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 2_000_000 }), html: /larger than the accepted maximum, 1 MB: nothing was saved/ },
      // a declared 1 TB: nothing but the headers and a few bytes ever come, the answer must not wait for them
      { what: 'IATI API upload', head: post('/api/import/iati', { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}`, 'content-length': 2 ** 40 }), json: /the file is larger than the limit of 10 MB \(setting TANDEM_IATI_MAX_BYTES/ },
      { what: 'IATI page upload', head: post('/en/admin/import', { 'content-type': 'multipart/form-data; boundary=b', 'content-length': 2 ** 40 }), html: /The file is larger than the accepted maximum, 10 MB \(setting TANDEM_IATI_MAX_BYTES\)/ },
    ];
    for (const k of cases) {
      const r = await raw(k.head, k.what.startsWith('IATI') ? '<?xml version="1.0"?>' : '{"kind":');
      expect(r.status, k.what).toBe(413);
      expect(r.headers.connection, k.what).toBe('close');
      expect(r.closed, `${k.what}: the server closes the connection`).toBe(true);
      expect(r.ms, k.what).toBeLessThan(2000);
      expect(r.body, k.what).toMatch(k.json ?? k.html!);
    }
    // and a fresh connection is served
    const ok = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(ok.status).toBe(200);
  });

  it('a keep-alive agent never reuses the connection of a 413, and its next request is served', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) => new Promise<{ res: IncomingMessage; reused: boolean; text: string }>((ok, fail) => {
      const req = httpRequest({ agent, host: '127.0.0.1', port, method, path, headers: body ? { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } : {} }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => ok({ res, reused: req.reusedSocket, text }));
      });
      req.on('error', fail);
      req.end(body);
    });
    try {
      expect((await send('GET', '/api/health')).res.statusCode).toBe(200);
      expect((await send('GET', '/api/health')).reused).toBe(true); // the agent keeps connections alive
      // a body read whole keeps the connection alive
      const created = await send('POST', '/api/organisations', JSON.stringify({ kind: 'association', name: 'Gardée en vie' }));
      expect(created.res.statusCode, created.text).toBe(201);
      expect(created.res.headers.connection).toBe('keep-alive');
      expect((await send('GET', '/api/health')).reused).toBe(true);
      const big = await send('POST', '/api/organisations', JSON.stringify({ kind: 'association', name: 'x', description: 'a'.repeat(1_500_000) }));
      expect(big.res.statusCode).toBe(413);
      expect(big.res.headers.connection).toBe('close');
      const next = await send('GET', '/api/health');
      expect(next.res.statusCode).toBe(200);
      expect(next.reused).toBe(false);
    } finally { agent.destroy(); }
  });

  it('limits chunked uploads (no Content-Length) while they stream: 413, connection closed', async () => {
    process.env.TANDEM_IATI_MAX_BYTES = String(200_000);
    const api = await raw(post('/api/import/iati', { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' }),
      { first: XML_HEAD.replace('<title><narrative>', ''), stream: 50 * 2 ** 20, chunk: '<!-- padding -->\n'.repeat(500) });
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body).error).toMatch(/larger than the limit of 195 kB/);
    expect(api.headers.connection).toBe('close');
    expect(api.closed).toBe(true);
    expect(api.sent).toBeLessThan(20 * 2 ** 20); // stopped long before the 50 MB
    const page = await raw(post('/en/admin/import', { 'content-type': 'multipart/form-data; boundary=b', 'transfer-encoding': 'chunked' }),
      { stream: 50 * 2 ** 20, chunk: 'x'.repeat(64 * 1024) });
    expect(page.status).toBe(413);
    expect(page.headers.connection).toBe('close');
    expect(page.closed).toBe(true);
    expect(page.sent).toBeLessThan(20 * 2 ** 20);
  });

  it('stops reading an upload at a giant text node: 400 naming the line, the rest never read', async () => {
    // The server answers and closes while this client still writes; its kernel may then reset the connection and drop
    // the answer before this test reads it (seen once under load: nothing received). Only that case is tried again.
    let r: Answer | undefined;
    for (let attempt = 0; attempt < 3 && (!r || (r.closed && r.body === '' && Number.isNaN(r.status))); attempt++) {
      r = await raw(post('/api/import/iati', { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' }),
        { first: XML_HEAD, stream: 50 * 2 ** 20, chunk: 'x'.repeat(64 * 1024) }, 20_000);
    }
    if (!r) throw new Error('no attempt');
    expect(r.status).toBe(400);
    const answer = JSON.parse(r.body);
    expect(answer.line).toBe(5);
    expect(answer.error).toMatch(/^line 5: one text, comment, CDATA section, tag with its attributes, processing instruction or DOCTYPE starting here is longer than 1,048,576 characters/);
    expect(r.headers.connection).toBe('close'); // the rest of the body is never read
    expect(r.closed).toBe(true);
    expect(r.sent).toBeLessThan(20 * 2 ** 20);
    expect((await db.query(`select count(*)::int as n from project where iati_identifier = 'XM-BIG-1'`))[0].n).toBe(0);
  });
});
