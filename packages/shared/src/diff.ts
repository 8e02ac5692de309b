/** A readable diff of two record snapshots: the paths whose values changed ("funding.0.amount": 80000 → 90000). */
export interface Change { path: string; before: unknown; after: unknown }

const IGNORED = new Set(['version', 'createdAt', 'updatedAt']);
/** One collator for every diff (building one per comparison made history pages slow). */
const PATH_ORDER = new Intl.Collator('en', { numeric: true });

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (!value.length) out.set(prefix, []);
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([k]) => !IGNORED.has(k));
    if (!entries.length && prefix) out.set(prefix, {});
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value ?? null);
  }
}

export function diffRecords(before: unknown, after: unknown): Change[] {
  const a = new Map<string, unknown>(), b = new Map<string, unknown>();
  flatten(before ?? {}, '', a);
  flatten(after ?? {}, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort(PATH_ORDER.compare);
  return paths
    .filter((p) => JSON.stringify(a.get(p) ?? null) !== JSON.stringify(b.get(p) ?? null))
    .map((p) => ({ path: p, before: a.has(p) ? a.get(p) : null, after: b.has(p) ? b.get(p) : null }));
}
