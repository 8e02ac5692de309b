/**
 * Seed 003 — the Ville de Cergy's page "Coopération avec Hué": the 2018 partnership, three delegations in
 * 2023, the Ateliers' mission, projects since 2019, and Cergy's other partners (Thiès, Saffa).
 */
import type { SeedDocument } from '../types.js';

const SOURCE_LABEL = 'Ville de Cergy – page « Coopération avec Hué »';

export const d003: SeedDocument = {
  source: { id: 'seed-003', title: 'Cergy – Huế : la coopération vue par la Ville de Cergy', filename: '003_42ffba44045cda45.txt' },
  territories: [
    { id: 'SN-TH', kind: 'region', name: 'Région de Thiès', parentId: 'SN', country: 'SN', codes: { iso3166_2: 'SN-TH' },
      names: { fr: 'Région de Thiès', en: 'Thiès Region' }, aliases: ['Thiès (région)'] },
    { id: 'SN-C-thies', kind: 'city', name: 'Thiès', parentId: 'SN-TH', country: 'SN', names: { fr: 'Thiès', en: 'Thiès' },
      aliases: ['Thies', 'ville de Thiès'], lat: 14.791, lon: -16.9359 },
    { id: 'PS-RBH', kind: 'province', name: 'Gouvernorat de Ramallah et al-Bireh', parentId: 'PS', country: 'PS', codes: { iso3166_2: 'PS-RBH' },
      names: { fr: 'Gouvernorat de Ramallah et al-Bireh', en: 'Ramallah and al-Bireh Governorate' }, aliases: ['Ramallah'] },
    { id: 'PS-C-saffa', kind: 'city', name: 'Saffa', parentId: 'PS-RBH', country: 'PS', names: { fr: 'Saffa', en: 'Saffa', local: 'صفا' },
      aliases: ['ville de Saffa', 'Safa'] },
  ],
  territoryChanges: [
    {
      fromId: 'VN-C-hue', toId: 'VN-2025-46', kind: 'absorbed', onDate: '2025-01-01',
      note: 'Le 1er janvier 2025, la province de Thừa Thiên Huế devient la ville-province de Huế, relevant directement du gouvernement central ; l’ancienne ville provinciale de Huế y est fondue et son territoire réparti entre les arrondissements de Phú Xuân et de Thuận Hóa.',
    },
  ],
  organisations: [
    {
      id: 'ville-cergy', kind: 'collectivite', name: 'Ville de Cergy', territoryId: 'FR-C-95127', aliases: ['Cergy', 'ville de Cergy'],
      description: 'Commune du Val-d’Oise engagée depuis 2005 dans une politique internationale tournée vers le dialogue entre les peuples ; partenaire de Huế, de Thiès et de Saffa.',
    },
    {
      id: 'thua-thien-hue-cp', kind: 'collectivite', name: 'Comité populaire de la province de Thừa Thiên Huế', territoryId: 'VN-P-46', country: 'VN',
      names: { fr: 'Province de Thua Thien Hué', en: 'Thua Thien Hue Provincial People’s Committee', vi: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế' },
      aliases: ['Province de Thua Thien Hué', 'Thua Thien Hué', 'Thừa Thiên Huế', 'Thua Thien Hue'],
      description: 'Autorité de la province devenue, le 1er janvier 2025, la ville-province de Huế.',
    },
    { id: 'unesco', kind: 'international', name: 'UNESCO', acronyms: ['UNESCO'], aliases: ['Organisation des Nations unies pour l’éducation, la science et la culture'] },
    {
      id: 'cma-95', kind: 'chamber', name: 'Chambre de métiers et de l’artisanat du Val-d’Oise', acronyms: ['CMA 95'], country: 'FR',
      aliases: ["Chambre de Métiers et de l'Artisanat du Val d'Oise", "Chambre de Métiers et de l'Artisanat", 'CMA du Val-d’Oise'],
    },
    { id: 'office-tourisme-cergy-pontoise', kind: 'agency', name: 'Office de tourisme de Cergy-Pontoise', aliases: ['Office du Tourisme', 'Office de tourisme'], country: 'FR' },
    {
      // The page names "l'École de Tourisme de Hué" and "l'École Supérieure du Tourisme" in the same context: read as one school.
      id: 'ecole-tourisme-hue', kind: 'school', name: 'École de tourisme de Hué', country: 'VN',
      aliases: ['École de Tourisme de Hué', 'École Supérieure du Tourisme', 'École supérieure du tourisme de Hué'],
    },
    { id: 'universite-cy', kind: 'university', name: 'CY Cergy Paris Université', acronyms: ['CY'], aliases: ['Université CY'], country: 'FR' },
    { id: 'cour-des-arts-vaureal', kind: 'association', name: 'Cour des arts de Vauréal', country: 'FR' },
    { id: 'france-vietnam-cergy', kind: 'association', name: 'France Vietnam', aliases: ['association France Vietnam'], country: 'FR',
      description: 'Association locale de Cergy qui a contribué au programme de la délégation de février 2023.' },
    { id: 'party-pris', kind: 'association', name: 'Party Pris', country: 'FR' },
    {
      id: 'ateliers-cergy', kind: 'association', name: 'Les Ateliers internationaux de maîtrise d’œuvre urbaine de Cergy-Pontoise', country: 'FR',
      aliases: ["Les Ateliers Internationaux de Maîtrise d'Oeuvre Urbaine de Cergy-Pontoise", 'Les Ateliers', 'Ateliers internationaux'],
      description: 'Association réunissant des compétences en urbanisme, architecture, économie et autres disciplines de la fabrique urbaine.',
    },
    { id: 'college-moulin-a-vent', kind: 'school', name: 'Collège du Moulin à Vent', country: 'FR' },
    { id: 'college-tran-cao-van', kind: 'school', name: 'Collège Trần Cao Vân', country: 'VN',
      aliases: ['Collège Tràn Cao Vân de Hué', 'Collège Tràn Cao Vân', 'Collège Tran Cao Van'] },
    {
      // Written "Thái Nghi D~~Đ~~ng" (a struck-out letter): read as Thái Nghi Đường.
      id: 'club-thai-nghi-duong', kind: 'association', name: 'Club Thái Nghi Đường (võ Việt Nam)', country: 'VN',
      aliases: ['club Thái Nghi Đường de Vo Vietnam', 'Thái Nghi Đường', 'Thai Nghi Duong', 'Thái Nghi DĐng'],
    },
    { id: 'licorne-hue', kind: 'association', name: 'Groupe de danse de la licorne de Hué', country: 'VN', aliases: ['groupe de danse de la licorne'] },
    { id: 'vo-dan-toc-cergy', kind: 'association', name: 'Arts Martiaux Vo Dan Toc', country: 'FR',
      aliases: ['association Arts Martiaux Vo Dan Toc de Cergy', 'Arts Martiaux Vo Dan Toc de Cergy'] },
    { id: 'ville-thies', kind: 'collectivite', name: 'Ville de Thiès', territoryId: 'SN-C-thies', country: 'SN', aliases: ['Thiès', 'ville de Thiès'] },
    { id: 'ville-saffa', kind: 'collectivite', name: 'Ville de Saffa', territoryId: 'PS-C-saffa', country: 'PS', aliases: ['Saffa', 'ville de Saffa'] },
  ],
  partnerships: [
    {
      id: 'cergy-hue', title: 'Cergy – Huế', kind: 'cooperation', status: 'active', started: '2018',
      summary: 'Partenariat entre la Ville de Cergy et la ville de Huế, signé en 2018 et ouvert par la venue d’une délégation de Huế à Cergy. Il associe artisans, artistes, écoles, clubs et acteurs du tourisme et de l’urbanisme des deux villes, avec plusieurs délégations croisées en 2023.',
      themes: ['culture.arts', 'culture.patrimoine', 'eco.artisanat', 'eco.tourisme', 'urb.urbanisme', 'edu.scolaire'],
      parties: [{ organisationId: 'ville-cergy', side: 'fr' }, { organisationId: 'ville-hue', side: 'foreign' }],
      // The page only says "partenariat de coopération signé en 2018": the kind of instrument is not given.
      agreements: [{ id: 'cergy-hue-accord-2018', kind: 'other', title: 'Partenariat de coopération', signed: '2018' }],
    },
    {
      id: 'cergy-thies', title: 'Cergy – Thiès', kind: 'cooperation', status: 'active',
      summary: 'Coopération de la Ville de Cergy avec Thiès, au Sénégal, que la page ne fait que mentionner ; Thiès a pris part en 2020 aux échanges culturels de jeunes montés avec Huế et Saffa.',
      themes: ['culture.arts', 'jeunesse.echanges'],
      parties: [{ organisationId: 'ville-cergy', side: 'fr' }, { organisationId: 'ville-thies', side: 'foreign' }],
    },
    {
      id: 'cergy-saffa', title: 'Cergy – Saffa', kind: 'cooperation', status: 'active',
      summary: 'Coopération de la Ville de Cergy avec Saffa, en Palestine, que la page ne fait que mentionner ; Saffa a pris part en 2020 aux échanges culturels de jeunes montés avec Huế et Thiès.',
      themes: ['culture.arts', 'jeunesse.echanges'],
      parties: [{ organisationId: 'ville-cergy', side: 'fr' }, { organisationId: 'ville-saffa', side: 'foreign' }],
    },
  ],
  projects: [
    {
      id: 'cergy-hue-echanges-culturels-2023', partnershipId: 'cergy-hue', title: 'Échanges culturels entre Cergy et Hué',
      description: 'Projet de deux ans qui fait travailler ensemble des artisans et des artistes de Huế et de Cergy, avec un cofinancement du ministère de l’Europe et des Affaires étrangères.',
      start: '2023', end: '2024', themes: ['culture.arts', 'eco.artisanat'], places: ['FR-C-95127', 'VN-C-hue'],
      participants: [{ organisationId: 'ville-cergy', role: 'lead' }, { organisationId: 'ville-hue', role: 'operational' }, { organisationId: 'meae', role: 'financial' }],
    },
    {
      id: 'cergy-jeunesse-echanges-culturels-2020', partnershipId: 'cergy-hue', title: 'Échanges culturels pour la jeunesse entre Cergy, Huế, Thiès et Saffa',
      description: 'Projet lancé en 2020 avec l’aide financière du ministère de l’Europe et des Affaires étrangères : échanges artistiques entre les jeunes de Cergy et de ses trois villes partenaires.',
      status: 'closed', start: '2020', themes: ['jeunesse.echanges', 'culture.arts'],
      places: ['FR-C-95127', 'VN-C-hue', 'SN-C-thies', 'PS-C-saffa'],
      participants: [
        { organisationId: 'ville-cergy', role: 'lead' }, { organisationId: 'ville-hue', role: 'operational' },
        { organisationId: 'ville-thies', role: 'operational' }, { organisationId: 'ville-saffa', role: 'operational' },
        { organisationId: 'meae', role: 'financial' },
      ],
    },
    {
      id: 'cergy-hue-correspondance-scolaire', partnershipId: 'cergy-hue', title: 'Correspondance entre le collège du Moulin à Vent et le collège Trần Cao Vân',
      description: 'Depuis 2021, les élèves des deux collèges s’envoient leurs travaux par l’intermédiaire des délégations qui voyagent entre les deux villes. Un projet artistique a fait répondre des dessins aux tampons de bois d’un artiste de Huế aux créations des élèves cergyssois.',
      start: '2021', themes: ['edu.scolaire', 'culture.arts'], places: ['FR-C-95127', 'VN-C-hue'],
      participants: [{ organisationId: 'college-moulin-a-vent', role: 'operational' }, { organisationId: 'college-tran-cao-van', role: 'operational' }],
    },
    {
      id: 'cergy-hue-clubs-culturels', partnershipId: 'cergy-hue', title: 'Échanges entre clubs d’arts martiaux et de danse traditionnelle',
      description: 'Depuis 2019, le club Thái Nghi Đường et le groupe de danse de la licorne de Huế échangent avec l’association Arts Martiaux Vo Dan Toc de Cergy, ce qui fait connaître les arts traditionnels vietnamiens dans les deux villes.',
      start: '2019', themes: ['culture.patrimoine', 'culture.arts', 'jeunesse.sport'], places: ['FR-C-95127', 'VN-C-hue'],
      participants: [
        { organisationId: 'club-thai-nghi-duong', role: 'operational' }, { organisationId: 'licorne-hue', role: 'operational' },
        { organisationId: 'vo-dan-toc-cergy', role: 'operational' },
      ],
    },
  ],
  missions: [
    {
      id: 'hue-cergy-2023-02', partnershipId: 'cergy-hue', title: 'Délégation de Huế à Cergy (février 2023)',
      direction: 'incoming', from: '2023-02-15', to: '2023-02-21', placeId: 'FR-C-95127',
      organisations: ['ville-hue', 'thua-thien-hue-cp', 'ville-cergy', 'france-vietnam-cergy', 'party-pris'],
      purpose: 'Des représentants de la ville et de la province de Thừa Thiên Huế découvrent le territoire cergyssois et ses acteurs, au fil d’un programme bâti avec les associations France Vietnam et Party Pris.',
      outcomes: 'Bilan d’un projet terminé en 2022, pistes de collaboration avec des acteurs locaux, et accord pour qu’une délégation de Cergy participe au festival international des métiers traditionnels de Huế.',
    },
    {
      id: 'ateliers-hue-2023-04', partnershipId: 'cergy-hue', title: 'Mission des Ateliers internationaux à Huế',
      direction: 'outgoing', from: '2023-04', to: '2023-04', placeId: 'VN-C-hue',
      organisations: ['ateliers-cergy', 'ville-hue', 'ville-cergy'],
      purpose: 'Apporter à Huế l’expertise des Ateliers en planification urbaine, architecture et économie.',
      outcomes: 'Liens resserrés entre Huế, Cergy et les Ateliers, et partage durable de pratiques d’urbanisme et de développement durable.',
    },
    {
      id: 'cergy-hue-2023-05', partnershipId: 'cergy-hue', title: 'Délégation cergyssoise à Huế (mai 2023)',
      direction: 'outgoing', from: '2023-05', to: '2023-05', placeId: 'VN-C-hue',
      organisations: ['ville-cergy', 'cma-95', 'cour-des-arts-vaureal', 'ville-hue', 'ecole-tourisme-hue'],
      purpose: 'Responsables municipaux, associations, CMA 95 et Cour des arts de Vauréal se rendent à Huế – déplacement que la page rattache aux 12es Assises de Hanoï – pour développer la coopération artistique et artisanale.',
      outcomes: 'Projet d’envois et d’accueils réciproques d’artisans et d’artistes ; pistes de partenariat avec l’école supérieure du tourisme (échanges d’étudiants, séminaire sur les savoir-faire français).',
    },
    {
      id: 'hue-cergy-2023-11', partnershipId: 'cergy-hue', title: 'Délégation de Huế à Cergy (novembre 2023)',
      direction: 'incoming', from: '2023-11-16', to: '2023-11-28', placeId: 'FR-C-95127',
      organisations: ['ville-hue', 'ville-cergy', 'cma-95', 'office-tourisme-cergy-pontoise', 'ecole-tourisme-hue', 'universite-cy'],
      purpose: 'Séjour consacré à la coopération culturelle et artisanale : stand au salon « Noël avant l’heure » de la CMA 95, exposition-vente à l’office du tourisme et participation au Festival des solidarités.',
      outcomes: 'Conventions envisagées entre l’école de tourisme de Huế, la Chambre de métiers et de l’artisanat et CY Cergy Paris Université.',
    },
  ],
  indicators: [
    // "Hué compte environ 600 000 habitants": undated; the page describes events up to November 2023.
    { territoryId: 'VN-C-hue', indicator: 'population', year: 2023, value: 600_000, unit: 'people', source: SOURCE_LABEL },
  ],
};
