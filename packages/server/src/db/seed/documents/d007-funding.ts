/**
 * Funding calls of the seed: public programmes that support French local authorities' international action, facts
 * only. Dates and amounts that change each year or are not published as a rule are left empty; the recurrence says
 * when a call comes back. Written through the API's service (`createCall`), as the system.
 */
import type { Db } from '../../client.js';
import { SYSTEM_CONTEXT } from '../../../lib/actor.js';
import { callInput } from '../../../features/funding/funding.input.js';
import { createCall } from '../../../features/funding/funding.service.js';

const AUTHORITIES = ['commune', 'epci', 'departement', 'region', 'syndicate'] as const;

export const fundingCalls = [
  {
    id: 'daect-appel-a-projets',
    title: 'Appel à projets du ministère de l’Europe et des Affaires étrangères en soutien à l’action extérieure des collectivités territoriales',
    summary: 'Chaque année, la Délégation pour l’action extérieure des collectivités territoriales (DAECT) du ministère cofinance des projets de coopération décentralisée portés par des collectivités françaises et leurs groupements avec leurs partenaires étrangers.',
    beneficiaries: [...AUTHORITIES], aidTypes: ['grant'], areaTerritoryId: 'FR', recurrence: 'yearly',
    recurrenceNote: 'Appel annuel ; le calendrier et le règlement sont publiés chaque année par la DAECT.',
    funders: ['meae'], instructors: ['daect'],
    sourceUrl: 'https://www.diplomatie.gouv.fr/fr/politique-etrangere-de-la-france/action-exterieure-des-collectivites-territoriales/',
  },
  {
    id: 'afd-ficol',
    title: 'FICOL — Facilité de financement des collectivités territoriales françaises (AFD)',
    summary: 'Subventions de l’Agence française de développement aux collectivités françaises et à leurs groupements pour des projets menés avec une collectivité partenaire d’un pays où l’AFD intervient ; la collectivité française apporte une part du financement.',
    beneficiaries: [...AUTHORITIES], aidTypes: ['grant'], areaTerritoryId: 'FR', recurrence: 'yearly',
    recurrenceNote: 'Dispositif reconduit chaque année ; les dates de dépôt sont fixées par l’AFD.',
    funders: ['afd'], instructors: ['afd'],
    sourceUrl: 'https://www.afd.fr/',
  },
  {
    id: 'un-pour-cent-eau',
    title: '« 1 % eau » — loi Oudin-Santini',
    summary: 'Depuis la loi Oudin-Santini de 2005, les communes, les EPCI et les syndicats chargés de l’eau et de l’assainissement peuvent consacrer jusqu’à 1 % des ressources de ces services à des actions de coopération et de solidarité internationales dans ces domaines ; les agences de l’eau le peuvent aussi.',
    beneficiaries: ['commune', 'epci', 'syndicate'], aidTypes: ['other'], themes: ['env.eau-dechets.eau-potable', 'env.eau-dechets.assainissement'],
    areaTerritoryId: 'FR', recurrence: 'permanent', recurrenceNote: 'Dispositif permanent, décidé par la collectivité elle-même dans son budget.',
  },
  {
    id: 'un-pour-cent-dechets',
    title: '« 1 % déchets » — loi de 2014 sur la politique de développement',
    summary: 'La loi du 7 juillet 2014 d’orientation et de programmation de la politique de développement et de solidarité internationale a ouvert aux collectivités et groupements compétents pour la collecte et le traitement des déchets la possibilité d’y consacrer jusqu’à 1 % de leurs ressources à des actions de coopération dans ce domaine.',
    beneficiaries: ['commune', 'epci', 'syndicate'], aidTypes: ['other'], themes: ['env.eau-dechets.dechets'],
    areaTerritoryId: 'FR', recurrence: 'permanent', recurrenceNote: 'Dispositif permanent, décidé par la collectivité elle-même dans son budget.',
  },
  {
    id: 'un-pour-cent-energie',
    title: '« 1 % énergie » — distribution d’électricité et de gaz',
    summary: 'Depuis la loi de 2006 relative au secteur de l’énergie, les communes, leurs groupements et les syndicats chargés de la distribution publique d’électricité et de gaz peuvent consacrer jusqu’à 1 % des ressources de ces services à des actions de coopération et de solidarité internationales dans ce domaine.',
    beneficiaries: ['commune', 'epci', 'syndicate'], aidTypes: ['other'], themes: ['env.energie'],
    areaTerritoryId: 'FR', recurrence: 'permanent', recurrenceNote: 'Dispositif permanent, décidé par la collectivité elle-même dans son budget.',
  },
];

export async function seedFundingCalls(db: Db): Promise<void> {
  for (const call of fundingCalls) {
    try { await createCall(db, SYSTEM_CONTEXT, callInput.parse(call)); } catch (err) { throw new Error(`seed funding call ${call.id}: ${(err as Error).message}`); }
  }
}
