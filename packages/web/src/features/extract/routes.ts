/** Page routes of knowledge capture (issue 16): filled by the review helper; paths are GET unless written 'POST /path'. */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const extractPageRoutes: Array<[string, Handler]> = [];
