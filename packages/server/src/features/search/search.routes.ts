import { searchQuery } from '@tandem/shared';
import { z } from 'zod';
import { route } from '../../lib/api.js';
import { search } from './search.service.js';

export const searchRoutes = [
  route({
    method: 'get', path: '/api/search', tag: 'search',
    summary: 'Search every record kind, ignoring case and accents, through territory history; facets with counts',
    query: searchQuery.extend({ lang: z.enum(['fr', 'en', 'vi']).default('fr') }),
    returns: '{total, page, perPage, results:[{kind,id,title,subtitle,score,url}], facets:{kind,country,territory,theme,orgKind,funder,year,status}}',
    handler: ({ db, query }) => search(db, query, query.lang),
  }),
];
