/** Seed 000 — the projects of the Seine-Saint-Denis ↔ Hải Dương cooperation, axis by axis. */
import type { ProjectDraft } from '@tandem/shared';

export const d000Projects: ProjectDraft[] = [
  // Eau, assainissement, environnement
  {
    id: 'hai-duong-assainissement-urbain', partnershipId: 'ssd-hai-duong',
    title: 'Réseau d’assainissement urbain et station d’épuration à Hải Dương',
    description: 'Dans un quartier de la ville de Hải Dương, le Département a cofinancé un réseau d’égouts raccordant plusieurs centaines de foyers ainsi qu’une station de traitement des eaux usées au service de deux hôpitaux. Les ouvrages ont été inaugurés en 2013.',
    status: 'closed', end: '2013',
    themes: ['env.eau-dechets.assainissement', 'sante.soins'],
    places: ['VN-C-hai-duong'],
    participants: [
      { organisationId: 'cd93', role: 'lead' }, { organisationId: 'siaap', role: 'technical' },
      { organisationId: 'hai-duong-cp', role: 'operational' }, { organisationId: 'meae', role: 'financial' },
    ],
    results: [{ label: 'Hôpitaux desservis par la nouvelle station d’épuration', value: 2, unit: 'hôpitaux', year: 2013, kind: 'output' }],
  },
  {
    id: 'dong-can-schema-assainissement', partnershipId: 'ssd-hai-duong',
    title: 'Schéma directeur d’assainissement du village de Đồng Cận',
    description: 'Contribution du Département à un plan directeur d’assainissement pour Đồng Cận, village dont l’économie repose sur la fabrication de nouilles de riz et l’élevage de porcs, deux activités qui rejettent beaucoup d’eaux usées.',
    status: 'closed',
    themes: ['env.eau-dechets.assainissement', 'agri.filieres'],
    places: ['VN-V-dong-can'],
    participants: [
      { organisationId: 'cd93', role: 'lead' }, { organisationId: 'siaap', role: 'technical' },
      { organisationId: 'hai-duong-cp', role: 'operational' }, { organisationId: 'meae', role: 'financial' },
    ],
  },
  // Renforcement des compétences des collectivités vietnamiennes
  {
    id: 'avec', partnershipId: 'avec-consortium',
    title: 'AVEC – Action Vietnam Eau',
    description: 'Programme lancé en 2009 par quatre acteurs franciliens qui avaient constaté des besoins de formation communs chez leurs partenaires vietnamiens. Il forme les agents des provinces de Hải Dương et de Yên Bái et des villes de Hanoï et de Huế à l’eau, à l’assainissement et aux déchets, en combinant ateliers pratiques, apports théoriques, études de cas et retours d’expérience. Trois phases ont été menées.',
    start: '2009',
    themes: ['env.eau-dechets.formation', 'env.eau-dechets.assainissement', 'env.eau-dechets.eau-potable', 'env.eau-dechets.dechets', 'gouv.decentralisation'],
    places: ['VN-P-30', 'VN-P-15', 'VN-P-01', 'VN-C-hue'],
    participants: [
      { organisationId: 'cd93', role: 'lead' }, { organisationId: 'cd94', role: 'lead' },
      { organisationId: 'region-idf', role: 'lead' }, { organisationId: 'siaap', role: 'lead' },
      { organisationId: 'meae', role: 'financial' },
    ],
    results: [{ label: 'Stagiaires formés sur les trois phases (plus de 700)', value: 700, unit: 'stagiaires', kind: 'output' }],
  },
  // Droit des femmes
  {
    id: 'phu-nu', partnershipId: 'ssd-hai-duong',
    title: 'Phu Nu – droits et conditions de vie des ouvrières migrantes',
    description: 'Projet conduit par Batik International et soutenu par le Département en faveur des femmes venues des campagnes travailler dans les usines des villes : accès aux droits, conditions de travail et de logement, dans les provinces de Hải Dương et de Vĩnh Phúc.',
    themes: ['genre.droits-femmes', 'genre.travail', 'urb.habitat'],
    places: ['VN-P-30', 'VN-P-26'],
    participants: [
      { organisationId: 'batik-international', role: 'lead' },
      { organisationId: 'batik-international', role: 'operational' }, { organisationId: 'gret', role: 'operational' },
      { organisationId: 'cdi-vietnam', role: 'operational' },
      { organisationId: 'union-femmes-hai-duong', role: 'operational' }, { organisationId: 'union-femmes-vinh-phuc', role: 'operational' },
      { organisationId: 'syndicat-travailleurs-hai-duong', role: 'operational' }, { organisationId: 'syndicat-travailleurs-vinh-phuc', role: 'operational' },
      { organisationId: 'cd93', role: 'financial' }, { organisationId: 'afd', role: 'financial' },
      { organisationId: 'ccfd-terre-solidaire', role: 'financial' }, { organisationId: 'fondation-abbe-pierre', role: 'financial' },
      { organisationId: 'oxfam', role: 'financial' }, { organisationId: 'fondation-weave-our-future', role: 'financial' },
      { organisationId: 'find', role: 'financial' },
    ],
    results: [
      { label: 'Clubs de femmes créés', value: 30, unit: 'clubs', kind: 'output' },
      { label: 'Femmes leaders formées', value: 90, unit: 'femmes', kind: 'output' },
      { label: 'Réunions tenues', value: 560, unit: 'réunions', kind: 'output' },
      { label: 'Logements rénovés', value: 17, unit: 'logements', kind: 'output' },
    ],
  },
  // Formation au numérique
  {
    id: 'innotech-master', partnershipId: 'ssd-hai-duong',
    title: 'Formation qualifiante en informatique de niveau master (Innotech)',
    description: 'Cursus diplômant en informatique, de niveau master, financé par le Département par l’intermédiaire de l’association Innotech. Budget de 230 000 € sur deux ans, dont 80 000 € du Département et 80 000 € du ministère ; la fiche ne précise pas l’origine du reste.',
    themes: ['edu.numerique', 'edu.superieur'],
    places: ['VN-P-30'],
    budget: { amount: 230_000, currency: 'EUR' },
    participants: [
      { organisationId: 'innotech', role: 'lead' },
      { organisationId: 'cd93', role: 'financial' }, { organisationId: 'meae', role: 'financial' },
    ],
    funding: [
      { funderId: 'cd93', amount: 80_000, currency: 'EUR', kind: 'committed' },
      { funderId: 'meae', amount: 80_000, currency: 'EUR', kind: 'committed' },
    ],
    results: [{ label: 'Étudiants formés', value: 15, unit: 'étudiants', kind: 'output' }],
  },
  // Échanges de jeunes
  {
    id: 'echange-marionnettistes-2014', partnershipId: 'ssd-hai-duong',
    title: 'Échange de marionnettistes – année croisée France-Vietnam',
    description: 'Échange entre marionnettistes financé par le Département dans le cadre de l’année croisée France-Vietnam, avec La Nef de Pantin.',
    status: 'closed', start: '2014', end: '2014',
    themes: ['jeunesse.echanges', 'culture.arts'],
    places: ['FR-C-93055', 'VN-P-30'],
    participants: [{ organisationId: 'cd93', role: 'financial' }, { organisationId: 'la-nef-pantin', role: 'operational' }],
  },
  {
    id: 'coy-jeunes-climat', partnershipId: 'ssd-hai-duong',
    title: 'Deux jeunes à la Conférence des jeunes pour le climat (COY)',
    description: 'Accueil de deux jeunes venus participer à la Conférence des jeunes des Nations unies pour le climat (COY), en lien avec les Zappy meal d’Aubervilliers. La fiche ne date pas cette venue.',
    status: 'closed',
    themes: ['jeunesse.echanges', 'env.climat'],
    places: ['FR-C-93001'],
    participants: [{ organisationId: 'cd93', role: 'lead' }, { organisationId: 'zappy-meal', role: 'operational' }],
    results: [{ label: 'Jeunes accueillis', value: 2, unit: 'jeunes', kind: 'output' }],
  },
  {
    id: 'echange-jeunes-montreuil-hai-duong-2016', partnershipId: 'montreuil-hai-duong',
    title: 'Échange de jeunes Montreuil – Hải Dương',
    description: 'Échange de jeunes entre Montreuil et Hải Dương, que le Département a contribué à faciliter.',
    status: 'closed', start: '2016', end: '2016',
    themes: ['jeunesse.echanges'],
    places: ['FR-C-93048', 'VN-P-30'],
    participants: [{ organisationId: 'ville-montreuil', role: 'lead' }, { organisationId: 'cd93', role: 'technical' }],
  },
  // Culture
  {
    id: 'semaine-annee-croisee-2014', partnershipId: 'ssd-hai-duong',
    title: 'Une semaine d’événements pour l’année croisée France-Vietnam',
    description: 'Une semaine d’une quinzaine de manifestations – culture, gastronomie, histoire, économie – organisée par le Département pour l’année croisée France-Vietnam. La fiche ne dit pas où elles se sont tenues.',
    status: 'closed', start: '2014-06', end: '2014-06',
    themes: ['culture.arts'],
    participants: [{ organisationId: 'cd93', role: 'lead' }],
    results: [{ label: 'Événements organisés (une quinzaine)', value: 15, unit: 'événements', year: 2014, kind: 'output' }],
  },
  // Développement économique
  {
    id: 'salons-economiques-vietnam', partnershipId: 'ssd-hai-duong',
    title: 'Entreprises de Seine-Saint-Denis sur les salons économiques au Vietnam',
    description: 'Soutien du Département, avec la CCI 93, à la participation d’entreprises du territoire à des salons professionnels au Vietnam en 2007, 2008 et 2010.',
    status: 'closed', start: '2007', end: '2010',
    themes: ['eco.entreprises'],
    places: ['VN'],
    participants: [{ organisationId: 'cd93', role: 'lead' }, { organisationId: 'cci-93', role: 'operational' }],
    results: [{ label: 'Salons avec présence d’entreprises soutenue (2007, 2008, 2010)', value: 3, unit: 'salons', kind: 'output' }],
  },
];
