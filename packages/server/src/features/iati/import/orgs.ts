/**
 * Participating organisations → Tandem organisations: matched by IATI identifier (iati_ref), else by folded name
 * (name or alias), else created (kind from the IATI OrganisationType). Created ones are inserted in bulk per batch.
 */
import { fold, foldedWords, slugify } from '@tandem/shared';
import type { Db } from '../../../db/client.js';
import { kindOfOrgType } from '../codes.js';
import type { OrgMention } from './types.js';

const nameKey = (s: string) => foldedWords(s).join(' ') || fold(s).trim();
const refKey = (s: string) => s.trim().toUpperCase();

interface NewOrg { id: string; kind: string; name: string; iati_ref: string | null; iati_type: string | null }

export class OrgResolver {
  private byRef = new Map<string, string>();
  private byName = new Map<string, string>();
  private ids = new Set<string>();
  private pending: NewOrg[] = [];
  readonly created: string[] = [];

  static async load(db: Db): Promise<OrgResolver> {
    const r = new OrgResolver();
    const rows = await db.query<{ id: string; name: string; aliases: string[]; iati_ref: string | null }>('select id, name, aliases, iati_ref from organisation order by id');
    for (const o of rows) {
      r.ids.add(o.id);
      if (o.iati_ref) r.byRef.set(refKey(o.iati_ref), o.id);
      for (const n of [o.name, ...(o.aliases ?? [])]) if (!r.byName.has(nameKey(n))) r.byName.set(nameKey(n), o.id);
    }
    return r;
  }

  /** The organisation's id, creating it (in the next flush) when nothing matches. */
  resolve(m: OrgMention): string {
    const ref = m.ref ? refKey(m.ref) : null;
    const name = m.name ? nameKey(m.name) : null;
    const found = (ref && this.byRef.get(ref)) || (name && this.byName.get(name));
    if (found) {
      if (ref && !this.byRef.has(ref)) this.byRef.set(ref, found);
      return found;
    }
    const id = this.freeId(m.ref ? slugify(m.ref, 60) : slugify(m.name ?? 'organisation', 60));
    const type = m.type && kindOfOrgType[m.type] ? m.type : null;
    this.pending.push({ id, kind: (type && kindOfOrgType[type]) || 'other', name: m.name || m.ref!, iati_ref: m.ref?.trim() ?? null, iati_type: type });
    this.created.push(id);
    if (ref) this.byRef.set(ref, id);
    if (name) this.byName.set(name, id);
    return id;
  }

  private freeId(base: string): string {
    let id = base;
    for (let i = 2; this.ids.has(id); i++) id = `${base}-${i}`;
    this.ids.add(id);
    return id;
  }

  async flush(db: Db): Promise<void> {
    if (!this.pending.length) return;
    await db.query(`insert into organisation (id, kind, name, iati_ref, iati_type)
      select id, kind, name, iati_ref, iati_type from json_to_recordset($1::json) as x(id text, kind text, name text, iati_ref text, iati_type text)`,
    [JSON.stringify(this.pending)]);
    this.pending = [];
  }
}
