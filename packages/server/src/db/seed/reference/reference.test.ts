import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../client.js';
import { migrate } from '../../migrate.js';
import { testDb } from '../../../../test/db.js';
import { loadReference, loadReferenceCounted } from './index.js';
import { parseCsvRows } from './csv.js';

const require = createRequire(import.meta.url);
const cog = (file: string) => require(`@etalab/decoupage-administratif/data/${file}.json`) as Array<Record<string, any>>;
const sectorCodelist = JSON.parse(readFileSync(new URL('../../../../data/reference/iati/codelists/json-en/Sector.json', import.meta.url), 'utf8'));

let db: Db;
beforeAll(async () => { db = await testDb(); });
afterAll(async () => { await db?.close(); });

const one = async <T extends Record<string, any> = Record<string, any>>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0];
const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(`select count(*)::int as n from (${sql}) q`, params)).n;

async function tableCounts(target: Db): Promise<Record<string, number>> {
  const [row] = await target.query(`select (select count(*) from territory)::int as territory, (select count(*) from territory_change)::int as changes,
    (select count(*) from indicator_value)::int as indicators, (select count(*) from theme)::int as themes`);
  return row;
}

describe('countries', () => {
  it('has every ISO 3166-1 country with fr/en/vi names and codes', async () => {
    expect(await count(`select 1 from territory where kind = 'country'`)).toBeGreaterThanOrEqual(249);
    const fr = await one(`select * from territory where id = 'FR'`);
    expect(fr).toMatchObject({ kind: 'country', country: 'FR', name: 'France', parent_id: null });
    expect(fr.names).toEqual({ fr: 'France', en: 'France', vi: 'Pháp' });
    expect(fr.codes).toEqual({ iso3166_1_a2: 'FR', iso3166_1_a3: 'FRA', iso3166_1_num: '250' });
    const vn = await one(`select * from territory where id = 'VN'`);
    expect(vn.names).toEqual({ fr: 'Vietnam', en: 'Vietnam', vi: 'Việt Nam' });
    expect(vn.lat).toBeCloseTo(16.17, 1);
    for (const id of ['UA', 'MA', 'BJ', 'SN', 'PS']) expect(await count(`select 1 from territory where id = $1 and kind = 'country'`, [id])).toBe(1);
  });
});

describe('France', () => {
  it('has the 18 régions (overseas included) and 101 départements', async () => {
    expect(await count(`select 1 from territory where kind = 'region' and country = 'FR'`)).toBe(18);
    expect(await count(`select 1 from territory where kind = 'departement' and country = 'FR'`)).toBe(101);
    expect(await one(`select parent_id, name from territory where id = 'FR-R-04'`)).toEqual({ parent_id: 'FR', name: 'La Réunion' });
    expect(await one(`select parent_id, name from territory where id = 'FR-D-2A'`)).toEqual({ parent_id: 'FR-R-94', name: 'Corse-du-Sud' });
    expect(await count(`select 1 from territory where kind in ('region', 'departement') and country = 'FR' and lat is null`)).toBe(0);
  });

  it('has every current commune and every EPCI of the package', async () => {
    const communes = cog('communes').filter((c) => c.type === 'commune-actuelle');
    expect(await count(`select 1 from territory where kind = 'commune' and id like 'FR-C-%'`)).toBe(communes.length);
    expect(await count(`select 1 from territory where kind = 'epci' and id like 'FR-E-%'`)).toBe(cog('epci').length);
    expect(await count(`select 1 from territory t where t.kind = 'epci' and t.parent_id <> 'FR'
      and not exists (select 1 from territory p where p.id = t.parent_id and p.kind = 'departement')`)).toBe(0);
  });

  it('has Cergy with its codes, coordinates and population', async () => {
    const cergy = await one(`select * from territory where id = 'FR-C-95127'`);
    expect(cergy).toMatchObject({ kind: 'commune', name: 'Cergy', parent_id: 'FR-D-95', country: 'FR' });
    expect(cergy.codes).toEqual({ insee: '95127', siren: '219501277', postcodes: '95000,95800' });
    expect(cergy.lat).toBeCloseTo(49.04, 1);
    expect(cergy.lon).toBeCloseTo(2.05, 1);
    const pop = await one(`select * from indicator_value where territory_id = 'FR-C-95127' and indicator = 'population'`);
    expect(pop).toMatchObject({ year: 2023, unit: 'people', source: 'INSEE, découpage administratif COG 2026 (@etalab/decoupage-administratif)' });
    expect(pop.value).toBe(cog('communes').find((c) => c.code === '95127' && c.type === 'commune-actuelle')!.population);
  });

  it('puts Paris at the mean of its arrondissements and an EPCI under its majority département', async () => {
    const paris = await one(`select lat, lon from territory where id = 'FR-C-75056'`);
    expect(paris.lat).toBeCloseTo(48.86, 1);
    const cergyPontoise = await one(`select * from territory where kind = 'epci' and name like '%Cergy-Pontoise%'`);
    expect(cergyPontoise).toMatchObject({ parent_id: 'FR-D-95', aliases: ['CA'] });
  });
});

describe('Vietnam', () => {
  it('has exactly 63 old and 34 new provinces', async () => {
    expect(await count(`select 1 from territory where id like 'VN-P-%' and parent_id = 'VN' and valid_to is not null`)).toBe(63);
    expect(await count(`select 1 from territory where id like 'VN-2025-%' and parent_id = 'VN' and valid_from is not null`)).toBe(34);
  });

  it('has Hải Dương until 30 June 2025, merged into the new Hải Phòng', async () => {
    const hd = await one(`select * from territory where id = 'VN-P-30'`);
    expect(hd).toMatchObject({ kind: 'province', name: 'Hải Dương', valid_to: '2025-06-30', country: 'VN' });
    expect(hd.names).toEqual({ vi: 'Hải Dương', fr: 'Hai Duong', en: 'Hai Duong', local: 'Tỉnh Hải Dương' });
    expect(hd.aliases).toEqual(expect.arrayContaining(['Hai Duong', 'Tỉnh Hải Dương']));
    expect(hd.codes).toEqual({ gso: '30' });
    expect(hd.lat).toBeCloseTo(20.9, 0);
    const change = await one(`select c.*, t.name as to_name, t.kind as to_kind from territory_change c join territory t on t.id = c.to_id where c.from_id = 'VN-P-30'`);
    expect(change).toMatchObject({ kind: 'merged_into', to_id: 'VN-2025-31', on_date: '2025-07-01', to_name: 'Hải Phòng', to_kind: 'city' });
  });

  it('has Thừa Thiên Huế renamed to Thành phố Huế on 1 January 2025', async () => {
    expect(await one(`select name, valid_to from territory where id = 'VN-P-46'`)).toEqual({ name: 'Thừa Thiên Huế', valid_to: '2024-12-31' });
    const hue = await one(`select * from territory where id = 'VN-2025-46'`);
    expect(hue).toMatchObject({ kind: 'city', valid_from: '2025-01-01' });
    expect(hue.names.local).toBe('Thành phố Huế');
    expect(await one(`select kind, on_date from territory_change where from_id = 'VN-P-46'`)).toEqual({ kind: 'renamed_to', on_date: '2025-01-01' });
  });

  it('gives each of the 63 exactly one outgoing change, of the right kind', async () => {
    const rows = await db.query(`select t.id, count(c.id)::int as n from territory t left join territory_change c on c.from_id = t.id
      where t.id like 'VN-P-%' group by t.id`);
    expect(rows).toHaveLength(63);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(await one(`select kind from territory_change where from_id = 'VN-P-01'`)).toEqual({ kind: 'continued_as' });
    expect(await one(`select kind, to_id from territory_change where from_id = 'VN-P-31'`)).toEqual({ kind: 'merged_into', to_id: 'VN-2025-31' });
  });
});

describe('indicators', () => {
  it("has Vietnam's HDI 2022 from the UNDP report, as in the CSV", async () => {
    const csv = parseCsvRows(readFileSync(new URL('../../../../data/reference/indicators/HDR23-24_Composite_indices_complete_time_series.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, ''));
    const expected = Number(csv.find((r) => r[0] === 'VNM')![csv[0].indexOf('hdi_2022')]);
    expect(expected).toBe(0.726);
    expect(await one(`select value, unit, source from indicator_value where territory_id = 'VN' and indicator = 'hdi' and year = 2022`))
      .toEqual({ value: expected, unit: 'index', source: 'UNDP Human Development Report 2023/24' });
  });

  it('has World Bank and UNDP populations in people, and no aggregates', async () => {
    const wb = await one(`select value from indicator_value where territory_id = 'FR' and indicator = 'population' and year = 2020 and source = 'World Bank WDI SP.POP.TOTL'`);
    expect(wb.value).toBeGreaterThan(60e6);
    const undp = await one(`select value from indicator_value where territory_id = 'VN' and indicator = 'population' and year = 2022 and source like 'UNDP%'`);
    expect(undp.value).toBeGreaterThan(90e6);
    expect(await count(`select 1 from indicator_value i join territory t on t.id = i.territory_id where i.source like 'UNDP%' and t.kind <> 'country'`)).toBe(0);
  });
});

describe('themes', () => {
  it('has the tree, each DAC code in the IATI Sector codelist', async () => {
    const known = new Set(sectorCodelist.data.map((d: { code: string }) => d.code));
    const themes = await db.query<{ id: string; dac_codes: string[] }>(`select id, dac_codes from theme`);
    expect(themes.length).toBeGreaterThan(50);
    for (const t of themes) for (const code of t.dac_codes) expect(known.has(code), `${t.id}: ${code}`).toBe(true);
    expect(await one(`select parent_id, level, labels->>'fr' as fr from theme where id = 'env.eau-dechets'`))
      .toEqual({ parent_id: 'env', level: 2, fr: 'Eau et déchets' });
  });
});

describe('loadReference', () => {
  it('is idempotent on the test database', async () => {
    const before = await tableCounts(db);
    await loadReference(db);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('loads an empty in-memory PGlite, and a second run changes nothing', async () => {
    const mem = await openDb({ memory: true });
    try {
      await migrate(mem);
      const first = await loadReferenceCounted(mem);
      expect(first.countries).toBeGreaterThanOrEqual(249);
      expect(first.vietnam).toEqual({ old: 63, current: 34, changes: 63 });
      const after = await tableCounts(mem);
      expect(after.territory).toBeGreaterThan(36_000);
      const second = await loadReferenceCounted(mem);
      expect(second.countries + second.france.communes + second.indicators.hdr + second.themes).toBe(0);
      expect(await tableCounts(mem)).toEqual(after);
    } finally {
      await mem.close();
    }
  }, 120_000);
});
