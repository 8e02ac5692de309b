/** P/R/F1 of organisations, territories and partnerships on the annotated examples in /work/shared (skipped when absent). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fold } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { findOrganisations, findTerritories } from './entities.js';
import { loadGazetteer } from './gazetteer.js';
import { findPartnerships } from './partnerships.js';

const EXAMPLES = '/work/shared/design/extract-examples';
const SEEDS = '/work/shared/seeds';
const norm = (s: string) => fold(s).replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();

interface Expected {
  organisations: Array<{ forms: string[] }>;
  territories: Array<{ forms: string[]; country: string }>;
  partnerships: Array<{ parties: string[][] }>;
}
interface Score { tp: number; fp: number; fn: number }

/** One-to-one: each extracted item takes the first unmatched expected item it matches. */
function score<E, G>(got: G[], expected: E[], match: (g: G, e: E) => boolean): Score {
  const used = new Set<number>();
  let tp = 0;
  for (const g of got) {
    const i = expected.findIndex((e, k) => !used.has(k) && match(g, e));
    if (i >= 0) { used.add(i); tp++; }
  }
  return { tp, fp: got.length - tp, fn: expected.length - tp };
}

const inForms = (values: string[], forms: string[]) => values.some((v) => forms.some((f) => norm(f) === norm(v)));
const prf = (s: Score) => {
  const p = s.tp / Math.max(1, s.tp + s.fp);
  const r = s.tp / Math.max(1, s.tp + s.fn);
  return { p: +p.toFixed(3), r: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3) };
};

async function evaluate(seed: boolean) {
  const gaz = await loadGazetteer({ seed });
  const total = { organisations: { tp: 0, fp: 0, fn: 0 }, territories: { tp: 0, fp: 0, fn: 0 }, partnerships: { tp: 0, fp: 0, fn: 0 } };
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
    const exp = JSON.parse(readFileSync(`${EXAMPLES}/${file}`, 'utf8')) as Expected;
    const text = readFileSync(`${SEEDS}/${file.replace(/\.json$/, '.txt')}`, 'utf8');
    const territories = findTerritories(text, gaz);
    const organisations = findOrganisations(text, gaz, territories);
    const partnerships = findPartnerships(text, { organisations, territories, dates: [] });
    const add = (k: keyof typeof total, s: Score) => { total[k].tp += s.tp; total[k].fp += s.fp; total[k].fn += s.fn; };
    add('organisations', score(organisations, exp.organisations, (g, e) => inForms([g.text, g.name], e.forms)));
    add('territories', score(territories, exp.territories, (g, e) => inForms([g.text, g.name], e.forms) && g.country === e.country));
    add('partnerships', score(partnerships, exp.partnerships, (g, e) =>
      e.parties.filter((forms) => g.parties.some((p) => inForms([p], forms))).length >= 2));
  }
  return Object.fromEntries(Object.entries(total).map(([k, s]) => [k, { ...s, ...prf(s) }]));
}

describe.skipIf(!existsSync(EXAMPLES) || !existsSync(SEEDS))('the annotated examples', () => {
  it('scores the entities with the reference data only (no seed records)', async () => {
    const result = await evaluate(false);
    console.log('without seed records', JSON.stringify(result));
    expect(result.organisations.f1).toBeGreaterThan(0.7);
    expect(result.territories.f1).toBeGreaterThan(0.8);
  }, 60_000);

  it('scores the entities with the seed records', async () => {
    const result = await evaluate(true);
    console.log('with seed records', JSON.stringify(result));
    expect(result.organisations.f1).toBeGreaterThan(0.7);
    expect(result.partnerships.f1).toBeGreaterThan(0.4);
  }, 60_000);
});
