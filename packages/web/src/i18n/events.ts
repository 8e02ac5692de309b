/**
 * Interface strings of the event sheets and the series' chronologies (features/events), spread into fr.ts, en.ts
 * and vi.ts: French first, the others typed against it.
 */
export const eventsFr = {
  'kind.event': 'Évènement', 'kind.eventSeries': 'Série d’évènements',
  'event.series': 'Série', 'event.edition': 'Édition n° {n}', 'event.number': 'Numéro', 'event.dates': 'Dates', 'event.hours.paris': 'de {start} à {end}, heure de Paris',
  'event.hours': 'de {start} à {end} ({zone})', 'event.online': 'En ligne', 'event.onlineLink': 'Lien de connexion',
  'event.side': 'Pays d’accueil', 'event.hosts': 'Hôtes', 'event.theme': 'Thème', 'event.workshops': 'Ateliers',
  'event.workshops.count.one': '{n} atelier thématique', 'event.workshops.count.other': '{n} ateliers thématiques',
  'event.workshops.untitled': 'Les sources n’en donnent pas les intitulés.', 'event.lead': 'chef de file',
  'event.related': 'Événements liés', 'event.agenda': 'Ordre du jour', 'event.chronology': 'Voir la chronologie de la série',
  'series.chronology': 'Chronologie', 'series.period': 'Période',
  'series.editionsLabel': 'Éditions', 'series.editions.one': '{n} édition', 'series.editions.other': '{n} éditions',
  'series.opening': 'Point de départ',
};
type Key = keyof typeof eventsFr;

export const eventsEn: Record<Key, string> = {
  'kind.event': 'Event', 'kind.eventSeries': 'Event series',
  'event.series': 'Series', 'event.edition': 'Edition no. {n}', 'event.number': 'Number', 'event.dates': 'Dates', 'event.hours.paris': '{start} to {end}, Paris time',
  'event.hours': '{start} to {end} ({zone})', 'event.online': 'Online', 'event.onlineLink': 'Joining link',
  'event.side': 'Host country', 'event.hosts': 'Hosts', 'event.theme': 'Theme', 'event.workshops': 'Workshops',
  'event.workshops.count.one': '{n} thematic workshop', 'event.workshops.count.other': '{n} thematic workshops',
  'event.workshops.untitled': 'The sources do not give their titles.', 'event.lead': 'lead',
  'event.related': 'Related events', 'event.agenda': 'Agenda', 'event.chronology': 'See the series’ chronology',
  'series.chronology': 'Chronology', 'series.period': 'Period',
  'series.editionsLabel': 'Editions', 'series.editions.one': '{n} edition', 'series.editions.other': '{n} editions',
  'series.opening': 'Starting point',
};

export const eventsVi: Record<Key, string> = {
  'kind.event': 'Sự kiện', 'kind.eventSeries': 'Chuỗi sự kiện',
  'event.series': 'Chuỗi sự kiện', 'event.edition': 'Kỳ thứ {n}', 'event.number': 'Số thứ tự', 'event.dates': 'Thời gian', 'event.hours.paris': 'từ {start} đến {end}, giờ Paris',
  'event.hours': 'từ {start} đến {end} ({zone})', 'event.online': 'Trực tuyến', 'event.onlineLink': 'Đường dẫn tham gia',
  'event.side': 'Nước đăng cai', 'event.hosts': 'Đơn vị đăng cai', 'event.theme': 'Chủ đề', 'event.workshops': 'Các hội thảo chuyên đề',
  'event.workshops.count.one': '{n} hội thảo chuyên đề', 'event.workshops.count.other': '{n} hội thảo chuyên đề',
  'event.workshops.untitled': 'Tài liệu nguồn không nêu tên các hội thảo.', 'event.lead': 'đơn vị chủ trì',
  'event.related': 'Sự kiện liên quan', 'event.agenda': 'Chương trình', 'event.chronology': 'Xem niên biểu của chuỗi sự kiện',
  'series.chronology': 'Niên biểu', 'series.period': 'Giai đoạn',
  'series.editionsLabel': 'Số kỳ', 'series.editions.one': '{n} kỳ', 'series.editions.other': '{n} kỳ',
  'series.opening': 'Khởi đầu',
};
