/** Partnership parties: the page's own organisation, acronyms with their place, cues that are not cooperation. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findOrganisations, findTerritories } from './entities.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { findPartnerships } from './partnerships.js';

let gaz: Gazetteer;
beforeAll(async () => { gaz = await loadGazetteer({ seed: false }); }, 60_000);

function run(text: string) {
  const territories = findTerritories(text, gaz);
  const organisations = findOrganisations(text, gaz, territories);
  return { organisations, territories, partnerships: findPartnerships(text, { organisations, territories, dates: [] }) };
}

describe('partnership parties', () => {
  it('an acronym followed by "de <place>" is the organisation of that place', () => {
    const { organisations } = run('Un accord lie le CHU de Nantes et l’hôpital de Dakar.');
    expect(organisations.map((o) => o.text)).toContain('CHU de Nantes');
  });
  it('three acronyms in one sentence are organisations, not a heading', () => {
    const { partnerships } = run('Une convention de partenariat a été signée entre AMSD, la FNCT et le CRDI pour la formation des élus.');
    expect(partnerships).toHaveLength(1);
    expect(partnerships[0].parties).toEqual(['AMSD', 'FNCT', 'CRDI']);
  });
  it('"nous … avec X": the page speaks for its own organisation', () => {
    const text = 'L’association Terre Solidaire agit au Bénin. Terre Solidaire forme des maraîchers.\nDepuis 2015, nous travaillons en partenariat avec l’ONG GRAPAD.';
    const { partnerships } = run(text);
    expect(partnerships.map((p) => p.parties)).toContainEqual(['Terre Solidaire', 'GRAPAD']);
  });
  it('a cooperative is no cooperation cue', () => {
    expect(run('Les femmes de la coopérative Atlas ont suivi une formation avec l’Institut Agro Dijon.').partnerships).toEqual([]);
  });
  it('the first authority named for a place stands for it, and a longer hyphenated name is not the place it contains', () => {
    const text = 'Le Département du Gard coopère avec la Province de Tiznit. Des jeunes sont accueillis à Saint-Jean-du-Gard. La Préfecture du Gard a aidé. La convention de coopération avec le Gard a été renouvelée avec la Province de Tiznit.';
    const { partnerships } = run(text);
    expect(partnerships.every((p) => !p.parties.some((x) => /Préfecture/.test(x)))).toBe(true);
    expect(partnerships[0].parties[0]).toMatch(/Gard/);
    const { territories } = run('Une mission dans des fermes de Baie-Saint-Paul, au Québec.');
    expect(territories.map((t) => t.name)).not.toContain('Saint-Paul');
  });
});
