/**
 * Seed news (issue 15): seed 004 is itself a news item of Lianes coopération (13 December 2024). Its facts are
 * told here in our own words, linked to the three partnerships it announces; people's names are left out.
 */
import type { Db } from '../../client.js';
import { SYSTEM_CONTEXT } from '../../../lib/actor.js';
import { newsInput } from '../../../features/news/news.schema.js';
import { createNews } from '../../../features/news/news.service.js';

export const seedNews = [{
  doc: 'seed-004',
  draft: {
    id: 'lianes-2024-12-trois-cooperations',
    title: 'Hauts-de-France : trois accords de coopération décentralisée signés en 24 heures',
    summary: 'Lianes coopération salue trois nouveaux accords : la Région avec l’oblast de Dnipropetrovsk, Grande-Synthe avec Sidi Ifni, Villeneuve-d’Ascq avec Tanguiéta.',
    body: [
      'Les nouvelles coopérations décentralisées se font rares ces dernières années ; le réseau régional **Lianes coopération** relève pourtant que trois accords ont été signés dans les Hauts-de-France en l’espace de 24 heures, fin novembre 2024.',
      '',
      '## La Région et l’oblast de Dnipropetrovsk (Ukraine)',
      '',
      'Le 21 novembre 2024, la Région Hauts-de-France a conclu un protocole d’entente de cinq ans avec l’oblast de Dnipropetrovsk, dans la continuité de son soutien à l’Ukraine. Quatre axes : une reconstruction fondée sur l’économie circulaire (dans l’esprit de rev3), la formation des jeunes, des échanges techniques (impression 3D, énergies alternatives) et le savoir-faire régional dans la gestion des fonds européens comme Interreg. La rencontre relève du programme Inspire de Lianes, tourné vers l’Europe de l’Est.',
      '',
      '## Grande-Synthe et Sidi Ifni (Maroc)',
      '',
      'Accompagnée par le programme franco-marocain de Lianes, Grande-Synthe a noué des liens avec Sidi Ifni ; après plusieurs missions d’élus et de services, une convention a été signée au Maroc en février 2024. Elle porte sur la transition écologique et sociale, autour de la réhabilitation d’un parc urbain : nature en ville, économies d’énergie, eau, agriculture urbaine, jeunesse et sport. Une délégation de Sidi Ifni est venue à Grande-Synthe le 22 novembre, pendant le Festival des Solidarités.',
      '',
      '## Villeneuve-d’Ascq et Tanguiéta (Bénin)',
      '',
      'Le 22 novembre 2024, les deux villes ont signé une convention de coopération qui prolonge cinq années d’actions menées depuis 2018 par l’ASNBNF et l’AADACT : classes d’alphabétisation, bourses d’insertion, centre d’apprentissage des métiers de l’artisanat électrifié. Un projet de basket avec l’ESBVA-LM veut désormais offrir aux jeunes filles de Tanguiéta une pratique sportive, levier d’éducation et d’égalité.',
    ].join('\n'),
    publishedOn: '2024-12-13',
    authorOrganisationId: 'lianes',
    lang: 'fr',
    links: [
      { kind: 'partnership', id: 'hdf-dnipropetrovsk' },
      { kind: 'partnership', id: 'grande-synthe-sidi-ifni' },
      { kind: 'partnership', id: 'villeneuve-d-ascq-tanguieta' },
    ],
  },
}] as const;

/** Loads the seed news through the service (links checked, countries kept), each tied to its source document. */
export async function loadSeedNews(db: Db): Promise<void> {
  for (const { doc, draft } of seedNews) {
    try {
      await createNews(db, SYSTEM_CONTEXT.actor, newsInput.parse(draft), { sourceDocumentId: doc });
    } catch (err) {
      throw new Error(`seed ${doc}, news ${draft.id}: ${(err as Error).message}`, { cause: err });
    }
  }
}
