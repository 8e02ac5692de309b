/**
 * The thematic tree of decentralised cooperation, on the model of the ministry's Atlas
 * (theme › sub-theme › sub-sub-theme), each node mapped to OECD-DAC 5-digit sector codes
 * (IATI Sector codelist) and UN Sustainable Development Goals (1–17).
 * Ids are dotted paths so that a child names its parent: "env.eau-dechets.assainissement".
 */
export interface ThemeNode { id: string; fr: string; en: string; vi: string; dac: string[]; sdg: number[]; children?: ThemeNode[] }

export const themeTree: ThemeNode[] = [
  { id: 'env', fr: 'Environnement, climat et énergie', en: 'Environment, climate and energy', vi: 'Môi trường, khí hậu và năng lượng', dac: ['41010'], sdg: [13], children: [
    { id: 'env.eau-dechets', fr: 'Eau et déchets', en: 'Water and waste', vi: 'Nước và chất thải', dac: ['14010', '14020', '14030', '14050'], sdg: [6, 12], children: [
      { id: 'env.eau-dechets.eau-potable', fr: 'Eau potable', en: 'Drinking water', vi: 'Nước sạch', dac: ['14021', '14031'], sdg: [6] },
      { id: 'env.eau-dechets.assainissement', fr: 'Assainissement', en: 'Sanitation', vi: 'Vệ sinh môi trường', dac: ['14022', '14032'], sdg: [6] },
      { id: 'env.eau-dechets.dechets', fr: 'Gestion des déchets', en: 'Waste management', vi: 'Quản lý chất thải', dac: ['14050'], sdg: [11, 12] },
      { id: 'env.eau-dechets.formation', fr: 'Formation aux métiers de l’eau', en: 'Water sector training', vi: 'Đào tạo ngành nước', dac: ['14081'], sdg: [6, 4] },
    ] },
    { id: 'env.climat', fr: 'Climat et risques', en: 'Climate and risks', vi: 'Khí hậu và rủi ro', dac: ['41010', '43060', '74020'], sdg: [13, 11] },
    { id: 'env.energie', fr: 'Énergie', en: 'Energy', vi: 'Năng lượng', dac: ['23110', '23210', '23183', '23631'], sdg: [7] },
    { id: 'env.biodiversite', fr: 'Biodiversité et espaces naturels', en: 'Biodiversity and natural areas', vi: 'Đa dạng sinh học', dac: ['41030', '41020'], sdg: [15, 14] },
    { id: 'env.economie-circulaire', fr: 'Économie circulaire', en: 'Circular economy', vi: 'Kinh tế tuần hoàn', dac: ['41010', '14050'], sdg: [12] },
    { id: 'env.sensibilisation', fr: 'Éducation à l’environnement', en: 'Environmental education', vi: 'Giáo dục môi trường', dac: ['41081'], sdg: [4, 13] },
  ] },
  { id: 'gouv', fr: 'Gouvernance et appui institutionnel', en: 'Governance and institutional support', vi: 'Quản trị và hỗ trợ thể chế', dac: ['15110'], sdg: [16], children: [
    { id: 'gouv.decentralisation', fr: 'Décentralisation et renforcement des collectivités', en: 'Decentralisation and local government capacity', vi: 'Phân cấp và tăng cường năng lực chính quyền địa phương', dac: ['15112'], sdg: [16, 17] },
    { id: 'gouv.finances', fr: 'Finances locales', en: 'Local finance', vi: 'Tài chính địa phương', dac: ['15111'], sdg: [17] },
    { id: 'gouv.citoyennete', fr: 'Citoyenneté et société civile', en: 'Citizenship and civil society', vi: 'Công dân và xã hội dân sự', dac: ['15150'], sdg: [16] },
    { id: 'gouv.juridique', fr: 'Coopération juridique', en: 'Legal cooperation', vi: 'Hợp tác pháp lý', dac: ['15130'], sdg: [16] },
    { id: 'gouv.fonds-europeens', fr: 'Gestion des fonds européens', en: 'Managing European funds', vi: 'Quản lý quỹ châu Âu', dac: ['15111', '15112'], sdg: [17] },
  ] },
  { id: 'eco', fr: 'Développement économique', en: 'Economic development', vi: 'Phát triển kinh tế', dac: ['25010'], sdg: [8], children: [
    { id: 'eco.entreprises', fr: 'Entreprises et échanges économiques', en: 'Business and economic exchanges', vi: 'Doanh nghiệp và trao đổi kinh tế', dac: ['25030', '32130', '33120'], sdg: [8, 9] },
    { id: 'eco.artisanat', fr: 'Artisanat et métiers', en: 'Crafts and trades', vi: 'Thủ công và ngành nghề', dac: ['32140'], sdg: [8] },
    { id: 'eco.tourisme', fr: 'Tourisme', en: 'Tourism', vi: 'Du lịch', dac: ['33210'], sdg: [8] },
    { id: 'eco.technologies', fr: 'Technologies et industrie', en: 'Technology and industry', vi: 'Công nghệ và công nghiệp', dac: ['32120', '32182'], sdg: [9] },
    { id: 'eco.emploi', fr: 'Emploi et insertion', en: 'Employment and integration', vi: 'Việc làm và hòa nhập', dac: ['16020'], sdg: [8] },
  ] },
  { id: 'agri', fr: 'Agriculture et sécurité alimentaire', en: 'Agriculture and food security', vi: 'Nông nghiệp và an ninh lương thực', dac: ['31110'], sdg: [2], children: [
    { id: 'agri.developpement-rural', fr: 'Développement rural', en: 'Rural development', vi: 'Phát triển nông thôn', dac: ['43040', '31120'], sdg: [2, 1] },
    { id: 'agri.filieres', fr: 'Filières agricoles et élevage', en: 'Farming and livestock chains', vi: 'Chuỗi nông nghiệp và chăn nuôi', dac: ['31161', '31163', '32161'], sdg: [2] },
    { id: 'agri.securite-alimentaire', fr: 'Sécurité alimentaire', en: 'Food security', vi: 'An ninh lương thực', dac: ['43071'], sdg: [2] },
  ] },
  { id: 'urb', fr: 'Aménagement et ville durable', en: 'Planning and sustainable cities', vi: 'Quy hoạch và đô thị bền vững', dac: ['43030'], sdg: [11], children: [
    { id: 'urb.urbanisme', fr: 'Urbanisme et planification', en: 'Urban planning', vi: 'Quy hoạch đô thị', dac: ['43030'], sdg: [11] },
    { id: 'urb.habitat', fr: 'Habitat', en: 'Housing', vi: 'Nhà ở', dac: ['16030', '16040'], sdg: [11] },
    { id: 'urb.transports', fr: 'Transports et mobilité', en: 'Transport and mobility', vi: 'Giao thông', dac: ['21010', '21020'], sdg: [11, 9] },
    { id: 'urb.ville-intelligente', fr: 'Ville intelligente et numérique', en: 'Smart city and digital', vi: 'Thành phố thông minh và chuyển đổi số', dac: ['22040', '43030'], sdg: [9, 11] },
  ] },
  { id: 'edu', fr: 'Éducation, formation et recherche', en: 'Education, training and research', vi: 'Giáo dục, đào tạo và nghiên cứu', dac: ['11110'], sdg: [4], children: [
    { id: 'edu.scolaire', fr: 'Éducation scolaire et échanges d’élèves', en: 'School education and pupil exchanges', vi: 'Giáo dục phổ thông và trao đổi học sinh', dac: ['11220', '11320'], sdg: [4] },
    { id: 'edu.professionnelle', fr: 'Formation professionnelle', en: 'Vocational training', vi: 'Đào tạo nghề', dac: ['11330'], sdg: [4, 8] },
    { id: 'edu.superieur', fr: 'Enseignement supérieur et recherche', en: 'Higher education and research', vi: 'Giáo dục đại học và nghiên cứu', dac: ['11420', '43082'], sdg: [4, 9] },
    { id: 'edu.numerique', fr: 'Formation au numérique', en: 'Digital skills', vi: 'Đào tạo kỹ năng số', dac: ['11430', '22040'], sdg: [4, 9] },
    { id: 'edu.alphabetisation', fr: 'Alphabétisation', en: 'Literacy', vi: 'Xóa mù chữ', dac: ['11231'], sdg: [4] },
  ] },
  { id: 'sante', fr: 'Santé et action sociale', en: 'Health and social action', vi: 'Y tế và công tác xã hội', dac: ['12110'], sdg: [3], children: [
    { id: 'sante.soins', fr: 'Accès aux soins et hôpitaux', en: 'Health care and hospitals', vi: 'Chăm sóc sức khỏe và bệnh viện', dac: ['12220', '12230', '12191'], sdg: [3] },
    { id: 'sante.maternelle', fr: 'Santé maternelle et infantile', en: 'Maternal and child health', vi: 'Sức khỏe bà mẹ và trẻ em', dac: ['13020'], sdg: [3] },
    { id: 'sante.social', fr: 'Protection sociale', en: 'Social protection', vi: 'Bảo trợ xã hội', dac: ['16010'], sdg: [1, 10] },
  ] },
  { id: 'genre', fr: 'Égalité femmes-hommes et droits', en: 'Gender equality and rights', vi: 'Bình đẳng giới và quyền', dac: ['15170'], sdg: [5], children: [
    { id: 'genre.droits-femmes', fr: 'Droits des femmes', en: 'Women’s rights', vi: 'Quyền phụ nữ', dac: ['15170', '15180'], sdg: [5] },
    { id: 'genre.droits-humains', fr: 'Droits humains', en: 'Human rights', vi: 'Quyền con người', dac: ['15160'], sdg: [16, 10] },
    { id: 'genre.travail', fr: 'Conditions de travail', en: 'Working conditions', vi: 'Điều kiện lao động', dac: ['16080'], sdg: [8] },
  ] },
  { id: 'culture', fr: 'Culture, patrimoine et tourisme', en: 'Culture, heritage and tourism', vi: 'Văn hóa, di sản và du lịch', dac: ['16061'], sdg: [11], children: [
    { id: 'culture.patrimoine', fr: 'Patrimoine', en: 'Heritage', vi: 'Di sản', dac: ['16066'], sdg: [11] },
    { id: 'culture.arts', fr: 'Échanges artistiques et culturels', en: 'Artistic and cultural exchanges', vi: 'Giao lưu văn hóa nghệ thuật', dac: ['16066'], sdg: [11, 17] },
  ] },
  { id: 'jeunesse', fr: 'Jeunesse et sport', en: 'Youth and sport', vi: 'Thanh niên và thể thao', dac: ['16065'], sdg: [4, 10], children: [
    { id: 'jeunesse.echanges', fr: 'Échanges de jeunes', en: 'Youth exchanges', vi: 'Giao lưu thanh niên', dac: ['11231', '99820'], sdg: [4, 17] },
    { id: 'jeunesse.sport', fr: 'Sport', en: 'Sport', vi: 'Thể thao', dac: ['16065'], sdg: [3, 5] },
  ] },
  { id: 'urgence', fr: 'Urgence, reconstruction et paix', en: 'Emergency, reconstruction and peace', vi: 'Khẩn cấp, tái thiết và hòa bình', dac: ['72010'], sdg: [16], children: [
    { id: 'urgence.humanitaire', fr: 'Aide humanitaire', en: 'Humanitarian aid', vi: 'Viện trợ nhân đạo', dac: ['72010'], sdg: [1] },
    { id: 'urgence.reconstruction', fr: 'Reconstruction', en: 'Reconstruction', vi: 'Tái thiết', dac: ['73010'], sdg: [11, 16] },
    { id: 'urgence.paix', fr: 'Paix et prévention des conflits', en: 'Peace and conflict prevention', vi: 'Hòa bình và phòng ngừa xung đột', dac: ['15220'], sdg: [16] },
  ] },
  { id: 'sensibilisation', fr: 'Sensibilisation et éducation à la citoyenneté mondiale', en: 'Development awareness and global citizenship', vi: 'Nâng cao nhận thức và công dân toàn cầu', dac: ['99820'], sdg: [4, 17] },
];

export interface FlatTheme { id: string; parentId: string | null; level: number; position: number; labels: { fr: string; en: string; vi: string }; dac: string[]; sdg: number[] }

/** The tree as rows, parents first. */
export function flattenThemes(nodes: ThemeNode[] = themeTree, parentId: string | null = null, level = 1): FlatTheme[] {
  return nodes.flatMap((n, position) => [
    { id: n.id, parentId, level, position, labels: { fr: n.fr, en: n.en, vi: n.vi }, dac: n.dac, sdg: n.sdg },
    ...flattenThemes(n.children ?? [], n.id, level + 1),
  ]);
}

/** "env.eau-dechets.assainissement" → ["env", "env.eau-dechets", "env.eau-dechets.assainissement"]. */
export function themeAncestry(id: string): string[] {
  const parts = id.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

const themeLabels = new Map(flattenThemes().map((t) => [t.id, t.labels]));
/** A theme's label in the reader's language (fr, en, vi; French otherwise), the id itself when unknown. */
export function themeLabelIn(lang: string, id: string): string {
  const labels = themeLabels.get(id);
  return labels ? labels[lang === 'en' || lang === 'vi' ? lang : 'fr'] : id;
}
