/** Territories and organisations: gazetteer matches with the case and context rules, patterns, merges. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findOrganisations, findTerritories } from './entities.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';

let gaz: Gazetteer;
beforeAll(async () => { gaz = await loadGazetteer({ seed: false }); }, 60_000);

const spansHold = (text: string, facts: Array<{ text: string; start: number; end: number }>) =>
  facts.every((f) => text.slice(f.start, f.end) === f.text);

describe('findTerritories', () => {
  it('reads "Hai Duong" as the province Hải Dương of Vietnam, with the seed id', () => {
    const text = 'La Province de Hai Duong est située au nord du Vietnam.';
    const ts = findTerritories(text, gaz);
    const hd = ts.find((t) => t.text === 'Hai Duong');
    expect(hd).toMatchObject({ name: 'Hải Dương', country: 'VN', id: 'VN-P-30', kind: 'province' });
    expect(ts.find((t) => t.kind === 'country')).toMatchObject({ name: 'Vietnam', id: 'VN', country: 'VN' });
    expect(spansHold(text, ts)).toBe(true);
  });

  it('ignores accents and reads the diacritic forms and the exonyms', () => {
    const ts = findTerritories('Entre Huế, Hanoï et Thua Thien Hue, puis le Viêt Nam.', gaz);
    expect(ts.map((t) => t.name)).toEqual(expect.arrayContaining(['Huế', 'Hà Nội', 'Thừa Thiên Huế']));
    expect(ts.find((t) => t.text === 'Viêt Nam')?.country).toBe('VN');
  });

  it('keeps communes named like common words for a place context only', () => {
    expect(findTerritories('Les Tours de table ont été utiles. Orange a répondu.', gaz).map((t) => t.name)).toEqual([]);
    const ts = findTerritories('Une mission à Tours puis dans la ville de Orange et Nice (Alpes-Maritimes).', gaz);
    expect(ts.map((t) => t.id)).toEqual(['FR-C-37261', 'FR-C-84087', 'FR-C-06088', 'FR-D-06']);
  });

  it('reads an ambiguous name as the place everywhere once the page placed it', () => {
    const ts = findTerritories("Orange et Bohicon coopèrent. Le maire d'Orange a signé.", gaz);
    expect(ts.find((t) => t.id === 'FR-C-84087')?.text).toBe('Orange');
    expect(ts.find((t) => t.id === 'FR-C-84087')?.start).toBe(0);
  });

  it('needs the capital letter as written', () => {
    expect(findTerritories('une france rurale et le vietnam', gaz)).toEqual([]);
    expect(findTerritories('Montreuil et Pantin', gaz).map((t) => t.id)).toEqual(['FR-C-93048', 'FR-C-93055']);
  });

  it('reads a foreign place after a type word even when unknown, with its country from the sentence', () => {
    const ts = findTerritories('Pour découvrir la coopération avec la ville de Thiès au Sénégal.', gaz);
    expect(ts.find((t) => t.name === 'Thiès')).toMatchObject({ country: 'SN', text: 'Thiès' });
    const vn = findTerritories('Au Vietnam, le village de Dong Can produit des nouilles.', gaz);
    expect(vn.find((t) => t.name === 'Dong Can')?.country).toBe('VN');
  });

  it('reads unknown places by the country written after them or after a twinning, and French names used abroad', () => {
    const text = 'Villeurbanne est jumelée avec Bat Yam (Israël) et Abu Dis, en Palestine. Jumelage avec Tübingen, en Allemagne. Saint-Louis (Sénégal) aussi.';
    const ts = findTerritories(text, gaz);
    const by = (name: string) => ts.find((t) => t.name === name);
    expect(by('Bat Yam')?.country).toBe('IL');
    expect(by('Abu Dis')?.country).toBe('PS');
    expect(by('Tübingen')?.country).toBe('DE');
    expect(by('Saint-Louis')).toMatchObject({ country: 'SN' });
    expect(by('Saint-Louis')?.id).toBeUndefined();
    expect(spansHold(text, ts)).toBe(true);
  });

  it('does not read a sea or a street as the place', () => {
    expect(findTerritories('à quelques kilomètres de la mer de Chine', gaz).map((t) => t.name)).toEqual([]);
  });
});

describe('findOrganisations', () => {
  it('merges an acronym with the full name written before it', () => {
    const text = 'Le Syndicat interdépartemental pour l’assainissement de l’agglomération parisienne (SIAAP) forme des agents. Le SIAAP aussi.';
    const os = findOrganisations(text, gaz);
    expect(os).toHaveLength(1);
    expect(os[0]).toMatchObject({ acronym: 'SIAAP' });
    expect(os[0].mentions).toHaveLength(3);
  });

  it('merges the forms of one authority: Conseil départemental, Département, CD93', () => {
    const text = 'Le Conseil départemental de la Seine-Saint-Denis finance. Le Département de la Seine-Saint-Denis forme. 80 000 CD93.';
    const os = findOrganisations(text, gaz);
    expect(os).toHaveLength(1);
    expect(os[0]).toMatchObject({ territoryId: 'FR-D-93', kind: 'collectivite' });
  });

  it('reads type words followed by a name and names after "association"', () => {
    const text = "Avec l'association Batik International, l'Union des femmes et Syndicat des travailleurs de Hai Duong, la Fondation Abbé Pierre et le Collège du Moulin à Vent.";
    const names = findOrganisations(text, gaz).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Batik International', 'Union des femmes', 'Syndicat des travailleurs de Hai Duong',
      'Fondation Abbé Pierre', 'Collège du Moulin à Vent']));
    expect(names).not.toContain('Union des femmes et Syndicat des travailleurs de Hai Duong');
  });

  it('merges an unknown acronym with the name whose initials it spells', () => {
    const text = "Avec la Chambre de Métiers et de l'Artisanat du Val d'Oise. La CMA 95 accueille.";
    const os = findOrganisations(text, gaz);
    expect(os).toHaveLength(1);
    expect(os[0].acronym).toBe('CMA 95');
  });

  it('takes an unknown acronym\'s name from the words before it that spell it', () => {
    const text = "L'association Yvelines Coopération internationale et développement (YCID) assure le suivi. YCID forme.";
    const os = findOrganisations(text, gaz);
    expect(os).toHaveLength(1);
    expect(os[0]).toMatchObject({ name: 'Yvelines Coopération internationale et développement', acronym: 'YCID' });
  });

  it('reads schools and hospitals written in lower case with their place, and an authority that acts', () => {
    const text = "Le lycée provincial de Kaya, le centre hospitalier d'Orange et 70 millions mobilisés par la commune de Bohicon.";
    const names = findOrganisations(text, gaz).map((o) => o.text);
    expect(names).toEqual(["lycée provincial de Kaya", "centre hospitalier d'Orange", 'commune de Bohicon']);
  });

  it('does not read working bodies, plural abbreviations nor calls for projects as organisations', () => {
    const text = "Le Comité de pilotage s'est réuni. Les CT et les OSC sont invitées. L'appel à projets FICOL est ouvert.";
    expect(findOrganisations(text, gaz)).toEqual([]);
  });

  it('reads the items of a partner list and capital acronyms, not stop words nor project names', () => {
    const text = 'AVEC : Action Vietnam Eau, le projet PRISE et le PIB.\nPartenaires financiers : AFD, Oxfam, Fondation Weave Our Future, FIND';
    const os = findOrganisations(text, gaz);
    expect(os.map((o) => o.text)).toEqual(['AFD', 'Oxfam', 'Fondation Weave Our Future', 'FIND']);
    expect(os[0]).toMatchObject({ name: 'Agence française de développement' });
  });

  it('reads a capitalised Ville de / Province de as the authority and a lowercase one in a cooperation sentence only', () => {
    expect(findOrganisations('La ville de Hanoï est saturée.', gaz)).toEqual([]);
    const os = findOrganisations('La coopération avec la ville de Thiès et la Province de Hai Duong.', gaz);
    expect(os.map((o) => o.name)).toEqual(['Ville de Thiès', 'Province de Hải Dương']);
    expect(os[1].territoryId).toBe('VN-P-30');
  });
});
