/**
 * Labels of the domain's closed vocabularies (enums.ts) in French, English and Vietnamese: record kinds, statuses, kinds of
 * territory, organisation and partnership, kinds of co-financing line. The pages (web's i18n catalogues spread them
 * in) and the server (readable CSV) both need them, so they live here, below both.
 */
import { accountRoles, fundingKinds, missionDirections, organisationKinds, partnershipKinds, partnershipStatuses, projectStatuses, recordKinds, territoryKinds } from './enums.js';

export type LabelLang = 'fr' | 'en' | 'vi';

const fr = {
  'territoryKind.country': 'Pays', 'territoryKind.region': 'Région', 'territoryKind.departement': 'Département', 'territoryKind.commune': 'Commune', 'territoryKind.epci': 'Intercommunalité',
  'territoryKind.province': 'Province', 'territoryKind.city': 'Ville', 'territoryKind.oblast': 'Oblast', 'territoryKind.district': 'District', 'territoryKind.village': 'Village', 'territoryKind.other': 'Autre',
  'orgKind.collectivite': 'Collectivité', 'orgKind.association': 'Association', 'orgKind.ngo': 'ONG', 'orgKind.company': 'Entreprise', 'orgKind.university': 'Université',
  'orgKind.school': 'Établissement scolaire', 'orgKind.hospital': 'Hôpital', 'orgKind.chamber': 'Chambre consulaire', 'orgKind.agency': 'Agence', 'orgKind.ministry': 'Ministère',
  'orgKind.network': 'Réseau', 'orgKind.syndicate': 'Syndicat', 'orgKind.foundation': 'Fondation', 'orgKind.embassy': 'Ambassade', 'orgKind.international': 'Organisation internationale', 'orgKind.other': 'Autre',
  'partnershipKind.cooperation': 'Coopération décentralisée', 'partnershipKind.twinning': 'Jumelage', 'partnershipKind.friendship': 'Amitié', 'partnershipKind.project_partnership': 'Partenariat de projet',
  'status.planned': 'En projet', 'status.active': 'Active', 'status.dormant': 'En sommeil', 'status.ended': 'Terminée', 'status.historical': 'Ancien territoire', 'status.current': 'Territoire actuel',
  'status.pipeline': 'En préparation', 'status.implementation': 'En cours', 'status.finalisation': 'En clôture', 'status.closed': 'Terminé', 'status.cancelled': 'Annulé', 'status.suspended': 'Suspendu',
  'status.incoming': 'Accueil en France', 'status.outgoing': 'Délégation française à l’étranger',
  'kind.territory': 'Territoire', 'kind.organisation': 'Acteur', 'kind.partnership': 'Partenariat', 'kind.project': 'Projet', 'kind.mission': 'Délégation', 'kind.event': 'Évènement',
  'fundingKind.committed': 'engagé', 'fundingKind.disbursed': 'versé', 'fundingKind.budgeted': 'prévu',
};
export type EnumLabelKey = keyof typeof fr;

export const enumLabels: Record<LabelLang, Record<EnumLabelKey, string>> = {
  fr,
  en: {
    'territoryKind.country': 'Country', 'territoryKind.region': 'Region', 'territoryKind.departement': 'Département', 'territoryKind.commune': 'Municipality', 'territoryKind.epci': 'Inter-municipality',
    'territoryKind.province': 'Province', 'territoryKind.city': 'City', 'territoryKind.oblast': 'Oblast', 'territoryKind.district': 'District', 'territoryKind.village': 'Village', 'territoryKind.other': 'Other',
    'orgKind.collectivite': 'Local authority', 'orgKind.association': 'Association', 'orgKind.ngo': 'NGO', 'orgKind.company': 'Company', 'orgKind.university': 'University',
    'orgKind.school': 'School', 'orgKind.hospital': 'Hospital', 'orgKind.chamber': 'Chamber', 'orgKind.agency': 'Agency', 'orgKind.ministry': 'Ministry',
    'orgKind.network': 'Network', 'orgKind.syndicate': 'Syndicate', 'orgKind.foundation': 'Foundation', 'orgKind.embassy': 'Embassy', 'orgKind.international': 'International organisation', 'orgKind.other': 'Other',
    'partnershipKind.cooperation': 'Decentralised cooperation', 'partnershipKind.twinning': 'Twinning', 'partnershipKind.friendship': 'Friendship', 'partnershipKind.project_partnership': 'Project partnership',
    'status.planned': 'Planned', 'status.active': 'Active', 'status.dormant': 'Dormant', 'status.ended': 'Ended', 'status.historical': 'Former place', 'status.current': 'Current place',
    'status.pipeline': 'In preparation', 'status.implementation': 'Ongoing', 'status.finalisation': 'Closing', 'status.closed': 'Completed', 'status.cancelled': 'Cancelled', 'status.suspended': 'Suspended',
    'status.incoming': 'Hosted in France', 'status.outgoing': 'French delegation abroad',
    'kind.territory': 'Place', 'kind.organisation': 'Actor', 'kind.partnership': 'Partnership', 'kind.project': 'Project', 'kind.mission': 'Delegation', 'kind.event': 'Event',
    'fundingKind.committed': 'committed', 'fundingKind.disbursed': 'disbursed', 'fundingKind.budgeted': 'budgeted',
  },
  vi: {
    'territoryKind.country': 'Quốc gia', 'territoryKind.region': 'Vùng', 'territoryKind.departement': 'Tỉnh (Pháp)', 'territoryKind.commune': 'Xã/thị trấn', 'territoryKind.epci': 'Liên xã',
    'territoryKind.province': 'Tỉnh', 'territoryKind.city': 'Thành phố', 'territoryKind.oblast': 'Tỉnh (oblast)', 'territoryKind.district': 'Quận/huyện', 'territoryKind.village': 'Làng', 'territoryKind.other': 'Khác',
    'orgKind.collectivite': 'Chính quyền địa phương', 'orgKind.association': 'Hiệp hội', 'orgKind.ngo': 'Tổ chức phi chính phủ', 'orgKind.company': 'Doanh nghiệp', 'orgKind.university': 'Trường đại học',
    'orgKind.school': 'Trường học', 'orgKind.hospital': 'Bệnh viện', 'orgKind.chamber': 'Phòng thương mại/nghề', 'orgKind.agency': 'Cơ quan', 'orgKind.ministry': 'Bộ',
    'orgKind.network': 'Mạng lưới', 'orgKind.syndicate': 'Liên hiệp', 'orgKind.foundation': 'Quỹ', 'orgKind.embassy': 'Đại sứ quán', 'orgKind.international': 'Tổ chức quốc tế', 'orgKind.other': 'Khác',
    'partnershipKind.cooperation': 'Hợp tác phi tập trung', 'partnershipKind.twinning': 'Kết nghĩa', 'partnershipKind.friendship': 'Hữu nghị', 'partnershipKind.project_partnership': 'Đối tác dự án',
    'status.planned': 'Dự kiến', 'status.active': 'Đang hoạt động', 'status.dormant': 'Tạm ngưng', 'status.ended': 'Đã kết thúc', 'status.historical': 'Đơn vị cũ', 'status.current': 'Đơn vị hiện tại',
    'status.pipeline': 'Đang chuẩn bị', 'status.implementation': 'Đang thực hiện', 'status.finalisation': 'Đang kết thúc', 'status.closed': 'Đã hoàn thành', 'status.cancelled': 'Đã hủy', 'status.suspended': 'Tạm dừng',
    'status.incoming': 'Đón tiếp tại Pháp', 'status.outgoing': 'Đoàn Pháp ra nước ngoài',
    'kind.territory': 'Địa phương', 'kind.organisation': 'Tổ chức', 'kind.partnership': 'Quan hệ đối tác', 'kind.project': 'Dự án', 'kind.mission': 'Đoàn công tác', 'kind.event': 'Sự kiện',
    'fundingKind.committed': 'cam kết', 'fundingKind.disbursed': 'đã giải ngân', 'fundingKind.budgeted': 'dự kiến',
  },
};

/** The label of a value in one group ('orgKind', 'ngo'), or the value itself when the group has no such key. */
export function enumLabel(lang: LabelLang, group: string, value: string): string {
  return (enumLabels[lang] as Record<string, string>)[`${group}.${value}`] ?? value;
}

/** The vocabularies labelled here, by group: every value has its label in each language (labels.test.ts). */
export const labelledVocabularies: Record<string, readonly string[]> = {
  kind: recordKinds, territoryKind: territoryKinds, orgKind: organisationKinds, partnershipKind: partnershipKinds, fundingKind: fundingKinds,
  status: [...partnershipStatuses, ...projectStatuses, ...missionDirections],
};

/** A role grant in words, in a sentence: « membre de Ville de Cergy », "member of Ville de Cergy", "thành viên của Ville de Cergy". */
const grantPhrases: Record<LabelLang, Record<(typeof accountRoles)[number], string>> = {
  fr: { member: 'membre de {org}', network_admin: 'administrateur du réseau {org}', platform_admin: 'administrateur de la plateforme' },
  en: { member: 'member of {org}', network_admin: 'administrator of the network {org}', platform_admin: 'platform administrator' },
  vi: { member: 'thành viên của {org}', network_admin: 'quản trị viên mạng lưới {org}', platform_admin: 'quản trị viên nền tảng' },
};
export function grantPhrase(lang: LabelLang, role: (typeof accountRoles)[number], organisation: string | null): string {
  return grantPhrases[lang][role].replace('{org}', organisation ?? '');
}
