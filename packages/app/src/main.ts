/** npm start: env → database → listen, serving the API (packages/server) and the public pages (packages/web). Settings: see README. */
import { startServer, settingsFromEnv } from '../../server/src/server.js';
import { createSite } from '../../web/src/site.js';

await startServer(settingsFromEnv(), createSite);
