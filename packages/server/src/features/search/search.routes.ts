import { searchQuery } from '@tandem/shared';
import { z } from 'zod';
import { route } from '../../lib/api.js';
import { search } from './search.service.js';

export const searchRoutes = [
  route({
    method: 'get', path: '/api/search', tag: 'search',
    summary: 'Search every record kind, ignoring case and accents, through territory history; facets with counts. Above 2,000 matches, '
      + 'the total and the facet counts are estimated from a sample of the matches (approximate: true) and ranking runs over the best candidates; '
      + 'sort: relevance (default), date (latest year first) or amount (budget, largest first)',
    query: searchQuery.extend({ lang: z.enum(['fr', 'en', 'vi']).default('fr') }),
    returns: '{total, approximate, page, perPage, results:[{kind,id,title,subtitle,score,url,places:[{id,name}],period:{start,end}|null,amounts:[{amount,currency}],snippet:{field,text}|null}], facets:{kind,country,territory,theme,orgKind,funder,year,status}}',
    handler: ({ db, query }) => search(db, query, query.lang),
  }),
];
