/**
 * Interface strings of what a meeting records — its minutes and its decisions (the event sheet and the event form),
 * spread into fr.ts, en.ts and vi.ts: French first, the others typed against it.
 */
export const eventMinutesFr = {
  'minutes.title': 'Compte rendu', 'decisions.title': 'Décisions et suites',
  'decisions.decision': 'Décision', 'decisions.who': 'Qui', 'decisions.when': 'Échéance', 'decisions.status': 'État',
  'decisions.noDue': 'sans échéance', 'decisions.noOwner': 'non précisé', 'decisions.by': 'avant fin {date}', 'decisions.byDay': 'au plus tard le {date}',
  'decisionStatus.open': 'En cours', 'decisionStatus.done': 'Réalisée', 'decisionStatus.dropped': 'Abandonnée',
  'field.minutes': 'Compte rendu', 'field.decisions': 'Décisions et suites', 'field.decision': 'Décision', 'field.text': 'Texte',
  'field.ownerOrganisationId': 'Porteur (organisation)', 'field.ownerText': 'Porteur (en toutes lettres)', 'field.owner': 'Porteur',
  'field.due': 'Échéance', 'field.duePrecision': 'Précision de l’échéance',
  'edit.event.minutes': 'Compte rendu et décisions', 'edit.event.minutes.hint': 'Texte libre ; une ligne vide sépare les paragraphes.',
  'edit.event.due.hint': 'AAAA, AAAA-MM ou AAAA-MM-JJ : « 2023-09 » pour septembre 2023',
};
type Key = keyof typeof eventMinutesFr;

export const eventMinutesEn: Record<Key, string> = {
  'minutes.title': 'Minutes', 'decisions.title': 'Decisions and follow-up',
  'decisions.decision': 'Decision', 'decisions.who': 'Who', 'decisions.when': 'Due', 'decisions.status': 'Status',
  'decisions.noDue': 'no due date', 'decisions.noOwner': 'not stated', 'decisions.by': 'by the end of {date}', 'decisions.byDay': 'by {date}',
  'decisionStatus.open': 'In progress', 'decisionStatus.done': 'Done', 'decisionStatus.dropped': 'Dropped',
  'field.minutes': 'Minutes', 'field.decisions': 'Decisions and follow-up', 'field.decision': 'Decision', 'field.text': 'Text',
  'field.ownerOrganisationId': 'Carried by (organisation)', 'field.ownerText': 'Carried by (in words)', 'field.owner': 'Carried by',
  'field.due': 'Due', 'field.duePrecision': 'Precision of the due date',
  'edit.event.minutes': 'Minutes and decisions', 'edit.event.minutes.hint': 'Free text; a blank line separates paragraphs.',
  'edit.event.due.hint': 'YYYY, YYYY-MM or YYYY-MM-DD: “2023-09” for September 2023',
};

export const eventMinutesVi: Record<Key, string> = {
  'minutes.title': 'Biên bản', 'decisions.title': 'Quyết định và các bước tiếp theo',
  'decisions.decision': 'Quyết định', 'decisions.who': 'Đơn vị phụ trách', 'decisions.when': 'Thời hạn', 'decisions.status': 'Tình trạng',
  'decisions.noDue': 'không có thời hạn', 'decisions.noOwner': 'chưa xác định', 'decisions.by': 'trước cuối {date}', 'decisions.byDay': 'chậm nhất {date}',
  'decisionStatus.open': 'Đang thực hiện', 'decisionStatus.done': 'Đã hoàn thành', 'decisionStatus.dropped': 'Đã hủy bỏ',
  'field.minutes': 'Biên bản', 'field.decisions': 'Quyết định và các bước tiếp theo', 'field.decision': 'Quyết định', 'field.text': 'Nội dung',
  'field.ownerOrganisationId': 'Đơn vị phụ trách (tổ chức)', 'field.ownerText': 'Đơn vị phụ trách (ghi bằng chữ)', 'field.owner': 'Đơn vị phụ trách',
  'field.due': 'Thời hạn', 'field.duePrecision': 'Độ chính xác của thời hạn',
  'edit.event.minutes': 'Biên bản và quyết định', 'edit.event.minutes.hint': 'Văn bản tự do; một dòng trống để tách các đoạn.',
  'edit.event.due.hint': 'YYYY, YYYY-MM hoặc YYYY-MM-DD: “2023-09” là tháng 9 năm 2023',
};
