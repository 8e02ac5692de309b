/** Links and documents attached to any record (owner kind + id). */
import type { Db } from '../../db/client.js';

export interface LinkIn { url: string; title?: string | null; kind: string }

export async function insertLinks(db: Db, ownerKind: string, ownerId: string, links: LinkIn[]) {
  await db.query('delete from link where owner_kind = $1 and owner_id = $2', [ownerKind, ownerId]);
  for (const [i, l] of links.entries()) {
    await db.query('insert into link (owner_kind, owner_id, url, title, kind, position) values ($1, $2, $3, $4, $5, $6)', [ownerKind, ownerId, l.url, l.title ?? null, l.kind, i]);
  }
}

export async function listLinks(db: Db, ownerKind: string, ownerId: string) {
  const rows = await db.query('select url, title, kind from link where owner_kind = $1 and owner_id = $2 order by position', [ownerKind, ownerId]);
  return rows.map((r) => ({ url: r.url, title: r.title, kind: r.kind }));
}
