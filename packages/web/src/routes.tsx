/** Page routes: each reads what it needs and renders server-side. */
import type { Context } from 'hono';
import { SEARCH_MAX, csvDocument, searchQuery } from '@tandem/shared';
import type { Db } from '../../server/src/db/client.js';
import { getMission } from '../../server/src/features/missions/missions.service.js';
import { getOrganisation } from '../../server/src/features/organisations/organisations.service.js';
import { getPartnership } from '../../server/src/features/partnerships/partnerships.service.js';
import { getProject } from '../../server/src/features/projects/projects.service.js';
import { getTerritory } from '../../server/src/features/territories/territories.service.js';
import { search } from '../../server/src/features/search/search.service.js';
import { localName, textLang, type I18n } from './i18n/index.js';
import { placeName } from './features/sheets/place.js';
import { Layout } from './components/Layout.js';
import { HomePage, MapAsList, WorldMap } from './features/home/HomePage.js';
import { atlasData, recentPartnerships } from './features/home/home.queries.js';
import { FACET_ORDER, SearchPage, SearchResults, type SearchState } from './features/search/SearchPage.js';
import { PartnershipBody, PartnershipSheet } from './features/sheets/PartnershipSheet.js';
import { partnerProfiles } from './features/sheets/PartnerProfiles.js';
import { ProjectBody, ProjectSheet } from './features/sheets/ProjectSheet.js';
import { OrganisationBody, OrganisationSheet } from './features/sheets/OrganisationSheet.js';
import { MissionBody, MissionSheet } from './features/sheets/MissionSheet.js';
import { TerritoryBody, TerritorySheet } from './features/sheets/TerritorySheet.js';
import { territoryMap } from './features/sheets/territory-map.js';
import { childrenOf, partnershipsAt } from './features/sheets/sheets.queries.js';
import { StatBlock, StatsPage, chartTitle } from './features/stats/StatsPage.js';
import { chartOf, charts, csvHeader, csvRows, keyTotals, stat, type Chart } from './features/stats/stats.queries.js';
import { EmbedCodePage, EmbedFrame } from './features/embed/EmbedPages.js';
import { collabAction, collaboration } from './features/collab/collab.js';
import { apdPage } from './features/apd/apd.page.js';
import { importPage } from './features/admin/import.page.js';
import { membersPage } from './features/members/members.page.js';
import { accountsPage } from './features/members/accounts.page.js';
import { editPage } from './features/edit/edit.page.js';
import { contactsBlock } from './features/contacts/blocks.js';
import { contactsPage } from './features/contacts/contacts.page.js';
import { documentsPage } from './features/contacts/documents.page.js';
import { EditLink, editLinkFor } from './features/edit/edit-link.js';
import { SheetExtras, sheetExtras } from './features/workspace/sheet-extras.js';
import { whoElseBlock } from './features/who/WhoBlock.js';
import { workspacePage } from './features/workspace/workspace.page.js';
import { eventPage, seriesOfPartnership, seriesPage } from './features/events/events.page.js';
import { programmePageRoutes } from './features/events/programme.page.js';
import { registrationRoutes } from './features/registration/routes.js';
import { surveyPageRoutes } from './features/surveys/routes.js';
import { groupsPageRoutes } from './features/groups/routes.js';
import { newsPageRoutes } from './features/news/routes.js';
import { fundingPageRoutes } from './features/funding/routes.js';
import { whoPageRoutes } from './features/who/routes.js';
import { extractPageRoutes, provenanceBlock } from './features/extract/routes.js';
import { organisationSurveys } from './features/surveys/SurveysBlock.js';
import { latestNews, newsAbout } from './features/news/blocks.js';
import { organisationGroups } from './features/groups/OrganisationGroups.js';
import { badRequestPage } from './bad-request.js';
import { apiReferencePage, openDataPage } from './features/opendata/opendata.page.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

/** The 404 page; a signed-out visitor is told that members-only pages need signing in (a draft answers 404 to them). */
export function NotFoundPage(props: { i: I18n; returnTo?: string }) {
  const { i } = props;
  return <Layout i={i} meta={{ title: i.t('error.notfound'), path: '/', noindex: true }}>
    <h1>{i.t('error.notfound')}</h1>
    {props.returnTo && <p>{i.t('error.notfound.members')} <a href={i.path(`/login?returnTo=${encodeURIComponent(props.returnTo)}`)}>{i.t('error.signin')}</a></p>}
    <p><a href={i.path('/')}>{i.t('error.back')}</a></p>
  </Layout>;
}

/** The search's state from the URL: invalid filters are dropped; null when the words themselves are refused (too long). */
function searchState(c: Context): { state: SearchState; query: ReturnType<typeof searchQuery.parse> } | null {
  const raw = c.req.query();
  const parsed = searchQuery.safeParse(raw);
  const words = parsed.success ? parsed : searchQuery.safeParse({ q: raw.q ?? '' });
  if (!words.success) return null;
  const query = words.data;
  const filters = Object.fromEntries(FACET_ORDER.filter((f) => query[f] !== undefined).map((f) => [f, String(query[f])]));
  return { state: { q: query.q, page: query.page, sort: query.sort, filters }, query };
}

/** The five sheet kinds: data, full page, and embeddable body. */
const SHEETS: Record<string, { kind: string; get: (db: Db, id: string) => Promise<any>; page: (i: I18n, r: any, db: Db, after: any) => Promise<any>; body: (i: I18n, r: any, db: Db) => Promise<any>; title: (r: any, i: I18n) => string; titleLang?: (r: any, i: I18n) => string | undefined }> = {
  partnerships: { kind: 'partnership', get: getPartnership, page: async (i, p, db, after) => <PartnershipSheet i={i} p={p} after={after} profiles={<>{await partnerProfiles(db, i, p)}{await seriesOfPartnership(db, i, p.id)}</>} />, body: async (i, p, db) => <PartnershipBody i={i} p={p} profiles={await partnerProfiles(db, i, p)} />, title: (p) => p.title },
  projects: { kind: 'project', get: getProject, page: async (i, p, _db, after) => <ProjectSheet i={i} p={p} after={after} />, body: async (i, p) => <ProjectBody i={i} p={p} />, title: (p) => p.title },
  organisations: { kind: 'organisation', get: getOrganisation, page: async (i, o, _db, after) => <OrganisationSheet i={i} o={o} after={after} />, body: async (i, o) => <OrganisationBody i={i} o={o} />, title: (o) => o.name },
  missions: { kind: 'mission', get: getMission, page: async (i, m, _db, after) => <MissionSheet i={i} m={m} after={after} />, body: async (i, m) => <MissionBody i={i} m={m} />, title: (m) => m.title },
  territories: {
    kind: 'territory',
    get: getTerritory,
    page: async (i, t, db, after) => <TerritorySheet after={after} i={i} t={t} partnerships={await partnershipsAt(db, t.id)} subdivisions={await childrenOf(db, t.id)} map={await territoryMap(db, i, t)} />,
    body: async (i, t, db) => <TerritoryBody i={i} t={t} partnerships={await partnershipsAt(db, t.id)} subdivisions={[]} map={await territoryMap(db, i, t)} />,
    title: (t, i) => localName(t, i.lang),
    titleLang: (t, i) => textLang(i, placeName(i, t).lang),
  },
};

function csvResponse(c: Context, name: string, header: string[], rows: unknown[][]) {
  return c.body(csvDocument(header, rows, { bom: true }), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
}

/** Paths are GET unless written 'POST /path'. */
export const pageRoutes: Array<[string, Handler]> = [
  ['POST /collab/:kind/:id/validate', collabAction],
  ['POST /collab/:kind/:id/withdraw', collabAction],
  ['POST /collab/:kind/:id/restore/:revision', collabAction],
  ['/', async (c, i, db) => c.html(<HomePage i={i} data={await atlasData(db)} recent={await recentPartnerships(db)} news={await latestNews(i, db)} />)],
  ['/search', async (c, i, db) => {
    const found = searchState(c);
    if (!found) return badRequestPage(c, i, i.t('search.error.tooLong', { max: SEARCH_MAX }), '/search');
    const { state, query } = found;
    const data = await search(db, query, i.lang);
    if (c.req.query('fragment')) return c.html(<SearchResults i={i} state={state} data={data} />);
    return c.html(<SearchPage i={i} state={state} data={data} />);
  }],
  // the yearly aid declaration (features/apd): GET shows it, its form POSTs back (save, add a line, submit)
  ['/apd/:organisationId/:year{[0-9]{4}}', apdPage],
  ['POST /apd/:organisationId/:year{[0-9]{4}}', apdPage],
  // IATI import for platform administrators (features/admin): GET shows the upload form, its multipart POST imports
  ['/admin/import', importPage],
  ['POST /admin/import', importPage],
  // people (features/members): an organisation's members and invitations; platform administrators' accounts
  ['/espace/organisations/:id/membres', membersPage],
  ['POST /espace/organisations/:id/membres', membersPage],
  ['/admin/comptes', accountsPage],
  ['POST /admin/comptes', accountsPage],
  ['/open-data', openDataPage], // open data: what is published, downloads, licences (features/opendata)
  ['/open-data/api', apiReferencePage], // the API reference, from the OpenAPI document
  ['/statistics', async (c, i, db) => c.html(<StatsPage i={i} totals={await keyTotals(db)} stats={await Promise.all(charts.map(async (chart) => ({ chart, rows: await stat(db, chart, i) })))} />)],
  ['/statistics/:chart{[a-z-]+\\.csv}', async (c, i, db) => {
    const chart = chartOf((c.req.param('chart') as string).replace(/\.csv$/, ''));
    if (!chart) return c.html(<NotFoundPage i={i} />, 404);
    return csvResponse(c, `tandem-${chart}`, csvHeader, csvRows(await stat(db, chart, i)));
  }],
  ['/events/:id', eventPage], // events and the series' chronologies (features/events)
  ['/series/:id', seriesPage],
  ...programmePageRoutes, // sessions' pages, calendars, the organisers' programme editor
  ...registrationRoutes, // registration: the form, the private link, participants, organisers' pages (features/registration)
  ...surveyPageRoutes, // surveys: answering, the builder, results and the printable report (features/surveys)
  ...groupsPageRoutes, // networks, country and thematic groups, their meetings (features/groups)
  ...newsPageRoutes, // news and their feeds (features/news)
  ...fundingPageRoutes, // funding calls, calls for my organisation, saved searches (features/funding)
  ...whoPageRoutes, // who else works here, on this; theme pages (features/who)
  ...extractPageRoutes, // knowledge capture: paste or upload a text, review its facts, create records (features/extract)
  ['/espace', workspacePage], // the signed-in member's workspace (features/workspace)
  // edit forms (features/edit): GET shows the form, POST saves
  ['/edit/:kind{partnerships|projects|organisations|missions|territories|events|series}/:id', editPage],
  ['POST /edit/:kind{partnerships|projects|organisations|missions|territories|events|series}/:id', editPage],
  // contacts (members of the person's organisation) and documents of partnerships and projects (features/contacts)
  ['/edit/contacts/:kind{partnerships|projects}/:id', contactsPage],
  ['POST /edit/contacts/:kind{partnerships|projects}/:id', contactsPage],
  ['/edit/documents/:kind{partnerships|projects|events}/:id', documentsPage],
  ['POST /edit/documents/:kind{partnerships|projects|events}/:id', documentsPage],
  ['/new/:kind{partnerships|projects|organisations|missions|territories|events}', editPage],
  ['POST /new/:kind{partnerships|projects|organisations|missions|territories|events}', editPage],
  ['/:kind{partnerships|projects|organisations|missions|territories}/:id', async (c, i, db) => {
    const s = SHEETS[(c.req.param('kind') as string)];
    const record = await s.get(db, c.req.param('id') as string);
    const page = await s.page(i, record, db, <>{s.kind === 'organisation' && await organisationSurveys(c, i, db, record.id)}{s.kind === 'organisation' && await organisationGroups(i, db, record.id)}{await newsAbout(c, i, db, s.kind, record.id)}{await provenanceBlock(i, db, s.kind, record.id)}{s.kind === 'territory' && await whoElseBlock(c, i, db, { territory: record.id })}{await contactsBlock(c, i, db, c.req.param('kind') as string, record)}{await collaboration(c, i, db, s.kind, record)}</>);
    const edit = await editLinkFor(c, i, db, s.kind, record);
    return c.html(<EditLink.Provider value={edit}><SheetExtras.Provider value={sheetExtras(c, i, s.kind, record, edit)}>{page}</SheetExtras.Provider></EditLink.Provider>);
  }],
  ['/embed/map', async (c, i, db) => {
    const data = await atlasData(db);
    return c.html(<EmbedFrame i={i} title={i.t('home.map.title')} path="/map" scripts={['map']}><WorldMap i={i} data={data} /><MapAsList i={i} data={data} /></EmbedFrame>);
  }],
  ['/embed/statistics/:chart', async (c, i, db) => {
    const chart = chartOf(c.req.param('chart') as string);
    if (!chart) return c.html(<NotFoundPage i={i} />, 404);
    return c.html(<EmbedFrame i={i} title={i.t(chartTitle[chart])} path={`/statistics/${chart}`}><StatBlock i={i} chart={chart} rows={await stat(db, chart, i)} embed /></EmbedFrame>);
  }],
  ['/embed/:kind{partnerships|projects|organisations|missions|territories}/:id', async (c, i, db) => {
    const s = SHEETS[(c.req.param('kind') as string)];
    const r = await s.get(db, c.req.param('id') as string);
    return c.html(<EmbedFrame i={i} title={s.title(r, i)} titleLang={s.titleLang ? s.titleLang(r, i) : textLang(i)} path={`/${(c.req.param('kind') as string)}/${r.id}`}>{await s.body(i, r, db)}</EmbedFrame>);
  }],
  ['/embed-code/*', async (c, i, db) => {
    const path = new URL(c.req.url).pathname.replace(/^\/(en|vi)/, '').replace(/^\/embed-code/, '');
    const origin = new URL(c.req.url).origin;
    let title = i.t('home.map.title');
    const sheet = /^\/(partnerships|projects|organisations|missions|territories)\/([^/]+)$/.exec(path);
    const chart = /^\/statistics\/([a-z-]+)$/.exec(path);
    if (sheet) title = SHEETS[sheet[1]].title(await SHEETS[sheet[1]].get(db, decodeURIComponent(sheet[2])), i);
    else if (chart && chartOf(chart[1])) title = i.t(chartTitle[chartOf(chart[1]) as Chart]);
    else if (path !== '/map') return c.html(<NotFoundPage i={i} />, 404);
    return c.html(<EmbedCodePage i={i} origin={origin} path={path} title={title} />);
  }],
];
