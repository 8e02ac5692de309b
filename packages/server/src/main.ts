/** npm start: env → database → listen. Settings: see README. */
import { startServer } from './server.js';

await startServer();
