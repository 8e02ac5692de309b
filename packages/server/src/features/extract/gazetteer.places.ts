/** Foreign places often named by French cooperation pages that are neither countries nor capitals: regions and large towns. */
/** [name, ISO country, aliases] */
export const EXTRA_PLACES: Array<[string, string, string[]]> = [
  ['Cisjordanie', 'PS', ['Rive occidentale']], ['Bande de Gaza', 'PS', ['Gaza']], ['Sud-Liban', 'LB', ['Liban-Sud']], ['Kabylie', 'DZ', []],
  ['Casamance', 'SN', []], ['Provence', 'FR', []], ['Bretagne historique', 'FR', []], ['Kurdistan', 'IQ', []], ['Darfour', 'SD', []], ['Sahel', 'ML', []],
  ['Québec', 'CA', ['Quebec']], ['Ontario', 'CA', []], ['Nouveau-Brunswick', 'CA', []], ['Colombie-Britannique', 'CA', []], ['Manitoba', 'CA', []],
  ['Wallonie', 'BE', []], ['Flandre', 'BE', ['Flandres']], ['Catalogne', 'ES', []], ['Andalousie', 'ES', []], ['Galice', 'ES', []],
  ['Bavière', 'DE', []], ['Bade-Wurtemberg', 'DE', []], ['Rhénanie-du-Nord-Westphalie', 'DE', []], ['Toscane', 'IT', []], ['Lombardie', 'IT', []],
  ['Piémont', 'IT', []], ['Sicile', 'IT', []], ['Sardaigne', 'IT', []], ['Souss-Massa', 'MA', []], ['Transnistrie', 'MD', []], ['Donbass', 'UA', []],
];

/** [name, ISO country, aliases, ambiguous (a common word or a surname: only with a place context)] */
export const EXTRA_CITIES: Array<[string, string, string[], boolean?]> = [
  ['Casablanca', 'MA', []], ['Marrakech', 'MA', ['Marrakesh']], ['Fès', 'MA', ['Fez']], ['Tanger', 'MA', []], ['Agadir', 'MA', []], ['Meknès', 'MA', []],
  ['Oujda', 'MA', []], ['Tétouan', 'MA', []], ['Essaouira', 'MA', []], ['Chefchaouen', 'MA', []],
  ['Sfax', 'TN', []], ['Sousse', 'TN', []], ['Kairouan', 'TN', []], ['Bizerte', 'TN', []], ['Gabès', 'TN', []], ['Monastir', 'TN', []],
  ['Oran', 'DZ', [], true], ['Constantine', 'DZ', [], true], ['Annaba', 'DZ', []], ['Tlemcen', 'DZ', []], ['Béjaïa', 'DZ', ['Bejaia']], ['Sétif', 'DZ', []], ['Tizi Ouzou', 'DZ', []],
  ['Ziguinchor', 'SN', []], ['Kaolack', 'SN', []], ['Matam', 'SN', []], ['Podor', 'SN', []], ['Louga', 'SN', []], ['Tambacounda', 'SN', []], ['Kolda', 'SN', []],
  ['Kayes', 'ML', []], ['Mopti', 'ML', []], ['Ségou', 'ML', []], ['Sikasso', 'ML', []], ['Tombouctou', 'ML', []], ['Gao', 'ML', [], true], ['Koulikoro', 'ML', []],
  ['Bobo-Dioulasso', 'BF', []], ['Koudougou', 'BF', []], ['Ouahigouya', 'BF', []], ['Fada N’Gourma', 'BF', ["Fada N'Gourma"]],
  ['Zinder', 'NE', []], ['Maradi', 'NE', []], ['Agadez', 'NE', []], ['Tahoua', 'NE', []],
  ['Cotonou', 'BJ', []], ['Abomey', 'BJ', []], ['Parakou', 'BJ', []], ['Ouidah', 'BJ', []], ['Natitingou', 'BJ', []],
  ['Kpalimé', 'TG', ['Kpalime']], ['Sokodé', 'TG', []], ['Atakpamé', 'TG', []], ['Dapaong', 'TG', []], ['Tsévié', 'TG', []],
  ['Douala', 'CM', []], ['Bafoussam', 'CM', []], ['Garoua', 'CM', []], ['Maroua', 'CM', []], ['Bamenda', 'CM', []],
  ['Abidjan', 'CI', []], ['Bouaké', 'CI', []], ['Korhogo', 'CI', []], ['Fianarantsoa', 'MG', []], ['Toamasina', 'MG', ['Tamatave']], ['Mahajanga', 'MG', ['Majunga']],
  ['Toliara', 'MG', ['Tuléar']], ['Antsirabe', 'MG', []], ['Cap-Haïtien', 'HT', []], ['Jacmel', 'HT', []], ['Gonaïves', 'HT', []],
  ['Saïda', 'LB', []], ['Byblos', 'LB', []], ['Zahlé', 'LB', []], ['Baalbek', 'LB', []], ['Naplouse', 'PS', []], ['Hébron', 'PS', []], ['Bethléem', 'PS', []],
  ['Jéricho', 'PS', []], ['Jénine', 'PS', []], ['Gumri', 'AM', ['Gyumri']], ['Vanadzor', 'AM', []], ['Kharkiv', 'UA', ['Kharkov']], ['Odessa', 'UA', ['Odesa']],
  ['Lviv', 'UA', ['Lvov']], ['Dnipro', 'UA', []], ['Siem Reap', 'KH', []], ['Battambang', 'KH', []], ['Luang Prabang', 'LA', []],
  ['Nouadhibou', 'MR', []], ['Kaédi', 'MR', []], ['Kindia', 'GN', []], ['Kankan', 'GN', []], ['Bukavu', 'CD', []], ['Goma', 'CD', []], ['Lubumbashi', 'CD', []],
];
