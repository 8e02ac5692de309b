/** The gazetteer: reference entries with the seed's ids, the cache, and the database's organisations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { findOrganisations } from './entities.js';
import { keyOf, loadGazetteer, type Gazetteer } from './gazetteer.js';

let gaz: Gazetteer;
beforeAll(async () => { gaz = await loadGazetteer({ seed: false }); }, 60_000);

const lookup = (key: string, type: 'territories' | 'organisations' = 'territories') =>
  (gaz[type].get(key) ?? []).map((i) => gaz.entries[i]);

describe('loadGazetteer', () => {
  it('is built once per process', async () => {
    expect(await loadGazetteer({ seed: false })).toBe(gaz);
  });

  it('gives the seed loaders’ ids to France and Vietnam', () => {
    expect(lookup('seine saint denis').map((e) => e.id)).toContain('FR-D-93');
    expect(lookup('ile de france').map((e) => e.id)).toContain('FR-R-11');
    expect(lookup('montreuil').map((e) => e.id)).toContain('FR-C-93048');
    expect(lookup('hai duong')[0]).toMatchObject({ name: 'Hải Dương', id: 'VN-P-30', country: 'VN' });
    expect(lookup('thua thien hue').map((e) => e.id)).toContain('VN-P-46');
    expect(lookup('hue').map((e) => e.id)).toContain('VN-2025-46');
  });

  it('knows countries in French with their usual variants', () => {
    for (const [form, a2] of [['Viêt Nam', 'VN'], ['Corée du Sud', 'KR'], ["Côte d'Ivoire", 'CI'], ['République démocratique du Congo', 'CD'], ['Sénégal', 'SN']]) {
      expect(lookup(keyOf(form)).find((e) => e.kind === 'country')?.id).toBe(a2);
    }
  });

  it('marks communes named like common words, and small ones, as ambiguous', () => {
    expect(lookup('orange').every((e) => e.ambiguous)).toBe(true);
    expect(lookup('tours').every((e) => e.ambiguous)).toBe(true);
    expect(lookup('aubervilliers')[0].ambiguous).toBe(false);
  });

  it('holds the curated organisations with their acronyms, which must be written in capitals', () => {
    expect(lookup('maee', 'organisations')[0].name).toBe('Ministère de l’Europe et des Affaires étrangères');
    expect(lookup('cuf', 'organisations')[0].name).toBe('Cités Unies France');
    expect(gaz.strict.has('afd')).toBe(true);
    expect(findOrganisations('une afd', gaz)).toEqual([]);
  });

  it('keeps the seed documents’ records unless told not to', async () => {
    const withSeed = await loadGazetteer();
    expect((withSeed.territories.get('thies') ?? []).map((i) => withSeed.entries[i].id)).toContain('SN-C-thies');
    expect(gaz.territories.get('thies')).toBeUndefined();
  });
});

describe('loadGazetteer with a database', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDb();
    await db.query("insert into organisation (id, kind, name, acronyms, aliases, country) values ('x-test-org', 'ngo', 'Solidarité Rivières du Sud', '{SRDS}', '{\"Rivières du Sud\"}', 'FR')");
  }, 120_000);
  afterAll(async () => { await db?.close(); });

  it('adds the organisations Tandem holds, found by name, acronym and alias', async () => {
    const withDb = await loadGazetteer({ db });
    const os = findOrganisations('Avec SRDS, puis Rivières du Sud et Solidarité Rivières du Sud.', withDb);
    expect(os).toHaveLength(1);
    expect(os[0]).toMatchObject({ id: 'x-test-org', name: 'Solidarité Rivières du Sud' });
    expect(os[0].mentions).toHaveLength(3);
  }, 60_000);

  it('is cached per database until a write', async () => {
    const first = await loadGazetteer({ db });
    expect(await loadGazetteer({ db })).toBe(first);
    await db.query("update organisation set aliases = '{\"Rivières Sud\"}' where id = 'x-test-org'");
    const next = await loadGazetteer({ db });
    expect(next).not.toBe(first);
    expect(findOrganisations('Avec Rivières Sud.', next)[0]?.id).toBe('x-test-org');
  }, 60_000);
});
