/** The IATI export validates against the IATI 2.03 schema (xmllint, libxml2 in WebAssembly), for the seed's projects and after an import. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { enumLabel, fundingKinds } from '@tandem/shared';
import { importIati } from './import/service.js';
import { TMP, identifiersOf, sample, stream, validateXml, xpathCount } from './iati.testkit.js';

function save(name: string, xml: string): string {
  mkdirSync(TMP, { recursive: true });
  const file = join(TMP, `${process.pid}-${name}.xml`);
  writeFileSync(file, xml);
  return file;
}

describe('IATI 2.03 export', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  it('every seed project, as one file that validates against iati-activities-2.03.xsd', async () => {
    const r = await api.get('/api/export/iati');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/xml');
    const file = save('all', r.text);
    const v = await validateXml(file);
    expect(v.output).toContain('validates');
    expect(v.ok).toBe(true);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from project');
    expect(await xpathCount(file, '//iati-activity')).toBe(n);
    expect(await xpathCount(file, '//iati-activity[not(iati-identifier)]')).toBe(0);
    // the seed's co-financing lines become transactions, the themes DAC sectors adding up to 100
    expect(await xpathCount(file, '//transaction')).toBeGreaterThan(0);
    expect(await xpathCount(file, "//iati-activity[sector][sum(sector/@percentage) < 99.99 or sum(sector/@percentage) > 100.01]")).toBe(0);
  });

  it('an invalid document fails the check (the test can see a broken export)', async () => {
    const file = save('broken', '<?xml version="1.0"?><iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>');
    expect((await validateXml(file)).ok).toBe(false);
  });

  it('one partnership, one organisation; 404 and 400 on bad filters', async () => {
    const p = await api.get('/api/export/iati?partnership=avec-consortium');
    expect(p.status).toBe(200);
    const file = save('partnership', p.text);
    expect((await validateXml(file)).ok).toBe(true);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from project where partnership_id = 'avec-consortium'`);
    expect(await xpathCount(file, '//iati-activity')).toBe(n);

    const o = await api.get('/api/export/iati?organisation=cd93');
    expect(o.status).toBe(200);
    const ofile = save('organisation', o.text);
    expect((await validateXml(ofile)).ok).toBe(true);
    expect(await xpathCount(ofile, '//iati-activity')).toBeGreaterThan(0);
    expect(await xpathCount(ofile, "//iati-activity[not(participating-org/narrative[.='Département de la Seine-Saint-Denis']) and not(.//provider-org/narrative[.='Département de la Seine-Saint-Denis'])]")).toBe(0);

    expect((await api.get('/api/export/iati?organisation=nowhere')).status).toBe(404);
    expect((await api.get('/api/export/iati?organisation=cd93&partnership=avec-consortium')).status).toBe(400);
  });

  it('imported activities export again and validate (round trip keeps identifiers and counts)', async () => {
    for (const name of ['js-validator-api_FI-3-mfa-finland-6acts-2.03.xml', 'iati-2.03-activity-standard-example-annotated.xml', 'iaticloud-MAEC_IATI_INDONESIA-2.01.xml']) {
      await importIati(db, stream(sample(name)), { file: name });
    }
    const file = save('roundtrip', (await api.get('/api/export/iati')).text);
    const v = await validateXml(file);
    expect(v.output).toContain('validates');
    const fi = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
    const exported = new Set(identifiersOf(file));
    for (const id of identifiersOf(fi)) expect(exported.has(id)).toBe(true);
    const finland = "//iati-activity[starts-with(iati-identifier, 'FI-3-')]";
    expect(await xpathCount(file, `${finland}/transaction`)).toBe(await xpathCount(fi, '//transaction'));
    expect(await xpathCount(file, `${finland}/budget`)).toBe(await xpathCount(fi, '//budget'));
  });

  it('CSV: a choice of columns, in order, with readable French labels; unknown columns are a 400', async () => {
    const r = await api.get('/api/export?format=csv&kind=projects&columns=id,title,status,themes&labels=fr');
    expect(r.status).toBe(200);
    const [head, ...lines] = r.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(head).toBe('Identifiant,Titre,Statut,Thèmes');
    const avec = lines.find((l) => l.startsWith('avec,'))!;
    expect(avec).toContain('En cours');
    expect(avec).toContain('Eau potable');
    const raw = await api.get('/api/export?format=csv&kind=projects&columns=status,id');
    expect(raw.text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('status,id');
    expect(raw.text).toContain('implementation,avec');
    const bad = await api.get('/api/export?format=csv&kind=funding&columns=id,nope');
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0]).toMatchObject({ path: 'columns', message: expect.stringContaining('unknown columns id, nope') });
    const en = await api.get('/api/export?format=csv&kind=funding&columns=funder,amount,kind&labels=en');
    expect(en.text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('Funder,Amount,Kind');
    // values in Vietnamese too, with the pages' own labels (shared/src/labels.ts)
    const vi = await api.get('/api/export?format=csv&kind=funding&columns=kind&labels=vi');
    const kinds = new Set(vi.text.replace(/^\ufeff/, '').trim().split('\r\n').slice(1));
    expect(kinds.size).toBeGreaterThan(0);
    for (const k of kinds) expect(fundingKinds.map((f) => enumLabel('vi', 'fundingKind', f))).toContain(k);
    expect(kinds).toContain('cam kết');
  });

  it('is in the OpenAPI description, with the import', async () => {
    const doc = (await api.get('/api/openapi.json')).json;
    expect(doc.paths['/api/export/iati'].get.parameters.map((p: any) => p.name).sort()).toEqual(['organisation', 'partnership', 'project']);
    expect(doc.paths['/api/import/iati'].post.summary).toContain('IATI');
    expect(doc.paths['/api/export'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['columns', 'labels']));
  });
});
