/**
 * Vocabulary of the synthetic generator: where French collectivités cooperate (weights follow the
 * real-world skew of the Atlas: West Africa, the Maghreb, Vietnam, Madagascar, Haïti, Lebanon, Ukraine…),
 * real city names per country, theme weights and French title templates.
 */

/** Country → [weight, real cities (French spelling), how a local authority is named]. Vietnam uses the territory table. */
export const COUNTRIES: Record<string, [number, string[], string]> = {
  SN: [12, ['Dakar', 'Saint-Louis', 'Ziguinchor', 'Thiès', 'Kaolack', 'Podor', 'Matam', 'Louga', 'Tambacounda', 'Kolda', 'Rufisque', 'Fatick', 'Kédougou', 'Bakel', 'Sédhiou'], 'Commune de'],
  MA: [9, ['Rabat', 'Casablanca', 'Fès', 'Marrakech', 'Agadir', 'Meknès', 'Oujda', 'Tanger', 'Tétouan', 'Essaouira', 'Chefchaouen', 'Ouarzazate', 'Figuig', 'Al Hoceïma'], 'Commune de'],
  BF: [9, ['Ouagadougou', 'Bobo-Dioulasso', 'Koudougou', 'Ouahigouya', 'Kaya', 'Banfora', 'Dori', 'Fada N’Gourma', 'Tenkodogo', 'Gaoua', 'Ziniaré', 'Dédougou', 'Réo', 'Yako'], 'Commune de'],
  VN: [8, [], 'Comité populaire de'],
  MG: [7, ['Antananarivo', 'Toamasina', 'Fianarantsoa', 'Mahajanga', 'Toliara', 'Antsirabe', 'Antsiranana', 'Morondava', 'Ambositra', 'Manakara', 'Fort-Dauphin'], 'Commune urbaine de'],
  ML: [6, ['Bamako', 'Kayes', 'Ségou', 'Mopti', 'Sikasso', 'Tombouctou', 'Gao', 'Koulikoro', 'Kita', 'Nioro du Sahel', 'Diéma', 'Yélimané'], 'Commune de'],
  BJ: [6, ['Cotonou', 'Porto-Novo', 'Abomey', 'Parakou', 'Ouidah', 'Natitingou', 'Lokossa', 'Djougou', 'Bohicon', 'Grand-Popo', 'Comè'], 'Commune de'],
  CM: [5, ['Yaoundé', 'Douala', 'Bafoussam', 'Garoua', 'Dschang', 'Maroua', 'Bamenda', 'Kribi', 'Ngaoundéré', 'Bertoua', 'Foumban'], 'Commune de'],
  TN: [5, ['Tunis', 'Sfax', 'Sousse', 'Kairouan', 'Bizerte', 'Monastir', 'Gabès', 'Médenine', 'Jendouba', 'Nabeul', 'Tozeur', 'Mahdia'], 'Municipalité de'],
  HT: [4, ['Port-au-Prince', 'Cap-Haïtien', 'Jacmel', 'Les Cayes', 'Gonaïves', 'Jérémie', 'Saint-Marc', 'Hinche', 'Port-de-Paix', 'Léogâne'], 'Mairie de'],
  LB: [4, ['Beyrouth', 'Tripoli', 'Saïda', 'Tyr', 'Zahlé', 'Byblos', 'Baalbek', 'Jounieh', 'Batroun'], 'Municipalité de'],
  UA: [4, ['Kyiv', 'Lviv', 'Odessa', 'Kharkiv', 'Tchernihiv', 'Vinnytsia', 'Jytomyr', 'Boutcha', 'Irpin', 'Dnipro', 'Zaporijjia'], 'Ville de'],
  PS: [3, ['Bethléem', 'Hébron', 'Naplouse', 'Ramallah', 'Jéricho', 'Jénine', 'Beit Sahour'], 'Municipalité de'],
  NE: [3, ['Niamey', 'Zinder', 'Maradi', 'Agadez', 'Tahoua', 'Dosso', 'Tillabéri'], 'Commune de'],
  TG: [3, ['Lomé', 'Sokodé', 'Kara', 'Atakpamé', 'Kpalimé', 'Dapaong', 'Tsévié'], 'Commune de'],
  CI: [3, ['Abidjan', 'Bouaké', 'Yamoussoukro', 'Korhogo', 'San-Pédro', 'Daloa', 'Man', 'Grand-Bassam'], 'Commune de'],
  DZ: [3, ['Alger', 'Oran', 'Constantine', 'Annaba', 'Tlemcen', 'Béjaïa', 'Sétif', 'Tizi Ouzou'], 'Assemblée populaire communale de'],
  MR: [2, ['Nouakchott', 'Nouadhibou', 'Kaédi', 'Rosso', 'Atar', 'Sélibaby'], 'Commune de'],
  GN: [2, ['Conakry', 'Kindia', 'Labé', 'Kankan', 'Mamou', 'Boké'], 'Commune de'],
  KH: [2, ['Phnom Penh', 'Siem Reap', 'Battambang', 'Kampot', 'Kep', 'Sihanoukville'], 'Province de'],
  CN: [2, ['Wuhan', 'Chengdu', 'Shanghai', 'Xi’an', 'Nankin', 'Canton', 'Kunming'], 'Municipalité de'],
  PL: [2, ['Cracovie', 'Wrocław', 'Poznań', 'Gdańsk', 'Łódź', 'Lublin'], 'Ville de'],
  RO: [2, ['Cluj-Napoca', 'Iași', 'Timișoara', 'Sibiu', 'Brașov'], 'Ville de'],
  AM: [2, ['Erevan', 'Gumri', 'Vanadzor', 'Dilidjan'], 'Communauté de'],
  DE: [2, ['Fribourg-en-Brisgau', 'Stuttgart', 'Munich', 'Mayence', 'Sarrebruck', 'Dresde'], 'Ville de'],
  IT: [2, ['Turin', 'Gênes', 'Florence', 'Naples', 'Bologne'], 'Commune de'],
  CA: [2, ['Québec', 'Montréal', 'Sherbrooke', 'Trois-Rivières'], 'Ville de'],
  LA: [1, ['Vientiane', 'Luang Prabang', 'Savannakhet', 'Paksé'], 'Province de'],
  JP: [1, ['Kyoto', 'Osaka', 'Nagoya', 'Fukuoka', 'Sendai'], 'Ville de'],
  ES: [1, ['Barcelone', 'Saragosse', 'Valence', 'Bilbao'], 'Ville de'],
  BR: [1, ['Curitiba', 'Belo Horizonte', 'Porto Alegre', 'Recife', 'Salvador'], 'Préfecture de'],
  CL: [1, ['Valparaíso', 'Santiago', 'Concepción'], 'Municipalité de'],
  PE: [1, ['Cusco', 'Arequipa', 'Lima'], 'Municipalité de'],
  CO: [1, ['Medellín', 'Bogotá', 'Cali'], 'Mairie de'],
  MX: [1, ['Oaxaca', 'Puebla', 'Guadalajara'], 'Municipalité de'],
  US: [1, ['La Nouvelle-Orléans', 'Chicago', 'Atlanta'], 'Ville de'],
  IL: [1, ['Haïfa', 'Tel-Aviv', 'Beersheba'], 'Municipalité de'],
};

/** A few themes dominate, as in the Atlas (water, sanitation, local governance, training). Unlisted themes weigh 1. */
export const THEME_WEIGHTS: Record<string, number> = {
  'env.eau-dechets.eau-potable': 30, 'gouv.decentralisation': 25, 'env.eau-dechets.assainissement': 22, 'env.eau-dechets.dechets': 15,
  'edu.professionnelle': 12, 'sante.soins': 10, 'agri.developpement-rural': 10, 'culture.patrimoine': 8, 'jeunesse.echanges': 8,
  'eco.tourisme': 6, 'urb.urbanisme': 6, 'env.energie': 6, 'edu.scolaire': 5, 'agri.securite-alimentaire': 5, 'env.climat': 4,
  'sante.maternelle': 4, 'eco.entreprises': 4, 'urgence.reconstruction': 3, 'urgence.humanitaire': 3, 'gouv.finances': 3,
};

/** Title templates by theme (longest matching prefix wins): {a} "à Ziguinchor", {de} "de Ziguinchor", {lieu} "Ziguinchor". */
export const TITLES: Record<string, string[]> = {
  '': ['Programme de coopération avec {lieu}', 'Appui institutionnel {a}', 'Projet de coopération décentralisée {a}'],
  'env': ['Plan d’action environnemental {de}', 'Appui à la transition écologique {a}'],
  'env.eau-dechets': ['Gestion intégrée des ressources en eau {a}', 'Eau et assainissement {a}'],
  'env.eau-dechets.eau-potable': ['Accès à l’eau potable {a}', 'Réhabilitation du réseau d’eau potable {de}', 'Construction de forages et de bornes-fontaines {a}', 'Gestion communautaire des points d’eau {a}', 'Adduction d’eau potable des villages {de}'],
  'env.eau-dechets.assainissement': ['Assainissement des quartiers périphériques {de}', 'Construction de latrines dans les écoles {de}', 'Appui au service d’assainissement {de}', 'Schéma directeur d’assainissement {de}'],
  'env.eau-dechets.dechets': ['Appui à la gestion des déchets {a}', 'Amélioration de la collecte des déchets ménagers {a}', 'Création d’un centre de tri {a}', 'Valorisation des déchets organiques {a}'],
  'env.eau-dechets.formation': ['Formation des techniciens de l’eau {de}', 'Formation aux métiers de l’eau {a}'],
  'env.climat': ['Plan climat territorial {de}', 'Prévention des inondations {a}', 'Adaptation au changement climatique {a}'],
  'env.energie': ['Électrification solaire des centres de santé {de}', 'Éclairage public solaire {a}', 'Efficacité énergétique des bâtiments publics {de}'],
  'env.biodiversite': ['Protection de la mangrove {de}', 'Reboisement et gestion forestière {a}', 'Préservation des zones humides {de}'],
  'env.economie-circulaire': ['Filière de recyclage des plastiques {a}', 'Ressourcerie et réemploi {a}'],
  'env.sensibilisation': ['Éducation à l’environnement dans les écoles {de}'],
  'gouv': ['Appui à la gouvernance locale {a}'],
  'gouv.decentralisation': ['Formation des agents {de}', 'Renforcement des capacités de la collectivité {de}', 'Appui à la maîtrise d’ouvrage communale {a}', 'Modernisation de l’état civil {a}', 'Formation des élus locaux {de}'],
  'gouv.finances': ['Mobilisation des ressources fiscales locales {a}', 'Appui à la gestion budgétaire {de}'],
  'gouv.citoyennete': ['Budget participatif {a}', 'Appui aux conseils de quartier {de}'],
  'gouv.juridique': ['Échanges juridiques avec les services {de}'],
  'gouv.fonds-europeens': ['Gestion des fonds européens {a}'],
  'eco.entreprises': ['Appui aux petites entreprises {de}', 'Mission économique {a}'],
  'eco.artisanat': ['Valorisation de l’artisanat {de}', 'Centre de formation aux métiers de l’artisanat {a}'],
  'eco.tourisme': ['Développement du tourisme solidaire {a}', 'Création d’un office de tourisme {a}'],
  'eco.technologies': ['Transfert de technologies {a}'],
  'eco.emploi': ['Insertion professionnelle des jeunes {de}'],
  'agri': ['Appui à l’agriculture familiale {a}'],
  'agri.developpement-rural': ['Appui au développement rural {a}', 'Aménagement de périmètres maraîchers {a}', 'Pistes rurales et désenclavement {de}'],
  'agri.filieres': ['Structuration de la filière lait {a}', 'Appui aux coopératives agricoles {de}'],
  'agri.securite-alimentaire': ['Sécurité alimentaire des ménages {de}', 'Banques de céréales {a}'],
  'urb.urbanisme': ['Schéma directeur d’aménagement urbain {de}', 'Appui à la planification urbaine {a}', 'Cadastre et adressage {a}'],
  'urb.habitat': ['Réhabilitation de l’habitat ancien {de}'],
  'urb.transports': ['Plan de mobilité urbaine {de}', 'Aménagement de la gare routière {de}'],
  'urb.ville-intelligente': ['Système d’information géographique {de}', 'Numérisation des services municipaux {de}'],
  'edu.scolaire': ['Construction d’écoles {a}', 'Échanges scolaires avec {lieu}', 'Équipement des écoles primaires {de}'],
  'edu.professionnelle': ['Formation professionnelle des jeunes {de}', 'Centre de formation professionnelle {a}', 'Formation des agents techniques {de}'],
  'edu.superieur': ['Coopération universitaire avec {lieu}'],
  'edu.numerique': ['Espaces numériques pour les jeunes {de}'],
  'edu.alphabetisation': ['Alphabétisation des femmes {de}'],
  'sante': ['Appui au système de santé {de}'],
  'sante.soins': ['Appui à l’hôpital {de}', 'Équipement des centres de santé {de}', 'Formation du personnel soignant {de}'],
  'sante.maternelle': ['Santé maternelle et infantile {a}', 'Rénovation de la maternité {de}'],
  'sante.social': ['Protection sociale des personnes âgées {a}'],
  'genre': ['Autonomisation économique des femmes {de}', 'Lutte contre les violences faites aux femmes {a}', 'Promotion des droits humains {a}'],
  'culture': ['Échanges culturels avec {lieu}'],
  'culture.patrimoine': ['Restauration du patrimoine bâti {de}', 'Valorisation du patrimoine {de}', 'Inventaire du patrimoine {de}'],
  'culture.arts': ['Échanges artistiques avec {lieu}', 'Résidences d’artistes {a}'],
  'jeunesse': ['Échanges de jeunes avec {lieu}', 'Chantiers de jeunes {a}', 'Développement du sport {a}'],
  'urgence': ['Aide d’urgence {a}', 'Reconstruction des écoles {de}', 'Dialogue intercommunautaire {a}'],
  'sensibilisation': ['Éducation à la citoyenneté mondiale avec {lieu}'],
};

export const TITLE_SUFFIXES = ['', '', '', '', '', ' (phase 2)', ' – deuxième phase', ' (phase 3)'];

/** Results by theme prefix: [label, unit, typical value]. */
export const RESULTS: Record<string, Array<[string, string, number]>> = {
  '': [['Agents formés', 'personnes', 40], ['Bénéficiaires directs', 'personnes', 2000]],
  'env.eau-dechets.eau-potable': [['Habitants desservis en eau potable', 'habitants', 8000], ['Forages réalisés', 'forages', 6]],
  'env.eau-dechets.assainissement': [['Latrines construites', 'latrines', 60], ['Habitants raccordés', 'habitants', 3000]],
  'env.eau-dechets.dechets': [['Déchets collectés', 't/an', 1200], ['Points de collecte créés', 'points', 25]],
  'edu': [['Jeunes formés', 'personnes', 120], ['Écoles équipées', 'écoles', 8]],
  'sante': [['Consultations', 'consultations/an', 5000], ['Soignants formés', 'personnes', 30]],
};

export const DESCRIPTIONS = [
  'Le projet s’inscrit dans la convention de coopération décentralisée qui lie les deux collectivités.',
  'Il associe les services techniques des deux collectivités et des associations locales.',
  'Des missions d’expertise croisées sont organisées chaque année.',
  'Une attention particulière est portée à la formation des agents et à la pérennité des équipements.',
  'Le projet bénéficie d’un cofinancement au titre de l’appel à projets du ministère.',
  'Les habitants sont associés au diagnostic et au suivi des réalisations.',
];

/** Funders created when the database holds no real ministry/agency to reuse: [id suffix, kind, name, acronym, weight]. */
export const FUNDERS: Array<[string, string, string, string, number]> = [
  ['meae', 'ministry', 'Ministère de l’Europe et des Affaires étrangères', 'MEAE', 40],
  ['afd', 'agency', 'Agence française de développement', 'AFD', 15],
  ['ue', 'international', 'Union européenne', 'UE', 8],
  ['aesn', 'agency', 'Agence de l’eau Seine-Normandie', 'AESN', 5],
  ['aelb', 'agency', 'Agence de l’eau Loire-Bretagne', 'AELB', 4],
  ['aermc', 'agency', 'Agence de l’eau Rhône Méditerranée Corse', 'AERMC', 4],
  ['aeag', 'agency', 'Agence de l’eau Adour-Garonne', 'AEAG', 3],
];

/** Longest key of table that is a prefix of (or equal to) the theme id. */
export function byTheme<T>(table: Record<string, T>, theme: string): T {
  let best = '';
  for (const k of Object.keys(table)) if ((k === '' || theme === k || theme.startsWith(k + '.')) && k.length > best.length) best = k;
  return table[best];
}
