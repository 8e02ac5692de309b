/**
 * What a territory "means" to search: its own names, its parents' names, and the names of the units it
 * was merged into, renamed to or came from (territory history). Hải Dương → also "Hải Phòng";
 * the city of Huế → also "Thừa Thiên Huế" and "Thành phố Huế".
 */
import type { Db } from '../../db/client.js';

interface Node { id: string; kind: string; name: string; names: Record<string, string>; aliases: string[]; country: string | null; parent_id: string | null }

export class TerritoryContext {
  private constructor(private nodes: Map<string, Node>, private neighbours: Map<string, Set<string>>) {}

  /** Loads the nodes needed for ids (null: every territory, for a full rebuild). */
  static async load(db: Db, ids: string[] | null): Promise<TerritoryContext> {
    const cols = 'id, kind, name, names, aliases, country, parent_id';
    const nodeRows = ids === null
      ? await db.query<Node>(`select ${cols} from territory`)
      : await db.query<Node>(`with recursive up as (
            select ${cols}, 0 as depth from territory where id = any($1::text[])
            union all select t.id, t.kind, t.name, t.names, t.aliases, t.country, t.parent_id, up.depth + 1
              from territory t join up on t.id = up.parent_id where up.depth < 8)
          select distinct on (id) ${cols} from up`, [ids]);
    const nodes = new Map(nodeRows.map((n) => [n.id, n]));
    const changes = ids === null
      ? await db.query<{ from_id: string; to_id: string }>('select from_id, to_id from territory_change')
      : await db.query<{ from_id: string; to_id: string }>('select from_id, to_id from territory_change where from_id = any($1::text[]) or to_id = any($1::text[])', [[...nodes.keys()]]);
    const neighbours = new Map<string, Set<string>>();
    const link = (a: string, b: string) => { const s = neighbours.get(a) ?? new Set(); s.add(b); neighbours.set(a, s); };
    for (const c of changes) { link(c.from_id, c.to_id); link(c.to_id, c.from_id); }
    const missing = [...neighbours.keys()].filter((id) => !nodes.has(id));
    if (missing.length) for (const n of await db.query<Node>(`select ${cols} from territory where id = any($1::text[])`, [missing])) nodes.set(n.id, n);
    return new TerritoryContext(nodes, neighbours);
  }

  get(id: string): Node | undefined { return this.nodes.get(id); }

  /** The chain from id up to (and including, when asked) its country. */
  chain(id: string, withCountry: boolean): Node[] {
    const out: Node[] = [];
    let cur = this.nodes.get(id);
    for (let i = 0; cur && i < 10; i++) {
      if (cur.kind !== 'country' || withCountry || i === 0) out.push(cur);
      cur = cur.parent_id ? this.nodes.get(cur.parent_id) : undefined;
    }
    return out;
  }

  /** Territory ids a record placed at id is found under: the chain and the history neighbours of each link. */
  facetIds(id: string): string[] {
    const out = new Set<string>();
    for (const n of this.chain(id, true)) {
      out.add(n.id);
      for (const m of this.neighbours.get(n.id) ?? []) out.add(m);
    }
    return [...out];
  }

  /** Every name a record placed at id should be found by. */
  names(id: string, withCountry: boolean): string[] {
    const out: string[] = [];
    for (const n of this.chain(id, withCountry)) {
      out.push(...namesOf(n));
      for (const m of this.neighbours.get(n.id) ?? []) { const nn = this.nodes.get(m); if (nn) out.push(...namesOf(nn)); }
    }
    return out;
  }

  country(id: string): string | null { return this.nodes.get(id)?.country ?? null; }
}

export function namesOf(n: { name: string; names?: Record<string, string> | null; aliases?: string[] | null }): string[] {
  return [n.name, ...Object.values(n.names ?? {}), ...(n.aliases ?? [])].filter(Boolean);
}
