/**
 * Interface strings of events as records (their edit forms, downloads, the workspace's create action, search cards),
 * spread into fr.ts, en.ts and vi.ts: French first, the others typed against it.
 */
export const eventRecordsFr = {
  'field.seriesId': 'Série', 'field.edition': 'Numéro d’édition', 'field.startTime': 'Heure de début', 'field.endTime': 'Heure de fin',
  'field.timeZone': 'Fuseau horaire', 'field.placeText': 'Lieu en toutes lettres', 'field.online': 'En ligne', 'field.onlineUrl': 'Lien de connexion',
  'field.theme': 'Thème', 'field.workshopsCount': 'Nombre d’ateliers', 'field.hosts': 'Organisations hôtes', 'field.host': 'Organisation hôte',
  'field.agenda': 'Ordre du jour', 'field.agendaItem': 'Point', 'field.relatedEvents': 'Événements liés', 'field.relatedEvent': 'Événement lié', 'field.eventSide': 'Pays d’accueil',
  'field.periodFrom': 'Première année', 'field.periodTo': 'Dernière année', 'field.openingAgreementId': 'Accord d’origine (identifiant)',
  'edit.event.when': 'Dates et heures', 'edit.event.where': 'Lieu', 'edit.event.time.hint': 'HH:MM, heure locale du fuseau ci-dessous',
  'edit.event.zone.hint': 'Par exemple Europe/Paris ou Asia/Ho_Chi_Minh', 'edit.event.hosts.hint': 'Vous devez être membre de l’une d’elles pour créer l’évènement.',
  'edit.event.workshops': 'Les ateliers et sessions se gèrent dans le programme de l’évènement.', 'edit.event.noSeries': 'Aucune (évènement isolé)',
  'saved.created.event': 'Évènement créé.', 'saved.created.event_series': 'Série créée.', 'workspace.create.events': 'Créer un évènement',
  'download.csv.events': 'l’évènement en une ligne', 'search.field.hosts': 'Hôtes', 'search.card.series': 'Série',
  'opendata.kind.events': 'Évènements', 'opendata.holds.events': 'Assises, rencontres et réunions en ligne : dates, lieu, hôtes, série, thème',
};
type Key = keyof typeof eventRecordsFr;

export const eventRecordsEn: Record<Key, string> = {
  'field.seriesId': 'Series', 'field.edition': 'Edition number', 'field.startTime': 'Start time', 'field.endTime': 'End time',
  'field.timeZone': 'Time zone', 'field.placeText': 'Place in words', 'field.online': 'Online', 'field.onlineUrl': 'Joining link',
  'field.theme': 'Theme', 'field.workshopsCount': 'Number of workshops', 'field.hosts': 'Host organisations', 'field.host': 'Host organisation',
  'field.agenda': 'Agenda', 'field.agendaItem': 'Item', 'field.relatedEvents': 'Related events', 'field.relatedEvent': 'Related event', 'field.eventSide': 'Host country',
  'field.periodFrom': 'First year', 'field.periodTo': 'Last year', 'field.openingAgreementId': 'Founding agreement (id)',
  'edit.event.when': 'Dates and times', 'edit.event.where': 'Place', 'edit.event.time.hint': 'HH:MM, local time in the zone below',
  'edit.event.zone.hint': 'For example Europe/Paris or Asia/Ho_Chi_Minh', 'edit.event.hosts.hint': 'You must be a member of one of them to create the event.',
  'edit.event.workshops': 'Workshops and sessions are managed in the event’s programme.', 'edit.event.noSeries': 'None (a stand-alone event)',
  'saved.created.event': 'Event created.', 'saved.created.event_series': 'Series created.', 'workspace.create.events': 'Create an event',
  'download.csv.events': 'the event as one row', 'search.field.hosts': 'Hosts', 'search.card.series': 'Series',
  'opendata.kind.events': 'Events', 'opendata.holds.events': 'Assises, meetings and online sessions: dates, place, hosts, series, theme',
};

export const eventRecordsVi: Record<Key, string> = {
  'field.seriesId': 'Chuỗi sự kiện', 'field.edition': 'Kỳ thứ', 'field.startTime': 'Giờ bắt đầu', 'field.endTime': 'Giờ kết thúc',
  'field.timeZone': 'Múi giờ', 'field.placeText': 'Địa điểm (ghi bằng chữ)', 'field.online': 'Trực tuyến', 'field.onlineUrl': 'Đường dẫn tham gia',
  'field.theme': 'Chủ đề', 'field.workshopsCount': 'Số hội thảo chuyên đề', 'field.hosts': 'Các đơn vị đăng cai', 'field.host': 'Đơn vị đăng cai',
  'field.agenda': 'Chương trình', 'field.agendaItem': 'Mục', 'field.relatedEvents': 'Sự kiện liên quan', 'field.relatedEvent': 'Sự kiện liên quan', 'field.eventSide': 'Nước đăng cai',
  'field.periodFrom': 'Năm đầu tiên', 'field.periodTo': 'Năm cuối cùng', 'field.openingAgreementId': 'Thỏa thuận khởi đầu (mã)',
  'edit.event.when': 'Ngày và giờ', 'edit.event.where': 'Địa điểm', 'edit.event.time.hint': 'HH:MM, giờ địa phương theo múi giờ bên dưới',
  'edit.event.zone.hint': 'Ví dụ Europe/Paris hoặc Asia/Ho_Chi_Minh', 'edit.event.hosts.hint': 'Bạn phải là thành viên của một trong các đơn vị này để tạo sự kiện.',
  'edit.event.workshops': 'Các hội thảo chuyên đề và phiên họp được quản lý trong chương trình của sự kiện.', 'edit.event.noSeries': 'Không thuộc chuỗi nào (sự kiện riêng lẻ)',
  'saved.created.event': 'Đã tạo sự kiện.', 'saved.created.event_series': 'Đã tạo chuỗi sự kiện.', 'workspace.create.events': 'Tạo sự kiện',
  'download.csv.events': 'sự kiện trên một dòng', 'search.field.hosts': 'Đơn vị đăng cai', 'search.card.series': 'Chuỗi sự kiện',
  'opendata.kind.events': 'Sự kiện', 'opendata.holds.events': 'Các kỳ Hội nghị, cuộc gặp và cuộc họp trực tuyến: thời gian, địa điểm, đơn vị đăng cai, chuỗi, chủ đề',
};
