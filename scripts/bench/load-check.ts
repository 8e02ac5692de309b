/**
 * After the load of `npm run bench:load`, with the servers stopped: the database itself (PGlite's data directory or the
 * PostgreSQL database) must hold no more accepted registrations than the event's places, every registration and every
 * submitted answer the servers acknowledged (2xx), and every acknowledged edit (each organisation's version = 1 + its
 * acknowledged edits: none lost, none counted twice).
 */
import type { Acknowledged, Fixtures } from './load-mix.js';

export interface Consistency {
  capacity: number; accepted: number; byStatus: Record<string, number>; overbooked: boolean;
  registrationsAcknowledged: number; registrationsFound: number; acceptedAcknowledged: number;
  answersAcknowledged: number; answersFound: number;
  editsAcknowledged: number; editsFound: number; editsMismatched: string[];
  ok: boolean;
}

export async function checkConsistency(settings: { dataDir?: string; databaseUrl?: string }, f: Fixtures, ack: Acknowledged): Promise<Consistency> {
  const { openDb } = await import('../../packages/server/src/db/client.js');
  const db = await openDb(settings);
  try {
    const [form] = await db.query<{ capacity: number }>('select capacity from registration_form where event_id = $1', [f.eventId]);
    const rows = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from registration where event_id = $1 group by status', [f.eventId]);
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const [regs] = await db.query<{ n: number }>('select count(*)::int as n from registration where id = any($1::text[])', [ack.registrations]);
    const [answers] = await db.query<{ n: number }>('select count(*)::int as n from survey_response where id = any($1::text[]) and submitted_at is not null', [ack.answers]);
    const orgs = await db.query<{ id: string; version: number }>('select id, version from organisation where id = any($1::text[])', [f.orgs.map((o) => o.id)]);
    const editsMismatched = orgs.filter((o) => o.version !== 1 + (ack.edits[o.id] ?? 0)).map((o) => `${o.id}: version ${o.version}, ${ack.edits[o.id]} edits acknowledged`);
    const editsAcknowledged = Object.values(ack.edits).reduce((a, b) => a + b, 0);
    const accepted = byStatus.accepted ?? 0;
    const c: Omit<Consistency, 'ok'> = {
      capacity: form.capacity, accepted, byStatus, overbooked: accepted > form.capacity,
      registrationsAcknowledged: ack.registrations.length, registrationsFound: regs.n, acceptedAcknowledged: ack.accepted,
      answersAcknowledged: ack.answers.length, answersFound: answers.n,
      editsAcknowledged, editsFound: orgs.reduce((a, o) => a + o.version - 1, 0), editsMismatched,
    };
    return { ...c, ok: !c.overbooked && c.registrationsFound === c.registrationsAcknowledged && c.answersFound === c.answersAcknowledged && !editsMismatched.length };
  } finally {
    await db.close();
  }
}

export function printConsistency(c: Consistency, log = console.log): void {
  log(`consistency (read from the database after the run): ${c.ok ? 'OK' : 'FAILED'}`);
  log(`  registrations: ${c.accepted} accepted for ${c.capacity} places${c.overbooked ? ' — OVERBOOKED' : ''} (${JSON.stringify(c.byStatus)}); `
    + `${c.registrationsFound} of the ${c.registrationsAcknowledged} acknowledged (201) found; ${c.acceptedAcknowledged} acknowledged as accepted`);
  log(`  survey answers: ${c.answersFound} of the ${c.answersAcknowledged} acknowledged submissions (200) found submitted`);
  log(`  edits: ${c.editsFound} versions written for ${c.editsAcknowledged} acknowledged (200)${c.editsMismatched.length ? ` — ${c.editsMismatched.join('; ')}` : ''}`);
}
