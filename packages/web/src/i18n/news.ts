/** Interface strings of news (features/news): the list, the article, the sheets' and home page's blocks, the feeds. French first. */
export const newsFr = {
  'news.title': 'Actualités', 'news.lead': 'Les nouvelles des réseaux et de Tandem sur les coopérations, leurs accords et leurs projets.',
  'news.kicker': 'Actualité', 'news.by': 'Publiée par', 'news.tandem': 'Tandem', 'news.on': 'le {date}', 'news.published': 'Publiée le {date}',
  'news.about': 'Cette actualité concerne', 'news.source': 'Source :', 'news.sourceLink': 'Lire l’article d’origine',
  'news.filters': 'Filtrer les actualités', 'news.byNetwork': 'Par réseau', 'news.byCountry': 'Par pays', 'news.all': 'Toutes les actualités',
  'news.filtered.network': 'Actualités de {name}', 'news.filtered.country': 'Actualités : {name}',
  'news.none': 'Aucune actualité pour l’instant.', 'news.count.one': '{n} actualité', 'news.count.other': '{n} actualités',
  'news.prev': 'Plus récentes', 'news.next': 'Plus anciennes', 'news.page': 'Page {page} sur {pages}',
  'news.block': 'Actualités', 'news.more': 'Toutes les actualités', 'news.home': 'Dernières actualités',
  'news.feeds': 'S’abonner :', 'news.feed.rss': 'Flux RSS', 'news.feed.atom': 'Flux Atom',
  'news.feed.title': 'Actualités de Tandem', 'news.feed.network': 'Actualités de {name} · Tandem', 'news.feed.country': 'Actualités : {name} · Tandem',
  'news.feed.description': 'Les actualités de la coopération décentralisée publiées sur Tandem',
  'news.kind.partnership': 'Partenariat', 'news.kind.project': 'Projet', 'news.kind.organisation': 'Organisation', 'news.kind.territory': 'Territoire',
  'news.kind.mission': 'Délégation', 'news.kind.event': 'Évènement', 'news.kind.funding_call': 'Appel à projets',
};

export const newsEn: Record<keyof typeof newsFr, string> = {
  'news.title': 'News', 'news.lead': 'News from the networks and from Tandem about partnerships, their agreements and their projects.',
  'news.kicker': 'News', 'news.by': 'Published by', 'news.tandem': 'Tandem', 'news.on': 'on {date}', 'news.published': 'Published on {date}',
  'news.about': 'This news item is about', 'news.source': 'Source:', 'news.sourceLink': 'Read the original article',
  'news.filters': 'Filter the news', 'news.byNetwork': 'By network', 'news.byCountry': 'By country', 'news.all': 'All news',
  'news.filtered.network': 'News from {name}', 'news.filtered.country': 'News: {name}',
  'news.none': 'No news yet.', 'news.count.one': '{n} news item', 'news.count.other': '{n} news items',
  'news.prev': 'Newer', 'news.next': 'Older', 'news.page': 'Page {page} of {pages}',
  'news.block': 'News', 'news.more': 'All news', 'news.home': 'Latest news',
  'news.feeds': 'Subscribe:', 'news.feed.rss': 'RSS feed', 'news.feed.atom': 'Atom feed',
  'news.feed.title': 'Tandem news', 'news.feed.network': 'News from {name} · Tandem', 'news.feed.country': 'News: {name} · Tandem',
  'news.feed.description': 'News of decentralised cooperation published on Tandem',
  'news.kind.partnership': 'Partnership', 'news.kind.project': 'Project', 'news.kind.organisation': 'Organisation', 'news.kind.territory': 'Territory',
  'news.kind.mission': 'Delegation', 'news.kind.event': 'Event', 'news.kind.funding_call': 'Funding call',
};

export const newsVi: Record<keyof typeof newsFr, string> = {
  'news.title': 'Tin tức', 'news.lead': 'Tin tức của các mạng lưới và của Tandem về các quan hệ hợp tác, thỏa thuận và dự án.',
  'news.kicker': 'Tin tức', 'news.by': 'Đăng bởi', 'news.tandem': 'Tandem', 'news.on': 'ngày {date}', 'news.published': 'Đăng ngày {date}',
  'news.about': 'Tin này liên quan đến', 'news.source': 'Nguồn:', 'news.sourceLink': 'Đọc bài gốc',
  'news.filters': 'Lọc tin tức', 'news.byNetwork': 'Theo mạng lưới', 'news.byCountry': 'Theo quốc gia', 'news.all': 'Tất cả tin tức',
  'news.filtered.network': 'Tin tức của {name}', 'news.filtered.country': 'Tin tức: {name}',
  'news.none': 'Chưa có tin tức nào.', 'news.count.one': '{n} tin', 'news.count.other': '{n} tin',
  'news.prev': 'Mới hơn', 'news.next': 'Cũ hơn', 'news.page': 'Trang {page} / {pages}',
  'news.block': 'Tin tức', 'news.more': 'Tất cả tin tức', 'news.home': 'Tin tức mới nhất',
  'news.feeds': 'Theo dõi:', 'news.feed.rss': 'Nguồn cấp RSS', 'news.feed.atom': 'Nguồn cấp Atom',
  'news.feed.title': 'Tin tức Tandem', 'news.feed.network': 'Tin tức của {name} · Tandem', 'news.feed.country': 'Tin tức: {name} · Tandem',
  'news.feed.description': 'Tin tức về hợp tác phi tập trung đăng trên Tandem',
  'news.kind.partnership': 'Quan hệ đối tác', 'news.kind.project': 'Dự án', 'news.kind.organisation': 'Tổ chức', 'news.kind.territory': 'Địa phương',
  'news.kind.mission': 'Đoàn công tác', 'news.kind.event': 'Sự kiện', 'news.kind.funding_call': 'Lời kêu gọi tài trợ',
};
