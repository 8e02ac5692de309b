import { themeTree } from '@tandem/shared';
import { route } from '../../lib/api.js';

export const themeRoutes = [
  route({ method: 'get', path: '/api/themes', tag: 'themes', summary: 'The thematic tree (theme › sub-theme › sub-sub-theme) with DAC sectors and SDGs',
    handler: async () => ({ items: themeTree }) }),
];
