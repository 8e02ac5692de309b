import { route } from '../../lib/api.js';

export const healthRoutes = [
  route({ method: 'get', path: '/api/health', tag: 'health', summary: 'Liveness and the database engine in use', returns: '{status:"ok", database:"pglite"|"postgresql"}', primary: true,
    handler: async ({ db }) => { await db.query('select 1'); return { status: 'ok', database: db.engine }; } }),
];
