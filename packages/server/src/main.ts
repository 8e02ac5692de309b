/** npm start: env → database → listen, serving the API and the public pages. Settings: see README. */
import { createSite } from '../../web/src/site.js';
import { startServer, settingsFromEnv } from './server.js';

await startServer(settingsFromEnv(), createSite);
