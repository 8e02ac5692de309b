import { readFileSync } from 'node:fs';
import { readDocument } from '../packages/server/src/features/extract/readers.ts';
const f = process.argv[2];
const r = await readDocument(readFileSync(f), f.split('/').pop()!);
console.log(r.title, '\n---\n' + r.text);
