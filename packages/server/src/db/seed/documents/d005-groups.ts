/**
 * Groups of issue 15, from the seeds' facts: Cités Unies France and its Groupe-Pays Vietnam (seed 002: the themes
 * and wishes its members gave for what comes next, the presidency left open; its members are the French
 * authorities of the seeds with Vietnamese partnerships), Lianes coopération (seed 004: offices in Lille and
 * Amiens, the partners listed at the foot of its article as funders, the Hauts-de-France actors as members),
 * pS-Eau (a thematic group on water and sanitation) and the other networks the seeds name, profile only.
 * The restitution of the 12th Assises (seed 002) was the Groupe-Pays' meeting: it is attached to it.
 */
import type { Db } from '../../client.js';

interface GroupSeed {
  id: string; kind: 'network' | 'country_group' | 'thematic_group'; country?: string; themes?: string[]; parentId?: string;
  agenda?: string; vacantRoles?: string[];
  offices?: Array<{ name: string; address: string; territoryId?: string }>;
  funders?: string[];
  members?: Array<{ id: string; role?: string; since?: string }>;
}

const GP_VIETNAM_AGENDA = [
  'Thèmes proposés par les membres pour la suite (restitution des 12e Assises, juin 2023) :',
  '',
  '- santé, en lien avec l’environnement ;',
  '- adaptation au changement climatique, biodiversité, sensibilisation à l’environnement ;',
  '- déchets et assainissement ;',
  '- patrimoine ;',
  '- numérique et coopération juridique ;',
  '- échanges économiques, éducation, jeunesse, égalité femmes-hommes.',
  '',
  'Souhaits : se retrouver autour d’un seul thème à la fois pour échanger, travailler ou se former avec les autres collectivités intéressées ; consolider les coopérations en cours ; aller vers les petites collectivités qui ne sont pas membres et connaissent mal les financements ; rencontrer le groupe d’amitié France-Vietnam du Sénat après son voyage au Vietnam.',
].join('\n');

export const seedGroups: GroupSeed[] = [
  { id: 'cuf', kind: 'network', members: [{ id: 'cuf-gp-vietnam' }] },
  {
    id: 'cuf-gp-vietnam', kind: 'country_group', country: 'VN', parentId: 'cuf', agenda: GP_VIETNAM_AGENDA, vacantRoles: ['president'],
    members: [{ id: 'cd93' }, { id: 'cd94' }, { id: 'region-idf' }, { id: 'ville-montreuil' }, { id: 'ville-cergy' }],
  },
  {
    id: 'lianes', kind: 'network', parentId: 'cirrma',
    offices: [
      { name: 'Bureaux de Lille (MRES)', address: '5 rue Jules de Vicq, 59000 Lille', territoryId: 'FR-C-59350' },
      { name: 'Bureaux d’Amiens (Espace Somme)', address: '6 rue des Hautes Cornes, 80000 Amiens' },
    ],
    funders: ['crajep-hdf', 'cd62', 'cu-dunkerque', 'agence-eau-artois-picardie', 'afd', 'region-hdf', 'meae', 'drjscs-hdf', 'ville-lille',
      'fonjep', 'mel', 'anru', 'fondation-norsys', 'crid', 'cd59', 'caisse-epargne', 'cirrma', 'pole-emploi'],
    members: [{ id: 'region-hdf' }, { id: 'ville-grande-synthe' }, { id: 'ville-villeneuve-d-ascq' }, { id: 'asnbnf' }, { id: 'esbva-lm' }],
  },
  { id: 'ps-eau', kind: 'thematic_group', themes: ['env.eau-dechets'] },
  { id: 'cirrma', kind: 'network', members: [{ id: 'lianes' }] },
  { id: 'crajep-hdf', kind: 'network' },
  { id: 'crid', kind: 'network' },
];

/** The meetings the seeds give a group (event id → group). */
export const seedGroupMeetings: Array<{ eventId: string; groupId: string }> = [{ eventId: 'restitution-assises-12', groupId: 'cuf-gp-vietnam' }];

/** Loads the groups after the records and events (the territories and organisations they name exist by then). */
export async function loadGroups(db: Db): Promise<void> {
  for (const g of seedGroups) {
    await db.query(`insert into group_profile (organisation_id, group_kind, country, themes, parent_id, agenda, vacant_roles) values ($1, $2, $3, $4, $5, $6, $7)`,
      [g.id, g.kind, g.country ?? null, g.themes ?? [], g.parentId ?? null, g.agenda ?? null, g.vacantRoles ?? []]);
    for (const [i, o] of (g.offices ?? []).entries()) {
      await db.query('insert into group_office (id, group_id, position, name, address, territory_id) values ($1, $2, $3, $4, $5, $6)',
        [`${g.id}--office-${i + 1}`, g.id, i, o.name, o.address, o.territoryId ?? null]);
    }
    for (const [i, f] of (g.funders ?? []).entries()) {
      await db.query('insert into group_funder (group_id, organisation_id, position) values ($1, $2, $3)', [g.id, f, i]);
    }
    for (const m of g.members ?? []) {
      await db.query('insert into group_membership (group_id, organisation_id, role, since) values ($1, $2, $3, $4) on conflict do nothing',
        [g.id, m.id, m.role ?? 'member', m.since ?? null]);
    }
  }
  for (const m of seedGroupMeetings) await db.query('update event set group_id = $2 where id = $1', [m.eventId, m.groupId]);
  // the restitution meeting gives back the 12th Assises (seed 002): each sheet shows the other
  await db.query('insert into event_related (event_id, related_id, position) values ($1, $2, 0)', ['restitution-assises-12', 'assises-12']);
}
