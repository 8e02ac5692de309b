/**
 * CSV for people rather than programs: a choice of columns (in the order asked) and, with labels=fr|en|vi,
 * readable headers and values (statuses, kinds, themes) instead of codes.
 */
import { enumLabel, flattenThemes, type LabelLang as Lang } from '@tandem/shared';
import { ValidationError } from '../../lib/errors.js';

export interface CsvOptions { columns?: string[]; labels?: Lang }

type Header = Record<string, [fr: string, en: string, vi: string]>;
const COMMON: Header = {
  id: ['Identifiant', 'Id', 'Mã định danh'], title: ['Titre', 'Title', 'Tiêu đề'], kind: ['Type', 'Kind', 'Loại'], status: ['Statut', 'Status', 'Trạng thái'],
  themes: ['Thèmes', 'Themes', 'Chủ đề'], countries: ['Pays', 'Countries', 'Quốc gia'], country: ['Pays', 'Country', 'Quốc gia'],
  partnership_id: ['Partenariat (identifiant)', 'Partnership (id)', 'Quan hệ đối tác (mã)'], name: ['Nom', 'Name', 'Tên'],
};
const HEADERS: Record<string, Header> = {
  partnerships: { started: ['Début', 'Start', 'Bắt đầu'], french_parties: ['Collectivités françaises', 'French parties', 'Chính quyền địa phương Pháp'],
    foreign_parties: ['Partenaires étrangers', 'Foreign parties', 'Đối tác nước ngoài'], agreements: ['Nombre d’accords', 'Agreements', 'Số thỏa thuận'],
    first_agreement_signed: ['Premier accord signé', 'First agreement signed', 'Ngày ký thỏa thuận đầu tiên'] },
  projects: { start: ['Début', 'Start', 'Bắt đầu'], end: ['Fin', 'End', 'Kết thúc'], places: ['Lieux', 'Places', 'Địa điểm'], lead: ['Chef de file', 'Lead', 'Đơn vị chủ trì'],
    budget_amount: ['Budget', 'Budget', 'Ngân sách'], budget_currency: ['Devise du budget', 'Budget currency', 'Tiền tệ của ngân sách'], funders: ['Financeurs', 'Funders', 'Nhà tài trợ'] },
  funding: { project_id: ['Projet (identifiant)', 'Project (id)', 'Dự án (mã)'], project_title: ['Projet', 'Project', 'Dự án'],
    funder_id: ['Financeur (identifiant)', 'Funder (id)', 'Nhà tài trợ (mã)'], funder: ['Financeur', 'Funder', 'Nhà tài trợ'], amount: ['Montant', 'Amount', 'Số tiền'],
    currency: ['Devise', 'Currency', 'Tiền tệ'], year: ['Année', 'Year', 'Năm'], kind: ['Nature', 'Kind', 'Tính chất'] },
  organisations: { acronyms: ['Sigles', 'Acronyms', 'Tên viết tắt'], aliases: ['Autres noms', 'Other names', 'Tên khác'],
    territory_id: ['Territoire (identifiant)', 'Territory (id)', 'Địa phương (mã)'], territory: ['Territoire', 'Territory', 'Địa phương'], website: ['Site web', 'Website', 'Trang web'] },
  missions: { direction: ['Sens', 'Direction', 'Chiều'], from: ['Du', 'From', 'Từ ngày'], to: ['Au', 'To', 'Đến ngày'], place: ['Lieu', 'Place', 'Địa điểm'],
    organisations: ['Acteurs', 'Organisations', 'Các tổ chức'] },
  events: { series_id: ['Série (identifiant)', 'Series (id)', 'Chuỗi sự kiện (mã)'], series: ['Série', 'Series', 'Chuỗi sự kiện'], edition: ['Édition', 'Edition', 'Kỳ'],
    start: ['Début', 'Start', 'Bắt đầu'], end: ['Fin', 'End', 'Kết thúc'], start_time: ['Heure de début', 'Start time', 'Giờ bắt đầu'], end_time: ['Heure de fin', 'End time', 'Giờ kết thúc'],
    time_zone: ['Fuseau horaire', 'Time zone', 'Múi giờ'], place_id: ['Lieu (identifiant)', 'Place (id)', 'Địa điểm (mã)'], place: ['Lieu', 'Place', 'Địa điểm'],
    online: ['En ligne', 'Online', 'Trực tuyến'], online_url: ['Lien de connexion', 'Joining link', 'Đường dẫn tham gia'], side: ['Pays d’accueil', 'Host country', 'Nước đăng cai'],
    theme: ['Thème', 'Theme', 'Chủ đề'], hosts: ['Hôtes', 'Hosts', 'Đơn vị đăng cai'], workshops_count: ['Nombre d’ateliers', 'Workshops', 'Số hội thảo chuyên đề'] },
  territories: { name_fr: ['Nom français', 'French name', 'Tên tiếng Pháp'], name_en: ['Nom anglais', 'English name', 'Tên tiếng Anh'],
    name_vi: ['Nom vietnamien', 'Vietnamese name', 'Tên tiếng Việt'], parent_id: ['Parent (identifiant)', 'Parent (id)', 'Đơn vị cấp trên (mã)'],
    valid_from: ['Valide depuis', 'Valid from', 'Hiệu lực từ'], valid_to: ['Valide jusqu’au', 'Valid to', 'Hiệu lực đến'], codes: ['Codes', 'Codes', 'Các mã'] },
  results: { subtitle: ['Précision', 'Detail', 'Chi tiết'], url: ['Adresse', 'Address', 'Địa chỉ'] },
  indicators: { territory_id: ['Territoire (identifiant)', 'Territory (id)', 'Địa phương (mã)'], territory: ['Territoire', 'Territory', 'Địa phương'],
    indicator: ['Indicateur', 'Indicator', 'Chỉ số'], year: ['Année', 'Year', 'Năm'], value: ['Valeur', 'Value', 'Giá trị'], unit: ['Unité', 'Unit', 'Đơn vị'],
    source: ['Source', 'Source', 'Nguồn'] },
};
const LANG_INDEX: Record<Lang, 0 | 1 | 2> = { fr: 0, en: 1, vi: 2 };

const themes = new Map(flattenThemes().map((t) => [t.id, t.labels]));

/** Which label group (shared/src/labels.ts, the pages' own labels) names a column's values, per kind. */
function valueLabeller(kind: string, column: string, lang: Lang): ((v: unknown) => unknown) | null {
  const group = column === 'status' || column === 'direction' ? 'status'
    : column === 'kind' ? ({ partnerships: 'partnershipKind', organisations: 'orgKind', territories: 'territoryKind', funding: 'fundingKind', results: 'kind' } as Record<string, string>)[kind] : undefined;
  if (group) return (v) => (typeof v === 'string' ? enumLabel(lang, group, v) : v);
  if (column === 'themes') return (v) => (Array.isArray(v) ? v.map((id) => themes.get(id)?.[lang] ?? id) : v);
  return null;
}

/** The header and a row mapper for the chosen columns and labels; unknown columns are a 400 naming the allowed ones. */
export function csvPlan(kind: string, header: string[], opts: CsvOptions = {}) {
  const columns = opts.columns?.length ? opts.columns : header;
  const unknown = columns.filter((c) => !header.includes(c));
  if (unknown.length) throw new ValidationError([{ path: 'columns', message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ${kind} has ${header.join(', ')}` }]);
  const idx = columns.map((c) => header.indexOf(c));
  const lang = opts.labels;
  const label = (c: string) => {
    const h = HEADERS[kind]?.[c] ?? COMMON[c];
    return !lang || !h ? c : h[LANG_INDEX[lang]];
  };
  const mappers = columns.map((c) => (lang ? valueLabeller(kind, c, lang) : null));
  return {
    header: columns.map(label),
    row: (values: unknown[]) => idx.map((i, j) => (mappers[j] ? mappers[j]!(values[i]) : values[i])),
  };
}
