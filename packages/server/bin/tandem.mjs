#!/usr/bin/env node
// `npx tandem …`: runs the TypeScript CLI through tsx (no build step), from the composition root (packages/app):
// the server's commands, `serve` with the pages of packages/web.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../../app/src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
