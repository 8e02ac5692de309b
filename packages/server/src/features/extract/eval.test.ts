/** The scoring of `npm run eval:extract` on hand-made answers: keys, forms, partnerships, micro-averages, the table. */
import { describe, expect, it } from 'vitest';
import { formatReport, prf, scoreDocument, summarise, type Annotation } from './eval.js';
import type { Extraction } from './types.js';

const span = { start: 0, end: 0 };
const empty = (): Extraction => ({ dates: [], amounts: [], quantities: [], organisations: [], territories: [], partnerships: [] });
const annotation = (a: Partial<Annotation>): Annotation => ({ doc: 'x.txt', dates: [], amounts: [], quantities: [], organisations: [], territories: [], partnerships: [], ...a });
const org = (text: string, name = text) => ({ ...span, text, name });
const ter = (text: string, name = text, country = 'FR') => ({ ...span, text, name, country });

describe('scoreDocument', () => {
  it('counts dates by value, each value once', () => {
    const exp = annotation({ dates: [{ text: 'du 3 au 5 mars 2022', value: '2022-03-03' }, { text: 'du 3 au 5 mars 2022', value: '2022-03-05' }, { text: '2019', value: '2019' }] });
    const got = { ...empty(), dates: [
      { ...span, text: '3 mars 2022', value: '2022-03-03' }, { ...span, text: 'le 3 mars', value: '2022-03-03' },
      { ...span, text: 'mars 2022', value: '2022-03' },
    ] };
    const s = scoreDocument(exp, got);
    expect(s.counts.dates).toEqual({ tp: 1, fp: 1, fn: 2 });
    expect(s.misses).toContainEqual({ category: 'dates', kind: 'fp', what: '2022-03 (mars 2022)' });
    expect(s.misses.filter((m) => m.kind === 'fn').map((m) => m.what)).toEqual(['2022-03-05 (du 3 au 5 mars 2022)', '2019 (2019)']);
  });

  it('counts money by value and currency, quantities by value and folded unit', () => {
    const exp = annotation({
      amounts: [{ value: 1200000, currency: 'EUR' }, { value: 2000000, currency: 'XOF' }],
      quantities: [{ value: 700, unit: 'stagiaires' }, { value: 3.3, unit: '%' }, { value: 12, unit: 'écoles' }],
    });
    const got = { ...empty(),
      amounts: [{ ...span, text: '1,2 M€', value: 1.2 * 1e6, currency: 'EUR' }, { ...span, text: '2 millions', value: 2000000, currency: 'EUR' }],
      quantities: [{ ...span, text: '700 Stagiaires', value: 700, unit: 'Stagiaires' }, { ...span, text: '3,3 %', value: 3.3, unit: '%' }, { ...span, text: '12 ecoles', value: 12, unit: 'ecoles' }, { ...span, text: '12 classes', value: 12, unit: 'classes' }],
    };
    const s = scoreDocument(exp, got);
    expect(s.counts.amounts).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.counts.quantities).toEqual({ tp: 3, fp: 1, fn: 0 });
  });

  it('matches organisations and territories by text or name, accents, case and apostrophes ignored, each expected entry once', () => {
    const exp = annotation({
      organisations: [{ forms: ["Chambre de Métiers et de l'Artisanat", 'CMA'] }, { forms: ['Cités Unies France', 'CUF'] }, { forms: ['AFD'] }],
      territories: [{ forms: ['Thiès', 'ville de Thiès'], country: 'SN' }, { forms: ['Sénégal'], country: 'SN' }],
    });
    const got = { ...empty(),
      organisations: [org('chambre de metiers et de l’artisanat'), org('CUF', 'Cités Unies France'), org('Cités Unies France'), org('UNESCO'), org('Unesco', 'UNESCO')],
      territories: [ter('THIES', 'Thiès', 'SN'), ter('Dakar', 'Dakar', 'SN'), ter('Orange')],
    };
    const s = scoreDocument(exp, got);
    expect(s.counts.organisations).toEqual({ tp: 2, fp: 1, fn: 1 }); // a second mention of CUF is not a fault; UNESCO is wrong once
    expect(s.counts.territories).toEqual({ tp: 1, fp: 2, fn: 1 });
    expect(s.misses).toContainEqual({ category: 'organisations', kind: 'fn', what: 'AFD' });
  });

  it('gives a mention that matches two expected entries to the one not yet matched', () => {
    const exp = annotation({ organisations: [{ forms: ['Ville de Hué', 'Hué'] }, { forms: ['Province de Thua Thien Hué', 'Hué'] }] });
    const s = scoreDocument(exp, { ...empty(), organisations: [org('Hué'), org('Hué', 'Province de Thua Thien Hué')] });
    expect(s.counts.organisations).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('counts a partnership when two of its parties match two different expected parties', () => {
    const exp = annotation({ partnerships: [
      { parties: [['Ville de Cergy', 'Cergy'], ['Ville de Thiès', 'Thiès']] },
      { parties: [['Région Bretagne'], ['Région Analamanga', 'Analamanga'], ['AFD']] },
      { parties: [['Ville de Lyon'], ['Porto-Novo']] },
    ] });
    const p = (...parties: string[]) => ({ ...span, text: '', parties });
    const got = { ...empty(), partnerships: [
      p('cergy', 'THIÈS'), p('Cergy', 'Thiès'), p('Analamanga', 'Ville de Lyon', 'AFD'), p('Ville de Lyon', 'Ville de Lyon'), p('Ville de Lyon', 'Dakar'),
    ] };
    const s = scoreDocument(exp, got);
    expect(s.counts.partnerships).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(s.misses).toContainEqual({ category: 'partnerships', kind: 'fn', what: 'Ville de Lyon + Porto-Novo' });
  });
});

describe('prf and summarise', () => {
  it('computes precision, recall and F1, with the empty cases', () => {
    expect(prf({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(prf({ tp: 3, fp: 1, fn: 2 }).f1).toBeCloseTo(2 / 3);
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 0, fn: 4 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('micro-averages over categories and documents, and prints the tables', () => {
    const a = scoreDocument(annotation({ doc: 'a.txt', dates: [{ value: '2019' }, { value: '2020' }] }), { ...empty(), dates: [{ ...span, text: '2019', value: '2019' }] });
    const b = scoreDocument(annotation({ doc: 'b.html', territories: [{ forms: ['Dakar'] }] }), { ...empty(), territories: [ter('Dakar'), ter('Paris')] });
    const r = summarise([a, b]);
    expect(r.categories.dates).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(r.overall).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.overall.f1).toBeCloseTo(2 / 3);
    expect(r.documents.map((d) => [d.doc, d.overall.f1])).toEqual([['a.txt', 2 / 3], ['b.html', 2 / 3]]);
    const text = formatReport(r, { verbose: true });
    expect(text).toMatch(/^category\s+TP\s+FP\s+FN\s+precision\s+recall\s+F1$/m);
    expect(text).toMatch(/^dates\s+1\s+0\s+1\s+1\.000\s+0\.500\s+0\.667$/m);
    expect(text).toMatch(/^overall \(micro\)\s+2\s+1\s+1\s+0\.667\s+0\.667\s+0\.667$/m);
    expect(text).toMatch(/^b\.html\s+1\s+1\s+0/m);
    expect(text).toContain('missed dates         2020');
    expect(text).toContain('wrong  territories   Paris');
    expect(formatReport(r)).not.toContain('missed');
  });
});

describe('the fixtures', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readDocument } = await import('./readers.js');
  const dir = join(import.meta.dirname, 'fixtures');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('are six or more annotated documents, one of them HTML', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).doc).some((d: string) => d.endsWith('.html'))).toBe(true);
  });

  it.each(files)('%s follows the annotation guide, its spans written in its document', async (file) => {
    const ann = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Annotation;
    expect(Object.keys(ann)).toEqual(['doc', 'dates', 'amounts', 'quantities', 'organisations', 'territories', 'partnerships']);
    expect(file.replace(/\.json$/, '')).toBe(ann.doc.replace(/\.[a-z]+$/, ''));
    const { text } = await readDocument(readFileSync(join(dir, ann.doc)), ann.doc);
    for (const d of ann.dates) { expect(text).toContain(d.text); expect(d.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/); }
    for (const a of ann.amounts) { expect(text).toContain(a.text); expect(a.currency).toMatch(/^[A-Z]{3}$/); expect(a.value).toBeGreaterThan(0); }
    for (const q of ann.quantities) { expect(text).toContain(q.text); expect(q.unit).toBe(q.unit.toLowerCase()); }
    for (const e of [...ann.organisations, ...ann.territories]) expect(e.forms.some((f) => text.includes(f)), e.forms[0]).toBe(true);
    for (const t of ann.territories) expect(t.country).toMatch(/^[A-Z]{2}$/);
    for (const p of ann.partnerships) {
      expect(p.parties.length).toBeGreaterThanOrEqual(2);
      for (const party of p.parties) expect(party.some((f) => text.includes(f)), party[0]).toBe(true);
    }
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(ann.dates.map((d) => d.value));
    unique(ann.amounts.map((a) => `${a.value} ${a.currency}`));
    unique(ann.quantities.map((q) => `${q.value} ${q.unit}`));
  });
});

describe('npm run eval:extract', () => {
  it('scores the annotations of --dir, finds their documents in --texts, reports what it skipped, exits 0', { timeout: 60_000 }, async () => {
    const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'eval-extract-'));
    try {
      mkdirSync(join(dir, 'ann')); mkdirSync(join(dir, 'texts'));
      const none = { dates: [], amounts: [], quantities: [], organisations: [], territories: [], partnerships: [] };
      writeFileSync(join(dir, 'ann', 'a.json'), JSON.stringify({ doc: 'a.txt', ...none }));
      writeFileSync(join(dir, 'texts', 'a.txt'), 'Rien à signaler.');
      writeFileSync(join(dir, 'ann', 'b.json'), JSON.stringify({ doc: 'absent.txt', ...none }));
      writeFileSync(join(dir, 'ann', 'other.json'), JSON.stringify({ name: 'not an annotation' }));
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-extract.ts', '--only-dirs', '--dir', join(dir, 'ann'), '--texts', join(dir, 'texts'), '--json'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.documents.map((d: { doc: string }) => d.doc)).toEqual(['a.txt']);
      expect(report.overall).toMatchObject({ tp: 0, fp: 0, fn: 0, f1: 1 });
      expect(report.problems).toEqual(['b.json: absent.txt not found next to it nor in --texts']);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
