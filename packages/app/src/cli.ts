/**
 * The `tandem` command of the whole site: the server's commands, `tandem serve` serving the pages as well as the API.
 * The pages (and what they load: esbuild, maps) are imported for `serve` only, so the other commands start sooner.
 */
import { main as serverMain } from '../../server/src/cli/main.js';

export async function main(argv: string[]): Promise<number> {
  const site = argv[0] === 'serve' ? (await import('../../web/src/site.js')).createSite : undefined;
  return serverMain(argv, { site });
}
