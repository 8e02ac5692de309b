/** The `tandem` command of the whole site: the server's commands, `tandem serve` serving the pages as well as the API. */
import { main as serverMain } from '../../server/src/cli/main.js';
import { createSite } from '../../web/src/site.js';

export const main = (argv: string[]): Promise<number> => serverMain(argv, { site: createSite });
